import Foundation
import FuzzDriver
import PipelineCore
import Terminology

/// Feeds arbitrary bytes to the glossary readers, as TBX, TSV and CSV in turn (the first byte picks
/// the order, so every reader sees every input shape), and matches a fixed text with what loads.
private let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)
private let names = ["g.tbx", "g_de-en.tsv", "g.csv"]
private let sample = "Die großen Sprachmodelle der Rechenzentren in Frankfurt; des Internationalen Währungsfonds."

runFuzzer { data, size in
    let input = Data(buffer: bytes(data, size))
    let name = names[Int(input.first ?? 0) % names.count]
    guard let concepts = try? GlossaryFile.parse(input, file: name, fileName: name, languages: languages) else { return 0 }
    let matcher = TermMatcher(glossary: Glossary(concepts: concepts, languages: languages), options: .init(compounds: true, fuzzy: true))
    _ = matcher.matches(in: sample, within: [TextSpan(start: 0, end: sample.utf8.count)])
    return 0
}
