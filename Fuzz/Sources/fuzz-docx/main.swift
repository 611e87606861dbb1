import Foundation
import FuzzDriver
import PipelineCore

/// Feeds arbitrary bytes to the Word reader as a `.docx` file (zip, then WordprocessingML), then
/// writes the file back, once as it is and once with every block replaced by a translation whose
/// codes must be placed. Any error is fine; a crash, a hang (libFuzzer's -timeout) or a memory
/// blow-up (a zip bomb getting through) is a finding.
private let file: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-docx-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("bericht.docx")
}()
private let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)

runFuzzer { data, size in
    guard (try? Data(buffer: bytes(data, size)).write(to: file)) != nil else { return 0 }
    var source = FileDocumentSource(files: [file], namer: DocumentNamer(template: "{stem}", pipelineName: "f", languages: languages))
    guard case .document(let document) = source.next() else { return 0 }
    let format = DOCXFormat()
    _ = try? format.write(TranslatedDocument(document: document, replacements: []))
    var replacements: [TranslatedDocument.Replacement] = []
    var start = 0
    for block in document.text.components(separatedBy: "\n\n") {
        let length = block.utf8.count
        replacements.append(.init(span: TextSpan(start: start, end: start + length), text: String(block.uppercased().prefix(length / 2))))
        start += length + 2
    }
    _ = try? format.write(TranslatedDocument(document: document, replacements: replacements, targetLanguage: languages.target))
    return 0
}
