import Foundation
import PipelineCore
import Testing
import TestSupport
@testable import Briefing
@testable import Leverage

/// The translation round trip as a reviewer sees it: a translator returns XLIFF, the leverage
/// stage reads it, and the briefing's QA report checks its terminology.
@Suite struct ReturnedTranslationQATests {
    static let sentences = [
        "Die Regierung will neue Rechenzentren bauen.",
        "OpenAI braucht mehr Chips.",
    ]

    static let context = StageContext(pipelineName: "de-en", languages: DocumentFixture.languages,
                                      baseDirectory: URL(fileURLWithPath: "/tmp"))

    static func document() -> AnnotatedDocument {
        DocumentFixture.document(
            id: "artikel", sentences: sentences,
            terms: [DocumentFixture.rechenzentrum, DocumentFixture.openAI, DocumentFixture.chip], summary: [0, 1])
    }

    /// A returned XLIFF 2.1 file for `document()`, both segments translated.
    static func returnedXLIFF(_ targets: [String]) -> Data {
        let sources = sentences
        return Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de-DE" trgLang="en-GB">
          <file id="f1" original="artikel">
            <unit id="p1">
              <segment id="s1" state="translated"><source>\(sources[0])</source><target>\(targets[0])</target></segment>
              <ignorable id="g1"><source> </source></ignorable>
              <segment id="s2" state="translated"><source>\(sources[1])</source><target>\(targets[1])</target></segment>
            </unit>
          </file>
        </xliff>
        """.utf8)
    }

    /// Runs leverage then briefing with the returned file and gives back the QA report.
    static func qaReport(for targets: [String]) async throws -> (QAReport, AnnotatedDocument) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("returned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try returnedXLIFF(targets).write(to: folder.appendingPathComponent("artikel.xlf"))
        let context = StageContext(pipelineName: "de-en", languages: DocumentFixture.languages, baseDirectory: folder,
                                   translations: [folder])
        var document = document()
        try await LeverageStage(options: .init(), context: context).process(&document, context: context)
        try await BriefingStage(options: .init(), context: context).process(&document, context: context)
        let qa = try #require(document.outputs.first { $0.path == "artikel.qa.json" })
        return (try JSONDecoder().decode(QAReport.self, from: qa.contents), document)
    }

    @Test func aCorrectTranslationHasNoFindings() async throws {
        let (report, document) = try await Self.qaReport(for: [
            "The government wants to build new data centres.", "OpenAI needs more chips.",
        ])
        #expect(document.translations.values.map(\.origin) == [.translator, .translator])
        #expect(report.checkedSegments == 2)
        #expect(report.findings.isEmpty)
    }

    @Test func oneTerminologySlipIsExactlyOneFindingNamingTheTerm() async throws {
        let (report, document) = try await Self.qaReport(for: [
            "The government wants to build new server farms.", "OpenAI needs more chips.",
        ])
        #expect(report.findings.count == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.sourceTerm == "Rechenzentrum")
        #expect(finding.approvedTarget == "data centre")
        #expect(finding.deprecatedTarget == "server farm")
        #expect(finding.sentence == 0)
        let markdown = String(decoding: try #require(document.outputs.first { $0.path == "artikel.briefing.md" }).contents, as: UTF8.self)
        #expect(markdown.contains("1 finding."))
        #expect(markdown.contains("use “data centre”"))
    }

    @Test func specificationBreachesInAReturnedFileReachTheUser() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("returned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let withNotes = String(decoding: Self.returnedXLIFF(["A.", "B."]), as: UTF8.self).replacingOccurrences(
            of: "<unit id=\"p1\">", with: "<unit id=\"p1\"><notes><note id=\"n1\">a</note><note id=\"n1\">b</note></notes>")
        try Data(withNotes.utf8).write(to: folder.appendingPathComponent("artikel.xlf"))
        let context = StageContext(pipelineName: "de-en", languages: DocumentFixture.languages, baseDirectory: folder,
                                   translations: [folder])
        let stage = try LeverageStage(options: .init(), context: context)
        #expect(stage.warnings.count == 1)
        #expect(stage.warnings.first?.contains("artikel.xlf:") == true)
        #expect(stage.warnings.first?.hasSuffix("[duplicate-note-id]") == true, "\(stage.warnings)")
    }

    /// The changed sentence is skipped with a note naming file, line and segment; the other is used.
    @Test func aChangedSentenceIsSkippedAndReportedTheRestIsUsed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("returned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stale = String(decoding: Self.returnedXLIFF(["A.", "B."]), as: UTF8.self)
            .replacingOccurrences(of: "OpenAI braucht mehr Chips.", with: "OpenAI braucht weniger Chips.")
        try Data(stale.utf8).write(to: folder.appendingPathComponent("artikel.xlf"))
        let context = StageContext(pipelineName: "de-en", languages: DocumentFixture.languages, baseDirectory: folder,
                                   translations: [folder.appendingPathComponent("artikel.xlf")])
        var document = Self.document()
        let stage = try LeverageStage(options: .init(), context: context)
        try await stage.process(&document, context: context)
        var batch = try #require(try stage.makeBatch(context: context))
        try batch.add(document)
        _ = try batch.finish()
        #expect(batch.notes.count == 1)
        #expect(batch.notes.first?.contains("artikel.xlf:") == true && batch.notes.first?.contains("was changed") == true, "\(batch.notes)")
        #expect(document.translations.values.filter { $0.origin == .translator }.count == 1)
    }
}
