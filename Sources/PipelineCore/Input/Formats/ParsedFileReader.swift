import Foundation

/// Reads a whole file as one document through a parser that keeps its markup as inline codes and
/// a skeleton (HTML, Markdown).
struct ParsedFileReader: DocumentReader {
    let file: URL
    /// Bytes, the document's id and its path → the document, or what is wrong with the file.
    let parse: @Sendable (Data, String) throws(InputError) -> Document
    /// Larger files are refused before they are read.
    let maximumBytes: Int
    private var done = false

    init(file: URL, maximumBytes: Int, parse: @escaping @Sendable (Data, String) throws(InputError) -> Document) {
        self.file = file
        self.maximumBytes = maximumBytes
        self.parse = parse
    }

    mutating func next(namer: inout DocumentNamer) -> DocumentLoad? {
        guard !done else { return nil }
        done = true
        let id = namer.name(stem: file.deletingPathExtension().lastPathComponent)
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maximumBytes else {
                return .failure(source: file.path, error: .malformed(
                    path: file.path, reason: "\(size) bytes is more than the limit of \(maximumBytes) bytes"), id: id)
            }
            data = try Data(contentsOf: file)
        } catch {
            return .failure(source: file.path, error: .unreadable(path: file.path, reason: error.localizedDescription), id: id)
        }
        do { return .document(try parse(data, id)) } catch { return .failure(source: file.path, error: error, id: id) }
    }
}

/// Builds a document's plain text, codes and skeleton as a reader walks a file: markup collects
/// until a block of text closes it, and blocks are separated by a blank line in the plain text.
struct SkeletonBuilder {
    private(set) var text = ""
    private(set) var codes: [InlineCode] = []
    private(set) var parts: [Skeleton.Part] = []
    private var markup = ""
    private var nextID = 1

    /// A fresh id for a code or a pair.
    mutating func newID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    mutating func addMarkup(_ value: String) { markup += value }

    mutating func addLanguage(_ original: String) {
        flushMarkup()
        parts.append(.language(original: original))
    }

    /// Adds a block: its plain text, its codes (offsets into `block`), and the file's form of it.
    /// A block without text is markup. Returns the block's span in the document's text.
    /// A `detached` block goes into the text only; a part that refers to it is set with `setPart`.
    @discardableResult
    mutating func addBlock(_ block: String, codes blockCodes: [InlineCode], original: String, detached: Bool = false) -> TextSpan? {
        guard !TextTitle.isBlank(block) else {
            if !detached { markup += original }
            return nil
        }
        if !text.isEmpty { text += "\n\n" }
        let start = text.utf8.count
        text += block
        let span = TextSpan(start: start, end: text.utf8.count)
        codes += blockCodes.map { $0.moved(to: $0.offset + start) }
        if !detached {
            flushMarkup()
            parts.append(.text(span, original: original))
        }
        return span
    }

    /// A place in the skeleton whose part is only known later (the `<title>`, once the headings are read).
    mutating func reservePart() -> Int {
        flushMarkup()
        parts.append(.markup(""))
        return parts.count - 1
    }

    mutating func setPart(_ index: Int, to part: Skeleton.Part) {
        parts[index] = part
    }

    private mutating func flushMarkup() {
        if !markup.isEmpty { parts.append(.markup(markup)) }
        markup = ""
    }

    /// The skeleton, with the markup still pending at its end.
    mutating func skeleton() -> Skeleton {
        flushMarkup()
        return Skeleton(parts: parts)
    }
}

/// Plain text of inline content, as a reader collects it: whitespace runs become one space, as
/// browsers and Markdown show them, and codes are anchored where they stand.
struct InlineTextBuilder {
    private(set) var text = ""
    private(set) var codes: [InlineCode] = []
    let collapsesWhitespace: Bool

    init(collapsesWhitespace: Bool) {
        self.collapsesWhitespace = collapsesWhitespace
    }

    mutating func append(_ value: String) {
        guard collapsesWhitespace else { return text += value }
        for scalar in value.unicodeScalars {
            if scalar.properties.isWhitespace && scalar != "\u{A0}" {
                // One space per run, but a code between two spaces keeps both (`Schritt. <img> Kritiker`).
                let codeAtEnd = codes.last?.offset == text.utf8.count
                if let last = text.unicodeScalars.last, last == " " || last == "\n", !codeAtEnd { continue }
                text += " "
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
    }

    /// A line break: a code and a newline, so segmentation sees the line end.
    mutating func lineBreak(_ code: (Int) -> InlineCode) {
        if text.hasSuffix(" ") { text.removeLast() }
        codes.append(code(text.utf8.count))
        text += "\n"
    }

    mutating func add(_ code: (Int) -> InlineCode) {
        codes.append(code(text.utf8.count))
    }

    /// The text without whitespace at its edges, codes moved with it.
    func trimmed() -> (text: String, codes: [InlineCode]) {
        let leading = text.utf8.count - text.drop { $0.isWhitespace }.utf8.count
        let core = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let length = core.utf8.count
        return (core, codes.map { $0.moved(to: min(max(0, $0.offset - leading), length)) })
    }
}
