import Foundation
import FuzzDriver
import Leverage
import PipelineCore

/// Feeds arbitrary bytes to the TMX reader and looks a sentence up in whatever memory loads.
private let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)

runFuzzer { data, size in
    guard let units = try? TMXReader.parse(Data(buffer: bytes(data, size)), fileName: "m.tmx", languages: languages) else { return 0 }
    _ = TranslationMemory(units: units).bestMatch(for: "Die Rechenzentren wachsen.", threshold: 50)
    return 0
}
