import Foundation

/// The JSONL convention of the unit commands: one object per input line in, the same object with
/// fields added out, in input order. Input fields pass through byte for byte, in their order, because
/// the added fields are spliced in before the closing brace instead of re-serialising the object.
enum JSONLines {
    /// Reads stdin line by line, hands each object to `transform`, and writes the result line.
    /// `transform` returns the fields to add, as an `Encodable` whose keys become the new fields.
    static func process<Added: Encodable>(
        _ transform: (_ object: [String: Any], _ lineNumber: Int) throws -> Added
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        var lineNumber = 0
        var output = FileHandleOutput()
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let data = Data(trimmed.utf8)
            guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw JSONLinesError.notAnObject(line: lineNumber)
            }
            // Foundation's JSONSerialization on Linux drops a leading U+FEFF from string values, which
            // would shift every offset into "text" by one; JSONDecoder keeps the string as written.
            if let text = (try? JSONDecoder().decode(TextField.self, from: data))?.text { object["text"] = text }
            let added = try transform(object, lineNumber)
            let addedJSON = String(decoding: try encoder.encode(added), as: UTF8.self)
            output.write(splice(addedJSON, into: trimmed, existingKeys: Set(object.keys)) + "\n")
        }
        output.flush()
    }

    private struct TextField: Decodable {
        let text: String?
    }

    /// Appends the members of `addedJSON` (an object) to the object `line`. A key already present
    /// is replaced by re-serialising, since JSON objects must not repeat keys.
    static func splice(_ addedJSON: String, into line: String, existingKeys: Set<String>) -> String {
        let addedMembers = String(addedJSON.dropFirst().dropLast())
        guard !addedMembers.isEmpty else { return line }
        let addedKeys = (try? JSONSerialization.jsonObject(with: Data(addedJSON.utf8)) as? [String: Any])?.keys
        if let addedKeys, !existingKeys.isDisjoint(with: addedKeys),
           var merged = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
           let added = try? JSONSerialization.jsonObject(with: Data(addedJSON.utf8)) as? [String: Any] {
            merged.merge(added) { _, new in new }
            if let data = try? JSONSerialization.data(withJSONObject: merged, options: [.sortedKeys, .withoutEscapingSlashes]) {
                return String(decoding: data, as: UTF8.self)
            }
        }
        var body = line
        body.removeLast() // the closing brace
        let isEmptyObject = body.trimmingCharacters(in: .whitespaces) == "{"
        return body + (isEmptyObject ? "" : ",") + addedMembers + "}"
    }

    /// The `text` field every unit command needs.
    static func text(in object: [String: Any], lineNumber: Int) throws -> String {
        guard let text = object["text"] as? String else { throw JSONLinesError.missingText(line: lineNumber) }
        return text
    }
}

enum JSONLinesError: LocalizedError {
    case notAnObject(line: Int)
    case missingText(line: Int)

    var errorDescription: String? {
        switch self {
        case .notAnObject(let line): "stdin:\(line): not a JSON object"
        case .missingText(let line): "stdin:\(line): the object has no string field \"text\""
        }
    }
}

/// Buffers stdout writes; line-by-line `print` is slow for large streams.
struct FileHandleOutput {
    private var buffer = Data()

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
