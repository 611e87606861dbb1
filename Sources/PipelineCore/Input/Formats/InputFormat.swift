import Foundation

/// One kind of input file, as Okapi has filters: which extensions it claims, how a file's bytes
/// become documents, and how a translated document is written back in the same format.
///
/// A new format is one type conforming to this protocol plus one line in `InputFormats.builtIn`.
public protocol InputFormat: Sendable {
    /// What users call the format, for messages: "plain text", "Markdown".
    var name: String { get }
    /// Lower-case file extensions, without the dot, that this format reads.
    var extensions: [String] { get }

    /// Reads the documents of one file, one at a time (a JSON-lines file holds many).
    func reader(for file: URL) throws(InputError) -> any DocumentReader

    /// The document's file with every replaced span swapped for its translation; everything else,
    /// markup and whitespace included, stays as it was read.
    func write(_ translated: TranslatedDocument) throws -> Data
}

/// Hands out the documents of one input, in order.
public protocol DocumentReader {
    mutating func next(namer: inout DocumentNamer) -> DocumentLoad?
}

/// A document and the translations of some of its spans: what an input format writes back.
public struct TranslatedDocument: Sendable {
    public let document: Document
    /// Non-overlapping spans of `document.text` and the text that replaces each.
    public let replacements: [Replacement]

    public struct Replacement: Sendable, Hashable {
        public let span: TextSpan
        public let text: String

        public init(span: TextSpan, text: String) {
            self.span = span
            self.text = text
        }
    }

    public init(document: Document, replacements: [Replacement]) {
        self.document = document
        self.replacements = replacements.sorted { $0.span < $1.span }
    }

    /// The document's text with the replacements applied; overlapping replacements after the
    /// first are left out, so the text between spans is never duplicated.
    public var text: String {
        let utf8 = document.text.utf8
        var result = ""
        result.reserveCapacity(utf8.count)
        var position = 0
        for replacement in replacements where replacement.span.start >= position && replacement.span.end <= utf8.count {
            result += Self.slice(utf8, position, replacement.span.start)
            result += replacement.text
            position = replacement.span.end
        }
        result += Self.slice(utf8, position, utf8.count)
        return result
    }

    private static func slice(_ utf8: String.UTF8View, _ start: Int, _ end: Int) -> Substring {
        Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }
}
