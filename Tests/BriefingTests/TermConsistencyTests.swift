import PipelineCore
import TestSupport
import Testing
@testable import Briefing

@Suite struct TargetTermFinderTests {
    @Test(arguments: [
        ("The data centre is new.", "data centre", true),
        ("Two data centres opened.", "data centre", true),
        ("The data centre's owner.", "data centre", true),
        ("The data centres' owners.", "data centre", true),
        ("The data centre’s owner.", "data centre", true),
        ("Data Centre rules.", "data centre", true),
        ("New chips and switches.", "switch", true),
        ("Two new policies.", "policy", true),
        ("OpenAI's model.", "OpenAI", true),
        ("The data centrepiece.", "data centre", false),
        ("The data, centre.", "data centre", true),
        ("A centre for data.", "data centre", false),
        ("The chipset.", "chip", false),
    ])
    func findsInflectedWholeWords(text: String, term: String, found: Bool) {
        #expect(TargetTermFinder(text, inflection: .english).contains(term) == found)
    }

    @Test(arguments: [
        ("Zwei neue Rechenzentren.", "Rechenzentrum", true),
        ("Des Rechenzentrums Strom.", "Rechenzentrum", true),
        ("Die künstlichen Intelligenzen.", "künstliche Intelligenz", true),
        ("Große Sprachmodelle lernen.", "großes Sprachmodell", true),
        ("Beide Ausschüsse tagen.", "Ausschuss", true),
        ("Die Firmen klagen.", "Firma", true),
        ("Die Rechenzentrale.", "Rechenzentrum", false),
        ("Ein Chipsatz.", "Chip", false),
    ])
    func germanTargetsMayInflectEveryWord(text: String, term: String, found: Bool) {
        #expect(TargetTermFinder(text, inflection: .german).contains(term) == found)
    }

    @Test func otherLanguagesNeedTheExactWords() {
        #expect(TargetTermFinder("Les Centres de données.", inflection: .none).contains("centres de données"))
        #expect(!TargetTermFinder("Le centre de données.", inflection: .none).contains("centres de données"))
        #expect(TermInflection(language: LanguageTag("fr-FR")!) == .none)
        #expect(TermInflection(language: LanguageTag("de-AT")!) == .german)
    }

    @Test func reportsCodePointRanges() {
        let finder = TargetTermFinder("Über zwei Data Centres.", inflection: .english)
        #expect(finder.occurrences(of: "data centre") == [10..<22])
    }
}

@Suite struct TermConsistencyTests {
    static let sentences = [
        "Die Regierung will neue Rechenzentren bauen.",
        "OpenAI braucht mehr Chips.",
    ]

    static func document(translations: [Int: String], origin: Translation.Origin = .translator) -> AnnotatedDocument {
        var document = DocumentFixture.document(
            sentences: sentences, terms: [DocumentFixture.rechenzentrum, DocumentFixture.openAI, DocumentFixture.chip])
        for (sentence, text) in translations {
            document.translations[sentence] = Translation(sentence: sentence, text: text, origin: origin)
        }
        return document
    }

    @Test func correctTranslationsHaveNoFindings() {
        let document = Self.document(translations: [
            0: "The government wants to build new data centres.",
            1: "OpenAI needs more chips.",
        ])
        #expect(TermConsistencyChecker(targetLanguage: DocumentFixture.languages.target).check(document).isEmpty)
    }

    @Test func aMissingApprovedTermIsOneFindingNamingIt() throws {
        let document = Self.document(translations: [
            0: "The government wants to build new computing facilities.",
            1: "OpenAI needs more chips.",
        ])
        let findings = TermConsistencyChecker(targetLanguage: DocumentFixture.languages.target).check(document)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.kind == .missingApprovedTerm)
        #expect(finding.sentence == 0)
        #expect(finding.sourceTerm == "Rechenzentrum")
        #expect(finding.sourceSurface == "Rechenzentren")
        #expect(finding.approvedTarget == "data centre")
        #expect(finding.origin == .translator)
        #expect(finding.message.contains("data centre"))
    }

    @Test func aDeprecatedTermIsOneFindingNotTwo() throws {
        let document = Self.document(translations: [0: "The government wants to build new server farms."])
        let findings = TermConsistencyChecker(targetLanguage: DocumentFixture.languages.target).check(document)
        #expect(findings.map(\.kind) == [.deprecatedTermUsed])
        #expect(findings.first?.deprecatedTarget == "server farm")
    }

    @Test func aDeprecatedTermBesideTheApprovedOneIsStillFlagged() {
        let document = Self.document(translations: [0: "The government wants new data centres, not server farms."])
        #expect(TermConsistencyChecker(targetLanguage: DocumentFixture.languages.target).check(document).map(\.kind) == [.deprecatedTermUsed])
    }

    @Test func aDeprecatedTermInsideTheApprovedOneIsNotFlagged() {
        var term = DocumentFixture.rechenzentrum
        term.deprecated = ["centre"]
        var document = DocumentFixture.document(sentences: ["Neue Rechenzentren entstehen."], terms: [term])
        document.translations[0] = Translation(sentence: 0, text: "New data centres are emerging.", origin: .translator)
        #expect(TermConsistencyChecker(targetLanguage: DocumentFixture.languages.target).check(document).isEmpty)
    }

    @Test func termsInsideCompoundsAreNotRequired() {
        var term = DocumentFixture.rechenzentrum
        term.kind = .compound
        var document = DocumentFixture.document(sentences: ["Neue Rechenzentren entstehen."], terms: [term])
        document.translations[0] = Translation(sentence: 0, text: "New computing sites are emerging.", origin: .translator)
        #expect(TermConsistencyChecker(targetLanguage: DocumentFixture.languages.target).check(document).isEmpty)
    }

    @Test func memoryTranslationsAreCheckedAndLabelled() {
        let document = Self.document(translations: [1: "The company needs more chips."], origin: .memory(percent: 87))
        let findings = TermConsistencyChecker(targetLanguage: DocumentFixture.languages.target).check(document)
        #expect(findings.map(\.sourceTerm) == ["OpenAI"])
        #expect(findings.map(\.origin) == [.memory(percent: 87)])
        #expect(findings.map(\.origin.label) == ["TM 87%"])
    }

    @Test func aShortFormOfTheApprovedNameIsAccepted() {
        let feldmann = DocumentFixture.Term(forms: ["Feldmann"], lemma: "Feldmann", target: "Jonas Feldmann", concept: "c-feldmann",
                                            partOfSpeech: "properNoun")
        let hartmann = DocumentFixture.Term(forms: ["Hartmann"], lemma: "Hartmann", target: "Sina Hartmann", concept: "c-hartmann",
                                            partOfSpeech: "properNoun")
        var document = DocumentFixture.document(sentences: ["„Nein“, sagte Feldmann zu Hartmann."], terms: [feldmann, hartmann])
        document.translations[0] = Translation(sentence: 0, text: "“No,” Feldmann told her.", origin: .translator)
        #expect(TermConsistencyChecker(targetLanguage: DocumentFixture.languages.target).check(document).map(\.sourceTerm) == ["Hartmann"])
    }

    /// The pipeline knows no fixed direction: English sources checked against German targets.
    @Test func germanTranslationsOfEnglishSourcesAreCheckedInGerman() {
        let term = DocumentFixture.Term(forms: ["data centres", "data centre"], lemma: "data centre", target: "Rechenzentrum",
                                        concept: "c-datacentre", deprecated: ["Datenzentrum"])
        var document = DocumentFixture.document(sentences: ["Two new data centres open.", "The data centre is full."], terms: [term])
        document.translations[0] = Translation(sentence: 0, text: "Zwei neue Rechenzentren öffnen.", origin: .translator)
        document.translations[1] = Translation(sentence: 1, text: "Das Datenzentrum ist voll.", origin: .translator)
        let findings = TermConsistencyChecker(targetLanguage: LanguageTag("de-DE")!).check(document)
        #expect(findings.map(\.sentence) == [1])
        #expect(findings.map(\.kind) == [.deprecatedTermUsed])
    }
}
