import Foundation
import Yams

/// What is wrong with a pipeline file, and where.
public enum PipelineSpecError: LocalizedError, Equatable {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case syntax(file: String, message: String)
    /// A key, type or value problem at a line, column and key path (`stages[2].summarize.sentences`).
    case invalid(file: String, line: Int, column: Int, keyPath: String, message: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read the pipeline file: \(reason)"
        case .empty(let file): "\(file): the pipeline file is empty"
        case .syntax(let file, let message): "\(file): not valid YAML: \(message)"
        case .invalid(let file, let line, let column, let keyPath, let message):
            "\(file):\(line)\(column > 0 ? ":\(column)" : ""): \(keyPath.isEmpty ? "" : "\(keyPath): ")\(message)"
        }
    }

    /// A YAML syntax error, at its line and column, in one line: Yams's own description quotes the
    /// whole file as context, which buries the problem (and repeats what may be private).
    init(_ error: YamlError, file: String) {
        let description = "\(error)"
        let firstLine = description.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? description
        let message = firstLine.replacingOccurrences(of: "Parser: ", with: "").replacingOccurrences(of: "Scanner: ", with: "")
        if let match = description.firstMatch(of: /line (\d+), column (\d+)/), let line = Int(match.1), let column = Int(match.2) {
            self = .invalid(file: file, line: line, column: column, keyPath: "", message: "not valid YAML: \(message)")
        } else {
            self = .syntax(file: file, message: message)
        }
    }

    /// Places a decoding error in the file: Yams reports a coding path but no line, so the path is
    /// walked through the parsed node tree, whose nodes carry their marks.
    init(_ error: DecodingError, file: String, root: Node) {
        let (path, message): ([CodingKey], String) = switch error {
        case .keyNotFound(let key, let context): (context.codingPath, "missing key '\(key.stringValue)'")
        case .typeMismatch(let type, let context): (context.codingPath, "expected \(Self.describe(type)): \(context.debugDescription)")
        case .valueNotFound(let type, let context): (context.codingPath, "expected \(Self.describe(type)), found nothing")
        case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
        @unknown default: ([], "\(error)")
        }
        let mark = Self.locate(path, in: root)
        self = .invalid(
            file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, keyPath: Self.keyPath(path), message: message)
    }

    static func keyPath(_ path: [CodingKey]) -> String {
        var result = ""
        for key in path {
            if let index = key.intValue, key.stringValue == String(index) || key.stringValue.hasPrefix("Index") {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    /// The mark of the deepest node the path reaches; for a mapping key, the key itself.
    static func locate(_ path: [CodingKey], in root: Node) -> Mark? {
        var node = root
        var mark = root.mark
        for key in path {
            if let mapping = node.mapping,
               let pair = mapping.first(where: { $0.key.string == key.stringValue }) {
                mark = pair.key.mark
                node = pair.value
            } else if let sequence = node.sequence, let index = key.intValue, sequence.indices.contains(index) {
                node = sequence[index]
                mark = node.mark
            } else {
                break
            }
        }
        return mark
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
