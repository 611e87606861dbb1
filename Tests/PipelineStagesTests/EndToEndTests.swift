import Foundation
import PipelineCore
import Testing
@testable import PipelineStages

/// Runs the bundled pipeline files the way `pipeline run` does, into temporary folders.
@Suite struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ pipeline: String, jobs: Int) async throws -> (report: RunReport, folder: URL) {
        let spec = try BuiltInStages.reader.read(root.appendingPathComponent(pipeline))
        let runner = try PipelineRunner(spec: spec, jobs: jobs)
        let files = try InputResolver().resolve(spec.inputs, against: spec.baseDirectory)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-e2e-\(UUID().uuidString)")
        let source = FileDocumentSource(
            files: files, namer: DocumentNamer(template: spec.output.name, pipelineName: spec.name, languages: spec.languages))
        let report = await runner.run(source, into: FolderSink(folder: folder))
        return (report, folder)
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }

    @Test func mainJobWritesXLIFFAndBriefingsForEverySampleIdenticallyAtAnyParallelism() async throws {
        let (sequential, first) = try await Self.run("Pipelines/de-en.yml", jobs: 1)
        let (parallel, second) = try await Self.run("Pipelines/de-en.yml", jobs: 3)
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(sequential.failures.isEmpty, "\(sequential.failures)")
        #expect(parallel.failures.isEmpty)
        let samples = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Samples/de").path)
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }
        #expect(samples.count >= 3)
        #expect(sequential.documents == samples.count)
        let written = try Self.files(in: first)
        for sample in samples {
            let stem = (sample as NSString).deletingPathExtension
            for suffix in [".xlf", ".tbx", ".briefing.md", ".briefing.html", ".briefing.json", ".qa.json"] {
                #expect(written[stem + suffix] != nil, "missing \(stem + suffix)")
            }
        }
        #expect(written["digest.md"] != nil)
        #expect(try Self.files(in: second) == written)
    }

    @Test func otherDirectionRunsWithTheSameGlossary() async throws {
        let (report, folder) = try await Self.run("Pipelines/en-de.yml", jobs: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.documents >= 1)
        #expect(report.terms > 0)
        let xliff = try Self.files(in: folder).filter { $0.key.hasSuffix(".xlf") }
        #expect(!xliff.isEmpty)
        for (_, data) in xliff {
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("srcLang=\"en-GB\""))
            #expect(text.contains("trgLang=\"de-DE\""))
        }
    }

    @Test(arguments: ["Pipelines/de-en.yml", "Pipelines/en-de.yml"])
    func bundledPipelineFilesValidate(pipeline: String) throws {
        let spec = try BuiltInStages.reader.read(Self.root.appendingPathComponent(pipeline))
        _ = try PipelineRunner(spec: spec, jobs: 1)
        #expect(try !InputResolver().resolve(spec.inputs, against: spec.baseDirectory).isEmpty)
    }

    @Test func misspeltStageOptionIsNamedWithItsLine() throws {
        let file = Self.root.appendingPathComponent("Pipelines/de-en.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "      sentences: 3", with: "      sentenses: 3")
        #expect(broken != text)
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("sentenses") }! + 1
        let error = try #require(throws: PipelineSpecError.self) { try BuiltInStages.reader.parse(broken, file: file) }
        #expect(error.localizedDescription.contains("de-en.yml:\(line):"))
        #expect(error.localizedDescription.contains("summarize.sentenses: unknown key 'sentenses'"))
    }
}
