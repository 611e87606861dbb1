import Foundation
import Synchronization

/// The way to one translation service for a whole run: bounded concurrency, retries with backoff
/// for what is worth retrying, and memory of failures that make further requests pointless.
///
/// Retried: transport failures (refused, timed out, reset), 408, 429 and 5xx, waiting as a
/// `Retry-After` header asks (capped) or else 0.5 s, 1 s, 2 s…. A rejected key (401, 403) or an
/// exhausted quota (456) stops every later request of the run, so the user sees one error, not
/// one per segment. Once a request has failed after all its attempts, later requests get a single
/// attempt: a server that is down costs seconds, not minutes.
final class ServiceConnection: Sendable {
    /// `DeepL at https://api-free.deepl.com`: how messages name the service.
    let service: String
    let client: HTTPClient
    let retries: Int
    let backoff: Duration
    /// Never waits longer than this between attempts, whatever `Retry-After` says.
    let longestWait: Duration
    /// Removed from every message the service sends back, in case it quotes the request.
    private let secret: String?
    private let variable: String?
    private let limiter: RequestLimiter
    private let state = Mutex(State())

    private struct State {
        var stopped: MachineTranslationError?
        var degraded = false
    }

    init(
        service: String, timeout: Int, concurrency: Int, retries: Int, secret: String?, variable: String?,
        backoff: Duration = .milliseconds(500), longestWait: Duration = .seconds(30)
    ) {
        self.service = service
        client = HTTPClient(timeout: timeout)
        limiter = RequestLimiter(width: concurrency)
        self.retries = max(0, retries)
        self.secret = secret.flatMap { $0.isEmpty ? nil : $0 }
        self.variable = variable
        self.backoff = backoff
        self.longestWait = longestWait
    }

    /// Sends the request until it gets a 2xx answer or a final failure.
    func send(_ request: HTTPRequest) async throws(MachineTranslationError) -> HTTPResponse {
        if let stopped = state.withLock({ $0.stopped }) { throw stopped }
        let attempts = state.withLock { $0.degraded } ? 1 : retries + 1
        var lastReason = ""
        for attempt in 1...attempts {
            await limiter.acquire()
            let outcome: Result<HTTPResponse, HTTPFailure>
            do { outcome = .success(try await client.send(request)) } catch { outcome = .failure(error) }
            await limiter.release()

            var wait = backoff * (1 << min(attempt - 1, 16))
            switch outcome {
            case .failure(.transport(let reason)):
                lastReason = reason
            case .success(let response):
                switch response.status {
                case 200..<300:
                    return response
                case 401, 403:
                    throw stop(.rejectedKey(service: service, status: response.status, variable: variable))
                case 456:
                    throw stop(.quotaExceeded(service: service))
                case 408, 429, 500...599:
                    lastReason = "HTTP \(response.status)"
                    if let asked = Self.retryAfter(response.header("Retry-After")) { wait = asked }
                default:
                    throw .refused(service: service, status: response.status, message: message(in: response.body))
                }
            }
            if attempt < attempts { try? await Task.sleep(for: min(wait, longestWait)) }
        }
        state.withLock { $0.degraded = true }
        throw .unavailable(service: service, attempts: attempts, reason: lastReason)
    }

    /// The error, remembered so that no later request is sent.
    private func stop(_ error: MachineTranslationError) -> MachineTranslationError {
        state.withLock { state in
            if state.stopped == nil { state.stopped = error }
            return state.stopped!
        }
    }

    /// `Retry-After` in seconds, or as an HTTP date.
    static func retryAfter(_ value: String?) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSinceNow.rounded(.up))))
    }

    /// The service's own words for an error, from the JSON shapes the three APIs use
    /// (`{"message"}`, `{"error"}`, `{"error": {"message"}}`), shortened and without the key.
    func message(in body: Data) -> String {
        var text: String
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            let nested = (object["error"] as? [String: Any])?["message"] as? String
            text = nested ?? object["message"] as? String ?? object["error"] as? String ?? object["detail"] as? String ?? ""
        } else {
            text = String(decoding: body.prefix(400), as: UTF8.self)
        }
        text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        if text.count > 200 { text = String(text.prefix(200)) + "…" }
        return redacted(text)
    }

    /// The text with any occurrence of the key replaced.
    func redacted(_ text: String) -> String {
        guard let secret else { return text }
        return text.replacingOccurrences(of: secret, with: "[key]")
    }
}
