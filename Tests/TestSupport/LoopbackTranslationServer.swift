import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A translation service on 127.0.0.1 that speaks the three wire protocols the `translate` stage
/// uses, as their providers document them, and checks what it is sent: DeepL API v2
/// (`/v2/translate`, `/v2/glossaries`), LibreTranslate (`/translate`) and OpenAI chat completions
/// (`…/chat/completions`). It answers with a stand-in translation, `EN[<source>]`, with glossary
/// terms applied, so tests can tell which text came back for which sentence.
///
/// Faults are queued: each request takes the next one (429 with `Retry-After`, 500, a slow answer),
/// then requests are answered normally. Plain blocking sockets, one thread per connection; every
/// answer closes its connection.
package final class LoopbackTranslationServer: Sendable {
    package enum Fault: Sendable, Equatable {
        case status(Int, retryAfter: String? = nil)
        /// Answers after this many seconds.
        case slow(Double)
    }

    /// One request as received, for tests to inspect.
    package struct Received: Sendable {
        package let method: String
        package let path: String
        package let headers: [String: String]
        package let body: Data
        /// The status it was answered with.
        package let status: Int
    }

    package let port: UInt16
    /// The key requests must carry; nil accepts requests without one (a self-hosted server).
    package let key: String?
    private let socket: Int32
    private let state = Mutex(State())

    private struct State {
        var faults: [Fault] = []
        var received: [Received] = []
        var glossaries: [(id: String, name: String, source: String, target: String, entries: [(String, String)])] = []
        var stopped = false
    }

    package var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request so far, in arrival order.
    package var received: [Received] { state.withLock { $0.received } }

    /// Requests that asked for translations (not glossary management).
    package var translationRequests: [Received] {
        received.filter { $0.method == "POST" && ($0.path.hasSuffix("/translate") || $0.path.hasSuffix("/chat/completions")) }
    }

    package var glossaryCount: Int { state.withLock { $0.glossaries.count } }

    package init(key: String?) throws {
        self.key = key
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError.socket("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw ServerError.socket("bind/listen: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        socket = descriptor
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Queues faults for the next requests, in order.
    package func inject(_ faults: [Fault]) {
        state.withLock { $0.faults += faults }
    }

    /// Stops listening: later connections are refused, as with a server that is down.
    package func stop() {
        let first = state.withLock { state -> Bool in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(socket, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in handle(connection) }
            thread.start()
        }
    }

    // MARK: HTTP

    private func handle(_ connection: Int32) {
        defer { close(connection) }
        guard let request = readRequest(connection) else { return }
        let fault = state.withLock { $0.faults.isEmpty ? nil : $0.faults.removeFirst() }
        var answer: (status: Int, headers: [String: String], body: Data)
        switch fault {
        case .status(let status, let retryAfter)?:
            answer = (status, retryAfter.map { ["Retry-After": $0] } ?? [:], Data(#"{"message":"injected fault"}"#.utf8))
        case .slow(let seconds)?:
            Thread.sleep(forTimeInterval: seconds)
            answer = route(request)
        case nil:
            answer = route(request)
        }
        state.withLock {
            $0.received.append(Received(method: request.method, path: request.path, headers: request.headers, body: request.body, status: answer.status))
        }
        var head = "HTTP/1.1 \(answer.status) \(answer.status < 300 ? "OK" : "Error")\r\n"
        answer.headers["Content-Type"] = "application/json"
        answer.headers["Content-Length"] = String(answer.body.count)
        answer.headers["Connection"] = "close"
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        send(connection, Data(head.utf8) + answer.body)
    }

    private struct Request {
        let method: String
        let path: String
        let headers: [String: String]
        let body: Data
    }

    private func readRequest(_ connection: Int32) -> Request? {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
        let split = buffer.range(of: separator)!
        let lines = String(decoding: buffer[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(buffer[split.upperBound...])
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < length {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            body.append(contentsOf: chunk[0..<count])
        }
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    private func send(_ connection: Int32, _ data: Data) {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(connection, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    // MARK: The three protocols

    private func route(_ request: Request) -> (status: Int, headers: [String: String], body: Data) {
        let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
        switch (request.method, path) {
        case ("POST", "/v2/translate"): return deepLTranslate(request)
        case ("GET", "/v2/glossaries"): return deepLGlossaries(request)
        case ("POST", "/v2/glossaries"): return deepLCreateGlossary(request)
        case ("POST", "/translate"): return libreTranslate(request)
        case ("POST", _) where path.hasSuffix("/chat/completions"): return chatCompletion(request)
        default: return Self.json(404, ["message": "no route \(request.method) \(path)"])
        }
    }

    /// DeepL: `Authorization: DeepL-Auth-Key KEY`; `text` a list of 1 to 50 strings, `target_lang`
    /// required, `glossary_id` only with `source_lang`; bodies up to 128 KiB.
    private func deepLTranslate(_ request: Request) -> (status: Int, headers: [String: String], body: Data) {
        guard authorized(request.headers["authorization"], scheme: "DeepL-Auth-Key") else { return Self.json(403, ["message": "Wrong authentication key"]) }
        guard request.body.count <= 128 * 1024 else { return Self.json(413, ["message": "Request Entity Too Large"]) }
        guard request.headers["content-type"]?.hasPrefix("application/json") == true,
              let body = Self.object(request.body), let texts = body["text"] as? [String], (1...50).contains(texts.count),
              let target = body["target_lang"] as? String, Self.deepLTargets.contains(target)
        else { return Self.json(400, ["message": "Bad request: text (1 to 50 strings) and a valid target_lang are required"]) }
        let source = body["source_lang"] as? String
        if let source, !Self.deepLSources.contains(source) { return Self.json(400, ["message": "Value for 'source_lang' not supported."]) }
        var terms: [(String, String)] = []
        if let id = body["glossary_id"] as? String {
            guard source != nil else { return Self.json(400, ["message": "Use of a glossary requires the source_lang parameter to be set."]) }
            guard let glossary = state.withLock({ $0.glossaries.first { $0.id == id } }) else { return Self.json(404, ["message": "Glossary not found"]) }
            terms = glossary.entries
        }
        let translations = texts.map { ["detected_source_language": source ?? "DE", "text": Self.translate($0, terms: terms)] }
        return Self.json(200, ["translations": translations])
    }

    private func deepLGlossaries(_ request: Request) -> (status: Int, headers: [String: String], body: Data) {
        guard authorized(request.headers["authorization"], scheme: "DeepL-Auth-Key") else { return Self.json(403, ["message": "Wrong authentication key"]) }
        let list = state.withLock { $0.glossaries }.map { glossary -> [String: Any] in
            ["glossary_id": glossary.id, "name": glossary.name, "ready": true, "source_lang": glossary.source,
             "target_lang": glossary.target, "creation_time": "2025-01-01T00:00:00.000000Z", "entry_count": glossary.entries.count]
        }
        return Self.json(200, ["glossaries": list])
    }

    /// `name`, `source_lang`, `target_lang` and `entries` in `entries_format` tsv: one `source⇥target` per line.
    private func deepLCreateGlossary(_ request: Request) -> (status: Int, headers: [String: String], body: Data) {
        guard authorized(request.headers["authorization"], scheme: "DeepL-Auth-Key") else { return Self.json(403, ["message": "Wrong authentication key"]) }
        guard let body = Self.object(request.body), let name = body["name"] as? String, !name.isEmpty,
              let source = body["source_lang"] as? String, let target = body["target_lang"] as? String,
              let entries = body["entries"] as? String, body["entries_format"] as? String == "tsv"
        else { return Self.json(400, ["message": "Bad request: name, source_lang, target_lang, entries, entries_format are required"]) }
        var pairs: [(String, String)] = []
        for line in entries.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty, !pairs.contains(where: { $0.0 == fields[0] }) else {
                return Self.json(400, ["message": "Invalid glossary entries provided"])
            }
            pairs.append((String(fields[0]), String(fields[1])))
        }
        let id = state.withLock { state -> String in
            let id = "gl-\(state.glossaries.count + 1)"
            state.glossaries.append((id, name, source, target, pairs))
            return id
        }
        return Self.json(201, ["glossary_id": id, "name": name, "ready": true, "source_lang": source, "target_lang": target,
                               "creation_time": "2025-01-01T00:00:00.000000Z", "entry_count": pairs.count])
    }

    /// LibreTranslate: `q` (string or list), `source`, `target`, `format`, and `api_key` when the
    /// server has keys; `translatedText` mirrors the shape of `q`.
    private func libreTranslate(_ request: Request) -> (status: Int, headers: [String: String], body: Data) {
        guard let body = Self.object(request.body) else { return Self.json(400, ["error": "Invalid request: JSON body expected"]) }
        if let key, body["api_key"] as? String != key { return Self.json(403, ["error": "Invalid API key"]) }
        guard let source = body["source"] as? String, source == source.lowercased(), source.count == 2,
              let target = body["target"] as? String, target == target.lowercased(), target.count == 2
        else { return Self.json(400, ["error": "Invalid request: missing source or target language"]) }
        if let format = body["format"] as? String, !["text", "html"].contains(format) { return Self.json(400, ["error": "Invalid format"]) }
        if let many = body["q"] as? [String] { return Self.json(200, ["translatedText": many.map { Self.translate($0, terms: []) }]) }
        if let one = body["q"] as? String { return Self.json(200, ["translatedText": Self.translate(one, terms: [])]) }
        return Self.json(400, ["error": "Invalid request: missing q parameter"])
    }

    /// OpenAI chat completions: `Authorization: Bearer KEY` when the server has a key, a `model`,
    /// `messages` with a user message; glossary lines `- source → target` in the system message apply.
    private func chatCompletion(_ request: Request) -> (status: Int, headers: [String: String], body: Data) {
        if key != nil, !authorized(request.headers["authorization"], scheme: "Bearer") {
            return Self.json(401, ["error": ["message": "Incorrect API key provided", "type": "invalid_request_error"]])
        }
        guard let body = Self.object(request.body), let model = body["model"] as? String, !model.isEmpty,
              let messages = body["messages"] as? [[String: Any]],
              let user = messages.last(where: { $0["role"] as? String == "user" })?["content"] as? String
        else { return Self.json(400, ["error": ["message": "model and messages are required", "type": "invalid_request_error"]]) }
        let system = messages.first { $0["role"] as? String == "system" }?["content"] as? String ?? ""
        let terms = system.split(separator: "\n").compactMap { line -> (String, String)? in
            guard line.hasPrefix("- "), let arrow = line.range(of: " → ") else { return nil }
            let target = line[arrow.upperBound...].split(separator: " (").first.map(String.init) ?? ""
            return (String(line.dropFirst(2)[..<arrow.lowerBound]), target)
        }
        let message: [String: Any] = ["role": "assistant", "content": Self.translate(user, terms: terms)]
        return Self.json(200, ["id": "chatcmpl-loopback", "object": "chat.completion", "model": model,
                               "choices": [["index": 0, "message": message, "finish_reason": "stop"]]])
    }

    private func authorized(_ header: String?, scheme: String) -> Bool {
        guard let key else { return true }
        return header == "\(scheme) \(key)"
    }

    /// The stand-in translation: the source inside `EN[…]`, each glossary source term replaced by its target.
    package static func translate(_ text: String, terms: [(String, String)]) -> String {
        var result = text
        for (source, target) in terms { result = result.replacingOccurrences(of: source, with: target) }
        return "EN[\(result)]"
    }

    private static let deepLSources: Set<String> = ["DE", "EN", "FR", "ES", "IT", "NL", "PL", "PT", "JA", "ZH"]
    private static let deepLTargets: Set<String> = ["DE", "EN-GB", "EN-US", "FR", "ES", "IT", "NL", "PL", "PT-PT", "PT-BR", "JA", "ZH-HANS"]

    private static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    private static func json(_ status: Int, _ object: [String: Any]) -> (status: Int, headers: [String: String], body: Data) {
        (status, [:], (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }

    package enum ServerError: Error {
        case socket(String)
    }
}
