import Foundation

/// One step of reading: a document, or the reason a source could not become one.
public enum DocumentLoad: Sendable {
    case document(Document)
    case failure(source: String, error: InputError)
}

/// Produces documents one at a time, in a fixed order, so batches stream instead of sitting in memory.
public protocol DocumentSource {
    mutating func next() -> DocumentLoad?
}

/// Selects a deterministic 1/N of the documents, for Kubernetes Indexed Jobs and Slurm arrays:
/// document number `k` (0-based, in input order) belongs to shard `k % count + 1`.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    public func includes(ordinal: Int) -> Bool { ordinal % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}

/// Passes on only the documents of one shard.
public struct ShardedSource<Base: DocumentSource>: DocumentSource {
    private var base: Base
    private let shard: Shard
    private var ordinal = 0

    public init(_ base: Base, shard: Shard) {
        self.base = base
        self.shard = shard
    }

    public mutating func next() -> DocumentLoad? {
        while let load = base.next() {
            defer { ordinal += 1 }
            if shard.includes(ordinal: ordinal) { return load }
        }
        return nil
    }
}

/// Reads documents as JSON lines from one stream, such as stdin in stream mode.
public struct JSONLinesDocumentSource: DocumentSource {
    private var reader: JSONLinesDocumentReader
    private var namer: DocumentNamer

    public init(lines: LineReader, source: String, namer: DocumentNamer) {
        reader = JSONLinesDocumentReader(lines: lines, source: source)
        self.namer = namer
    }

    public mutating func next() -> DocumentLoad? { reader.next(namer: &namer) }
}

/// Names documents from the output name template and keeps the names unique within a run.
public struct DocumentNamer {
    private let template: String
    private let pipelineName: String
    private let languages: LanguagePair
    private var used: Set<String> = []

    public init(template: String, pipelineName: String, languages: LanguagePair) {
        self.template = template
        self.pipelineName = pipelineName
        self.languages = languages
    }

    /// The document id for a stem, made safe as a file name, with `-2`, `-3`… on collisions.
    public mutating func name(stem: String) -> String {
        let safeStem = String(stem.map { $0 == "/" || $0 == "\\" || $0.isNewline || $0 == "\0" ? "_" : $0 })
        let base = template
            .replacingOccurrences(of: "{stem}", with: safeStem.isEmpty ? "document" : safeStem)
            .replacingOccurrences(of: "{name}", with: pipelineName)
            .replacingOccurrences(of: "{source}", with: languages.source.tag)
            .replacingOccurrences(of: "{target}", with: languages.target.tag)
        var candidate = base
        var counter = 1
        while !used.insert(candidate).inserted {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        return candidate
    }
}

/// Reads documents from input files: a `.txt` or `.md` file is one document, a `.jsonl` file one per line.
public struct FileDocumentSource: DocumentSource {
    private let files: [URL]
    private var fileIndex = 0
    private var jsonLines: JSONLinesDocumentReader?
    private var namer: DocumentNamer

    public init(files: [URL], namer: DocumentNamer) {
        self.files = files
        self.namer = namer
    }

    public mutating func next() -> DocumentLoad? {
        while true {
            if var reader = jsonLines {
                if let load = reader.next(namer: &namer) {
                    jsonLines = reader
                    return load
                }
                jsonLines = nil
            }
            guard fileIndex < files.count else { return nil }
            let file = files[fileIndex]
            fileIndex += 1
            if file.pathExtension.lowercased() == "jsonl" {
                do { jsonLines = try JSONLinesDocumentReader(lines: LineReader(path: file.path), source: file.path) } catch {
                    return .failure(source: file.path, error: error as? InputError ?? .unreadable(path: file.path, reason: "\(error)"))
                }
                continue
            }
            return TextDocumentReader.read(file, namer: &namer)
        }
    }
}

/// Reads a whole `.txt` or `.md` file as one document; the title is the first heading or first line.
enum TextDocumentReader {
    static func read(_ file: URL, namer: inout DocumentNamer) -> DocumentLoad {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            return .failure(source: file.path, error: .unreadable(path: file.path, reason: error.localizedDescription))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(source: file.path, error: .notUTF8(path: file.path, byteOffset: UTF8Validation.firstInvalidByte(in: data)))
        }
        guard !TextDocumentReader.isBlank(text) else { return .failure(source: file.path, error: .empty(path: file.path)) }
        let stem = file.deletingPathExtension().lastPathComponent
        let document = Document(
            id: namer.name(stem: stem), title: title(of: text, markdown: file.pathExtension.lowercased() == "md"),
            text: text, source: file.path, metadata: [MetadataEntry("file", file.lastPathComponent)])
        return .document(document)
    }

    /// Nothing but whitespace: a document with nothing to segment, translate or summarise.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    static func title(of text: String, markdown: Bool) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        if markdown, let heading = lines.first(where: { $0.hasPrefix("#") }) {
            return heading.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        }
        return lines.first { !$0.isEmpty } ?? ""
    }
}

/// Reads `{"id", "title", "text", …}` objects, one per line; other string fields become metadata.
public struct JSONLinesDocumentReader {
    private let lines: LineReader
    private let source: String

    public init(lines: LineReader, source: String) {
        self.lines = lines
        self.source = source
    }

    public mutating func next(namer: inout DocumentNamer) -> DocumentLoad? {
        while let bytes = lines.next() {
            let line = lines.lineNumber
            let where_ = "\(source):\(line)"
            let object: JSONLineObject
            let text: String
            do throws(JSONLineError) {
                guard let parsed = try JSONLineParser.parse(bytes, firstLine: line == 1) else { continue }
                object = parsed
                text = try object.requiredString("text")
            } catch {
                return .failure(source: where_, error: .badJSONLine(path: source, line: line, reason: error.description))
            }
            guard !TextDocumentReader.isBlank(text) else {
                return .failure(source: where_, error: .badJSONLine(path: source, line: line, reason: "the document has no text, only whitespace"))
            }
            let id = object.member("id").flatMap { member in
                switch member.kind {
                case .string: object.decodedString(member)
                case .number: String(decoding: object.bytes[member.value], as: UTF8.self)
                default: nil
                }
            } ?? "line-\(line)"
            let title = object.member("title").flatMap { $0.kind == .string ? object.decodedString($0) : nil }
                .flatMap { $0.isEmpty ? nil : $0 } ?? TextDocumentReader.title(of: text, markdown: false)
            let metadata = object.members.filter { !["id", "title", "text"].contains($0.key) && $0.kind == .string }
                .sorted { $0.key < $1.key }
                .map { MetadataEntry($0.key, object.decodedString($0)) }
            // Named by id, not line: a stream cut into parts (GNU parallel, Spark) must describe each
            // document as the whole stream would.
            return .document(Document(
                id: namer.name(stem: id), title: title, text: text, source: "\(source)#\(id)", metadata: metadata))
        }
        return nil
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
