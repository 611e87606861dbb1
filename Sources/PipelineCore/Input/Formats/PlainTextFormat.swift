import Foundation

/// A `.txt` file is one document; its title is its headline (`TextTitle.headline(of:)`): the first
/// non-blank line, or the line after an image caption or kicker above it.
public struct PlainTextFormat: InputFormat {
    public let name = "plain text"
    public let extensions = ["txt"]

    public init() {}

    public func reader(for file: URL) throws(InputError) -> any DocumentReader {
        WholeFileReader(file: file, title: { TextTitle.headline(of: $0) })
    }

    public func write(_ translated: TranslatedDocument) throws -> Data { Data(translated.text.utf8) }
}

/// Reads a whole file as one document, with the title its format finds.
struct WholeFileReader: DocumentReader {
    let file: URL
    let title: @Sendable (String) -> String
    private var done = false

    init(file: URL, title: @escaping @Sendable (String) -> String) {
        self.file = file
        self.title = title
    }

    mutating func next(namer: inout DocumentNamer) -> DocumentLoad? {
        guard !done else { return nil }
        done = true
        // Named first, so a file that cannot be read keeps its name and its earlier outputs are found.
        let id = namer.name(stem: file.deletingPathExtension().lastPathComponent)
        let text: String
        do { text = try TextFile.read(file) } catch { return .failure(source: file.path, error: error, id: id) }
        guard !TextTitle.isBlank(text) else { return .failure(source: file.path, error: .empty(path: file.path), id: id) }
        return .document(Document(
            id: id, title: title(text), text: text, source: file.path,
            metadata: [MetadataEntry("file", file.lastPathComponent)]))
    }
}

/// How text formats find a title, and what counts as no text at all. `package`: `pipeline summarize`
/// reads a text as the `.txt` and `.jsonl` readers do, so that it picks the sentences `run` picks.
package enum TextTitle {
    /// Nothing but whitespace: a document with nothing to segment, translate or summarise.
    package static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    package static func firstLine(of text: String) -> String {
        lines(of: text).first { !$0.isEmpty } ?? ""
    }

    /// The headline of a text file. News copied from a web page often opens with an image caption
    /// or a kicker above the headline: a long, descriptive sentence ending in a period, followed by
    /// a shorter line that reads like a headline. Then the headline is that second line; otherwise
    /// it is the first non-blank line.
    package static func headline(of text: String) -> String {
        let opening = lines(of: text).lazy.filter { !$0.isEmpty }.prefix(2)
        guard let first = opening.first else { return "" }
        if let second = opening.dropFirst().first, isCaption(first, above: second) { return second }
        return first
    }

    /// Words that make a line long and descriptive, not a headline.
    static let captionWords = 8
    /// Words a headline has at most.
    static let headlineWords = 20

    /// Whether `line` is a caption or kicker above `next`: at least `captionWords` words and a final
    /// period (a photo credit in brackets after it may follow), while `next` is shorter, at most
    /// `headlineWords` words, and ends like a headline, not like a sentence or a clause.
    static func isCaption(_ line: String, above next: String) -> Bool {
        var body = Substring(line)
        if body.hasSuffix(")"), let open = body.lastIndex(of: "("), body[..<open].trimmingCharacters(in: .whitespaces).hasSuffix(".") {
            body = body[..<open]
        }
        let trimmed = body.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'»«“”‘’)]"))
        guard trimmed.hasSuffix("."), !trimmed.hasSuffix("...") else { return false }
        let lineWords = wordCount(line)
        let nextWords = wordCount(next)
        guard lineWords >= captionWords, nextWords >= 2, nextWords <= headlineWords, nextWords < lineWords else { return false }
        guard let last = next.trimmingCharacters(in: CharacterSet(charactersIn: "\"'»«“”‘’")).last else { return false }
        return !".,;:".contains(last)
    }

    private static func wordCount(_ line: String) -> Int {
        line.split(whereSeparator: \.isWhitespace).count
    }

    package static func lines(of text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// Reads a text file for a document or a unit command: a regular file (a pipe or device would
/// block or never end), UTF-8, with errors that name the file and the first bad byte.
package enum TextFile {
    package static func read(_ file: URL) throws(InputError) -> String {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: file.path) } catch {
            throw .missing(path: file.path)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw .unreadable(path: file.path, reason: "not a regular file (a folder, pipe, device or socket)")
        }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw .unreadable(path: file.path, reason: error.localizedDescription)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .notUTF8(path: file.path, byteOffset: UTF8Validation.firstInvalidByte(in: data))
        }
        return text
    }
}

enum UTF8Validation {
    /// The offset of the first byte that breaks UTF-8, for error messages.
    static func firstInvalidByte(in data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
