import Foundation
import PipelineCore
import TestSupport
import Testing
@testable import MachineTranslation

@Suite struct TranslateStageTests {
    typealias H = StageHarness

    @Test func deepLTranslatesWhatNoTranslatorOrExactMatchCovered() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        let folder = try H.folder()
        var document = H.document()
        document.translations[0] = Translation(sentence: 0, text: "OpenAI plans new data centres in Europe.", origin: .translator)
        document.translations[1] = Translation(sentence: 1, text: "The weather was good.", origin: .memory(percent: 100))
        document.translations[2] = Translation(sentence: 2, text: "Chip regulation remains disputed.", origin: .memory(percent: 87))
        let stage = try H.stage(H.options(.deepl, url: server.baseURL), in: folder)
        let result = try await H.run(stage, [document], in: folder)
        let translated = result.documents[0]

        // Translator > exact memory > machine > fuzzy memory.
        #expect(translated.translations[0]?.origin == .translator)
        #expect(translated.translations[1]?.origin == .memory(percent: 100))
        #expect(translated.translations[2] == Translation(
            sentence: 2, text: "EN[Die regulation von chips bleibt umstritten.]", origin: .machine(engine: "DeepL")))
        #expect(translated.translations[3]?.origin.label == "machine translation (DeepL)")
        #expect(translated.titleTranslation == TitleTranslation(text: "EN[Titel]", origin: .machine(engine: "DeepL")))

        let requests = server.translationRequests
        #expect(requests.count == 1)
        let body = try #require(try JSONSerialization.jsonObject(with: requests[0].body) as? [String: Any])
        #expect(body["text"] as? [String] == [H.sentences[2], H.sentences[3], "Titel"])
        #expect(body["source_lang"] as? String == "DE")
        #expect(body["target_lang"] as? String == "EN-GB")
        #expect(body["glossary_id"] as? String != nil)
        #expect(requests[0].headers["authorization"] == "DeepL-Auth-Key \(H.key)")
        #expect(result.notes == ["DeepL at \(server.baseURL): 3 segments machine-translated (0 from the cache, 3 in 1 request)"])
        #expect(result.failure == nil)
    }

    @Test func deepLGlossaryIsBuiltFromTheMatchedEntriesAndReused() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        let folder = try H.folder()
        let stage = try H.stage(H.options(.deepl, url: server.baseURL), in: folder)
        let first = H.document(id: "a", sentences: ["Die Regulierung von Chips bleibt umstritten."], summary: [0])
        let second = H.document(id: "b", title: "Zwei", sentences: ["Keine Regulierung von Chips in Sicht."], summary: [0])
        let result = try await H.run(stage, [first, second], in: folder)
        #expect(server.glossaryCount == 1)
        #expect(server.received.filter { $0.path == "/v2/glossaries" && $0.method == "GET" }.count == 1)
        let created = try #require(server.received.first { $0.path == "/v2/glossaries" && $0.method == "POST" })
        let body = try #require(try JSONSerialization.jsonObject(with: created.body) as? [String: Any])
        #expect(body["entries"] as? String == "Chip\tchip\nRegulierung\tregulation")
        #expect(body["entries_format"] as? String == "tsv")
        #expect(body["source_lang"] as? String == "de")
        #expect(body["target_lang"] as? String == "en")
        #expect(result.documents[1].translations[0]?.text == "EN[Keine regulation von chips in Sicht.]")

        // A new run finds the glossary by name instead of creating another.
        let again = try H.stage(H.options(.deepl, url: server.baseURL), in: folder)
        _ = try await H.run(again, [H.document(id: "c", title: "Drei", sentences: ["Regulierung für Chips."], summary: [0])], in: folder)
        #expect(server.glossaryCount == 1)
    }

    @Test func libreTranslateSendsTheKeyInTheBody() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        let folder = try H.folder()
        let stage = try H.stage(H.options(.libretranslate, url: server.baseURL, applyTo: .all), in: folder)
        let result = try await H.run(stage, [H.document(summary: [1])], in: folder)
        let document = result.documents[0]
        #expect(document.translations.count == 4)
        #expect(document.translations.values.allSatisfy { $0.origin == .machine(engine: "LibreTranslate") })
        let body = try #require(try JSONSerialization.jsonObject(with: server.translationRequests[0].body) as? [String: Any])
        #expect(body["q"] as? [String] == H.sentences + ["Titel"])
        #expect(body["source"] as? String == "de")
        #expect(body["target"] as? String == "en")
        #expect(body["format"] as? String == "text")
        #expect(body["api_key"] as? String == H.key)
    }

    @Test func openAICompatibleServersGetTheGlossaryInTheInstructions() async throws {
        let server = try LoopbackTranslationServer(key: nil)
        let folder = try H.folder()
        let stage = try H.stage(H.options(.openai, url: server.baseURL + "/v1", model: "llama3.1:8b", keyed: false), in: folder)
        let result = try await H.run(stage, [H.document(sentences: ["OpenAI plant neue Rechenzentrum-Projekte."], summary: [0])], in: folder)
        #expect(result.documents[0].translations[0] == Translation(
            sentence: 0, text: "EN[OpenAI plant neue data centre-Projekte.]", origin: .machine(engine: "llama3.1:8b")))
        #expect(server.translationRequests.map(\.path) == ["/v1/chat/completions", "/v1/chat/completions"])
        let bodies = try server.translationRequests.map { try #require(try JSONSerialization.jsonObject(with: $0.body) as? [String: Any]) }
        let body = try #require(bodies.first { ($0["messages"] as? [[String: Any]])?.last?["content"] as? String != "Titel" })
        #expect(body["model"] as? String == "llama3.1:8b")
        #expect(body["temperature"] as? Int == 0)
        let system = try #require((body["messages"] as? [[String: Any]])?.first?["content"] as? String)
        #expect(system.contains("from German (de-DE) into English (en-GB)"))
        #expect(system.contains("- Rechenzentrum → data centre (never: server farm)"))
        #expect(server.translationRequests[0].headers["authorization"] == nil)
    }

    @Test func retriesAfter429And500ThenTranslates() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        server.inject([.status(429, retryAfter: "0"), .status(500)])
        let folder = try H.folder()
        var options = H.options(.libretranslate, url: server.baseURL)
        options.glossary = false
        let result = try await H.run(try H.stage(options, in: folder), [H.document()], in: folder)
        #expect(result.documents[0].translations.count == 4)
        #expect(server.translationRequests.map(\.status) == [429, 500, 200])
        #expect(result.failure == nil)
    }

    @Test func aServerThatIsDownLeavesSegmentsAwaitingAndSaysSo() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        server.stop()
        let folder = try H.folder()
        let stage = try H.stage(H.options(.libretranslate, url: server.baseURL, retries: 1), in: folder)
        let result = try await H.run(stage, [H.document(), H.document(id: "two", title: "Zwei")], in: folder)
        #expect(result.documents.allSatisfy { $0.translations.isEmpty && $0.titleTranslation == nil })
        #expect(result.failure == nil)
        #expect(result.notes == [
            "10 segments left awaiting translation: LibreTranslate at \(server.baseURL) gave no answer after 2 attempts (connection refused)",
        ])

        let failing = try H.stage(H.options(.libretranslate, url: server.baseURL, retries: 0, onError: .fail), in: folder)
        let failed = try await H.run(failing, [H.document()], in: folder)
        #expect(failed.failure?.localizedDescription
            == "5 segments left awaiting translation: LibreTranslate at \(server.baseURL) gave no answer after 1 attempt (connection refused)")
        #expect(failed.notes.isEmpty)
    }

    @Test func aSlowServerTimesOutAndIsRetried() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        server.inject([.slow(2.5)])
        let folder = try H.folder()
        var options = H.options(.libretranslate, url: server.baseURL, retries: 1)
        options.timeout = 1
        let start = ContinuousClock.now
        let result = try await H.run(try H.stage(options, in: folder), [H.document(summary: [0])], in: folder)
        #expect(ContinuousClock.now - start >= .seconds(1))
        #expect(result.documents[0].translations[0]?.origin == .machine(engine: "LibreTranslate"))
        #expect(result.failure == nil)
    }

    @Test func aRejectedKeyIsOneErrorForTheRunAndNeverShowsTheKey() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        let folder = try H.folder()
        let wrong = "wrong-\(UUID().uuidString)"
        let stage = try H.stage(H.options(.deepl, url: server.baseURL), in: folder, key: wrong)
        let documents = (0..<3).map { H.document(id: "d\($0)", ordinal: $0, title: "Titel \($0)") }
        let result = try await H.run(stage, documents, in: folder)
        // The first refusal stops the run's requests: no request per segment or document.
        #expect(server.translationRequests.count <= 1)
        let message = try #require(result.failure?.localizedDescription)
        #expect(message == "15 segments left awaiting translation: DeepL at \(server.baseURL) rejected the API key from \(H.keyVariable) (HTTP 403); check the key and the url")
        #expect(!message.contains(wrong) && result.notes.allSatisfy { !$0.contains(wrong) })
    }

    @Test func theCacheMeansNoRequestIsPaidTwiceAndWorksWithTheServerDown() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        let folder = try H.folder()
        let options = H.options(.deepl, url: server.baseURL, cache: "cache/mt.tmx", retries: 0)
        _ = try await H.run(try H.stage(options, in: folder), [H.document()], in: folder)
        let file = folder.appendingPathComponent("cache/mt.tmx")
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains("<prop type=\"x-engine\">DeepL</prop>"))
        #expect(written.contains("EN[Titel]"))
        #expect(!written.contains(H.key))
        let requests = server.translationRequests.count

        // Same texts again: all from the cache, no request, the file untouched.
        let again = try await H.run(try H.stage(options, in: folder), [H.document(id: "again")], in: folder)
        #expect(server.translationRequests.count == requests)
        #expect(again.notes == ["DeepL at \(server.baseURL): 5 segments machine-translated (5 from the cache, 0 in 0 requests)"])
        #expect(try String(contentsOf: file, encoding: .utf8) == written)

        // Server down: the cached English is still there.
        server.stop()
        let down = try await H.run(try H.stage(options, in: folder), [H.document(id: "down")], in: folder)
        #expect(down.documents[0].translations.count == 4)
        #expect(down.documents[0].titleTranslation?.text == "EN[Titel]")
        #expect(down.failure == nil)

        // Another engine does not reuse DeepL's entries.
        let other = try await H.run(try H.stage(H.options(.libretranslate, url: server.baseURL, cache: "cache/mt.tmx", retries: 0), in: folder),
                                    [H.document(id: "other")], in: folder)
        #expect(other.documents[0].translations.isEmpty)
    }

    @Test func theCacheAppendsNewEntriesSortedWhateverTheDocumentOrder() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        var files: [String] = []
        for order in [[0, 1], [1, 0]] {
            let folder = try H.folder()
            let stage = try H.stage(H.options(.libretranslate, url: server.baseURL, cache: "mt.tmx"), in: folder)
            let documents = [H.document(id: "a", title: "Erster"), H.document(id: "b", title: "Zweiter", sentences: ["Ein anderer Satz."], summary: [0])]
            _ = try await H.run(stage, order.map { documents[$0] }, in: folder)
            files.append(try String(contentsOf: folder.appendingPathComponent("mt.tmx"), encoding: .utf8))
        }
        #expect(files[0] == files[1])
        let cache = try MachineTranslationCache.parse(
            try #require(TestXML.parse(files[0])), file: "mt.tmx")
        #expect(cache.entries.map(\.key.text) == ["Das Wetter war gut.", "Die Regulierung von Chips bleibt umstritten.", "Ein anderer Satz.",
                                                  "Erster", "OpenAI plant neue Rechenzentren in Europa.", "OpenAI und Microsoft verhandeln über Chips.", "Zweiter"])
    }

    @Test func aTitleThatIsAlsoASentenceTakesThatSentencesTranslation() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        let folder = try H.folder()
        var document = H.document(title: "Das Wetter war gut.")
        document.translations[1] = Translation(sentence: 1, text: "The weather was fine.", origin: .translator)
        let result = try await H.run(try H.stage(H.options(.libretranslate, url: server.baseURL), in: folder), [document], in: folder)
        #expect(result.documents[0].titleTranslation == TitleTranslation(text: "The weather was fine.", origin: .translator))
        let body = try #require(try JSONSerialization.jsonObject(with: server.translationRequests[0].body) as? [String: Any])
        #expect((body["q"] as? [String])?.contains("Das Wetter war gut.") == false)
    }

    @Test func aHeadingThatRepeatsTheTitleGetsTheTitlesEnglish() async throws {
        let server = try LoopbackTranslationServer(key: H.key)
        let folder = try H.folder()
        let document = H.document(title: "Chips und Europa", sentences: ["# Chips und Europa", "Die Regulierung bleibt umstritten."], summary: [1])
        let result = try await H.run(try H.stage(H.options(.libretranslate, url: server.baseURL), in: folder), [document], in: folder)
        #expect(result.documents[0].translations[0] == Translation(sentence: 0, text: "EN[Chips und Europa]", origin: .machine(engine: "LibreTranslate")))
        let body = try #require(try JSONSerialization.jsonObject(with: server.translationRequests[0].body) as? [String: Any])
        #expect(body["q"] as? [String] == ["Die Regulierung bleibt umstritten.", "Chips und Europa"])
    }

    @Test func aMissingKeyIsAnErrorNamingTheVariable() throws {
        let folder = try H.folder()
        #expect(throws: MachineTranslationError.missingKey(variable: H.keyVariable, provider: "DeepL")) {
            try TranslateStage(options: H.options(.deepl, url: "http://127.0.0.1:9"), context: H.context(in: folder), environment: [:])
        }
    }
}
