import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One JSON request to a translation service.
struct HTTPRequest: Sendable {
    var method = "POST"
    let url: URL
    var headers: [String: String] = [:]
    var body: Data?
}

/// What the service answered.
struct HTTPResponse: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data

    /// A header, whatever case the server wrote its name in.
    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Sends requests through Foundation's `URLSession` (libcurl on Linux): no package beyond the
/// toolchain, no event loop of its own, HTTPS and proxies as the system configures them.
///
/// The session is ephemeral: nothing of a request or answer is written to disk (no URL cache, no
/// cookies), so the API key in a header never lands in a file.
final class HTTPClient: Sendable {
    private let session: URLSession
    /// Whole seconds: swift-corelibs-foundation truncates fractions, and a timeout under a second
    /// fires at once.
    let timeout: TimeInterval

    init(timeout: Int) {
        self.timeout = TimeInterval(max(1, timeout))
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = self.timeout
        configuration.timeoutIntervalForResource = self.timeout * 2
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// One exchange, no retries. Transport failures (refused, timed out, reset) come back as
    /// `HTTPFailure.transport`, which callers may retry.
    func send(_ request: HTTPRequest) async throws(HTTPFailure) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else { throw HTTPFailure.transport("the answer is not HTTP") }
            var headers: [String: String] = [:]
            for (name, value) in http.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name] = value }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data)
        } catch let failure as HTTPFailure {
            throw failure
        } catch let error as URLError {
            throw HTTPFailure.transport(Self.describe(error))
        } catch {
            throw HTTPFailure.transport(error.localizedDescription)
        }
    }

    /// URLError's own descriptions are long and vary by platform; these say what happened.
    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .timedOut: "timed out"
        case .cannotConnectToHost: "connection refused"
        case .networkConnectionLost: "connection lost"
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .notConnectedToInternet: "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot: "TLS failed"
        default: "network error \(error.code.rawValue)"
        }
    }
}

/// A request that got no HTTP answer.
enum HTTPFailure: Error, Sendable {
    case transport(String)
}
