import Foundation
import PipelineCore
import Testing
import XML
@testable import Terminology

@Suite struct GlossaryImportTests {
    struct Expected: Equatable, CustomStringConvertible {
        let source: String
        let target: String
        let status: TermStatus
        var description: String { "\(source) → \(target) (\(status))" }
    }

    static let expectedDeEn = [
        Expected(source: "Rechenzentrum", target: "data centre", status: .preferred),
        Expected(source: "Datacenter", target: "data centre", status: .deprecated),
        Expected(source: "Wahl", target: "election", status: .preferred),
        Expected(source: "xAI", target: "xAI", status: .preferred),
        Expected(source: "Konkurrent", target: "competitor", status: .admitted),
    ]

    @Test(arguments: GlossaryFixtures.all)
    func everyFormatYieldsTheSameEntries(fixture: GlossaryFixtures.Fixture) throws {
        let glossary = Glossary(concepts: try GlossaryFixtures.concepts(fixture), languages: GlossaryFixtures.deEn)
        #expect(glossary.entries.map { Expected(source: $0.term.text, target: $0.target, status: $0.status) } == Self.expectedDeEn)
        let xAI = try #require(glossary.entries.first { $0.term.text == "xAI" })
        #expect(xAI.term.caseSensitive)
        #expect(!glossary.entries[0].term.caseSensitive)
    }

    @Test(arguments: GlossaryFixtures.all.filter(\.hasDeprecatedTargets))
    func deprecatedTargetsAreExposedButNeverOffered(fixture: GlossaryFixtures.Fixture) throws {
        let glossary = Glossary(concepts: try GlossaryFixtures.concepts(fixture), languages: GlossaryFixtures.deEn)
        let rechenzentrum = try #require(glossary.entries.first { $0.term.text == "Rechenzentrum" })
        #expect(rechenzentrum.target == "data centre")
        #expect(rechenzentrum.deprecatedTargets == ["computer centre"])
    }

    @Test(arguments: [GlossaryFixtures.tbx3DCA, GlossaryFixtures.tbx3DCT, GlossaryFixtures.tbx2008, GlossaryFixtures.csv])
    func grammarIsRead(fixture: GlossaryFixtures.Fixture) throws {
        let concepts = try GlossaryFixtures.concepts(fixture)
        let term = try #require(concepts.flatMap(\.terms).first { $0.text == "Konkurrent" })
        #expect(term.partOfSpeech == "noun")
        #expect(term.gender == .masculine)
        #expect(concepts.map(\.id).prefix(4) == ["k1", "k2", "k3", "k4"])
    }

    /// The same files read English→German: the preferred German term becomes the target.
    @Test(arguments: GlossaryFixtures.all)
    func theOtherDirectionOffersGermanTargets(fixture: GlossaryFixtures.Fixture) throws {
        let glossary = Glossary(concepts: try GlossaryFixtures.concepts(fixture, languages: GlossaryFixtures.enDe), languages: GlossaryFixtures.enDe)
        let dataCentre = try #require(glossary.entries.first { $0.term.text == "data centre" })
        #expect(dataCentre.target == "Rechenzentrum")
        #expect(dataCentre.deprecatedTargets == ["Datacenter"])
        #expect(glossary.entries.first { $0.term.text == "competitor" }?.target == "Konkurrent")
    }

    @Test func anEnglishTermOnlyDeprecatedOffersNothing() throws {
        let concept = GlossaryConcept(id: "x", terms: [
            GlossaryTerm(text: "Hund", language: "de"),
            GlossaryTerm(text: "hound", language: "en", status: .deprecated),
        ], origin: "inline")
        #expect(Glossary(concepts: [concept], languages: GlossaryFixtures.deEn).entries.isEmpty)
    }

    @Test func earlierGlossariesTakePriority() throws {
        func concept(_ target: String) -> GlossaryConcept {
            GlossaryConcept(id: target, terms: [GlossaryTerm(text: "Chip", language: "de"), GlossaryTerm(text: target, language: "en")], origin: "inline")
        }
        let glossary = Glossary(glossaries: [[concept("microchip")], [concept("crisp")]], languages: GlossaryFixtures.deEn)
        #expect(glossary.entries.map(\.target) == ["microchip"])
        #expect(glossary.entries[0].glossaryIndex == 0)
    }

    @Test func loadReadsFilesAndRejectsOneWithoutTheLanguage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tsv = folder.appendingPathComponent("glossary_de-en.tsv")
        try GlossaryFixtures.tsv.contents.write(to: tsv, atomically: true, encoding: .utf8)
        let glossary = try Glossary.load([tsv], source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)
        #expect(glossary.entries.count == 5)
        #expect(throws: GlossaryError.languages(file: tsv.path, problem: "has no terms in 'fr'")) {
            try Glossary.load([tsv], source: LanguageTag("fr")!, target: LanguageTag("en")!)
        }
        let missing = folder.appendingPathComponent("missing.tbx")
        #expect(throws: GlossaryError.self) { try Glossary.load([missing], source: LanguageTag("de")!, target: LanguageTag("en")!) }
    }

    // MARK: - Bad input

    struct BadFile: CustomTestStringConvertible, Sendable {
        let fileName: String
        let contents: String
        let expected: GlossaryError
        var testDescription: String { fileName }
    }

    static let badFiles: [BadFile] = [
        BadFile(fileName: "doctype-entities.tbx", contents: """
            <?xml version="1.0"?>
            <!DOCTYPE tbx [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
            <tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body/></text></tbx>
            """, expected: .xml(.doctypeForbidden(file: "doctype-entities.tbx", line: 2))),
        BadFile(fileName: "external-entity.tbx", contents: """
            <?xml version="1.0"?>
            <!DOCTYPE tbx [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>&secret;</body></text></tbx>
            """, expected: .xml(.doctypeForbidden(file: "external-entity.tbx", line: 2))),
        BadFile(fileName: "unclosed.tbx", contents: """
            <tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="a"><langSec xml:lang="de"><termSec><term>Chip</termSec>
            </langSec></conceptEntry></body></text></tbx>
            """, expected: .xml(.notWellFormed(file: "unclosed.tbx", line: 2, message: "Opening and ending tag mismatch: term line 2 and termSec"))),
        BadFile(fileName: "structure.tbx", contents: """
            <tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
            <conceptEntry id="a">
              <langSec xml:lang="de">
                <term>Chip</term>
                <termSec><term>Halbleiter</term><note>n</note><termNote type="partOfSpeech">noun</termNote></termSec>
              </langSec>
              <langSec><termSec><term>chip</term></termSec></langSec>
            </conceptEntry>
            <conceptEntry><langSec xml:lang="de"><termSec/></langSec></conceptEntry>
            </body></text></tbx>
            """, expected: .invalidStructure(file: "structure.tbx", problems: [
                .init(line: 4, message: "<term> directly inside <langSec>; a term belongs in a term section (termSec/tig)"),
                .init(line: 5, message: "<termNote> after <note> in <termSec>; term notes must come before descriptive elements"),
                .init(line: 7, message: "<langSec> has no valid xml:lang"),
                .init(line: 9, message: "<termSec> has no <term> text"),
                .init(line: 9, message: "<conceptEntry> has no id"),
            ])),
        BadFile(fileName: "other.xml", contents: "<glossary><entry/></glossary>",
                expected: .unknownFormat(file: "other.xml", reason: "root element <glossary> is not <tbx>, <martif> or <TBX>")),
        BadFile(fileName: "missing-tab.tsv", contents: "Chip\tchip\nHalbleiter semiconductor\n",
                expected: .badRow(file: "missing-tab.tsv", line: 2, problem: "expected source<TAB>target[<TAB>comment], found no tab")),
        BadFile(fileName: "unclosed-quote.csv", contents: "German,English\nChip,chip\n\"Halbleiter,semiconductor\n",
                expected: .badRow(file: "unclosed-quote.csv", line: 3, problem: "a quoted field is never closed")),
        BadFile(fileName: "stray-quote.csv", contents: "German,English\nChip,chip\"s\n",
                expected: .badRow(file: "stray-quote.csv", line: 2, problem: "a double quote inside an unquoted field; quote the whole field and double the quote (\"\")")),
        BadFile(fileName: "short-row.csv", contents: "German,English,Note\nChip,chip\n",
                expected: .badRow(file: "short-row.csv", line: 2, problem: "2 fields, but the header has 3")),
        BadFile(fileName: "no-languages.csv", contents: "Term,Meaning\nChip,chip\n",
                expected: .badRow(file: "no-languages.csv", line: 1, problem: "the header names 0 term columns; expected two or more named by language (German,English or de,en) or Source,Target")),
    ]

    @Test(arguments: badFiles)
    func badFilesAreRejectedWithTheirLine(bad: BadFile) {
        #expect(throws: bad.expected) {
            try GlossaryFile.parse(Data(bad.contents.utf8), file: bad.fileName, fileName: bad.fileName, languages: GlossaryFixtures.deEn)
        }
    }

    @Test func errorMessagesNameFileAndLine() {
        let error = GlossaryError.invalidStructure(file: "g.tbx", problems: [.init(line: 7, message: "<termSec> has no <term> text")])
        #expect(error.localizedDescription == "g.tbx: not valid TBX (1 problem):\ng.tbx:7: <termSec> has no <term> text")
    }

    @Test func notUTF8IsRefused() {
        #expect(throws: GlossaryError.notUTF8(file: "latin1.tsv")) {
            try GlossaryFile.parse(Data([0x4D, 0xE4, 0x75, 0x73, 0x09, 0x6D, 0x0A]), file: "latin1.tsv", fileName: "latin1.tsv", languages: GlossaryFixtures.deEn)
        }
    }

    @Test(arguments: [
        ("glossary_de-en.tsv", "de", "en"), ("ai-politics.de-en.csv", "de", "en"), ("terms-en-de.tsv", "en", "de"),
    ])
    func fileNamesDeclareColumnLanguages(name: String, first: String, second: String) {
        let pair = LanguageNames.pair(inFileName: name)
        #expect(pair?.0 == first && pair?.1 == second)
    }

    @Test(arguments: [("German", "de"), ("Deutsch", "de"), ("en-GB", "en"), ("fr", "fr"), ("Note", nil), ("ID", nil), ("Gender", nil)] as [(String, String?)])
    func headersNameLanguages(header: String, language: String?) {
        #expect(LanguageNames.language(ofHeader: header) == language)
    }
}
