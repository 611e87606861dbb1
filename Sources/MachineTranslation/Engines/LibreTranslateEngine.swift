import Foundation
import PipelineCore

/// LibreTranslate: `POST {url}/translate` with `{"q": [...], "source": "de", "target": "en",
/// "format": "text", "api_key": …}`, answered by `{"translatedText": [...]}`. The key is optional:
/// self-hosted servers usually run without one. LibreTranslate has no glossaries.
struct LibreTranslateEngine: TranslationEngine {
    let name = "LibreTranslate"
    let connection: ServiceConnection
    let base: URL
    let key: String?
    let languages: LanguagePair
    let maximumTexts: Int
    /// Servers limit characters per request (`--char-limit`, none by default); keep requests modest.
    let maximumTextBytes = 64 * 1024

    private struct Request: Encodable {
        let q: [String]
        let source: String
        let target: String
        let format = "text"
        let api_key: String?
    }

    /// `translatedText` is an array for an array `q`; older servers answer one text with a string.
    private struct Answer: Decodable {
        let texts: [String]

        enum CodingKeys: String, CodingKey { case translatedText }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let many = try? container.decode([String].self, forKey: .translatedText) {
                texts = many
            } else {
                texts = [try container.decode(String.self, forKey: .translatedText)]
            }
        }
    }

    func translate(_ texts: [String], terms _: [GlossaryTerm]) async throws(MachineTranslationError) -> [String] {
        let body = Request(q: texts, source: languages.source.language, target: languages.target.language, api_key: key)
        let request = HTTPRequest(url: base.appendingPathComponent("translate"), headers: [
            "Content-Type": "application/json", "Accept": "application/json",
        ], body: JSONBody.encode(body))
        let response = try await connection.send(request)
        let answer = try JSONBody.decode(Answer.self, from: response.body, service: connection.service)
        guard answer.texts.count == texts.count else {
            throw .unreadableAnswer(service: connection.service, problem: "\(answer.texts.count) translations for \(texts.count) texts")
        }
        return answer.texts
    }
}
