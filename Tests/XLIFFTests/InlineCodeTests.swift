import Foundation
import Testing
import PipelineCore
@testable import XLIFF
@testable import XML

/// Inline codes in XLIFF: whole pairs as `<g>`/`<pc>`, pairs split across segments as
/// `<bx/>`/`<ex/>` and `<sc/>`/`<ec/>`, line breaks as `<x/>`, other placeholders as `<ph>`,
/// the original markup kept, and codes read back where translators put them.
@Suite struct InlineCodeTests {
    static let text = "Der Satz ist fett. Weiter geht es mit\nUmbruch und Bild. Ende gut."

    static func offset(of fragment: String) -> Int {
        text.utf8.count - text[text.range(of: fragment)!.lowerBound...].utf8.count
    }

    static func document() -> AnnotatedDocument {
        let codes = [
            InlineCode(id: 1, kind: .opening, role: .bold, offset: offset(of: "fett"), original: "<b>", display: "<b>", deletable: true),
            InlineCode(id: 1, kind: .closing, role: .bold, offset: offset(of: " geht"), original: "</b>", display: "</b>", deletable: true),
            InlineCode(id: 2, kind: .isolated, role: .lineBreak, offset: offset(of: "\n"), original: "<br>", display: "<br>", deletable: true),
            InlineCode(id: 3, kind: .isolated, role: .image, offset: offset(of: ". Ende"), original: "<img src=\"a.png\">",
                       display: "<img>", deletable: false),
            InlineCode(id: 4, kind: .opening, role: .link, offset: offset(of: "Ende"), original: "<a href=\"https://example.org\">",
                       display: "<a>", deletable: false),
            InlineCode(id: 4, kind: .closing, role: .link, offset: offset(of: " gut"), original: "</a>", display: "</a>", deletable: false),
        ]
        var document = AnnotatedDocument(
            document: Document(id: "seite", title: "Seite", text: text, source: "seite.html", codes: codes), ordinal: 0)
        let sentences = ["Der Satz ist fett.", "Weiter geht es mit\nUmbruch und Bild.", "Ende gut."]
        document.paragraphs = [TextSpan(start: 0, end: text.utf8.count)]
        document.sentences = sentences.map { Sentence(span: TextSpan(start: offset(of: $0), end: offset(of: $0) + $0.utf8.count), paragraph: 0) }
        return document
    }

    static func write(_ version: XLIFFVersion, prefill: XLIFFOptions.Prefill = .source, units: XLIFFOptions.Units = .paragraph) throws -> Data {
        try XLIFFWriter(version: version, languages: SampleDocuments.languages, provenance: "test")
            .write(document(), options: XLIFFOptions(version: version, prefill: prefill, units: units))
    }

    @Test func version12ShowsEveryKindOfCode() throws {
        let xliff = String(decoding: try Self.write(.v1_2), as: UTF8.self)
        #expect(xliff.contains("<mrk mtype=\"seg\" mid=\"s1\">Der Satz ist <bx id=\"c1\" rid=\"c1\" ctype=\"bold\" equiv-text=\"&lt;b&gt;\"/>fett.</mrk>"))
        #expect(xliff.contains("<mrk mtype=\"seg\" mid=\"s2\">Weiter<ex id=\"c1e\" rid=\"c1\" equiv-text=\"&lt;/b&gt;\"/> geht es mit<x id=\"c2\" ctype=\"lb\" equiv-text=\"&lt;br&gt;\"/>\nUmbruch und Bild<ph id=\"c3\" ctype=\"image\" equiv-text=\"&lt;img&gt;\">&lt;img src=&quot;a.png&quot;&gt;</ph>.</mrk>"))
        #expect(xliff.contains("<mrk mtype=\"seg\" mid=\"s3\"><g id=\"c4\" ctype=\"link\">Ende</g> gut.</mrk>"))
    }

    @Test func version21KeepsTheOriginalMarkupInOriginalData() throws {
        let root = try SafeXMLReader.parse(try Self.write(.v2_1), fileName: "x.xlf")
        let unit = try #require(root.descendants(named: "unit").first)
        let data = try #require(unit.firstElement(named: "originalData")).elements(named: "data")
        #expect(data.map { $0.attribute("id")! } == ["d1", "d1e", "d2", "d3", "d4", "d4e"])
        #expect(data.first { $0.attribute("id") == "d3" }?.textContent == "<img src=\"a.png\">")
        let sources = unit.elements(named: "segment").map { $0.firstElement(named: "source")! }
        #expect(sources[0].elements.map(\.name) == ["sc"])
        #expect(sources[0].elements[0].attribute("isolated") == nil) // its end is in the same unit
        #expect(sources[1].elements.map(\.name) == ["ec", "ph", "ph"])
        #expect(sources[1].elements[0].attribute("startRef") == "c1")
        #expect(sources[1].elements[2].attribute("canDelete") == "no")
        let link = try #require(sources[2].firstElement(named: "pc"))
        #expect(link.attribute("type") == "link" && link.attribute("dataRefStart") == "d4" && link.textContent == "Ende")
    }

    @Test(.enabled(if: SharedFolder.isPresent, "needs ../shared (the XLIFF schemas; CI has it): skipped"),
          arguments: [XLIFFVersion.v1_2, .v2_1], [XLIFFOptions.Prefill.empty, .source, .memoryOrSource])
    func codesAreSchemaValid(version: XLIFFVersion, prefill: XLIFFOptions.Prefill) throws {
        let violations = try SharedFolder.validator(for: version).violations(in: try Self.write(version, prefill: prefill), fileName: "codes.xlf")
        #expect(violations.isEmpty, "\(violations)")
    }

    /// A translator moves the link to another word and drops the bold: the returned translation says so.
    @Test(arguments: [XLIFFVersion.v1_2, .v2_1])
    func returnedTargetsPlaceTheirCodes(version: XLIFFVersion) throws {
        var xliff = String(decoding: try Self.write(version), as: UTF8.self)
        let (old, new) = version == .v1_2
            ? ("<mrk mtype=\"seg\" mid=\"s3\"><g id=\"c4\" ctype=\"link\">Ende</g> gut.</mrk></target>",
               "<mrk mtype=\"seg\" mid=\"s3\">All <g id=\"c4\" ctype=\"link\">well</g>.</mrk></target>")
            : (">Ende</pc> gut.</target>", ">All</pc> well.</target>")
        let range = try #require(xliff.range(of: old, options: .backwards))
        xliff.replaceSubrange(range, with: new)
        let returned = try XLIFFReader.parse(Data(xliff.utf8), fileName: "back.xlf")
        let translations = try returned.returnedTranslations(for: Self.document(), languages: SampleDocuments.languages)
        let last = try #require(translations.first { $0.sentence == 2 })
        let link = try #require(Self.document().document.codes.firstIndex { $0.id == 4 && $0.kind == .opening })
        if version == .v1_2 {
            #expect(last.text == "All well.")
            #expect(last.codes == [CodePlacement(code: link, offset: 4), CodePlacement(code: link + 1, offset: 8)])
        } else {
            #expect(last.text == "All well.")
            #expect(last.codes == [CodePlacement(code: link, offset: 0), CodePlacement(code: link + 1, offset: 3)])
        }
    }

    @Test func plainTextExportsHaveNoCodeMarkup() throws {
        var document = AnnotatedDocument(document: Document(id: "seite", title: "Seite", text: Self.text, source: "seite.txt"), ordinal: 0)
        document.sentences = Self.document().sentences
        let xliff = String(decoding: try XLIFFWriter(version: .v1_2, languages: SampleDocuments.languages, provenance: "test")
            .write(document, options: XLIFFOptions(version: .v1_2, prefill: .source, units: .paragraph)), as: UTF8.self)
        for element in ["<g ", "<x ", "<bx ", "<ex ", "<ph "] {
            #expect(!xliff.contains(element))
        }
        #expect(xliff.contains("<source>Der Satz ist fett. Weiter geht es mit\nUmbruch und Bild. Ende gut.</source>"))
    }
}
