import Foundation

/// Why machine translation could not start, or why a request brought no translations. Each case
/// names the service as `DeepL at https://…`, never the key.
public enum MachineTranslationError: LocalizedError, Equatable, Sendable {
    /// `api-key-env` names a variable that is not set (or empty) in the environment.
    case missingKey(variable: String, provider: String)
    /// The service refused the key (HTTP 401 or 403); no later request can succeed.
    case rejectedKey(service: String, status: Int, variable: String?)
    /// DeepL's HTTP 456: the account's character quota is used up.
    case quotaExceeded(service: String)
    /// No usable answer after every attempt: refused connections, timeouts, 429 or 5xx.
    case unavailable(service: String, attempts: Int, reason: String)
    /// The service answered the request with an error that retrying would not change.
    case refused(service: String, status: Int, message: String)
    /// The answer is not what the service documents.
    case unreadableAnswer(service: String, problem: String)

    public var errorDescription: String? {
        switch self {
        case .missingKey(let variable, let provider):
            "the environment variable \(variable) (api-key-env) is not set; export the \(provider) API key as \(variable) before running"
        case .rejectedKey(let service, let status, let variable):
            "\(service) rejected the API key\(variable.map { " from \($0)" } ?? "") (HTTP \(status)); check the key and the url"
        case .quotaExceeded(let service):
            "\(service): the account's character quota is used up (HTTP 456)"
        case .unavailable(let service, let attempts, let reason):
            "\(service) gave no answer after \(attempts) attempt\(attempts == 1 ? "" : "s") (\(reason))"
        case .refused(let service, let status, let message):
            "\(service) refused the request (HTTP \(status))\(message.isEmpty ? "" : ": \(message)")"
        case .unreadableAnswer(let service, let problem):
            "\(service) sent an answer that cannot be read: \(problem)"
        }
    }

    /// Errors after which no request of the run can succeed, so none is sent.
    var stopsTheRun: Bool {
        switch self {
        case .rejectedKey, .quotaExceeded: true
        default: false
        }
    }

    /// Which of two errors a summary names: the one that stops the run, then the more telling
    /// one, then the first in text order, so the summary is the same whatever order requests ran in.
    static func moreTelling(_ lhs: Self, _ rhs: Self) -> Self {
        func weight(_ error: Self) -> Int {
            switch error {
            case .rejectedKey, .quotaExceeded, .missingKey: 0
            case .refused: 1
            case .unreadableAnswer: 2
            case .unavailable: 3
            }
        }
        // Of two services down, the one tried hardest: later requests get a single attempt.
        func attempts(_ error: Self) -> Int { if case .unavailable(_, let attempts, _) = error { -attempts } else { 0 } }
        let left = (weight(lhs), attempts(lhs), lhs.errorDescription ?? "")
        let right = (weight(rhs), attempts(rhs), rhs.errorDescription ?? "")
        return left <= right ? lhs : rhs
    }
}
