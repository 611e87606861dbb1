import Foundation

/// A `.jsonl` file holds one document per line: `{"id", "title", "text", …}`.
public struct JSONLinesFormat: InputFormat {
    public let name = "JSON lines"
    public let extensions = ["jsonl"]

    public init() {}

    public func reader(for file: URL) throws(InputError) -> any DocumentReader {
        JSONLinesDocumentReader(lines: try LineReader(path: file.path), source: file.path)
    }

    /// One line: the document's id, title and metadata fields, and its translated text.
    public func write(_ translated: TranslatedDocument) throws -> Data {
        let document = translated.document
        var object: [String: String] = [:]
        for entry in document.metadata { object[entry.key] = entry.value }
        object["id"] = document.id
        object["title"] = document.title
        object["text"] = translated.text
        var line = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        line.append(UInt8(ascii: "\n"))
        return line
    }
}
