import PipelineCore
import Testing
@testable import Terminology

@Suite struct GermanInflectionTests {
    static func forms(_ text: String, _ partOfSpeech: String?, _ gender: GrammaticalGender?, termType: String? = nil) -> Set<String>? {
        GermanInflection.forms(of: GlossaryTerm(text: text, language: "de", partOfSpeech: partOfSpeech, gender: gender, termType: termType))
            .map { Set($0.map(\.text)) }
    }

    /// Forms that must be generated, by declension class.
    @Test(arguments: [
        ("Rechenzentrum", "noun", GrammaticalGender.neuter, ["Rechenzentrums", "Rechenzentren"]),
        ("Fördergelder", "noun", .neuter, ["Fördergeldern"]),
        ("Sprachmodell", "noun", .neuter, ["Sprachmodells", "Sprachmodelle", "Sprachmodellen"]),
        ("Unternehmen", "noun", .neuter, ["Unternehmens"]),
        ("Start-up", "noun", .neuter, ["Start-ups"]),
        ("Sonderberater", "noun", .masculine, ["Sonderberaters", "Sonderberatern"]),
        ("Konkurrent", "noun", .masculine, ["Konkurrenten"]),
        ("Aufsichtsrat", "noun", .masculine, ["Aufsichtsrats", "Aufsichtsrates", "Aufsichtsräte", "Aufsichtsräten"]),
        ("Stromverbrauch", "noun", .masculine, ["Stromverbrauchs", "Stromverbräuche"]),
        ("Datenschutz", "noun", .masculine, ["Datenschutzes"]),
        ("Grafikprozessor", "noun", .masculine, ["Grafikprozessors", "Grafikprozessoren"]),
        ("Chip", "noun", .masculine, ["Chips"]),
        ("GPU-Cluster", "noun", .masculine, ["GPU-Clusters", "GPU-Clustern"]),
        ("Rechenkapazität", "noun", .feminine, ["Rechenkapazitäten"]),
        ("Milliarde", "noun", .feminine, ["Milliarden"]),
        ("Wahl", "noun", .feminine, ["Wahlen"]),
        ("KI", "noun", .feminine, ["KIs"]),
        ("Musk", "properNoun", .masculine, ["Musks"]),
        ("Elon Musk", "properNoun", .masculine, ["Elon Musks"]),
        ("künstliche Intelligenz", "noun", .feminine, ["künstlichen Intelligenz", "künstlicher Intelligenz"]),
        ("großes Sprachmodell", "noun", .neuter, ["große Sprachmodelle", "großen Sprachmodellen", "großes Sprachmodell"]),
        ("Europäische Union", "properNoun", .feminine, ["Europäischen Union"]),
        ("Vereinigte Staaten", "properNoun", nil, ["Vereinigten Staaten"]),
        ("Sonderberater für künstliche Intelligenz", "noun", .masculine, ["Sonderberaters für künstliche Intelligenz"]),
    ] as [(String, String, GrammaticalGender?, [String])])
    func generatesInflectedForms(term: String, partOfSpeech: String, gender: GrammaticalGender?, expected: [String]) throws {
        let forms = try #require(Self.forms(term, partOfSpeech, gender))
        #expect(forms.contains(term))
        for form in expected { #expect(forms.contains(form), "\(form)") }
    }

    /// Attributive adjectives in one noun phrase take the same ending, so forms grow with the endings
    /// and not with the number of adjectives: a term of forty adjectives once generated 31,250 forms
    /// and took the matcher 13 s to index.
    @Test func adjectivesBeforeTheHeadInflectTogether() throws {
        let forms = try #require(Self.forms("neue große Sprachmodell", "noun", .neuter))
        #expect(forms.contains("neuen großen Sprachmodellen"))
        #expect(!forms.contains("neuen große Sprachmodell"))
        let long = String(repeating: "künstliche ", count: 40) + "Intelligenz"
        #expect(try #require(Self.forms(long, "noun", .feminine)).count <= 12)
    }

    /// Other words that share a stem must never be generated.
    @Test(arguments: [
        ("Politik", GrammaticalGender.feminine, "Politiker"), ("Wahl", .feminine, "Wähler"), ("Wahl", .feminine, "Wählen"),
        ("Wettbewerber", .masculine, "Wettbewerb"), ("Unternehmen", .neuter, "Unternehmer"),
        ("Sonderberater", .masculine, "Sonderberaterin"), ("Regulierung", .feminine, "Deregulierung"),
    ])
    func neverGeneratesOtherWords(term: String, gender: GrammaticalGender, other: String) throws {
        #expect(try #require(Self.forms(term, "noun", gender)).contains(other) == false)
    }

    @Test func withoutGrammarTheStemmerMustStandIn() {
        #expect(Self.forms("Trainingsdaten", "noun", nil) == nil)
        #expect(Self.forms("Hund", nil, nil) == nil)
        #expect(Self.forms("unternehmen", "verb", nil) == nil)
        #expect(TermForms.forms(of: GlossaryTerm(text: "Hund", language: "de")).needsStemmer)
    }

    @Test(arguments: [
        ("Fördergelder", "usually plural; singular Fördergeld", ["Fördergeld"]),
        ("Rechenzentrum", "plural Rechenzentren (-um -> -en)", ["Rechenzentren"]),
        ("Elon Musk", "genitive Elon Musks", ["Elon Musks"]),
        ("Aufsichtsrat", "umlaut plural: Aufsichtsräte", ["Aufsichtsräte"]),
        ("Vereinigte Staaten", "plural name: Vereinigten Staaten", []),
        ("Sonderberater", "feminine Sonderberaterin is a separate lexeme", []),
        ("Politik", "NOT Politiker (politician)", []),
    ])
    func notesMayDeclareForms(term: String, note: String, expected: [String]) {
        #expect(TermNotes.declaredForms(in: note, of: term) == expected)
    }

    @Test func declaredFormsJoinTheGeneratedOnes() {
        let term = GlossaryTerm(text: "Fördergelder", language: "de", partOfSpeech: "noun", gender: .neuter, note: "singular Fördergeld")
        let forms = TermForms.forms(of: term).forms
        #expect(forms.contains(TermForm(text: "Fördergeld", kind: .inflected)))
        #expect(forms.contains { $0.text == "Fördergeldern" })
    }

    @Test func formsSayWhatTheyCanAgreeWith() throws {
        let forms = try #require(GermanInflection.forms(of: GlossaryTerm(text: "Rechenzentrum", language: "de", partOfSpeech: "noun", gender: .neuter)))
        #expect(forms.first { $0.text == "Rechenzentrums" }?.agreement == .neuter)
        #expect(forms.first { $0.text == "Rechenzentrum" }?.kind == .exact)
        #expect(forms.first { $0.text == "Rechenzentren" }?.kind == .inflected)
        #expect(forms.first { $0.text == "Rechenzentren" }?.agreement == .plural)
        let kunde = try #require(GermanInflection.forms(of: GlossaryTerm(text: "Kunde", language: "de", partOfSpeech: "noun", gender: .masculine)))
        #expect(kunde.first { $0.text == "Kunden" }?.agreement == [.masculine, .plural])
    }

    @Test(arguments: [
        ("data centre", ["data centres"]), ("large language model", ["large language models"]), ("AI", ["AIs"]),
        ("special adviser on artificial intelligence", ["special advisers on artificial intelligence"]),
        ("policy", ["policies"]), ("tax", ["taxes"]),
    ])
    func englishHeadsTakeThePlural(term: String, expected: [String]) {
        let forms = Set(EnglishInflection.forms(of: GlossaryTerm(text: term, language: "en", partOfSpeech: "noun")).map(\.text))
        #expect(forms == Set([term] + expected))
    }
}
