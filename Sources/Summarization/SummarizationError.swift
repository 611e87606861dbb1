import Foundation

/// Why a summarizer or its stage could not be set up.
public enum SummarizationError: LocalizedError, Equatable {
    case unsupportedLanguage(String, supported: [String])
    case missingResource(String)
    case invalidLength(String)

    public var errorDescription: String? { "summarize: \(reason)" }

    /// The message without the command name, for embedding in other errors.
    public var reason: String {
        switch self {
        case .unsupportedLanguage(let language, let supported):
            "no stop words for language '\(language)'; supported: \(supported.joined(separator: ", "))"
        case .missingResource(let path):
            "the resource \(path) is missing from the Summarization bundle"
        case .invalidLength(let reason):
            reason
        }
    }
}
