import Foundation
import FuzzDriver
import PipelineCore

/// Feeds arbitrary bytes to the Markdown reader as a `.md` file, then writes the file back,
/// once as it is and once with every block replaced by a translation whose codes must be placed.
/// Any error is fine, but an unchanged file must come back byte for byte; a crash, a hang (libFuzzer's -timeout) or a memory blow-up is a finding.
private let file: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-markdown-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("text.md")
}()
private let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)

runFuzzer { data, size in
    guard (try? Data(buffer: bytes(data, size)).write(to: file)) != nil else { return 0 }
    var source = FileDocumentSource(files: [file], namer: DocumentNamer(template: "{stem}", pipelineName: "f", languages: languages))
    guard case .document(let document) = source.next() else { return 0 }
    let format = MarkdownFormat()
    // Without translations the file must come back byte for byte.
    if let written = try? format.write(TranslatedDocument(document: document, replacements: [])),
       written != Data(buffer: bytes(data, size)) {
        fatalError("the file did not come back as it was")
    }
    // Each blank-line block translated as one replacement, half as long, placing no code itself.
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
