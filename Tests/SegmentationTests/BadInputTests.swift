import Foundation
import PipelineCore
import Testing
@testable import Segmentation

/// Empty, blank, control-character and degenerate texts give sensible results without crashing.
struct BadInputTests {
    struct Input: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let sentences: Int
        var testDescription: String { name }
    }

    static let inputs = [
        Input(name: "empty", text: "", sentences: 0),
        Input(name: "spaces", text: "   ", sentences: 0),
        Input(name: "blank lines and no-break spaces", text: "\n\n\t \u{A0}\r\n\u{2029}", sentences: 0),
        Input(name: "a NUL", text: "\u{0}", sentences: 1),
        Input(name: "bells around sentences", text: "\u{7}Alarm. Ende.\u{7}", sentences: 2),
        Input(name: "only periods", text: String(repeating: ".", count: 5_000), sentences: 1),
        Input(name: "only marks", text: "!!! ??? …", sentences: 3),
        Input(name: "a byte-order mark", text: "\u{FEFF}Text mit BOM. Zweiter Satz.", sentences: 2),
        Input(name: "every line and paragraph separator",
              text: "Eins.\u{0B}Zwei.\u{0C}Drei.\u{1C}Vier.\u{85}Fünf.\u{2028}Sechs.\u{2029}Sieben.", sentences: 7),
        Input(name: "emoji with skin tones", text: "👍🏽👍🏽 Super! 👍🏽 Weiter.", sentences: 2),
        Input(name: "carriage returns", text: "\r\r\n\nEins.\rZwei.", sentences: 2),
        Input(name: "one long word", text: String(repeating: "x", count: 50_000), sentences: 1),
        Input(name: "a long paragraph without punctuation",
              text: String(repeating: "wort ", count: 20_000), sentences: 1),
        Input(name: "one-word lines", text: String(repeating: "Wort\n", count: 5_000), sentences: 5_000),
        Input(name: "unbalanced brackets", text: String(repeating: "(", count: 3_000) + "!) Ja.", sentences: 2),
        Input(name: "closing marks only", text: String(repeating: "!)", count: 3_000) + " Ende.", sentences: 2),
        Input(name: "a replacement character", text: "Kaputt \u{FFFD}. Heil.", sentences: 2),
    ]

    @Test("Degenerate texts", arguments: inputs)
    func degenerateText(_ input: Input) throws {
        let segmenter = try Segmenter(language: #require(LanguageTag("de")))
        let segmented = segmenter.segment(input.text)
        #expect(segmented.sentences.count == input.sentences)
        SpanInvariants.check(segmented, of: input.text)
    }

    @Test("A byte-order mark is trimmed like whitespace")
    func byteOrderMark() throws {
        let text = "\u{FEFF}Hallo. Welt."
        let segmented = try Segmenter(language: #require(LanguageTag("de"))).segment(text)
        #expect(segmented.sentences.map { text.slice($0.span) } == ["Hallo.", "Welt."])
    }
}
