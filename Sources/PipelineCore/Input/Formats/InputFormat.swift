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
    /// Non-overlapping spans of `document.text` and the text that replaces each, in order.
    public let replacements: [Replacement]
    /// What language attributes of the file become once anything is translated; nil keeps them.
    public let targetLanguage: LanguageTag?

    public struct Replacement: Sendable, Hashable {
        public let span: TextSpan
        public let text: String
        /// Where the codes this span owns (`Document.codes(ownedBy:)`) stand in `text`, every one
        /// placed: those the translation did not place are put in proportion (`completePlacements`).
        public let codes: [CodePlacement]

        public init(span: TextSpan, text: String, codes: [CodePlacement] = []) {
            self.span = span
            self.text = text
            self.codes = codes
        }
    }

    /// Replacements that overlap an earlier one are left out, so no text is written twice.
    public init(document: Document, replacements: [Replacement], targetLanguage: LanguageTag? = nil) {
        self.document = document
        self.targetLanguage = targetLanguage
        var kept: [Replacement] = []
        var position = 0
        for replacement in replacements.sorted(by: { $0.span < $1.span })
        where replacement.span.start >= position && replacement.span.end <= document.text.utf8.count {
            position = replacement.span.end
            let owned = document.codes(ownedBy: replacement.span)
            let placements = document.completePlacements(
                replacement.codes, owned: owned, source: replacement.span, translation: replacement.text)
            kept.append(Replacement(span: replacement.span, text: replacement.text, codes: placements))
        }
        self.replacements = kept
    }

    /// The document's plain text with the replacements applied (codes left out).
    public var text: String {
        let utf8 = document.text.utf8
        var result = ""
        result.reserveCapacity(utf8.count)
        var position = 0
        for replacement in replacements {
            result += Self.slice(document.text, position, replacement.span.start)
            result += replacement.text
            position = replacement.span.end
        }
        result += Self.slice(document.text, position, utf8.count)
        return result
    }

    /// One block of the plain text after the replacements inside it, with its codes in place: the
    /// source's codes where the text is untranslated, the placements where it is translated.
    public func runs(in block: TextSpan) -> [TranslatedRun] {
        let codes = document.codes
        var runs: [TranslatedRun] = []
        func text(_ value: Substring) { if !value.isEmpty { runs.append(.text(String(value))) } }
        let inside = replacements.filter { block.contains($0.span) }
        var owned: Set<Int> = []
        for replacement in inside { owned.formUnion(replacement.codes.map(\.code)) }
        var cursor = block.start
        var next = codes.partitioningIndex { $0.offset >= block.start }
        func source(upTo end: Int) {
            while next < codes.count, codes[next].offset <= end {
                if !owned.contains(next), codes[next].offset >= cursor {
                    text(Self.slice(document.text, cursor, codes[next].offset))
                    cursor = codes[next].offset
                    runs.append(.code(codes[next]))
                }
                next += 1
            }
            text(Self.slice(document.text, cursor, end))
            cursor = end
        }
        for replacement in inside {
            source(upTo: replacement.span.start)
            var position = 0
            for placement in replacement.codes {
                text(Self.slice(replacement.text, position, placement.offset))
                position = placement.offset
                runs.append(.code(codes[placement.code]))
            }
            text(Self.slice(replacement.text, position, replacement.text.utf8.count))
            cursor = replacement.span.end
            while next < codes.count, codes[next].offset < replacement.span.end { next += 1 }
        }
        source(upTo: block.end)
        return runs
    }

    /// The file written back through its skeleton: blocks without a translation as the file had
    /// them, translated blocks as their runs, text through `escape` and codes as their original
    /// markup. Nil for a document without a skeleton, whose text is the whole file (`text`).
    public func rendered(escape: (String) -> String) -> String? {
        guard let skeleton = document.skeleton else { return nil }
        var output = ""
        for part in skeleton.parts {
            switch part {
            case .markup(let markup):
                output += markup
            case .language(let original):
                output += replacements.isEmpty ? original : (targetLanguage?.tag ?? original)
            case .text(let block, let original):
                guard replacements.contains(where: { $0.span.overlaps(block) }) else {
                    output += original
                    continue
                }
                for run in runs(in: block) {
                    switch run {
                    case .text(let text): output += escape(text)
                    case .code(let code): output += code.original
                    }
                }
            }
        }
        return output
    }

    /// A slice by UTF-8 offsets, clamped to the text.
    private static func slice(_ text: String, _ start: Int, _ end: Int) -> Substring {
        let utf8 = text.utf8
        let lower = min(max(0, start), utf8.count)
        let upper = min(max(lower, end), utf8.count)
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)])
    }
}
