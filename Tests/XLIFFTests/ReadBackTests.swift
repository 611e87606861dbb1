import Foundation
import PipelineCore
import Testing
@testable import XLIFF
@testable import XML

/// Read-back keeps work: one bad segment is skipped and reported, the rest is used; a target that
/// glues new text to the pre-filled source is never taken; several deliveries merge per segment.
@Suite struct ReadBackTests {
    static func translated(_ version: XLIFFVersion = .v1_2) throws -> String {
        String(decoding: try Translator.fill(try Export.write(XLIFFOptions(version: version), document: Export.document(translated: false))),
               as: UTF8.self)
    }

    @Test(arguments: [XLIFFVersion.v1_2])
    func aChangedSourceSkipsOnlyThatSegment(version: XLIFFVersion) throws {
        let document = Export.document(translated: false)
        let changed = Export.segmentText(2, in: document)
        let xliff = try Self.translated(version).replacingOccurrences(of: ">\(changed)<", with: ">\(changed) Neu.<")
        let work = try XLIFFReader.parse(Data(xliff.utf8), fileName: "edited.xlf").returnedWork(for: document, languages: Export.languages)
        #expect(work.translations.map(\.sentence) == document.sentences.indices.filter { $0 != 2 })
        #expect(work.skipped.count == 1)
        guard case .sourceChanged(_, _, let segment, _, _) = work.skipped.first else {
            Issue.record("expected a changed source, got \(work.skipped)")
            return
        }
        #expect(segment == "s3")
    }

    @Test func aTargetGluedToTheSourceIsNotATranslation() throws {
        let document = Export.document(translated: false)
        let source = Export.segmentText(0, in: document)
        let export = String(decoding: try Export.write(XLIFFOptions(version: .v1_2), document: document), as: UTF8.self)
        // What translate-toolkit's 1.2 API did to paragraph units: new text in front of the old copy.
        let glued = export.replacingOccurrences(of: ">\(source)</target>", with: ">EN: \(source)\(source)</target>")
        let work = try XLIFFReader.parse(Data(glued.utf8), fileName: "glued.xlf").returnedWork(for: document, languages: Export.languages)
        #expect(!work.translations.contains { $0.sentence == 0 })
        #expect(work.skipped == [.sourceGluedToTarget(file: "glued.xlf", line: work.skipped.first.map { if case .sourceGluedToTarget(_, let line, _) = $0 { line } else { 0 } } ?? 0, segment: "s1")])
        #expect(work.skipped.first?.localizedDescription.contains("pre-filled source glued to new text") == true)
    }

    @Test func theNewestDeliveryWinsPerSegmentWithANote() throws {
        let document = Export.document(translated: false)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.translated()
        let second = first.replacingOccurrences(of: "EN(", with: "EN2(")
        let older = folder.appendingPathComponent("z-first.xlf"), newer = folder.appendingPathComponent("a-second.xlf")
        try Data(first.utf8).write(to: older)
        try Data(second.utf8).write(to: newer)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000)], ofItemAtPath: older.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 2_000)], ofItemAtPath: newer.path)
        let files = try ReturnedXLIFFFiles(contentsOf: [folder])
        let merged = try files.merged(for: document, languages: Export.languages)
        #expect(merged.translations.count == document.sentences.count)
        #expect(merged.translations.allSatisfy { $0.text.hasPrefix("EN2(") })
        #expect(merged.notes.count == 1 && merged.notes[0].contains("newer delivery wins"))
    }

    @Test func fileElementsMatchingNoDocumentAreReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(try Self.translated().utf8).write(to: folder.appendingPathComponent("a.xlf"))
        let files = try ReturnedXLIFFFiles(contentsOf: [folder])
        #expect(files.unmatched([Export.document().document.id]).isEmpty)
        let notes = files.unmatched(["other"])
        #expect(notes.count == 1 && notes[0].contains("matches no document"))
    }
}
