import Foundation
import PipelineCore
import Testing
@testable import Terminology

/// CSV as spreadsheets save it, and what a reader does with what it does not know: says so.
@Suite struct DelimitedGlossaryTests {
    static let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)

    static func read(_ text: String, name: String = "g.csv") throws -> (concepts: [GlossaryConcept], warnings: [String]) {
        var warnings: [String] = []
        let concepts = try GlossaryFile.parse(Data(text.utf8), file: name, fileName: name, languages: languages) { warnings.append($0) }
        return (concepts, warnings)
    }

    @Test(arguments: [
        "Deutsch;Englisch;Genus\nRechenzentrum;data centre;neutrum\n\"Chip; klein\";chip;m\n",
        "Deutsch,Englisch,Genus\nRechenzentrum,data centre,neutrum\n\"Chip; klein\",chip,m\n",
        "Deutsch\tEnglisch\tGenus\nRechenzentrum\tdata centre\tneutrum\n\"Chip; klein\"\tchip\tm\n",
    ])
    func theDelimiterIsTheOneTheHeaderUses(text: String) throws {
        let (concepts, warnings) = try Self.read(text)
        #expect(concepts.map { $0.terms.map(\.text) } == [["Rechenzentrum", "data centre"], ["Chip; klein", "chip"]])
        #expect(concepts.first?.terms.first?.gender == .neuter)
        #expect(warnings.isEmpty)
    }

    @Test func aHeaderOfCommasInsideQuotesDoesNotMisleadTheGuess() {
        #expect(CSVRecords.delimiter(of: "\"a,b,c\";Deutsch;Englisch\n") == ";")
        #expect(CSVRecords.delimiter(of: "Deutsch,Englisch\n") == ",")
        #expect(CSVRecords.delimiter(of: "Deutsch\n") == ",")
    }

    @Test func unknownColumnsAndValuesAreWarnedAboutWithTheirLine() throws {
        let (concepts, warnings) = try Self.read("""
            German,English,Gender,Status,Colour
            Rechenzentrum,data centre,male,preferred,blue
            Chip,chip,masculine,maybe,red

            """)
        #expect(concepts.count == 2)
        #expect(concepts.first?.terms.first?.gender == nil)
        #expect(warnings == [
            "g.csv:1: column 5 'Colour' is not read; term columns are named by language or Source/Target, others ConceptID, Status, PartOfSpeech, Gender, Number, TermType, MatchCase, Note",
            "g.csv:2: gender 'male' is not one this reader knows (masculine, feminine, neuter); ignored",
            "g.csv:3: status 'maybe' is not one this reader knows (preferred, admitted, deprecated); ignored",
        ])
    }

    @Test func theTermStageHandsItsWarningsToTheRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("g.csv")
        try "Deutsch;Englisch;Farbe\nChip;chip;rot\n".write(to: file, atomically: true, encoding: .utf8)
        let context = StageContext(pipelineName: "p", languages: Self.languages, baseDirectory: folder, glossaries: [file])
        let stage = try TermStage(options: TermOptions(), context: context)
        #expect(stage.warnings.count == 1)
        #expect(stage.warnings.first?.hasPrefix("\(file.path):1: column 3 'Farbe' is not read") == true)
    }
}

/// Term loading is linear in the term's length: a 1 MB term once never finished loading.
@Suite struct HugeTermTests {
    @Test func aVeryLongTermLoadsAndIsKept() throws {
        let words = ["Internationaler", "großes", "Sprachmodell", "Bank", "der", "Haus", "Abgeordneter", "und"]
        let term = (0..<40_000).map { words[$0 % words.count] }.joined(separator: " ")
        let concepts = try GlossaryFile.parse(
            Data("\(term)\tword\n".utf8), file: "big.tsv", fileName: "big.tsv", languages: DelimitedGlossaryTests.languages)
        let glossary = Glossary(concepts: concepts, languages: DelimitedGlossaryTests.languages)
        #expect(glossary.entries.count == 1)
        #expect(glossary.entries.first?.term.text.utf8.count == term.utf8.count)
        let matcher = TermMatcher(glossary: glossary, options: .init(compounds: false, fuzzy: true))
        #expect(matcher.matches(in: "Das große Haus.", within: [TextSpan(start: 0, end: 16)]).isEmpty)
    }
}
