import PipelineCore
import Testing
@testable import XLIFF

@Suite struct ExportedTextTests {
    /// Sentences over "Größe. Übel." with the cut between them at the given byte offset.
    static func document(cut: Int) -> AnnotatedDocument {
        let text = "Größe. Übel."
        var document = AnnotatedDocument(document: Document(id: "cut", title: "", text: text, source: "test"), ordinal: 0)
        document.paragraphs = [TextSpan(start: 0, end: text.utf8.count)]
        document.sentences = [
            Sentence(span: TextSpan(start: 0, end: cut), paragraph: 0),
            Sentence(span: TextSpan(start: cut, end: text.utf8.count), paragraph: 0),
        ]
        return document
    }

    @Test("a span cut inside a character loses the broken bytes; one cut between characters keeps all",
          arguments: [(3, ["Gr", "ße. Übel."]), (2, ["Gr", "öße. Übel."]), (8, ["Größe.", " Übel."])])
    func spansCutInsideACharacter(cut: Int, expected: [String]) throws {
        let exported = try ExportedDocument(Self.document(cut: cut), options: XLIFFOptions())
        #expect(exported.units.flatMap(\.segments).map(\.sourceText) == expected)
    }
}
