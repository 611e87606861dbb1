import Foundation
import XML

/// What can be wrong with an SRX file or its word lists. Every case names the file and, where there
/// is one, the line and the rule.
public enum SRXError: LocalizedError, Equatable, Sendable, XMLReadErrorWrapping {
    /// Where a rule sits: file and line, its language rule, its number there, and which regex.
    public struct RuleLocation: Equatable, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let languageRule: String
        public let number: Int
        /// `beforebreak` or `afterbreak`.
        public let side: String

        public var description: String {
            "\(file):\(line): rule \(number) of languagerule '\(languageRule)', \(side)"
        }
    }

    /// The file is not readable, well-formed, DOCTYPE-free XML of a bounded size.
    case xml(XMLReadError)
    case unreadable(file: String, reason: String)
    case notSRX(file: String, line: Int, found: String)
    case missingAttribute(file: String, line: Int, element: String, attribute: String)
    case invalidAttribute(file: String, line: Int, element: String, attribute: String, value: String)
    case duplicateLanguageRule(file: String, line: Int, name: String, firstLine: Int)
    case unknownLanguageRule(file: String, line: Int, name: String)
    case invalidLanguagePattern(file: String, line: Int, pattern: String)
    case noRulesForLanguage(file: String, language: String)
    case invalidRegex(RuleLocation, pattern: String, message: String)
    case unknownWordList(RuleLocation, name: String)
    /// `entry` is a short, escaped excerpt (`excerpt(_:)`), never a whole line of the file.
    case invalidWordListEntry(file: String, line: Int, entry: String, reason: String)
    /// A `<pl:wordlist>` declaration at `line` of the SRX `file` whose `path` cannot be used.
    case badWordList(file: String, line: Int, path: String, problem: String)
    /// A regex the engine refuses to run: its automaton would exceed a budget, or it needs ICU and
    /// has a shape on which ICU backtracks exponentially.
    case regexTooComplex(RuleLocation, pattern: String, problem: String)

    public var errorDescription: String? {
        switch self {
        case .xml(let error): error.errorDescription
        case .unreadable(let file, let reason):
            "\(file): cannot read: \(reason)"
        case .notSRX(let file, let line, let found):
            "\(file):\(line): expected an <srx> root element, found <\(found)>"
        case .missingAttribute(let file, let line, let element, let attribute):
            "\(file):\(line): <\(element)> needs the attribute \(attribute)"
        case .invalidAttribute(let file, let line, let element, let attribute, let value):
            "\(file):\(line): <\(element)> has \(attribute)=\"\(value)\", expected yes or no"
        case .duplicateLanguageRule(let file, let line, let name, let firstLine):
            "\(file):\(line): languagerule '\(name)' is already defined on line \(firstLine)"
        case .unknownLanguageRule(let file, let line, let name):
            "\(file):\(line): languagemap names languagerule '\(name)', which the file does not define"
        case .invalidLanguagePattern(let file, let line, let pattern):
            "\(file):\(line): languagepattern '\(pattern)' is not a valid regex"
        case .noRulesForLanguage(let file, let language):
            "\(file): no languagemap matches the language '\(language)'"
        case .invalidRegex(let location, let pattern, let message):
            "\(location): the regex '\(pattern)' does not compile: \(message)"
        case .unknownWordList(let location, let name):
            "\(location): no word list named '\(name)' is declared in the header"
        case .invalidWordListEntry(let file, let line, let entry, let reason):
            "\(file):\(line): word list entry '\(entry)' \(reason)"
        case .badWordList(let file, let line, let path, let problem):
            "\(file):\(line): word list '\(Self.excerpt(path, limit: 200))' \(problem)"
        case .regexTooComplex(let location, let pattern, let problem):
            "\(location): the regex '\(Self.excerpt(pattern, limit: 200))' is refused: \(problem)"
        }
    }

    /// At most `limit` scalars of text read from a file, with control, format and separator
    /// characters (line breaks, bidi overrides) escaped as `\u{…}`: an error may show what it
    /// refers to, never the file's content.
    static func excerpt(_ text: String, limit: Int = 24) -> String {
        var result = ""
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count == limit {
                result += "…"
                break
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
