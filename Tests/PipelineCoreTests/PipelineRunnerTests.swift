import Foundation
import Testing
@testable import PipelineCore

@Suite struct PipelineRunnerTests {
    static func makeInputs(in folder: URL, count: Int) throws {
        for index in 0..<count {
            let sentences = (0...(index % 7)).map { "Satz \($0) von Text \(index)." }.joined(separator: " ")
            try "Titel \(index)\n\n\(sentences)\n".write(
                to: folder.appendingPathComponent(String(format: "doc%03d.txt", index)), atomically: true, encoding: .utf8)
        }
    }

    static func run(inputs: URL, output: URL, jobs: Int, failOn: String? = nil) async throws -> RunReport {
        var options = PeriodSplitStage.Options()
        options.failOn = failOn
        let spec = PipelineSpec(
            file: inputs.appendingPathComponent("p.yml"), name: "t",
            languages: LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!),
            inputs: ["."],
            stages: [StageSpec(stage: PeriodSplitStage.self, options: options), StageSpec(stage: ListStage.self, options: .init())])
        let runner = try PipelineRunner(spec: spec, jobs: jobs)
        let files = try InputResolver().resolve(spec.inputs, against: spec.baseDirectory)
        let source = FileDocumentSource(files: files, namer: DocumentNamer(template: "{stem}", pipelineName: "t", languages: spec.languages))
        return await runner.run(source, into: FolderSink(folder: output))
    }

    static func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        }
        return result
    }

    @Test(arguments: [2, 3, 8])
    func outputIsTheSameAtAnyParallelism(jobs: Int) async throws {
        let inputs = try temporaryFolder()
        try Self.makeInputs(in: inputs, count: 40)
        let sequential = try temporaryFolder()
        let parallel = try temporaryFolder()
        let first = try await Self.run(inputs: inputs, output: sequential, jobs: 1)
        let second = try await Self.run(inputs: inputs, output: parallel, jobs: jobs)
        #expect(first.documents == 40)
        #expect(first.sentences == second.sentences)
        let expected = try Self.contents(of: sequential)
        #expect(expected.count == 41)
        #expect(try Self.contents(of: parallel) == expected)
        let list = String(decoding: expected["list.txt"]!, as: UTF8.self)
        #expect(list.hasPrefix("doc000: 1\ndoc001: 2\ndoc002: 3"))
    }

    @Test func aFailingDocumentIsReportedAndTheRestComplete() async throws {
        let inputs = try temporaryFolder()
        try Self.makeInputs(in: inputs, count: 10)
        try "Kaputt. Dieser Text scheitert.".write(to: inputs.appendingPathComponent("doc004.txt"), atomically: true, encoding: .utf8)
        try Data([0x48, 0x61, 0xFF, 0x2E]).write(to: inputs.appendingPathComponent("doc007.txt"))
        let output = try temporaryFolder()
        let report = try await Self.run(inputs: inputs, output: output, jobs: 2, failOn: "scheitert")
        #expect(report.documents == 8)
        #expect(report.failures.count == 2)
        #expect(report.failures[0].source.hasSuffix("doc004.txt"))
        #expect(report.failures[0].stage == "split")
        #expect(report.failures[0].reason == "found the failure marker")
        #expect(report.failures[1].source.hasSuffix("doc007.txt"))
        #expect(report.failures[1].reason.contains("byte 2 is not valid UTF-8"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("doc009.txt").path))
    }
}

@Suite struct OutputWriterTests {
    @Test func replacesAtomicallyAndBacksUpChangedTranslatorFiles() throws {
        let folder = try temporaryFolder()
        let writer = OutputWriter(folder: folder)
        try writer.write(OutputFile(path: "a/doc.xlf", text: "v1", backupExisting: true))
        try writer.write(OutputFile(path: "a/doc.xlf", text: "v1", backupExisting: true))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/doc.xlf.~1~").path))
        try writer.write(OutputFile(path: "a/doc.xlf", text: "v2", backupExisting: true))
        try writer.write(OutputFile(path: "a/doc.xlf", text: "v3", backupExisting: true))
        let read = { (name: String) in try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        #expect(try read("a/doc.xlf") == "v3")
        #expect(try read("a/doc.xlf.~1~") == "v1")
        #expect(try read("a/doc.xlf.~2~") == "v2")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a").path)
        #expect(leftovers.sorted() == ["doc.xlf", "doc.xlf.~1~", "doc.xlf.~2~"])
    }

    @Test func plainOutputsAreReplacedWithoutBackup() throws {
        let folder = try temporaryFolder()
        let writer = OutputWriter(folder: folder)
        try writer.write(OutputFile(path: "doc.md", text: "old"))
        try writer.write(OutputFile(path: "doc.md", text: "new"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["doc.md"])
    }
}

/// Interrupted or failing runs leave whole documents or none, and no temporary files.
@Suite struct InterruptionTests {
    /// Hands out documents and asks to stop once `after` of them have been read.
    struct StoppingSource: DocumentSource {
        var inner: FileDocumentSource
        let stop: StopRequest
        let after: Int
        var handed = 0

        mutating func next() -> DocumentLoad? {
            handed += 1
            defer { if handed == after { stop.request(signal: SIGTERM) } }
            return inner.next()
        }
    }

    @Test(arguments: [1, 4])
    func aStopRequestFinishesTheDocumentsStartedAndSkipsBatchOutputs(jobs: Int) async throws {
        let inputs = try temporaryFolder()
        let output = try temporaryFolder()
        try PipelineRunnerTests.makeInputs(in: inputs, count: 20)
        let spec = PipelineSpec(
            file: inputs.appendingPathComponent("p.yml"), name: "t",
            languages: LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!), inputs: ["."],
            stages: [StageSpec(stage: PeriodSplitStage.self, options: .init()), StageSpec(stage: ListStage.self, options: .init())])
        let runner = try PipelineRunner(spec: spec, jobs: jobs)
        let files = try InputResolver().resolve(spec.inputs, against: spec.baseDirectory)
        let stop = StopRequest()
        let source = StoppingSource(
            inner: FileDocumentSource(files: files, namer: DocumentNamer(template: "{stem}", pipelineName: "t", languages: spec.languages)),
            stop: stop, after: 5)
        let report = await runner.run(source, into: FolderSink(folder: output), stop: stop)
        #expect(report.interruptedBy == SIGTERM)
        #expect(report.documents == 5)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(!names.contains("list.txt"), "an incomplete batch output is not written")
        #expect(!names.contains { $0.hasSuffix(".tmp") })
        #expect(report.notes.contains { $0.hasPrefix("stopped early") })
    }

    @Test func aDocumentsFilesAreWrittenAsASetOrNotAtAll() throws {
        let folder = try temporaryFolder()
        try "a file where a folder is needed".write(to: folder.appendingPathComponent("blocked"), atomically: true, encoding: .utf8)
        let writer = OutputWriter(folder: folder)
        #expect(throws: OutputError.self) {
            try writer.write([OutputFile(path: "doc.xlf", text: "new"), OutputFile(path: "blocked/doc.tbx", text: "new")])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["blocked"], "no half set and no temporary file: \(names)")
    }
}

@Suite struct MetadataFieldTests {
    static func runner(fields: [String]) -> PipelineRunner {
        let context = StageContext(
            pipelineName: "t", languages: LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!),
            baseDirectory: URL(fileURLWithPath: "/tmp"))
        return PipelineRunner(stages: [], context: context, jobs: 1, metadataFields: fields)
    }

    static let document = Document(
        id: "a", title: "T", text: "Text.", source: "in.jsonl#a",
        metadata: [MetadataEntry("author", "Jana"), MetadataEntry("editor-email", "jana@example.org"), MetadataEntry("file", "in.jsonl")])

    /// A record may carry what translators must not see; only the fields the pipeline file names go on.
    @Test func onlyNamedFieldsAndTheFileNameReachOutputs() async throws {
        #expect(try await Self.runner(fields: []).process(Self.document, ordinal: 0).document.metadata.map(\.key) == ["file"])
        #expect(try await Self.runner(fields: ["author"]).process(Self.document, ordinal: 0).document.metadata.map(\.key)
            == ["author", "file"])
    }

    @Test func thePipelineFileNamesTheFields() throws {
        let spec = try PipelineFileReader(catalog: testCatalog).parse("""
            version: 1
            name: p
            languages: {source: de-DE, target: en-GB}
            inputs: in.jsonl
            metadata: [author, url]
            stages:
              - split: {}
            """, file: URL(fileURLWithPath: "/p/p.yml"))
        #expect(spec.metadata == ["author", "url"])
    }
}
