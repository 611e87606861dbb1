import Foundation
import FuzzDriver
import PipelineCore

/// Feeds arbitrary bytes as a JSON-lines file to the document reader (the byte-level codec that
/// `run`, stream mode and the unit commands share) and reads every line.
private let file = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-jsonl-\(getpid()).jsonl")
private let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)

runFuzzer { data, size in
    guard (try? Data(buffer: bytes(data, size)).write(to: file)) != nil, let lines = try? LineReader(path: file.path) else { return 0 }
    var reader = JSONLinesDocumentReader(lines: lines, source: "fuzz.jsonl")
    var namer = DocumentNamer(template: "{stem}", pipelineName: "fuzz", languages: languages)
    while reader.next(namer: &namer) != nil {}
    return 0
}
