import Foundation
import PipelineCore
import Testing
@testable import XLIFF
@testable import XML

/// Every combination of the writer's options that shapes a file.
struct Combination: CustomTestStringConvertible, Sendable {
    let options: XLIFFOptions
    var testDescription: String {
        "\(options.version.rawValue) prefill=\(options.prefill.rawValue) state=\(options.state.rawValue) content=\(options.content.rawValue)"
    }

    static let all: [Combination] = XLIFFVersion.allCases.flatMap { version in
        XLIFFOptions.Prefill.allCases.flatMap { prefill in
            XLIFFState.allCases.flatMap { state in
                XLIFFOptions.Content.allCases.map { content in
                    Combination(options: XLIFFOptions(version: version, prefill: prefill, state: state, content: content))
                }
            }
        }
    }
}

enum Export {
    static let languages = SampleDocuments.languages

    static func document(translated: Bool = true) -> AnnotatedDocument {
        var document = SampleDocuments.annotated()
        if translated {
            document.translations = [
                1: Translation(sentence: 1, text: "The Federal Government plans new data centres in Brandenburg.", origin: .translator),
                3: Translation(sentence: 3, text: "Critics warn of megalomania.", origin: .memory(percent: 85)),
            ]
        }
        return document
    }

    static func write(_ options: XLIFFOptions, document: AnnotatedDocument = document()) throws -> Data {
        try XLIFFWriter(version: options.version, languages: languages, provenance: "pipeline test").write(document, options: options)
    }

    /// A sentence as its segment shows it: the text without the block marker (`## `, `- `) it may open with.
    static func segmentText(_ sentence: Int, in document: AnnotatedDocument) -> String {
        let exported = try! ExportedDocument(document, options: XLIFFOptions())
        return exported.units.flatMap(\.segments).first { $0.sentence == sentence }!.sourceText
    }

    static func tree(_ data: Data) throws -> XMLTree.Element { try SafeXMLReader.parse(data, fileName: "export.xlf") }
}

extension XMLTree.Element {
    /// Every descendant element, self first, in document order.
    var allElements: [XMLTree.Element] { [self] + elements.flatMap(\.allElements) }
}

@Suite struct XLIFFWriterTests {
    @Test(arguments: Combination.all)
    func everyCombinationReadsBackCleanly(_ combination: Combination) throws {
        let document = Export.document()
        let data = try Export.write(combination.options, document: document)
        let returned = try XLIFFReader.parse(data, fileName: "export.xlf")
        #expect(returned.findings.isEmpty, "\(returned.findings)")
        // The file maps onto its document without complaint, and only real translations come back.
        let translations = try returned.translations(for: document, languages: Export.languages)
        switch combination.options.prefill {
        case .empty:
            #expect(translations.isEmpty)
        case .source:
            // A copy of the source is there to be overwritten: `initial` whatever `state` says, never a translation.
            #expect(translations.isEmpty)
        case .memory, .memoryOrSource:
            // Fuzzy matches are offered beside the target, so they never come back as translations.
            let expected = document.translations.filter {
                !$0.value.origin.isFuzzyMemory && (combination.options.content == .all || [1, 3].contains($0.key))
            }
            #expect(translations == expected.mapValues(\.text))
        }
    }

    @Test(.enabled(if: SharedFolder.isPresent, "needs ../shared (schemas and test data beside the project; CI has it): skipped"), arguments: Combination.all)
    func everyCombinationIsSchemaValid(_ combination: Combination) throws {
        let data = try Export.write(combination.options)
        let violations = try SharedFolder.validator(for: combination.options.version).violations(in: data, fileName: "export.xlf")
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func version12CarriesSegmentsTermsAndNotes() throws {
        let root = try Export.tree(try Export.write(XLIFFOptions(version: .v1_2, prefill: .source, state: .translated, units: .paragraph)))
        let file = try #require(root.firstElement(named: "file"))
        #expect(file.attribute("source-language") == "de-DE")
        #expect(file.attribute("target-language") == "en-GB")
        let units = file.descendants(named: "trans-unit")
        #expect(units.map { $0.attribute("id") } == ["p1", "p2", "p3"])
        let paragraph = units[1]
        let markers = paragraph.firstElement(named: "seg-source")!.elements(named: "mrk")
        #expect(markers.map { $0.attribute("mid") } == ["s2", "s3", "s4"])
        let target = try #require(paragraph.firstElement(named: "target"))
        #expect(target.elements(named: "mrk").map { $0.attribute("mid") } == ["s2", "s3", "s4"])
        #expect(target.attribute("state") == "needs-translation") // a copy to overwrite, whatever `state` says
        #expect(target.textContent == paragraph.firstElement(named: "source")!.textContent)
        let terms = markers[0].elements(named: "mrk").filter { $0.attribute("mtype") == "term" }
        #expect(terms.map(\.textContent) == ["Bundesregierung", "Rechenzentren"])
        let notes = paragraph.elements(named: "note")
        #expect(notes.contains { $0.attribute("from") == "glossary" && $0.textContent == "Rechenzentrum → data centre (avoid: computing centre)" })
        #expect(notes.contains { $0.attribute("from") == "summary" && $0.textContent.hasPrefix("s2: key point 1 of 2") })
        #expect(root.firstElement(named: "file")!.firstElement(named: "header")!.elements(named: "note")
            .contains { $0.textContent == "run: pipeline test" })
    }

    @Test func version12HasNoForeignNamespaceAttributes() throws {
        for prefill in XLIFFOptions.Prefill.allCases {
            let root = try Export.tree(try Export.write(XLIFFOptions(version: .v1_2, prefill: prefill)))
            let foreign = root.allElements.flatMap(\.attributes).filter { $0.namespace != nil && $0.namespace != XMLTree.xmlNamespace }
            #expect(foreign.isEmpty)
            #expect(root.allElements.allSatisfy { $0.namespace == XLIFFNamespace.xliff12 })
        }
    }

    @Test func version21CarriesSegmentsIgnorablesAndModules() throws {
        let root = try Export.tree(try Export.write(XLIFFOptions(version: .v2_1, prefill: .memory, state: .reviewed)))
        #expect(root.attribute("srcLang") == "de-DE")
        #expect(root.attribute("trgLang") == "en-GB")
        #expect(root.attribute("version") == "2.1")
        let unit = try #require(root.descendants(named: "unit").first { $0.attribute("id") == "p2" })
        #expect(unit.elements.filter { $0.name == "segment" || $0.name == "ignorable" }.map { $0.attribute("id")! }
            == ["s2", "g1", "s3", "g2", "s4"])
        #expect(unit.elements(named: "ignorable").map { $0.firstElement(named: "source")!.textContent } == [" ", "  "])
        let segments = unit.elements(named: "segment")
        // A translator's target takes the configured state; a fuzzy memory match stays initial; no target, initial.
        #expect(segments.map { $0.attribute("state") } == ["reviewed", "initial", "initial"])
        #expect(segments.map { $0.firstElement(named: "target")?.textContent }
            == ["The Federal Government plans new data centres in Brandenburg.", nil, nil]) // the fuzzy match is a suggestion
        let match = try #require(unit.firstElement(named: "matches")?.firstElement(named: "match"))
        #expect(match.attribute("ref") == "#s4" && match.attribute("matchQuality") == "85")
        let marks = segments[0].firstElement(named: "source")!.elements(named: "mrk")
        #expect(marks.map { $0.attribute("type") } == ["term", "term"])
        let entries = try #require(unit.firstElement(named: "glossary")).elements(named: "glossEntry")
        #expect(entries.map { $0.attribute("ref") } == ["#s2-t1", "#s2-t2", "#s3-t1"])
        #expect(entries.map { $0.firstElement(named: "term")!.textContent } == ["Bundesregierung", "Rechenzentrum", "künstliche Intelligenz"])
        #expect(entries.map { $0.firstElement(named: "translation")!.textContent } == ["Federal Government", "data centre", "AI"])
        let groups = try #require(unit.firstElement(named: "metadata")).elements(named: "metaGroup")
        let summary = groups.filter { $0.attribute("category") == "summary" }
            .map { $0.elements(named: "meta").map { "\($0.attribute("type")!)=\($0.textContent)" } }
        #expect(summary == [["segment=s2", "rank=1", "score=0.8123"], ["segment=s4", "rank=2", "score=0.4100"]])
        let provenance = try #require(root.firstElement(named: "file")!.firstElement(named: "metadata"))
        #expect(provenance.descendants(named: "meta").contains { $0.attribute("type") == "run" && $0.textContent == "pipeline test" })
        #expect(root.allElements.allSatisfy {
            [XLIFFNamespace.xliff2, XLIFFNamespace.glossary, XLIFFNamespace.metadata, XLIFFNamespace.matches].contains($0.namespace)
        })
    }

    @Test(arguments: XLIFFVersion.allCases)
    func memoryOrSourceCopiesTheSourceWhereNoTranslationIsKnown(_ version: XLIFFVersion) throws {
        let document = Export.document()
        let exported = try ExportedDocument(document, options: XLIFFOptions(version: version, prefill: .memoryOrSource, state: .final))
        let segments = exported.units.flatMap(\.segments)
        #expect(segments.map(\.target) == [
            Export.segmentText(0, in: document), document.translations[1]!.text, Export.segmentText(2, in: document),
            Export.segmentText(3, in: document), // the fuzzy match is a suggestion, not a target
            Export.segmentText(4, in: document),
        ])
        // The translator's text takes the configured state; copies and the fuzzy match stay initial.
        #expect(segments.map(\.state) == [.initial, .final, .initial, .initial, .initial])
    }

    @Test(arguments: XLIFFVersion.allCases)
    func summaryContentExportsOnlyTheBriefingSentences(_ version: XLIFFVersion) throws {
        let data = try Export.write(XLIFFOptions(version: version, content: .summary))
        let returned = try XLIFFReader.parse(data, fileName: "summary.xlf")
        #expect(returned.files[0].units.map(\.id) == ["p2"])
        #expect(returned.files[0].units[0].segments.map(\.id) == ["s2", "s4"])
    }

    @Test(arguments: XLIFFVersion.allCases)
    func textIsEscapedAndForbiddenCharactersDropped(_ version: XLIFFVersion) throws {
        // A NUL, a control character and a non-character, none of which XML 1.0 allows.
        let text = "Preis <5 € & \"hoch\"\u{0}\u{1}\u{FFFE} – ok.\r\nZweiter Satz."
        var document = AnnotatedDocument(document: Document(id: "esc", title: "T\u{1}", text: text, source: "s"), ordinal: 0)
        let first = SampleDocuments.span(of: "Preis", in: text).start
        let end = SampleDocuments.span(of: "ok.", in: text).end
        document.paragraphs = [TextSpan(start: 0, end: text.utf8.count)]
        document.sentences = [
            Sentence(span: TextSpan(start: first, end: end), paragraph: 0),
            Sentence(span: SampleDocuments.span(of: "Zweiter Satz.", in: text), paragraph: 0),
        ]
        let data = try Export.write(XLIFFOptions(version: version, prefill: .source, units: .paragraph), document: document)
        #expect(String(data: data, encoding: .utf8) != nil)
        let returned = try XLIFFReader.parse(data, fileName: "esc.xlf")
        let segments = returned.files[0].units[0].segments
        #expect(segments[0].source == "Preis <5 € & \"hoch\" – ok.")
        #expect(segments[0].target == "Preis <5 € & \"hoch\" – ok.")
        // The line break between the sentences survives as CR LF, escaped so parsers keep the CR.
        let gap = version == .v1_2
            ? try Export.tree(data).descendants(named: "seg-source")[0].children.compactMap { if case .text(let t) = $0 { t } else { nil } }
            : try Export.tree(data).descendants(named: "ignorable").map { $0.firstElement(named: "source")!.textContent }
        #expect(gap == ["\r\n"])
    }

    @Test(arguments: XLIFFVersion.allCases)
    func spansThatCutACharacterNeverWriteMalformedUTF8(_ version: XLIFFVersion) throws {
        let text = "Größe zählt."
        var document = AnnotatedDocument(document: Document(id: "cut", title: "t", text: text, source: "s"), ordinal: 0)
        // Byte 3 falls inside the two-byte "ö"... of "Größe": G r [ö ö] ß
        document.sentences = [Sentence(span: TextSpan(start: 0, end: 3), paragraph: 0)]
        let data = try Export.write(XLIFFOptions(version: version, prefill: .source), document: document)
        #expect(String(data: data, encoding: .utf8) != nil)
        let returned = try XLIFFReader.parse(data, fileName: "cut.xlf")
        #expect(returned.files[0].units[0].segments[0].source == "Gr")
    }

    @Test func spansOutsideTheTextAreAnErrorNotACrash() throws {
        var document = SampleDocuments.annotated()
        document.sentences.append(Sentence(span: TextSpan(start: 10_000, end: 10_010), paragraph: 2))
        #expect(throws: XLIFFExportError.self) { try Export.write(XLIFFOptions(), document: document) }
    }

    @Test func paragraphsOutOfOrderAreAnErrorNotADuplicateUnit() throws {
        var document = SampleDocuments.annotated()
        document.sentences[4] = Sentence(span: document.sentences[4].span, paragraph: 0)
        #expect(throws: XLIFFExportError.paragraphOutOfOrder(document: "artikel-1", sentence: 4, paragraph: 0)) {
            try Export.write(XLIFFOptions(), document: document)
        }
    }

    @Test func aSentencePickedTwiceIsExportedOnce() throws {
        var document = SampleDocuments.annotated()
        document.summary = Summary(method: "test", picks: [
            Summary.Pick(sentence: 3, rank: 1, score: 1), Summary.Pick(sentence: 3, rank: 2, score: 1),
        ])
        let exported = try ExportedDocument(document, options: XLIFFOptions(content: .summary))
        #expect(exported.units.flatMap(\.segments).map(\.id) == ["s4"])
    }

    @Test func summaryExportWithoutSummaryIsAnError() throws {
        var document = SampleDocuments.annotated()
        document.summary = nil
        #expect(throws: XLIFFExportError.noSummary(document: "artikel-1")) {
            try Export.write(XLIFFOptions(content: .summary), document: document)
        }
    }
}
