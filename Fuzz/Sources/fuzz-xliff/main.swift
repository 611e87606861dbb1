import Foundation
import FuzzDriver
import PipelineCore
import XLIFF

/// Feeds arbitrary bytes to the returned-XLIFF reader (1.2 and 2.x), then maps the file onto a fixed
/// document as the leverage stage does.
private let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)
private let document: AnnotatedDocument = {
    let text = "Titel\n\nDie Rechenzentren wachsen. Der Strombedarf steigt."
    var annotated = AnnotatedDocument(document: Document(id: "doc", title: "Titel", text: text, source: "doc.txt"), ordinal: 0)
    annotated.paragraphs = [TextSpan(start: 0, end: 5), TextSpan(start: 7, end: text.utf8.count)]
    annotated.sentences = [
        Sentence(span: TextSpan(start: 0, end: 5), paragraph: 0),
        Sentence(span: TextSpan(start: 7, end: 33), paragraph: 1),
        Sentence(span: TextSpan(start: 34, end: text.utf8.count), paragraph: 1),
    ]
    return annotated
}()

runFuzzer { data, size in
    guard let file = try? XLIFFReader.parse(Data(buffer: bytes(data, size)), fileName: "r.xlf") else { return 0 }
    _ = try? file.translations(for: document, languages: languages)
    return 0
}
