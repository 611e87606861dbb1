import Foundation
import PipelineCore
import TestSupport
import Testing
@testable import Leverage

@Suite struct LeverageTests {
    static let sentences = [
        "OpenAI plant neue Rechenzentren in Europa.",
        "Das Wetter war gut.",
        "Die Regulierung von Chips bleibt umstritten.",
        "OpenAI und Microsoft verhandeln über Chips.",
    ]

    static let memory = TranslationMemory(units: [
        .init(source: "OpenAI plant neue Rechenzentren in Europa.", target: "From memory: OpenAI plans new data centres in Europe."),
        .init(source: "Die Regulierung von Chips bleibt umstritten.", target: "The regulation of chips remains contested."),
        .init(source: "Das Wetter war schlecht.", target: "The weather was bad."),
    ])

    static func document() -> AnnotatedDocument {
        DocumentFixture.document(sentences: sentences, summary: [0, 2])
    }

    @Test func translatorsWinOverTheMemory() async throws {
        let leverager = Leverager(memory: Self.memory, threshold: 75, scope: .summary)
        let translations = try await leverager.translations(for: Self.document(), returned: [0: "Returned by a translator."])
        #expect(translations[0] == Translation(sentence: 0, text: "Returned by a translator.", origin: .translator))
        #expect(translations[2]?.text == "The regulation of chips remains contested.")
        #expect(translations[2]?.origin == .memory(percent: 100))
        #expect(translations[2]?.memoryUnit?.source == Self.sentences[2])
        #expect(translations.count == 2)
    }

    @Test(arguments: [(Leverager.Scope.summary, [0, 2]), (.all, [0, 1, 2])])
    func scopeDecidesWhichSentencesAreLookedUp(scope: Leverager.Scope, sentences: [Int]) async throws {
        // "Das Wetter war gut." against "Das Wetter war schlecht.": 4 of 5 tokens, 80%.
        let leverager = Leverager(memory: Self.memory, threshold: 80, scope: scope)
        let translations = try await leverager.translations(for: Self.document(), returned: [:])
        #expect(translations.keys.sorted() == sentences)
        if scope == .all { #expect(translations[1]?.origin == .memory(percent: 80)) }
    }

    @Test func sentencesBelowTheThresholdStayUntranslated() async throws {
        let leverager = Leverager(memory: Self.memory, threshold: 81, scope: .all)
        let translations = try await leverager.translations(for: Self.document(), returned: [:])
        #expect(translations.keys.sorted() == [0, 2])
    }

    @Test func theStageReadsMemoriesFromTheContext() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try TMXReaderTests.tmx("""
        <tu><tuv xml:lang="de-DE"><seg>OpenAI plant neue Rechenzentren in Asien.</seg></tuv><tuv xml:lang="en-GB"><seg>OpenAI plans new data centres in Asia.</seg></tuv></tu>
        """).write(to: folder.appendingPathComponent("memory.tmx"))
        let context = StageContext(pipelineName: "t", languages: DocumentFixture.languages, baseDirectory: folder,
                                   translationMemories: [folder.appendingPathComponent("memory.tmx")])
        let stage = try LeverageStage(options: .init(), context: context)
        var document = Self.document()
        try await stage.process(&document, context: context)
        #expect(document.translations[0]?.origin == .memory(percent: 85))
        #expect(document.translations[0]?.text == "OpenAI plans new data centres in Asia.")
    }

    @Test(arguments: [
        (#"{"fuzzy-threshold": 90, "apply-to": "all"}"#, nil),
        (#"{"fuzzy-threshold": 0}"#, "not a percentage"),
        (#"{"fuzzy-threshold": 101}"#, "not a percentage"),
        (#"{"apply-to": "everything"}"#, "everything"),
        (#"{"threshold": 80}"#, "unknown key 'threshold'"),
    ] as [(String, String?)])
    func optionsAreStrict(json: String, expectedError: String?) {
        do {
            let options = try JSONDecoder().decode(StrictOptions<LeverageStage.Options>.self, from: Data(json.utf8)).options
            #expect(expectedError == nil)
            #expect(options.fuzzyThreshold == 90 && options.applyTo == .all)
        } catch {
            #expect(expectedError.map { "\(error)".contains($0) } == true, "\(error)")
        }
    }
}
