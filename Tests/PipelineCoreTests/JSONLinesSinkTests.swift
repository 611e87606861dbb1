import Foundation
import Testing
@testable import PipelineCore

@Suite struct JSONLinesSinkTests {
    @Test func writesOneLinePerInputInOrderWithCodePointOffsets() async throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("in.jsonl")
        try """
            {"id": "a", "title": "Eins", "text": "Öl. Gas."}
            {"id": "b", "text": "Hier scheitert es."}
            {"id": "c", "text": "Über Bäume."}
            """.write(to: input, atomically: true, encoding: .utf8)
        let outputFile = folder.appendingPathComponent("out.jsonl")
        try Data().write(to: outputFile)
        let handle = try FileHandle(forWritingTo: outputFile)
        var options = PeriodSplitStage.Options()
        options.failOn = "scheitert"
        let languages = LanguagePair(source: LanguageTag("de")!, target: LanguageTag("en")!)
        let runner = try PipelineRunner(
            stages: [PeriodSplitStage(options: options, context: StageContext(pipelineName: "t", languages: languages, baseDirectory: folder))],
            context: StageContext(pipelineName: "t", languages: languages, baseDirectory: folder), jobs: 2)
        let source = JSONLinesDocumentSource(
            lines: try LineReader(path: input.path), source: "stdin",
            namer: DocumentNamer(template: "{stem}", pipelineName: "t", languages: languages))
        let report = await runner.run(source, into: JSONLinesSink(handle: handle))
        try handle.close()
        #expect(report.documents == 2)
        let lines = try String(contentsOf: outputFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == "a")
        let sentences = try #require(first["sentences"] as? [[String: Any]])
        #expect(sentences.map { $0["text"] as? String } == ["Öl.", " Gas."])
        #expect(sentences.map { $0["start"] as? Int } == [0, 3])
        #expect(sentences.map { $0["end"] as? Int } == [3, 8])
        #expect((first["outputs"] as? [String: String])?["a.txt"] == "Öl.\n Gas.")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["id"] as? String == "b")
        #expect(second["error"] as? String == "found the failure marker")
        #expect(lines[2].contains("\"id\":\"c\""))
    }
}
