import Foundation
import PipelineCore
import Testing
@testable import Segmentation

/// The `segment` stage: strict options, and a document filled with paragraphs and sentences.
struct SegmentStageTests {
    static func context(base: URL) throws -> StageContext {
        StageContext(pipelineName: "test", languages: LanguagePair(source: try #require(LanguageTag("de-DE")),
                                                                   target: try #require(LanguageTag("en-GB"))),
                     baseDirectory: base)
    }

    @Test("Options: every key has a default, unknown keys are rejected")
    func options() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode(SegmentOptions.self, from: Data("{}".utf8)) == SegmentOptions())
        #expect(try decoder.decode(SegmentOptions.self, from: Data(#"{"rules": "de.srx"}"#.utf8)).rules == "de.srx")
        #expect(throws: DecodingError.self) { try decoder.decode(StrictOptions<SegmentOptions>.self, from: Data(#"{"rule": "de.srx"}"#.utf8)) }
        #expect(SegmentOptions.help.map(\.key) == SegmentOptions.CodingKeys.allCases.map(\.stringValue))
    }

    @Test("The stage fills paragraphs and sentences with the source language's rules")
    func processFillsTheDocument() async throws {
        let folder = try TemporaryFolder()
        let text = "Titel\n\nAm 3. Oktober beginnt die Messe. Sie dauert bis zum 8. Oktober."
        var document = AnnotatedDocument(document: Document(id: "d1", title: "Titel", text: text, source: "d1.txt"), ordinal: 0)
        let context = try Self.context(base: folder.url)
        let stage = try SegmentStage(options: SegmentOptions(), context: context)
        try await stage.process(&document, context: context)
        #expect(document.paragraphs.count == 2)
        #expect(document.sentences.map { text.slice($0.span) }
            == ["Titel", "Am 3. Oktober beginnt die Messe.", "Sie dauert bis zum 8. Oktober."])
        #expect(document.sentences.map(\.paragraph) == [0, 1, 1])
    }

    @Test("A paragraph past the limit fails its document with its number and line")
    func aHugeParagraphIsRefused() async throws {
        let folder = try TemporaryFolder()
        let huge = String(repeating: "Wort ", count: SegmentStage.maximumParagraphBytes / 5 + 1)
        let text = "Titel\n\nKurz.\n\n" + huge
        var document = AnnotatedDocument(document: Document(id: "d1", title: "Titel", text: text, source: "d1.txt"), ordinal: 0)
        let context = try Self.context(base: folder.url)
        let stage = try SegmentStage(options: SegmentOptions(), context: context)
        await #expect(throws: SegmentStageError.paragraphTooLong(
            number: 3, line: 5, bytes: huge.utf8.count - 1, limit: SegmentStage.maximumParagraphBytes)) {
            try await stage.process(&document, context: context)
        }
    }

    @Test("A rules path is resolved against the pipeline file's folder")
    func rulesRelativeToPipeline() async throws {
        let folder = try TemporaryFolder()
        try folder.write("commas.srx", """
            <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body>
            <languagerules><languagerule languagerulename="Commas">
            <rule><beforebreak>,</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule></languagerules>
            <maprules><languagemap languagepattern="de.*" languagerulename="Commas"/></maprules>
            </body></srx>
            """)
        let text = "Eins, zwei, drei."
        var document = AnnotatedDocument(document: Document(id: "d", title: "", text: text, source: "d"), ordinal: 0)
        let context = try Self.context(base: folder.url)
        let stage = try SegmentStage(options: SegmentOptions(rules: "commas.srx"), context: context)
        try await stage.process(&document, context: context)
        #expect(document.sentences.map { text.slice($0.span) } == ["Eins,", "zwei,", "drei."])
    }

    @Test("A missing rules file fails when the stage is created, naming the file")
    func missingRules() throws {
        let folder = try TemporaryFolder()
        #expect {
            try SegmentStage(options: SegmentOptions(rules: "missing.srx"), context: Self.context(base: folder.url))
        } throws: { error in
            (error as? SRXError)?.errorDescription?.contains("missing.srx") == true
        }
    }
}
