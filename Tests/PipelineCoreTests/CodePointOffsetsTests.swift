import Testing
@testable import PipelineCore

@Suite struct CodePointOffsetsTests {
    @Test(arguments: [
        ("abc", 2, 2),
        ("äbc", 2, 1),
        ("a€b😀c", 5, 3),
        ("a€b😀c", 9, 4),
    ])
    func convertsByteOffsetsToCodePoints(text: String, byte: Int, expected: Int) {
        #expect(CodePointOffsets(text).codePoint(atByte: byte) == expected)
    }

    @Test func sliceReturnsTheSpannedText() {
        let text = "Größe zählt."
        let start = "Größe ".utf8.count
        #expect(text.slice(TextSpan(start: start, end: text.utf8.count)) == "zählt.")
    }
}
