import Foundation
import PipelineCore
import Testing
@testable import Terminology

@Suite struct TermStageTests {
    static func context(glossaries: [URL], width: Int) -> StageContext {
        StageContext(
            pipelineName: "test", languages: GlossaryFixtures.deEn, baseDirectory: FileManager.default.temporaryDirectory,
            glossaries: glossaries, parallelism: Parallelism(width: width, chunkSize: 2))
    }

    /// A document of many short sentences, so that chunks run in parallel.
    static func document() -> AnnotatedDocument {
        let sentences = (0..<9).map { "Satz \($0): Die KI-Verordnung trifft Rechenzentren und xAI." }
        var document = AnnotatedDocument(
            document: Document(id: "d", title: "t", text: sentences.joined(separator: " "), source: "inline"), ordinal: 0)
        var offset = 0
        for sentence in sentences {
            document.sentences.append(Sentence(span: TextSpan(start: offset, end: offset + sentence.utf8.count), paragraph: 0))
            offset += sentence.utf8.count + 1
        }
        return document
    }

    @Test(arguments: [1, 2])
    func fillsTermsInOrderWhateverTheParallelism(width: Int) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terms-stage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("matcher.tbx")
        try GlossaryFixtures.matcherGlossary.write(to: file, atomically: true, encoding: .utf8)
        let context = Self.context(glossaries: [file], width: width)
        let stage = try TermStage(options: TermOptions(), context: context)
        var document = Self.document()
        try await stage.process(&document, context: context)
        #expect(document.terms.count == 27)
        #expect(document.terms == stage.matcher.matches(in: document.text))
        #expect(document.terms(in: 4).map(\.surface) == ["KI-Verordnung", "Rechenzentren", "xAI"])
    }

    @Test func aGlossaryIsRequired() {
        #expect(throws: TermStageError.noGlossary) { try TermStage(options: TermOptions(), context: Self.context(glossaries: [], width: 1)) }
    }

    @Test func optionsHaveDefaultsAndRejectUnknownKeys() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode(TermOptions.self, from: Data("{}".utf8)) == TermOptions())
        #expect(try decoder.decode(TermOptions.self, from: Data(#"{"compounds": true}"#.utf8)) == TermOptions(compounds: true, fuzzy: true))
        #expect(throws: DecodingError.self) { try decoder.decode(StrictOptions<TermOptions>.self, from: Data(#"{"compound": true}"#.utf8)) }
        #expect(TermOptions.help.map(\.key) == TermOptions.CodingKeys.allCases.map(\.rawValue))
    }
}
