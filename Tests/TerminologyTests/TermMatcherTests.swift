import Foundation
import PipelineCore
import Testing
@testable import Terminology

@Suite struct TermMatcherTests {
    static let matcher = try! GlossaryFixtures.matcher()

    struct Found: Equatable, CustomStringConvertible {
        let surface: String
        let source: String
        let kind: MatchKind
        init(_ surface: String, _ source: String, _ kind: MatchKind) {
            self.surface = surface
            self.source = source
            self.kind = kind
        }
        var description: String { "\(surface) [\(source), \(kind)]" }
    }

    static func found(_ text: String, matcher: TermMatcher = matcher) -> [Found] {
        matcher.matches(in: text).map { Found($0.surface, $0.source, $0.kind) }
    }

    /// The traps: substrings, stem collisions, case, longer terms covering shorter ones.
    @Test(arguments: [
        ("Im Kieler Hafen lagen Skier, in Kiew sprach man über KI-Politik.",
         [Found("KI", "KI", .exact), Found("Politik", "Politik", .exact)]),
        ("Der Wettbewerb unter den Wettbewerbern ist hart.", [Found("Wettbewerbern", "Wettbewerber", .inflected)]),
        ("Die Unternehmen wollen dagegen nichts unternehmen.", [Found("Unternehmen", "Unternehmen", .exact)]),
        ("XAI steht für erklärbare KI, xAI für eine Firma.", [Found("KI", "KI", .exact), Found("xAI", "xAI", .exact)]),
        ("Politiker reden, die Politik handelt.", [Found("Politik", "Politik", .exact)]),
        ("Die Wähler bestimmen die Wahlen.", [Found("Wahlen", "Wahl", .inflected)]),
        ("Eine Deregulierung ist keine Regulierung.", [Found("Regulierung", "Regulierung", .exact)]),
        ("Ki und ki sind nicht KI.", [Found("KI", "KI", .exact)]),
        ("Der Sonderberater für Künstliche Intelligenz traf die Europäische Union.", [
            Found("Sonderberater für Künstliche Intelligenz", "Sonderberater für künstliche Intelligenz", .exact),
            Found("Europäische Union", "Europäische Union", .exact),
        ]),
        ("Die KI-Verordnung wirkt.", [Found("KI-Verordnung", "KI-Verordnung", .exact)]),
        ("OpenAI's Modell und Elon Musks Pläne.", [Found("OpenAI", "OpenAI", .exact), Found("Elon Musks", "Elon Musk", .inflected)]),
        ("Aus Fördergeldern entstehen Rechenzentren.", [
            Found("Fördergeldern", "Fördergelder", .inflected), Found("Rechenzentren", "Rechenzentrum", .inflected),
        ]),
        ("Große Sprachmodelle brauchen die Aufsichtsräte nicht.", [
            Found("Große Sprachmodelle", "großes Sprachmodell", .inflected), Found("Aufsichtsräte", "Aufsichtsrat", .inflected),
        ]),
        ("Die Konkurrenten kaufen Chips der Europäischen Union.", [
            Found("Konkurrenten", "Konkurrent", .inflected), Found("Chips", "Chip", .inflected),
            Found("Europäischen Union", "Europäische Union", .inflected),
        ]),
        ("KÜNSTLICHE INTELLIGENZ in Versalien", [Found("KÜNSTLICHE INTELLIGENZ", "künstliche Intelligenz", .exact)]),
        ("Künstliche, Intelligenz getrennt", []),
    ] as [(String, [Found])])
    func findsExactlyTheTerms(text: String, expected: [Found]) {
        #expect(Self.found(text) == expected)
    }

    /// Normalisation happens in the keys only: spans and surfaces stay in the original text.
    @Test(arguments: [
        ("Die Europa\u{0308}ische Union", "Europa\u{0308}ische Union"),
        ("Neue Rechen\u{00AD}zentren entstehen", "Rechen\u{00AD}zentren"),
        ("über künstliche\u{00A0}Intelligenz", "künstliche\u{00A0}Intelligenz"),
        ("über künstliche  \n Intelligenz", "künstliche  \n Intelligenz"),
        ("die KI\u{2011}Verordnung", "KI\u{2011}Verordnung"),
    ])
    func normalisesButReportsOriginalOffsets(text: String, surface: String) throws {
        let match = try #require(Self.matcher.matches(in: text).first)
        #expect(match.surface == surface)
        #expect(text.slice(match.span) == surface)
        let prefix = try #require(text.range(of: surface)).lowerBound
        #expect(match.span.start == text.utf8.distance(from: text.startIndex, to: prefix))
    }

    @Test func matchesCarryTheGlossaryFacts() throws {
        let concepts = try GlossaryFixtures.concepts(GlossaryFixtures.tbx3DCA)
        let matcher = TermMatcher(glossary: Glossary(concepts: concepts, languages: GlossaryFixtures.deEn))
        let matches = matcher.matches(in: "Das Datacenter und zwei Rechenzentren.")
        #expect(matches.map(\.surface) == ["Datacenter", "Rechenzentren"])
        #expect(matches.map(\.target) == ["data centre", "data centre"])
        #expect(matches.map(\.status) == [.deprecated, .preferred])
        #expect(matches.map(\.conceptID) == ["k1", "k1"])
        #expect(matches[1].deprecatedTargets == ["computer centre"])
        #expect(matches[1].partOfSpeech == "noun")
        #expect(matches[1].span == TextSpan(start: 24, end: 37))
    }

    @Test func spansLimitTheSearch() {
        let text = "Elon Musk. Musks KI."
        let second = TextSpan(start: 11, end: text.utf8.count)
        #expect(Self.matcher.matches(in: text, within: [second]).map(\.surface) == ["KI"])
        // A term cannot reach across a span's edge.
        #expect(Self.matcher.matches(in: text, within: [TextSpan(start: 0, end: 4), TextSpan(start: 5, end: 10)]).isEmpty)
        #expect(Self.matcher.matches(in: text, within: [TextSpan(start: 0, end: 10), second]).map(\.surface) == ["Elon Musk", "KI"])
    }

    @Test func theStemmerStandsInForMissingGrammar() {
        let concepts = [GlossaryConcept(id: "h", terms: [GlossaryTerm(text: "Hund", language: "de"), GlossaryTerm(text: "dog", language: "en")], origin: "inline")]
        let glossary = Glossary(concepts: concepts, languages: GlossaryFixtures.deEn)
        // The stem must match and, as the term is capitalised, so must the text.
        let text = "Der Hund und die Hunde; ein hund ist kein Hundert."
        #expect(Self.found(text, matcher: TermMatcher(glossary: glossary)) == [
            Found("Hund", "Hund", .exact), Found("Hunde", "Hund", .fuzzy),
        ])
        #expect(Self.found(text, matcher: TermMatcher(glossary: glossary, options: .init(fuzzy: false))) == [Found("Hund", "Hund", .exact)])
    }

    @Test func compoundsAreOptionalAndNamedByTheirHead() throws {
        let text = "Der Rechenzentrumsbetreiber und die Politikerin reden über die Landtagswahlen und Großrechenzentren."
        #expect(Self.found(text).isEmpty)
        let matcher = try GlossaryFixtures.matcher(options: .init(compounds: true))
        #expect(Self.found(text, matcher: matcher) == [
            Found("Landtagswahlen", "Wahl", .compound), Found("Großrechenzentren", "Rechenzentrum", .compound),
        ])
    }

    @Test func earlierGlossariesWinAtTheSameSpan() {
        func concept(_ target: String) -> GlossaryConcept {
            GlossaryConcept(id: target, terms: [
                GlossaryTerm(text: "Chip", language: "de", partOfSpeech: "noun", gender: .masculine),
                GlossaryTerm(text: target, language: "en"),
            ], origin: "inline")
        }
        let glossary = Glossary(glossaries: [[concept("microchip")], [concept("crisp")]], languages: GlossaryFixtures.deEn)
        #expect(TermMatcher(glossary: glossary).matches(in: "Chips").map(\.target) == ["microchip"])
    }

    @Test func englishSourceTextFindsGermanTargets() throws {
        let glossary = Glossary(concepts: try GlossaryFixtures.matcherGlossaryConcepts(languages: GlossaryFixtures.enDe), languages: GlossaryFixtures.enDe)
        let matches = TermMatcher(glossary: glossary).matches(in: "New data centres for OpenAI's large language models.")
        #expect(matches.map(\.surface) == ["data centres", "OpenAI", "large language models"])
        #expect(matches.map(\.target) == ["Rechenzentrum", "OpenAI", "großes Sprachmodell"])
    }

    @Test func punctuationEndingATermIsPartOfIt() {
        let concepts = [GlossaryConcept(id: "b", terms: [
            GlossaryTerm(text: "Mrd.", language: "de", termType: "abbreviation"), GlossaryTerm(text: "billion", language: "en"),
        ], origin: "inline")]
        let matcher = TermMatcher(glossary: Glossary(concepts: concepts, languages: GlossaryFixtures.deEn))
        #expect(matcher.matches(in: "5 Mrd. Euro, nicht 5 Mrd Euro").map(\.surface) == ["Mrd."])
        #expect(matcher.matches(in: "Es sind 5 Mrd.", within: [TextSpan(start: 0, end: 13)]).isEmpty)
    }

    @Test func emptyAndPunctuationOnlyTextFindsNothing() {
        #expect(Self.matcher.matches(in: "").isEmpty)
        #expect(Self.matcher.matches(in: "KI", within: [TextSpan(start: 1, end: 99)]).isEmpty)
        #expect(Self.matcher.matches(in: " – „“ ‚‘ … ").isEmpty)
    }
}
