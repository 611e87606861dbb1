import Foundation
import XML

/// Why a glossary file could not be used. Every case names the file, and the line where one is known.
public enum GlossaryError: LocalizedError, Equatable, XMLReadErrorWrapping {
    case unreadable(file: String, reason: String)
    case notUTF8(file: String)
    case unknownFormat(file: String, reason: String)
    /// XML that is not well-formed, carries a DOCTYPE with declarations, or is too large.
    case xml(XMLReadError)
    /// Well-formed TBX whose structure breaks the standard; every problem found, with its line.
    case invalidStructure(file: String, problems: [Problem])
    /// A malformed row in a TSV or CSV glossary.
    case badRow(file: String, line: Int, problem: String)
    /// The file cannot serve the requested direction (no terms in one of the languages, or the
    /// languages it names differ).
    case languages(file: String, problem: String)

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
        public var description: String { "line \(line): \(message)" }
    }

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read the glossary: \(reason)"
        case .notUTF8(let file): "\(file): the glossary is not UTF-8 text"
        case .unknownFormat(let file, let reason): "\(file): not a glossary format this tool reads: \(reason)"
        case .xml(let error): error.errorDescription
        case .invalidStructure(let file, let problems):
            "\(file): not valid TBX (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
                + problems.map { "\(file):\($0.line): \($0.message)" }.joined(separator: "\n")
        case .badRow(let file, let line, let problem): "\(file):\(line): \(problem)"
        case .languages(let file, let problem): "\(file): \(problem)"
        }
    }
}
