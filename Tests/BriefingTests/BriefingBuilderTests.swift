import PipelineCore
import TestSupport
import Testing
@testable import Briefing

@Suite struct BriefingBuilderTests {
    static let sentences = [
        "OpenAI plant neue Rechenzentren in Europa.",
        "Das Wetter war gut.",
        "Die Regulierung von Chips bleibt umstritten.",
        "OpenAI und Microsoft verhandeln über Chips.",
    ]

    static func document() -> AnnotatedDocument {
        var document = DocumentFixture.document(
            sentences: sentences,
            terms: [DocumentFixture.openAI, DocumentFixture.rechenzentrum, DocumentFixture.chip, DocumentFixture.regulierung],
            summary: [3, 0, 2])
        document.translations[0] = Translation(sentence: 0, text: "OpenAI plans new data centres in Europe.", origin: .translator)
        document.translations[3] = Translation(sentence: 3, text: "OpenAI and Microsoft negotiate over chips.", origin: .memory(percent: 100))
        return document
    }

    @Test func keyPointsFollowDocumentOrderWithTheirOrigin() {
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: Self.document())
        #expect(briefing.keyPoints.map(\.sentence) == [0, 2, 3])
        #expect(briefing.keyPoints.map(\.rank) == [2, 3, 1])
        #expect(briefing.keyPoints.map(\.originLabel) == ["translator", "awaiting translation", "TM 100%"])
        #expect(briefing.status.line == "2 of 3 key points translated")
        #expect(briefing.status.detailedLine == "2 of 3 key points translated (translator 1, TM 1, awaiting 1)")
    }

    @Test func machineTranslationsAreCountedApartAndFuzzyMatchesAreNotEnglish() {
        var document = Self.document()
        document.translations[2] = Translation(sentence: 2, text: "Chip rules remain contested.", origin: .machine(engine: "DeepL"))
        document.translations[3] = Translation(sentence: 3, text: "OpenAI and Google negotiate over chips.", origin: .memory(percent: 90))
        document.titleTranslation = TitleTranslation(text: "Title", origin: .machine(engine: "DeepL"))
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: document)
        #expect(briefing.keyPoints.map(\.originLabel) == ["translator", "machine translation (DeepL)", "awaiting translation"])
        // A 90 % match is another sentence's English: the point awaits translation, glossed.
        #expect(briefing.keyPoints[2].target == nil)
        #expect(briefing.keyPoints[2].glossed != nil)
        #expect(briefing.status.detailedLine
            == "1 of 3 key points translated, 1 machine-translated (translator 1, TM 0, machine 1, awaiting 1)")
        #expect(briefing.titleTranslation?.text == "Title")
        // The term check reads machine output as it reads a translator's.
        #expect(briefing.qa.findings.contains { $0.origin == .machine(engine: "DeepL") && $0.sourceTerm == "Regulierung" })
    }

    @Test func aPointAwaitingTranslationIsGlossed() {
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: Self.document())
        let awaiting = briefing.keyPoints[1]
        #expect(awaiting.target == nil)
        #expect(awaiting.glossed == "Die Regulierung [regulation] von Chips [chip] bleibt umstritten.")
        #expect(briefing.keyPoints[0].glossed == nil)
    }

    @Test func termMarksAreCodePointRangesOfEachSide() {
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: Self.document())
        let first = briefing.keyPoints[0]
        #expect(first.sourceTerms.map { slice(first.source, $0) } == ["OpenAI", "Rechenzentren"])
        #expect(first.targetTerms.map { slice(first.target!, $0) } == ["OpenAI", "data centres"])
    }

    @Test func namesAreSeparateFromKeyTerms() {
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: Self.document())
        #expect(briefing.names.map(\.source) == ["OpenAI"])
        #expect(briefing.names.map(\.count) == [2])
        // Most frequent first, then alphabetical.
        #expect(briefing.keyTerms.map(\.source) == ["Chip", "Rechenzentrum", "Regulierung"])
        #expect(briefing.keyTerms.map(\.count) == [2, 1, 1])
    }

    @Test func withoutSummaryThereAreNoKeyPoints() {
        let document = DocumentFixture.document(sentences: Self.sentences)
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: document)
        #expect(briefing.keyPoints.isEmpty)
        #expect(briefing.status.line == "0 of 0 key points translated")
        #expect(briefing.summaryMethod == nil)
    }

    private func slice(_ text: String, _ mark: TermMark) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[mark.start..<mark.end]))
    }
}
