import Testing
import PipelineCore
@testable import XLIFF

@Suite struct BlockMarkupTests {
    /// A text, the sentence in it (the first line that starts with `sentence`), and what the export keeps.
    static let cases: [(text: String, sentence: String, kept: String)] = [
        ("# Titel\n\nText.", "# Titel", "Titel"),
        ("### Drei Ebenen", "### Drei Ebenen", "Drei Ebenen"),
        ("Liste:\n- erstens,\n- zweitens.", "- erstens,", "erstens,"),
        ("  * eingerückt", "* eingerückt", "eingerückt"),
        ("> - zitierte Liste", "> - zitierte Liste", "zitierte Liste"),
        ("1. eins,\n2. zwei.", "1. eins,", "eins,"),
        ("1. eins,\n2. zwei.", "2. zwei.", "zwei."),
        // A lone number at the start of a line is a date or an ordinal, not a list.
        ("Chronik\n3. Oktober: Einheit.", "3. Oktober: Einheit.", "3. Oktober: Einheit."),
        // Markers count only at the start of a line, and never swallow the whole sentence.
        ("Er sagt - ja.", "- ja.", "- ja."),
        ("#hashtag bleibt", "#hashtag bleibt", "#hashtag bleibt"),
        ("- ", "-", "-"),
    ]

    @Test(arguments: cases)
    func markersOpeningALineAreLeftOut(_ example: (text: String, sentence: String, kept: String)) {
        let bytes = Array(example.text.utf8)
        let start = example.text.utf8.count - example.text[example.text.range(of: example.sentence)!.lowerBound...].utf8.count
        let end = start + example.sentence.utf8.count
        let skip = BlockMarkup.prefixLength(in: bytes, sentenceStart: start, end: end)
        #expect(String(decoding: bytes[(start + skip)..<end], as: UTF8.self) == example.kept)
    }

    @Test(arguments: XLIFFVersion.allCases)
    func exportedSegmentsCarryNoMarkers(_ version: XLIFFVersion) throws {
        let exported = try ExportedDocument(SampleDocuments.annotated(), options: XLIFFOptions(version: version, prefill: .source))
        let sources = exported.units.flatMap(\.segments).map(\.sourceText)
        #expect(sources.first == "Rechenzentren für die KI")
        #expect(sources.last == "Die Rechenzentren sollen 2027 fertig sein.")
    }
}
