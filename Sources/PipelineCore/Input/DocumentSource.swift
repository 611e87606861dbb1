import Foundation

/// One step of reading: a document, or the reason a source could not become one.
public enum DocumentLoad: Sendable {
    case document(Document)
    /// `id` is the name the document would have had, where the input got far enough to know it.
    case failure(source: String, error: InputError, id: String? = nil)
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

    /// A placeholder's value as one file name: no separators, no control characters, and never
    /// `.` or `..`, so no value can move a name out of the output folder.
    static func safe(_ value: String) -> String {
        let cleaned = String(value.map { $0 == "/" || $0 == "\\" || $0.isNewline || $0 == "\0" ? "_" : $0 })
        if cleaned.isEmpty { return "document" }
        return cleaned.allSatisfy({ $0 == "." }) ? cleaned.replacingOccurrences(of: ".", with: "_") : cleaned
    }

    /// The document id for a stem, made safe as a file name, with `-2`, `-3`… on collisions.
    public mutating func name(stem: String) -> String {
        let base = template
            .replacingOccurrences(of: "{stem}", with: Self.safe(stem))
            .replacingOccurrences(of: "{name}", with: Self.safe(pipelineName))
            .replacingOccurrences(of: "{source}", with: Self.safe(languages.source.tag))
            .replacingOccurrences(of: "{target}", with: Self.safe(languages.target.tag))
        var candidate = base
        var counter = 1
        while !used.insert(candidate).inserted {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        return candidate
    }
}

/// Reads documents from input files, each through the input format its extension names.
public struct FileDocumentSource: DocumentSource {
    private let files: [URL]
    private let base: URL?
    private var fileIndex = 0
    private var current: (any DocumentReader)?
    private var namer: DocumentNamer

    /// - Parameter base: outputs name each document's file relative to this folder (the pipeline
    ///   file's), so no absolute local path reaches a translator or a reader; nil keeps paths as read.
    public init(files: [URL], namer: DocumentNamer, relativeTo base: URL? = nil) {
        self.files = files
        self.base = base
        self.namer = namer
    }

    public mutating func next() -> DocumentLoad? {
        while true {
            if var reader = current {
                let load = reader.next(namer: &namer)
                current = reader
                if case .document(let document) = load, let base {
                    return .document(document.naming(source: PathResolution.relative(document.source, to: base)))
                }
                if let load { return load }
                current = nil
            }
            guard fileIndex < files.count else { return nil }
            let file = files[fileIndex]
            fileIndex += 1
            do {
                current = try InputFormats.format(for: file).reader(for: file)
            } catch {
                return .failure(source: file.path, error: error)
            }
        }
    }
}

/// Reads `{"id", "title", "text", …}` objects, one per line; other string fields become metadata.
public struct JSONLinesDocumentReader: DocumentReader {
    private let lines: LineReader
    private let source: String

    /// The line each id was first seen on.
    private var firstLines: [String: Int] = [:]

    public init(lines: LineReader, source: String) {
        self.lines = lines
        self.source = source
    }

    public mutating func next(namer: inout DocumentNamer) -> DocumentLoad? {
        while let bytes = lines.next() {
            let line = lines.lineNumber
            let place = "\(source):\(line)"
            let object: JSONLineObject
            let text: String
            do throws(JSONLineError) {
                guard let parsed = try JSONLineParser.parse(bytes, firstLine: line == 1) else { continue }
                object = parsed
                text = try object.requiredString("text")
            } catch {
                return .failure(source: place, error: .badJSONLine(path: source, line: line, reason: error.description))
            }
            guard !TextTitle.isBlank(text) else {
                return .failure(source: place, error: .badJSONLine(path: source, line: line, reason: "the document has no text, only whitespace"))
            }
            let id = object.member("id").flatMap { member in
                switch member.kind {
                case .string: object.decodedString(member)
                case .number: String(decoding: object.bytes[member.value], as: UTF8.self)
                default: nil
                }
            } ?? "line-\(line)"
            // A repeated id would be renamed `-2` in one run and not in another, depending on how the
            // stream was split (GNU parallel, Spark): refused instead, naming the first line.
            if let first = firstLines[id] {
                return .failure(source: place, error: .badJSONLine(
                    path: source, line: line, reason: "id '\(id)' is already used on line \(first); ids must be unique"))
            }
            firstLines[id] = line
            let title = object.member("title").flatMap { $0.kind == .string ? object.decodedString($0) : nil }
                .flatMap { $0.isEmpty ? nil : $0 } ?? TextTitle.firstLine(of: text)
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
