import Foundation
import PipelineCore

/// Any server with OpenAI's chat-completions API (OpenAI, Ollama, llama.cpp, vLLM, LM Studio):
/// `POST {url}/chat/completions` with the model, temperature 0, and instructions that carry the
/// glossary terms of the text (approved target, forbidden variants). One text per request, so an
/// answer can never be matched to the wrong sentence.
struct ChatCompletionsEngine: TranslationEngine {
    let connection: ServiceConnection
    let base: URL
    let key: String?
    let model: String
    let languages: LanguagePair
    let maximumTexts = 1
    let maximumTextBytes = 32 * 1024

    /// The model names the engine: `machine translation (llama3.1:8b)`.
    var name: String { model }

    private struct Message: Codable {
        let role: String
        let content: String
    }

    private struct Request: Encodable {
        let model: String
        let messages: [Message]
        let temperature = 0
        let stream = false
    }

    private struct Answer: Decodable {
        struct Choice: Decodable {
            struct Content: Decodable { let content: String? }
            let message: Content
        }
        let choices: [Choice]
    }

    func translate(_ texts: [String], terms: [GlossaryTerm]) async throws(MachineTranslationError) -> [String] {
        var results: [String] = []
        for text in texts {
            // One text per request: the terms given are the ones found in it.
            let body = Request(model: model, messages: [
                Message(role: "system", content: instructions(terms)), Message(role: "user", content: text),
            ])
            var headers = ["Content-Type": "application/json", "Accept": "application/json"]
            if let key { headers["Authorization"] = "Bearer \(key)" }
            let response = try await connection.send(HTTPRequest(
                url: base.appendingPathComponent("chat/completions"), headers: headers, body: JSONBody.encode(body)))
            let answer = try JSONBody.decode(Answer.self, from: response.body, service: connection.service)
            guard let content = answer.choices.first?.message.content else {
                throw .unreadableAnswer(service: connection.service, problem: "no choices[0].message.content")
            }
            guard let translation = Self.translation(in: content, source: text) else {
                throw .unreadableAnswer(service: connection.service, problem: "the answer holds no translation")
            }
            results.append(translation)
        }
        return results
    }

    /// What the model is told: translate, answer with the translation only, use the glossary.
    func instructions(_ terms: [GlossaryTerm]) -> String {
        var lines = [
            "You are a professional translator. Translate the user's message from \(Self.name(of: languages.source)) "
                + "(\(languages.source)) into \(Self.name(of: languages.target)) (\(languages.target)).",
            "Reply with the translation only: no quotation marks around it, no notes, no explanations, no alternatives.",
            "Keep numbers, names and punctuation as the source has them.",
        ]
        if !terms.isEmpty {
            lines.append("Use these glossary terms; inflect them as the sentence needs:")
            for term in terms.sorted() {
                var line = "- \(term.source) → \(term.target)"
                if !term.forbidden.isEmpty { line += " (never: \(term.forbidden.joined(separator: ", ")))" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `German` for `de-DE`, in English, which models follow best.
    static func name(of tag: LanguageTag) -> String {
        Locale(identifier: "en").localizedString(forLanguageCode: tag.language) ?? tag.language
    }

    /// The translation in a model's answer: without reasoning blocks (`<think>…</think>`), code
    /// fences, a leading label (`Translation:`), or quotation marks the source did not have.
    static func translation(in answer: String, source: String) -> String? {
        var text = answer
        while let open = text.range(of: "<think>"), let close = text.range(of: "</think>", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("```") {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            if lines.last?.trimmingCharacters(in: .whitespaces) == "```" { lines = lines.dropLast() }
            text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for label in ["Translation:", "English translation:", "English:", "Übersetzung:"] where text.lowercased().hasPrefix(label.lowercased()) {
            text = String(text.dropFirst(label.count)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let quotes: [(Character, Character)] = [("\"", "\""), ("“", "”"), ("„", "“"), ("'", "'"), ("«", "»")]
        for (open, close) in quotes where text.count >= 2 && text.first == open && text.last == close && source.first != open {
            text = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text.isEmpty ? nil : text
    }
}
