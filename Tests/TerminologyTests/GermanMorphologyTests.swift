import Foundation
import PipelineCore
import Testing
@testable import Terminology

/// The classes of German morphology the matcher generates, each on sentences and terms written for
/// these tests: adjectival nouns, names with a strong adjective, umlaut and foreign plurals, compound
/// heads, and homographs that the article or an idiom tells apart.
@Suite struct GermanMorphologyTests {
    /// One concept per German term; the English side is the German term in brackets, which is all
    /// the tests compare.
    static func term(_ text: String, _ partOfSpeech: String = "noun", _ gender: GrammaticalGender? = nil,
                     _ number: GrammaticalNumber? = nil, note: String? = nil) -> GlossaryConcept {
        GlossaryConcept(id: text, terms: [
            GlossaryTerm(text: text, language: "de", partOfSpeech: partOfSpeech, gender: gender, number: number, note: note),
            GlossaryTerm(text: "[\(text)]", language: "en"),
        ], origin: "inline")
    }

    static let concepts: [GlossaryConcept] = [
        // Adjectival nouns: cited in every way a glossary may cite them, with and without the class.
        term("Abgeordneter", "noun", .masculine, note: "adjectival noun"),
        term("Vorsitzende", "noun", .feminine),
        term("Arbeitsloser", "noun", .masculine),
        term("Angestellte", "noun", nil, .plural),
        term("Beamter", "noun", .masculine),
        term("Verletzte", "noun", .masculine, note: "adjectival-noun"),
        term("Delegierter", "noun", .masculine),
        term("Reisende", "noun", nil, .plural),
        term("Jugendlicher", "noun", .masculine),
        term("Gefangener", "noun", .masculine),
        term("Angehöriger", "noun", .masculine, note: "substantiviertes Adjektiv"),
        // Ordinary nouns that end like them.
        term("Vertreter", "noun", .masculine), term("Spender", "noun", .masculine), term("Verteidiger", "noun", .masculine),
        // Names with an adjective cited strong, and their heads on their own.
        term("Internationaler Währungsfonds", "properNoun", .masculine), term("Islamischer Staat", "properNoun", .masculine),
        term("Europäischer Gerichtshof", "properNoun", .masculine), term("Schwarzes Meer", "properNoun", .neuter),
        term("Hoher Kommissar", "noun", .masculine), term("Roter Platz", "properNoun", .masculine),
        term("Staat", "noun", .masculine), term("Gerichtshof", "noun", .masculine), term("Meer", "noun", .neuter),
        term("Kommissar", "noun", .masculine), term("Platz", "noun", .masculine),
        // Umlaut plurals.
        term("Haus", "noun", .neuter), term("Rathaus", "noun", .neuter), term("Flughafen", "noun", .masculine),
        term("Stadt", "noun", .feminine), term("Hauptstadt", "noun", .feminine), term("Macht", "noun", .feminine),
        term("Vertrag", "noun", .masculine), term("Zoll", "noun", .masculine), term("Vater", "noun", .masculine),
        term("Mangel", "noun", .masculine), term("Wahl", "noun", .feminine), term("Wahlkampf", "noun", .masculine),
        // Foreign plurals.
        term("Thema", "noun", .neuter), term("Risiko", "noun", .neuter), term("Museum", "noun", .neuter),
        term("Ministerium", "noun", .neuter), term("Konto", "noun", .neuter), term("Virus", "noun", .neuter),
        term("Stadion", "noun", .neuter), term("Basis", "noun", .feminine), term("Firma", "noun", .feminine),
        term("Auto", "noun", .neuter), term("Algorithmus", "noun", .masculine), term("Partei", "noun", .feminine),
        // Compound heads and homographs.
        term("Minister", "noun", .masculine), term("Gesetz", "noun", .neuter), term("Bank", "noun", .feminine),
        term("Präsident", "noun", .masculine), term("Rat", "noun", .masculine), term("Kunde", "noun", .masculine),
        term("Steuer", "noun", .feminine), term("Gehalt", "noun", .neuter), term("Band", "noun", .masculine),
        term("Verdienst", "noun", .masculine), term("Golf", "noun", .masculine), term("See", "noun", .masculine),
        term("Spiel", "noun", .neuter), term("Kauf", "noun", .masculine), term("Million", "noun", .feminine),
    ]
    static let matcher = TermMatcher(glossary: Glossary(concepts: concepts, languages: GlossaryFixtures.deEn))
    static let compoundMatcher = TermMatcher(
        glossary: Glossary(concepts: concepts, languages: GlossaryFixtures.deEn), options: .init(compounds: true))

    /// `surface>term` for every match, in text order.
    static func found(_ text: String, _ matcher: TermMatcher = matcher) -> [String] {
        matcher.matches(in: text).map { "\($0.surface)>\($0.source)" + ($0.kind == .compound ? " (compound)" : "") }
    }

    @Test(arguments: [
        ("Der Abgeordnete sprach lange.", ["Abgeordnete>Abgeordneter"]),
        ("Zwei Abgeordnete und ein Abgeordneter fehlten.", ["Abgeordnete>Abgeordneter", "Abgeordneter>Abgeordneter"]),
        ("Die Rede der Abgeordneten war kurz.", ["Abgeordneten>Abgeordneter"]),
        ("Als neuer Vorsitzender folgte er der Vorsitzenden.", ["Vorsitzender>Vorsitzende", "Vorsitzenden>Vorsitzende"]),
        ("Rund 400.000 Arbeitslose; jeder Arbeitslose; die Zahl der Arbeitslosen.",
         ["Arbeitslose>Arbeitsloser", "Arbeitslose>Arbeitsloser", "Arbeitslosen>Arbeitsloser"]),
        ("Ein Angestellter und eine Angestellte sprachen mit den Angestellten.",
         ["Angestellter>Angestellte", "Angestellte>Angestellte", "Angestellten>Angestellte"]),
        ("Der Beamte, ein Beamter und die Beamten.", ["Beamte>Beamter", "Beamter>Beamter", "Beamten>Beamter"]),
        ("Ein Verletzter, zwölf Verletzte, einer der Verletzten.",
         ["Verletzter>Verletzte", "Verletzte>Verletzte", "Verletzten>Verletzte"]),
        ("Die Delegierten wählten einen Delegierten.", ["Delegierten>Delegierter", "Delegierten>Delegierter"]),
        ("Ein Reisender sprach mit Reisenden.", ["Reisender>Reisende", "Reisenden>Reisende"]),
        ("Mehrere Jugendliche und ein Jugendlicher.", ["Jugendliche>Jugendlicher", "Jugendlicher>Jugendlicher"]),
        ("Die Gefangenen und ein Gefangener.", ["Gefangenen>Gefangener", "Gefangener>Gefangener"]),
        ("Die Angehörigen trauern; eine Angehörige sprach.", ["Angehörigen>Angehöriger", "Angehörige>Angehöriger"]),
        // Ordinary nouns keep their own declension and gain no adjective forms.
        ("Die Vertreter sind nicht vertreten; das Vertreten ist Sache der Vertretern.", ["Vertreter>Vertreter", "Vertretern>Vertreter"]),
        ("Der Spender gab eine Spende.", ["Spender>Spender"]),
        ("Mit seinen Verteidigern berieten die Verteidigen nichts.", ["Verteidigern>Verteidiger"]),
    ])
    func adjectivalNounsTakeEveryForm(text: String, expected: [String]) {
        #expect(Self.found(text) == expected)
    }

    /// Which cited forms are taken for adjectival nouns without the glossary saying so.
    @Test(arguments: [
        ("Vorsitzender", GrammaticalGender.masculine, true), ("Parteivorsitzende", .feminine, true),
        ("Angestellter", .masculine, true), ("Verletzter", .masculine, true), ("Beamter", .masculine, true),
        ("Abgeordneter", .masculine, true), ("Bekannter", .masculine, true), ("Beschäftigter", .masculine, true),
        ("Arbeitsloser", .masculine, true), ("Erwachsener", .masculine, true), ("Angehörige", .feminine, true),
        ("Vertreter", .masculine, false), ("Verwalter", .masculine, false), ("Berater", .masculine, false),
        ("Sender", .masculine, false), ("Anwender", .masculine, false), ("Verteidiger", .masculine, false),
        ("Gläubiger", .masculine, false), ("Diener", .masculine, false), ("Besserverdiener", .masculine, false),
        ("Kunde", .masculine, false), ("Experte", .masculine, false), ("Spende", .feminine, false),
        ("Energiewende", .feminine, false), ("Beobachter", .masculine, false),
    ])
    func adjectivalNounsAreRecognisedByTheirEnding(word: String, gender: GrammaticalGender, isAdjectival: Bool) {
        #expect((AdjectivalNoun.stem(of: word, gender: gender, plural: false, declared: false) != nil) == isAdjectival)
    }

    @Test(arguments: [
        ("Der Internationale Währungsfonds warnt.", ["Internationale Währungsfonds>Internationaler Währungsfonds"]),
        ("Kredite vom Internationalen Währungsfonds.", ["Internationalen Währungsfonds>Internationaler Währungsfonds"]),
        ("Hilfe von Internationalem Währungsfonds und Staat.",
         ["Internationalem Währungsfonds>Internationaler Währungsfonds", "Staat>Staat"]),
        ("Kämpfer des Islamischen Staates.", ["Islamischen Staates>Islamischer Staat"]),
        ("Der Islamische Staat und ein anderer Staat.", ["Islamische Staat>Islamischer Staat", "Staat>Staat"]),
        ("Die Klage liegt beim Europäischen Gerichtshof.", ["Europäischen Gerichtshof>Europäischer Gerichtshof"]),
        ("Der Europäische Gerichtshof ist ein Gerichtshof.", ["Europäische Gerichtshof>Europäischer Gerichtshof", "Gerichtshof>Gerichtshof"]),
        ("Schiffe auf dem Schwarzen Meer, nicht im Meer.", ["Schwarzen Meer>Schwarzes Meer", "Meer>Meer"]),
        ("Ein Bericht des Hohen Kommissars.", ["Hohen Kommissars>Hoher Kommissar"]),
        ("Die Parade auf dem Roten Platz.", ["Roten Platz>Roter Platz"]),
        ("Der Rote Platz ist ein Platz.", ["Rote Platz>Roter Platz", "Platz>Platz"]),
    ])
    func namesDeclineTheirStrongAdjective(text: String, expected: [String]) {
        #expect(Self.found(text) == expected)
    }

    @Test func aFirstNameBeforeTheHeadStaysAsItIs() throws {
        let forms = try #require(GermanInflection.forms(of: GlossaryTerm(text: "Peter Müller", language: "de", partOfSpeech: "properNoun")))
        #expect(Set(forms.map(\.text)) == ["Peter Müller", "Peter Müllers"])
        #expect(GermanInflection.isAdjectiveLike("Internationaler") && GermanInflection.isAdjectiveLike("Schwarzes"))
        #expect(!GermanInflection.isAdjectiveLike("Walter") && !GermanInflection.isAdjectiveLike("Peter"))
    }

    @Test(arguments: [
        ("In den Häusern und Rathäusern.", ["Häusern>Haus", "Rathäusern>Rathaus"]),
        ("Viele Häuser stehen leer.", ["Häuser>Haus"]),
        ("Auf deutschen Flughäfen.", ["Flughäfen>Flughafen"]),
        ("Die Städte und Hauptstädte; in den Städten.", ["Städte>Stadt", "Hauptstädte>Hauptstadt", "Städten>Stadt"]),
        ("Die westlichen Mächte einigten sich.", ["Mächte>Macht"]),
        ("Nach den Verträgen fallen die Zölle.", ["Verträgen>Vertrag", "Zölle>Zoll"]),
        ("Die Väter sprachen mit den Vätern.", ["Väter>Vater", "Vätern>Vater"]),
        ("Trotz aller Mängel und wegen Mängeln.", ["Mängel>Mangel", "Mängeln>Mangel"]),
        ("Die Wähler haben die Wahlen; das Wählen fällt schwer.", ["Wahlen>Wahl"]),
        ("Kämpfer führen keine Wahlkämpfe.", ["Wahlkämpfe>Wahlkampf"]),
        ("Die Kommission tagt in zwei Häusern des Staates.", ["Häusern>Haus", "Staates>Staat"]),
    ])
    func umlautPluralsAndTheirDative(text: String, expected: [String]) {
        #expect(Self.found(text) == expected)
    }

    @Test(arguments: [
        ("Die Themen und Risiken.", ["Themen>Thema", "Risiken>Risiko"]),
        ("Mehrere Museen und Ministerien.", ["Museen>Museum", "Ministerien>Ministerium"]),
        ("Sie froren Konten und Kontos ein.", ["Konten>Konto", "Kontos>Konto"]),
        ("Neue Viren verbreiten sich.", ["Viren>Virus"]),
        ("In den Stadien der Liga.", ["Stadien>Stadion"]),
        ("Auf breiten Basen.", ["Basen>Basis"]),
        ("Die Firmen und Autos.", ["Firmen>Firma", "Autos>Auto"]),
        ("Die Algorithmen der Plattform.", ["Algorithmen>Algorithmus"]),
        ("Zwei Parteien und eine Partei.", ["Parteien>Partei", "Partei>Partei"]),
        ("Die Schemata der Themata.", ["Themata>Thema"]),
        ("Des Risikos wegen.", ["Risikos>Risiko"]),
    ])
    func foreignPlurals(text: String, expected: [String]) {
        #expect(Self.found(text) == expected)
    }

    @Test(arguments: [
        ("Der Außenminister traf den Minister.", ["Außenminister>Minister (compound)", "Minister>Minister"]),
        ("Die Außenministers Rede.", ["Außenministers>Minister (compound)"]),
        ("Nach den Landtagswahlen.", ["Landtagswahlen>Wahl (compound)"]),
        ("Die Gesetzesänderung kommt.", []),
        ("Der Bankrott der Firma.", ["Firma>Firma"]),
        ("Die US-Präsidentschaft endet.", []),
        ("Die Auswahl ist groß.", []),
        ("Der Bundesrat und der Stadtrat.", ["Bundesrat>Rat (compound)"]),
        ("Der Apparat und die Heirat.", []),
        ("Eine Urkunde für den Bundespräsidenten.", ["Bundespräsidenten>Präsident (compound)"]),
        ("Zwei Bundestagsabgeordnete.", ["Bundestagsabgeordnete>Abgeordneter (compound)"]),
        ("Die Zentralbanken der Eurostaaten.", ["Zentralbanken>Bank (compound)", "Eurostaaten>Staat (compound)"]),
    ])
    func compoundsAreNamedByTheirHead(text: String, expected: [String]) {
        #expect(Self.found(text, Self.compoundMatcher) == expected)
        #expect(!Self.found(text).contains { $0.hasSuffix("(compound)") })
    }

    @Test func aCompoundSpansTheWholeWord() throws {
        let text = "Die Außenministerin sprach."
        #expect(Self.found(text, Self.compoundMatcher).isEmpty, "Ministerin is not a form of Minister")
        let match = try #require(Self.compoundMatcher.matches(in: "Die Außenminister sprachen.").first)
        #expect(match.span == TextSpan(start: 4, end: 4 + "Außenminister".utf8.count))
        #expect(match.kind == .compound && match.target == "[Minister]")
    }

    @Test(arguments: [
        ("Die Kunde von seinem Rücktritt.", []),
        ("Der Kunde und die Kunden.", ["Kunde>Kunde", "Kunden>Kunde"]),
        ("Die neue Kunde erreichte die neuen Kunden.", ["Kunden>Kunde"]),
        ("Das Land, das Kunden anlockt.", ["Kunden>Kunde"]),
        ("Das Steuer hielt er fest; die Steuer stieg; am Steuer saß sie.", ["Steuer>Steuer"]),
        ("Der Gehalt an Zucker und das Gehalt des Chefs.", ["Gehalt>Gehalt"]),
        ("Die Band spielte. Das Band riss. Der erste Band erschien.", ["Band>Band"]),
        ("Das Verdienst gebührt ihr, der Verdienst ist gering.", ["Verdienst>Verdienst"]),
        ("Das Golf ist ein Sport, der Golf ein Meer.", ["Golf>Golf", "Meer>Meer"]),
        ("Die See ist rau, der See ist still.", ["See>See"]),
        ("Die Regierung schiebt die Reform auf die lange Bank; die Bank schweigt.", ["Bank>Bank"]),
        ("Er setzt das Spiel aufs Spiel und nimmt den Kauf in Kauf.", ["Spiel>Spiel", "Kauf>Kauf"]),
        ("Der Umsatz liegt im zweistelligen Millionen-Euro-Bereich.", ["Millionen>Million"]),
        ("Einem ihrer Museen fehlt Geld.", ["Museen>Museum"]),
    ])
    func anArticleOrIdiomOfAnotherSenseRulesTheMatchOut(text: String, expected: [String]) {
        #expect(Self.found(text) == expected)
    }

    @Test(arguments: [
        ("adjectival-noun; forms=Abgeordnete, Abgeordneten", TermNotes.Declension.adjectival),
        ("substantiviertes Adjektiv", .adjectival), ("weak-noun", .weak), ("plural-only", .pluralOnly),
    ])
    func notesNameTheDeclension(note: String, declension: TermNotes.Declension) {
        #expect(TermNotes.declension(in: note) == declension)
    }

    @Test func keyedNoteFormsAreRead() {
        #expect(TermNotes.declaredForms(in: "adjectival-noun; forms=Abgeordnete, Abgeordneten", of: "Abgeordneter")
            == ["Abgeordnete", "Abgeordneten"])
        #expect(TermNotes.declaredForms(in: "plural=Rechenzentren; genitive=Rechenzentrums", of: "Rechenzentrum")
            == ["Rechenzentren", "Rechenzentrums"])
    }

    /// Our own general-politics glossary and sentences (Fixtures/Politics), scored as
    /// `../shared/tools/eval-terms` scores them: a match counts when its span and target are expected.
    @Test func ownPoliticsSetScoresAtLeast97Percent() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Politics")
        let glossary = try Glossary.load(
            [folder.appendingPathComponent("glossary_de-en.tsv")], source: LanguageTag("de")!, target: LanguageTag("en")!)
        let matcher = TermMatcher(glossary: glossary)
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        let lines = try String(contentsOf: folder.appendingPathComponent("cases.jsonl"), encoding: .utf8).split(separator: "\n")
        for line in lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try #require(record["text"] as? String)
            func keys(_ field: String) -> Set<String> {
                Set((record[field] as? [[String: Any]] ?? []).map { "\($0["start"]!)-\($0["end"]!)-\(($0["en"] as! String).lowercased())" })
            }
            // Spans are UTF-8 offsets; the cases count Unicode scalars.
            let found = Set(matcher.matches(in: text).map { match in
                let start = String(decoding: Array(text.utf8.prefix(match.span.start)), as: UTF8.self).unicodeScalars.count
                return "\(start)-\(start + match.surface.unicodeScalars.count)-\(match.target.lowercased())"
            })
            let expected = keys("matches"), optional = keys("optional")
            truePositives += found.intersection(expected).count
            falsePositives += found.subtracting(expected).subtracting(optional).count
            falseNegatives += expected.subtracting(found).count
        }
        let precision = Double(truePositives) / Double(truePositives + falsePositives)
        let recall = Double(truePositives) / Double(truePositives + falseNegatives)
        #expect(lines.count == 75)
        #expect(2 * precision * recall / (precision + recall) >= 0.97, "P \(precision) R \(recall)")
    }
}
