import Foundation
import PipelineCore

/// DeepL API v2: `POST {url}/v2/translate` with `Authorization: DeepL-Auth-Key …` and a JSON body
/// `{"text": [...], "source_lang": "DE", "target_lang": "EN-GB"}`; at most 50 texts and 128 KiB
/// per request. Glossary entries found in the texts become a DeepL glossary (`/v2/glossaries`),
/// named after its content so that a later run, or another document, reuses it instead of
/// creating it again.
struct DeepLEngine: TranslationEngine {
    let name = "DeepL"
    let connection: ServiceConnection
    let base: URL
    let key: String
    let languages: LanguagePair
    let maximumTexts: Int
    /// DeepL's limit is 128 KiB for the whole body; this leaves room for JSON and escapes.
    let maximumTextBytes = 96 * 1024
    let formality: String?
    let useGlossaries: Bool
    let glossaries: GlossaryRegistry

    init(connection: ServiceConnection, base: URL, key: String, languages: LanguagePair, batchSize: Int, formality: String?, useGlossaries: Bool) {
        self.connection = connection
        self.base = base
        self.key = key
        self.languages = languages
        maximumTexts = min(batchSize, 50)
        self.formality = formality
        self.useGlossaries = useGlossaries
        glossaries = GlossaryRegistry()
    }

    private struct Request: Encodable {
        let text: [String]
        let source_lang: String
        let target_lang: String
        let formality: String?
        let glossary_id: String?
    }

    private struct Answer: Decodable {
        struct Item: Decodable { let text: String }
        let translations: [Item]
    }

    func translate(_ texts: [String], terms: [GlossaryTerm]) async throws(MachineTranslationError) -> [String] {
        let glossary = useGlossaries && !terms.isEmpty ? await glossaryID(for: terms) : nil
        let body = Request(
            text: texts, source_lang: Self.sourceCode(languages.source), target_lang: Self.targetCode(languages.target),
            formality: formality, glossary_id: glossary)
        let response = try await connection.send(post("v2/translate", JSONBody.encode(body)))
        let answer = try JSONBody.decode(Answer.self, from: response.body, service: connection.service)
        guard answer.translations.count == texts.count else {
            throw .unreadableAnswer(
                service: connection.service, problem: "\(answer.translations.count) translations for \(texts.count) texts")
        }
        return answer.translations.map(\.text)
    }

    private func post(_ path: String, _ body: Data) -> HTTPRequest {
        HTTPRequest(url: base.appendingPathComponent(path), headers: [
            "Authorization": "DeepL-Auth-Key \(key)", "Content-Type": "application/json", "Accept": "application/json",
        ], body: body)
    }

    // MARK: Glossaries

    private struct GlossaryList: Decodable {
        struct Entry: Decodable {
            let glossary_id: String
            let name: String
            let source_lang: String
            let target_lang: String
        }
        let glossaries: [Entry]
    }

    private struct NewGlossary: Encodable {
        let name: String
        let source_lang: String
        let target_lang: String
        let entries: String
        let entries_format = "tsv"
    }

    private struct CreatedGlossary: Decodable { let glossary_id: String }

    /// The id of a glossary holding exactly these entries: found among the account's glossaries by
    /// name, or created. Nil when the pair has no glossary support or the service refuses; the text
    /// is then translated without one (the term check still reports what the output missed).
    private func glossaryID(for terms: [GlossaryTerm]) async -> String? {
        let entries = Self.entries(terms)
        guard !entries.isEmpty else { return nil }
        let source = languages.source.language
        let target = languages.target.language
        let name = "pipeline \(source)-\(target) \(Self.fingerprint(entries))"
        return await glossaries.id(named: name) { () async -> [String: String]? in
            guard let response = try? await connection.send(HTTPRequest(method: "GET", url: base.appendingPathComponent("v2/glossaries"), headers: [
                "Authorization": "DeepL-Auth-Key \(key)", "Accept": "application/json",
            ])), let list = try? JSONBody.decode(GlossaryList.self, from: response.body, service: connection.service) else { return nil }
            var ids: [String: String] = [:]
            for glossary in list.glossaries where glossary.source_lang.lowercased() == source && glossary.target_lang.lowercased() == target {
                ids[glossary.name] = ids[glossary.name] ?? glossary.glossary_id
            }
            return ids
        } create: { () async -> String? in
            let body = NewGlossary(name: name, source_lang: source, target_lang: target, entries: entries)
            guard let response = try? await connection.send(post("v2/glossaries", JSONBody.encode(body))) else { return nil }
            return (try? JSONBody.decode(CreatedGlossary.self, from: response.body, service: connection.service))?.glossary_id
        }
    }

    /// Tab-separated `source⇥target` lines, sorted, one per source term (DeepL refuses duplicates),
    /// leaving out terms that cannot stand in TSV.
    static func entries(_ terms: [GlossaryTerm]) -> String {
        var seen = Set<String>()
        var lines: [String] = []
        for term in terms.sorted() {
            let source = term.source.trimmingCharacters(in: .whitespaces)
            let target = term.target.trimmingCharacters(in: .whitespaces)
            guard !source.isEmpty, !target.isEmpty, !(source + target).contains(where: { $0 == "\t" || $0.isNewline }),
                  seen.insert(source).inserted else { continue }
            lines.append("\(source)\t\(target)")
        }
        return lines.joined(separator: "\n")
    }

    /// FNV-1a of the entries, as 16 hex digits: the same entries give the same glossary name.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: Language codes

    /// DeepL source languages have no regional variants: `DE` for `de-AT`.
    static func sourceCode(_ tag: LanguageTag) -> String { tag.language.uppercased() }

    /// DeepL target codes: `EN-GB`/`EN-US` (British unless the tag says US), `PT-PT`/`PT-BR`,
    /// `ZH-HANS`/`ZH-HANT`, `ES-419`, `NB` for Norwegian; otherwise the language in capitals.
    static func targetCode(_ tag: LanguageTag) -> String {
        let parts = tag.tag.split(separator: "-").map { $0.lowercased() }
        let region = parts.dropFirst().first
        switch tag.language {
        case "en": return parts.contains("us") ? "EN-US" : "EN-GB"
        case "pt": return parts.contains("br") ? "PT-BR" : "PT-PT"
        case "zh": return parts.contains("hant") || parts.contains("tw") || parts.contains("hk") ? "ZH-HANT" : "ZH-HANS"
        case "es" where region == "419": return "ES-419"
        case "no", "nb", "nn": return "NB"
        default: return tag.language.uppercased()
        }
    }
}

/// Glossary ids by name for one run: the account's list is fetched once, and each glossary is
/// created at most once even when several documents need it at the same moment.
actor GlossaryRegistry {
    private var known: Task<[String: String], Never>?
    private var pending: [String: Task<String?, Never>] = [:]

    func id(
        named name: String, list: @escaping @Sendable () async -> [String: String]?, create: @escaping @Sendable () async -> String?
    ) async -> String? {
        if let task = pending[name] { return await task.value }
        let listing = known ?? Task { await list() ?? [:] }
        known = listing
        let task = Task<String?, Never> {
            if let id = await listing.value[name] { return id }
            return await create()
        }
        pending[name] = task
        return await task.value
    }
}
