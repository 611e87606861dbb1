import Testing
@testable import Summarization

@Suite("Text analysis")
struct TextAnalysisTests {
    @Test("stop words and numbers are dropped, inflected forms share a term, every word counts for length")
    func termDocument() throws {
        let document = TermDocument(
            sentences: ["Die Regierung plant 2025 neue Regeln.", "Den Regierungen fehlen die Regeln."],
            title: "Regeln der Regierung", profile: try Fixtures.german())
        #expect(document.wordCounts == [6, 5])
        // regierung, plant, neue, regeln | regierungen, fehlen, regeln
        #expect(document.terms[0].count == 4)
        #expect(document.terms[1].count == 3)
        #expect(document.terms[0][0] == document.terms[1][0], "Regierung and Regierungen stem alike")
        #expect(document.terms[0][3] == document.terms[1][2], "Regeln is one term in both sentences")
        #expect(document.titleTerms == [document.terms[0][0], document.terms[0][3]].sorted())
    }

    @Test("a shared lexicon, full or not, reads documents as a fresh one does", arguments: [250_000, 10, 0])
    func sharedLexicon(capacity: Int) throws {
        let profile = try Fixtures.german()
        let shared = TermLexicon(capacity: capacity)
        let documents = [Fixtures.article, Fixtures.longDocument(sentences: 40), Fixtures.article.reversed()]
        for sentences in documents + documents {
            let fresh = TermDocument(sentences: sentences, title: Fixtures.articleTitle, profile: profile)
            let reused = TermDocument(sentences: sentences, title: Fixtures.articleTitle, profile: profile, lexicon: shared)
            #expect(reused.terms == fresh.terms)
            #expect(reused.vocabularySize == fresh.vocabularySize)
            #expect(reused.titleTerms == fresh.titleTerms)
        }
    }

    static let traitCases: [(sentence: String, alone: Bool, expected: SentenceTraits)] = [
        ("Die Regierung plant neue Regeln.", false, SentenceTraits()),
        ("Wie viel Geld fließt?", false, SentenceTraits(isQuestion: true)),
        ("„Fließt das Geld wirklich?“", false, SentenceTraits(isQuestion: true, isBareQuote: true)),
        ("„Das ist ein guter Tag für Europa.“", false, SentenceTraits(isBareQuote: true)),
        ("„Das ist ein guter Tag“, sagte die Ministerin.", false, SentenceTraits()),
        ("Berlin (dpa)", true, SentenceTraits(isFragment: true)),
        ("Berlin (dpa)", false, SentenceTraits()),
        ("## Neue Regeln für Rechenzentren", true, SentenceTraits(isFragment: true)),
        ("Die Regierung plant neue Regeln.  ", true, SentenceTraits()),
    ]

    @Test("poor briefing points are recognised from the sentence's edges", arguments: traitCases)
    func traits(sentence: String, alone: Bool, expected: SentenceTraits) {
        #expect(SentenceTraits(sentence: sentence, isAloneInParagraph: alone) == expected)
    }

    @Test("languages without stop words are refused with the supported list")
    func unsupportedLanguage() {
        #expect(throws: SummarizationError.unsupportedLanguage("fr", supported: ["de", "en"])) {
            try Summarizer(language: "fr-FR")
        }
    }
}
