import Foundation
import PipelineCore
import Testing
@testable import XLIFF
import XML

@Suite struct XLIFFStageTests {
    static let context = StageContext(
        pipelineName: "de-en news", languages: SampleDocuments.languages,
        baseDirectory: URL(fileURLWithPath: "/tmp"), provenance: "pipeline de-en news")

    @Test func perDocumentWritesXLIFFWithBackupAndTBXBeside() async throws {
        let stage = try XLIFFStage(options: XLIFFOptions(version: .v1_2), context: Self.context)
        var document = SampleDocuments.annotated()
        try await stage.process(&document, context: Self.context)
        #expect(document.outputs.map(\.path) == ["artikel-1.xlf", "artikel-1.tbx", "artikel-1.martif.tbx"])
        #expect(document.outputs.map(\.backupExisting) == [true, false, false])
        #expect(try XLIFFReader.parse(document.outputs[0].contents, fileName: "a.xlf").version == "1.2")
        #expect(try stage.makeBatch(context: Self.context) != nil, "the kit's job-wide files come from the batch")
        #expect(try XLIFFStage(options: XLIFFOptions(tmx: false, analysis: false), context: Self.context).makeBatch(context: Self.context) == nil)
    }

    @Test func theTermBaseCanBeSwitchedOff() async throws {
        let stage = try XLIFFStage(options: XLIFFOptions(tbx: false), context: Self.context)
        var document = SampleDocuments.annotated()
        try await stage.process(&document, context: Self.context)
        #expect(document.outputs.map(\.path) == ["artikel-1.xlf"])
    }

    @Test(arguments: [(TBXDialect.v3, ["a.xlf", "a.tbx"]), (.v2008, ["a.xlf", "a.martif.tbx"]), (.both, ["a.xlf", "a.tbx", "a.martif.tbx"])])
    func theTBXDialectChoosesTheTermBases(_ dialect: TBXDialect, _ paths: [String]) async throws {
        let stage = try XLIFFStage(options: XLIFFOptions(tbxDialect: dialect), context: Self.context)
        var document = SampleDocuments.annotated(id: "a")
        try await stage.process(&document, context: Self.context)
        #expect(document.outputs.map(\.path) == paths)
        let martif = try document.outputs.filter { $0.path.hasSuffix(".martif.tbx") }.map { try SafeXMLReader.parse($0.contents, fileName: $0.path) }
        #expect(martif.allSatisfy { $0.name == "martif" })
    }

    @Test func perBatchWritesOneFileFromTheDeliveredDocumentsSpooledToDisk() async throws {
        let stage = try XLIFFStage(options: XLIFFOptions(version: .v2_1, files: .perBatch), context: Self.context)
        var batch = try #require(try stage.makeBatch(context: Self.context))
        for ordinal in 0..<4 {
            var document = SampleDocuments.annotated(id: "doc-\(ordinal)", ordinal: ordinal)
            try await stage.process(&document, context: Self.context)
            #expect(document.outputs.isEmpty)
            try batch.add(document)
        }
        let outputs = try batch.finish()
        #expect(outputs.map(\.path) == ["de-en-news.xlf", "de-en-news.tbx", "de-en-news.martif.tbx", "de-en-news.analysis.json", "de-en-news.analysis.md"])
        #expect(outputs[0].backupExisting)
        #expect(outputs[0].spool != nil && outputs[0].contents.isEmpty)
        let whole = try XLIFFWriter(version: .v2_1, languages: SampleDocuments.languages, provenance: "pipeline de-en news")
            .write((0..<4).map { try ExportedDocument(SampleDocuments.annotated(id: "doc-\($0)", ordinal: $0), options: stage.options) })
        #expect(try outputs[0].data() == whole, "spooling writes the same bytes as writing the batch at once")
        let returned = try XLIFFReader.parse(try outputs[0].data(), fileName: "batch.xlf")
        #expect(returned.documentIDs == ["doc-0", "doc-1", "doc-2", "doc-3"])
        #expect(returned.files.map(\.id) == ["f1", "f2", "f3", "f4"])
        #expect(returned.findings.isEmpty)
    }

    @Test func perDocumentTheBatchWritesTheMatchesAndTheAnalysisOnce() async throws {
        let stage = try XLIFFStage(options: XLIFFOptions(), context: Self.context)
        var batch = try #require(try stage.makeBatch(context: Self.context))
        for ordinal in 0..<2 {
            var document = SampleDocuments.annotated(id: "doc-\(ordinal)", ordinal: ordinal)
            document.translations = [1: JobAnalysisTests.memory(1, 88)]
            try await stage.process(&document, context: Self.context)
            try batch.add(document)
        }
        let outputs = try batch.finish()
        #expect(outputs.map(\.path) == ["de-en-news.matches.tmx", "de-en-news.analysis.json", "de-en-news.analysis.md"])
        #expect(try SafeXMLReader.parse(outputs[0].contents, fileName: "m.tmx").descendants(named: "tu").count == 1)
        let analysis = try JSONDecoder().decode(JobAnalysis.self, from: outputs[1].contents)
        #expect(analysis.total.count(.fuzzy85).segments == 1)
        #expect(analysis.total.count(.repetition).segments == 5)
    }

    @Test(arguments: [("de-en", "de-en"), ("de en/news", "de-en-news"), ("", "batch"), ("..", "batch")])
    func batchFileNamesAreSafe(_ name: String, _ expected: String) {
        #expect(XLIFFStage.fileName(for: name) == expected)
    }
}

@Suite struct XLIFFOptionsTests {
    static func decode(_ json: String) throws -> XLIFFOptions {
        try JSONDecoder().decode(StrictOptions<XLIFFOptions>.self, from: Data(json.utf8)).options
    }

    @Test func everyKeyHasADefault() throws {
        #expect(try Self.decode("{}") == XLIFFOptions())
        #expect(XLIFFOptions() == XLIFFOptions(version: .v2_1, prefill: .source, state: .initial, files: .perDocument, content: .all, units: .sentence, tbx: true, tbxDialect: .both))
        #expect(XLIFFOptions.help.map(\.key) == XLIFFOptions.CodingKeys.allCases.map(\.rawValue))
    }

    @Test func kebabCaseValuesDecode() throws {
        let options = try Self.decode(#"{"version": "1.2", "prefill": "memory", "state": "reviewed", "files": "per-batch", "content": "summary", "units": "paragraph", "tbx": false, "tbx-dialect": "2008", "tmx": false, "analysis": false}"#)
        #expect(options == XLIFFOptions(version: .v1_2, prefill: .memory, state: .reviewed, files: .perBatch, content: .summary, units: .paragraph, tbx: false, tbxDialect: .v2008, tmx: false, analysis: false))
    }

    @Test func unknownKeysAreRejected() {
        #expect(throws: DecodingError.self) { try Self.decode(#"{"prefil": "source"}"#) }
    }

    @Test(arguments: [#"{"version": "2.0"}"#, #"{"prefill": "copy"}"#, #"{"state": "new"}"#, #"{"files": "perBatch"}"#])
    func wrongValuesNameTheAllowedOnes(_ json: String) {
        #expect {
            try Self.decode(json)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.contains("is not one of:")
        }
    }

    @Test(arguments: XLIFFState.allCases)
    func statesMapTo12AndBack(_ state: XLIFFState) {
        #expect(XLIFFState(xliff12: state.xliff12) == state)
    }
}
