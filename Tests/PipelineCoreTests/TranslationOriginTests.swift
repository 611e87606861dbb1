import Foundation
import Testing
@testable import PipelineCore

@Suite struct TranslationOriginTests {
    @Test(arguments: [
        (Translation.Origin.translator, "translator", #"{"kind":"translator"}"#),
        (.memory(percent: 100), "TM 100%", #"{"kind":"memory","percent":100}"#),
        (.memory(percent: 87), "TM 87%", #"{"kind":"memory","percent":87}"#),
        (.machine(engine: "DeepL"), "machine translation (DeepL)", #"{"engine":"DeepL","kind":"machine"}"#),
    ])
    func oneLabelAndOneEncodedFormPerOrigin(origin: Translation.Origin, label: String, json: String) throws {
        #expect(origin.label == label)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(origin), as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(Translation.Origin.self, from: Data(json.utf8)) == origin)
    }

    /// Stream mode writes origins without an encoder; the bytes must be the `Codable` form's.
    @Test(arguments: [Translation.Origin.translator, .memory(percent: 87), .machine(engine: "Deep \"L\"")])
    func streamLinesWriteTheSameEncodedForm(origin: Translation.Origin) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var json = JSONWriter()
        origin.write(to: &json)
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(decoding: try encoder.encode(origin), as: UTF8.self))
    }

    @Test func onlyAFuzzyMemoryMatchIsASuggestion() {
        #expect(Translation.Origin.memory(percent: 99).isFuzzyMemory)
        #expect(!Translation.Origin.memory(percent: 100).isFuzzyMemory)
        #expect(!Translation.Origin.translator.isFuzzyMemory)
        #expect(!Translation.Origin.machine(engine: "DeepL").isFuzzyMemory)
    }

    @Test func anUnknownKindIsADecodingError() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Translation.Origin.self, from: Data(#"{"kind":"oracle"}"#.utf8))
        }
    }
}
