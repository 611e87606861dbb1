import Foundation
import PipelineCore
import Testing
@testable import XLIFF

/// Export, translate as a translator would, read back: every translation lands on its sentence.
@Suite struct XLIFFRoundTripTests {
    static let versions = XLIFFVersion.allCases
    static let prefills = XLIFFOptions.Prefill.allCases

    @Test(arguments: versions, prefills)
    func everyTranslationLandsOnItsSentence(_ version: XLIFFVersion, _ prefill: XLIFFOptions.Prefill) throws {
        let document = Export.document()
        let exported = try Export.write(XLIFFOptions(version: version, prefill: prefill), document: document)
        let returned = try XLIFFReader.parse(try Translator.fill(exported), fileName: "returned.xlf")
        #expect(returned.findings.isEmpty, "\(returned.findings)")
        let translations = try returned.returnedTranslations(for: document, languages: Export.languages)
        #expect(translations.map(\.sentence) == Array(document.sentences.indices))
        for translation in translations {
            #expect(translation.text == Translator.translate(Export.segmentText(translation.sentence, in: document)))
            #expect(translation.state == .translated)
        }
    }

    @Test(arguments: versions)
    func summaryExportsComeBackForTheSummarySentences(_ version: XLIFFVersion) throws {
        let document = Export.document(translated: false)
        let exported = try Export.write(XLIFFOptions(version: version, content: .summary), document: document)
        let returned = try XLIFFReader.parse(try Translator.fill(exported), fileName: "returned.xlf")
        let translations = try returned.translations(for: document, languages: Export.languages)
        #expect(translations == [1: Translator.translate(Export.segmentText(1, in: document)), 3: Translator.translate(Export.segmentText(3, in: document))])
    }

    /// OmegaT changes the target text but not the state; a changed target still counts.
    @Test(arguments: versions)
    func aChangedTargetCountsEvenWithoutAStateChange(_ version: XLIFFVersion) throws {
        let document = Export.document(translated: false)
        let exported = try Export.write(XLIFFOptions(version: version, prefill: .source), document: document)
        let returned = try XLIFFReader.parse(try Translator.fill(exported, updateState: false), fileName: "omegat.xlf")
        let translations = try returned.returnedTranslations(for: document, languages: Export.languages)
        #expect(translations.count == document.sentences.count)
        #expect(translations.allSatisfy { $0.state == .translated })
    }

    @Test(arguments: versions)
    func untranslatedSegmentsAreLeftOut(_ version: XLIFFVersion) throws {
        let document = Export.document(translated: false)
        let exported = try Export.write(XLIFFOptions(version: version, prefill: .source), document: document)
        let returned = try XLIFFReader.parse(try Translator.fill(exported, skip: ["s1", "s3"]), fileName: "partial.xlf")
        let translations = try returned.translations(for: document, languages: Export.languages)
        #expect(translations.keys.sorted() == [1, 3, 4])
    }

    @Test(arguments: versions)
    func aBatchFileReturnsEachDocumentsOwnTranslations(_ version: XLIFFVersion) throws {
        let first = SampleDocuments.annotated(id: "eins", ordinal: 0)
        let second = SampleDocuments.annotated(id: "zwei", ordinal: 1)
        let options = XLIFFOptions(version: version)
        let exported = try XLIFFWriter(version: version, languages: Export.languages, provenance: "test")
            .write([try ExportedDocument(first, options: options), try ExportedDocument(second, options: options)])
        let returned = try XLIFFReader.parse(try Translator.fill(exported), fileName: "batch.xlf")
        #expect(returned.documentIDs == ["eins", "zwei"])
        for document in [first, second] {
            #expect(try returned.translations(for: document, languages: Export.languages).count == document.sentences.count)
        }
    }

    @Test func returnedFilesAreFoundByDocumentInFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xliff-returned-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = Export.document(translated: false)
        let other = SampleDocuments.annotated(id: "nicht-zurueck")
        try Translator.fill(try Export.write(XLIFFOptions(version: .v1_2), document: document))
            .write(to: folder.appendingPathComponent("artikel-1.xlf"))
        let files = try ReturnedXLIFFFiles(contentsOf: [folder])
        #expect(try files.translations(for: document, languages: Export.languages).count == document.sentences.count)
        #expect(try files.translations(for: other, languages: Export.languages).isEmpty)

        // A second delivery of the same document is merged per segment, not refused.
        try Export.write(XLIFFOptions(version: .v2_1), document: document).write(to: folder.appendingPathComponent("again.xliff"))
        let twice = try ReturnedXLIFFFiles(contentsOf: [folder])
        #expect(try twice.merged(for: document, languages: Export.languages).translations.count == document.sentences.count)
    }

    /// Fuzzing found this trap: one file whose `<file original>` names the same document twice.
    @Test(arguments: XLIFFVersion.allCases)
    func aDocumentReturnedTwiceInOneFileIsNamedWithBothLines(_ version: XLIFFVersion) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xliff-twice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let exported = String(decoding: try Export.write(XLIFFOptions(version: version, units: .paragraph)), as: UTF8.self)
        let open = try #require(exported.range(of: "<file "))
        let close = try #require(exported.range(of: "</file>", options: .backwards))
        let file = String(exported[open.lowerBound..<close.upperBound])
        let twice = exported.replacingOccurrences(of: file, with: file + "\n" + file.replacingOccurrences(of: "id=\"f1\"", with: "id=\"f2\""))
        let url = folder.appendingPathComponent("twice.xlf")
        try Data(twice.utf8).write(to: url)
        #expect {
            try ReturnedXLIFFFiles(contentsOf: [url])
        } throws: { error in
            guard case .documentTwice(let name, _, let lines) = error as? XLIFFImportError else { return false }
            return name == url.path && lines.count == 2 && lines[0] < lines[1]
                && error.localizedDescription.contains("is returned twice in \(url.path) (lines \(lines[0]) and \(lines[1]))")
        }
    }
}

/// A file that is not the export of the document it names is refused, with the reason.
@Suite struct XLIFFMismatchTests {
    static func returned(_ version: XLIFFVersion, edit: (String) -> String) throws -> ReturnedXLIFF {
        let exported = try Translator.fill(try Export.write(XLIFFOptions(version: version, units: .paragraph)))
        let edited = edit(String(decoding: exported, as: UTF8.self))
        return try XLIFFReader.parse(Data(edited.utf8), fileName: "returned.xlf")
    }

    static func error(_ version: XLIFFVersion, languages: LanguagePair = Export.languages, edit: (String) -> String) throws -> XLIFFImportError? {
        do {
            _ = try returned(version, edit: edit).translations(for: Export.document(), languages: languages)
            return nil
        } catch let error as XLIFFImportError {
            return error
        }
    }

    @Test(arguments: XLIFFVersion.allCases)
    func aMissingUnitIsNamed(_ version: XLIFFVersion) throws {
        let element = version == .v1_2 ? "trans-unit" : "unit"
        let error = try Self.error(version) { xml in
            // Cut the third paragraph's unit out of the file.
            let start = xml.range(of: "<\(element) id=\"p3\"")!.lowerBound
            let end = xml.range(of: "</\(element)>", range: start..<xml.endIndex)!.upperBound
            return String(xml[..<start] + xml[end...])
        }
        #expect(error == .missingUnits(file: "returned.xlf", document: "artikel-1", units: ["p3 (s5)"]))
        #expect(error?.localizedDescription.contains("p3") == true)
    }

    @Test(arguments: XLIFFVersion.allCases)
    func aChangedSourceIsNamed(_ version: XLIFFVersion) throws {
        let error = try Self.error(version) { $0.replacingOccurrences(of: "in Brandenburg.", with: "in Sachsen.") }
        guard case .sourceChanged(_, _, let segment, let expected, let found) = error else {
            Issue.record("expected a changed source, got \(String(describing: error))")
            return
        }
        #expect(segment == "s2")
        #expect(expected.hasSuffix("in Brandenburg."))
        #expect(found.hasSuffix("in Sachsen."))
    }

    @Test(arguments: XLIFFVersion.allCases)
    func wrongLanguagesAreNamed(_ version: XLIFFVersion) throws {
        let french = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("fr-FR")!)
        let error = try Self.error(version, languages: french) { $0 }
        #expect(error?.localizedDescription.contains("de-DE → en-GB") == true)
        #expect(error?.localizedDescription.contains("de-DE → fr-FR") == true)
    }

    @Test(arguments: XLIFFVersion.allCases)
    func anotherDocumentsFileIsNamed(_ version: XLIFFVersion) throws {
        let error = try Self.error(version) { $0.replacingOccurrences(of: "original=\"artikel-1\"", with: "original=\"artikel-9\"") }
        #expect(error == .documentMissing(file: "returned.xlf", document: "artikel-1", found: ["artikel-9"]))
    }

    @Test(arguments: XLIFFVersion.allCases)
    func aUnitTheDocumentLacksIsNamed(_ version: XLIFFVersion) throws {
        let error = try Self.error(version) { $0.replacingOccurrences(of: "id=\"p3\"", with: "id=\"p9\"") }
        guard case .unknownUnit(_, _, _, let unit) = error else {
            Issue.record("expected an unknown unit, got \(String(describing: error))")
            return
        }
        #expect(unit == "p9")
    }

    /// translate-toolkit writes a 1.2 translation before the (then empty) segment markers; with one
    /// segment in the unit it still belongs to that segment.
    @Test func aTranslationBesideTheOnlyMarkerIsKept() throws {
        let document = Export.document(translated: false)
        var xml = String(decoding: try Export.write(XLIFFOptions(version: .v1_2, prefill: .empty, units: .paragraph), document: document), as: UTF8.self)
        let marker = #"<mrk mtype="seg" mid="s5"/>"#
        xml = xml.replacingOccurrences(of: marker, with: "Data centres are to be ready in 2027." + marker)
        let returned = try XLIFFReader.parse(Data(xml.utf8), fileName: "ttk.xlf")
        #expect(try returned.translations(for: document, languages: Export.languages) == [4: "Data centres are to be ready in 2027."])
    }

    /// Files exported before block markers were left out of segments still map, without the marker.
    @Test(arguments: XLIFFVersion.allCases)
    func olderFilesWithBlockMarkersInSegmentsStillMap(_ version: XLIFFVersion) throws {
        let document = Export.document(translated: false)
        var xml = String(decoding: try Translator.fill(try Export.write(XLIFFOptions(version: version, units: .paragraph), document: document)), as: UTF8.self)
        let item = "Die Rechenzentren sollen 2027 fertig sein."
        xml = xml.replacingOccurrences(of: ">Die <mrk", with: ">- Die <mrk")
            .replacingOccurrences(of: "EN(\(item))", with: "- EN(\(item))")
        let returned = try XLIFFReader.parse(Data(xml.utf8), fileName: "old.xlf")
        #expect(try returned.translations(for: document, languages: Export.languages)[4] == "EN(\(item))")
    }

    @Test func aFlattenedTargetCannotBeSplitBack() throws {
        let error = try Self.error(.v1_2) { xml in
            // A tool that dropped the segment markers from the target of the three-sentence unit.
            let unit = xml.range(of: "<trans-unit id=\"p2\"")!.lowerBound
            let start = xml.range(of: "<target", range: unit..<xml.endIndex)!.lowerBound
            let end = xml.range(of: "</target>", range: start..<xml.endIndex)!.upperBound
            return String(xml[..<start]) + "<target>All three sentences at once.</target>" + String(xml[end...])
        }
        guard case .segmentMarkersLost(_, _, let unit) = error else {
            Issue.record("expected lost markers, got \(String(describing: error))")
            return
        }
        #expect(unit == "p2")
    }
}
