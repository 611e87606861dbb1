import Foundation
import Testing
@testable import PipelineCore

@Suite struct InputFormatTests {
    static let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)

    static func load(_ name: String, _ contents: String) throws -> DocumentLoad? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try contents.write(to: file, atomically: true, encoding: .utf8)
        var source = FileDocumentSource(
            files: [file], namer: DocumentNamer(template: "{stem}", pipelineName: "p", languages: languages))
        return source.next()
    }

    @Test func everyExtensionHasOneFormat() {
        let claimed = InputFormats.builtIn.flatMap(\.extensions)
        #expect(claimed.count == Set(claimed).count)
        #expect(InputFormats.extensions == ["txt", "md", "jsonl", "html", "htm", "xhtml", "docx"])
        for fileExtension in claimed { #expect(InputFormats.notYetSupported[fileExtension] == nil) }
    }

    static let supported = ".txt (plain text), .md (Markdown), .jsonl (JSON lines), .html, .htm, .xhtml (web pages), .docx (Word documents)"

    @Test(arguments: [
        ("bericht.doc", "bericht.doc: Word 97–2003 documents (save them as .docx) are not supported yet; inputs can be \(supported)"),
        ("daten.csv", "daten.csv: a .csv file is not an input format; inputs can be \(supported)"),
        ("LIESMICH", "LIESMICH: a file without an extension is not an input format; inputs can be \(supported)"),
    ])
    func anUnsupportedFileIsNamedWithWhatIsSupported(name: String, message: String) throws {
        guard case .failure(let source, let error, _) = try Self.load(name, "PK\u{3}\u{4} binary") else {
            Issue.record("\(name) was read as a document")
            return
        }
        #expect(source.hasSuffix(name))
        let description = try #require(error.errorDescription)
        #expect(description.hasSuffix(message), "\(description)")
    }

    static let text = "Erster Satz. Zweiter Satz.\n\nDritter Satz."

    static func translated(_ format: any InputFormat) throws -> String {
        let document = Document(id: "a", title: "Erster Satz.", text: text, source: "a", metadata: [MetadataEntry("quelle", "dpa")])
        let replacements = [
            TranslatedDocument.Replacement(span: TextSpan(start: 13, end: 26), text: "Second sentence."),
            TranslatedDocument.Replacement(span: TextSpan(start: 0, end: 12), text: "First sentence."),
        ]
        return String(decoding: try format.write(TranslatedDocument(document: document, replacements: replacements)), as: UTF8.self)
    }

    @Test func textFormatsReplaceSpansAndKeepEverythingBetween() throws {
        for format: any InputFormat in [PlainTextFormat(), MarkdownFormat()] {
            #expect(try Self.translated(format) == "First sentence. Second sentence.\n\nDritter Satz.")
        }
    }

    @Test func jsonLinesWritesOneObjectWithTheTranslatedText() throws {
        let line = try Self.translated(JSONLinesFormat())
        #expect(line.hasSuffix("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == ["id": "a", "title": "Erster Satz.", "quelle": "dpa",
                           "text": "First sentence. Second sentence.\n\nDritter Satz."])
    }

    @Test func aWrittenTextDocumentReadsBackAsTheSameText() throws {
        let written = try Self.translated(PlainTextFormat())
        guard case .document(let document) = try Self.load("a.txt", written) else {
            Issue.record("no document")
            return
        }
        #expect(document.text == written)
        #expect(document.title == "First sentence. Second sentence.")
    }
}

@Suite struct DocumentTitleTests {
    @Test func aHugeFirstLineBecomesABoundedTitleAndTheTextStaysWhole() throws {
        let line = String(repeating: "Sehr langer Vorspann ohne Ende ", count: 20_000)
        guard case .document(let document) = try InputFormatTests.load("lang.txt", line + "\n\nText.") else {
            Issue.record("no document")
            return
        }
        #expect(document.title.count <= Document.maximumTitleLength)
        #expect(document.title.hasSuffix("…"))
        #expect(document.title.hasPrefix("Sehr langer Vorspann ohne Ende Sehr"))
        #expect(document.text.hasPrefix(line))
    }

    @Test func aByteOrderMarkNeverReachesATitle() throws {
        guard case .document(let document) = try InputFormatTests.load("bom.txt", "\u{FEFF}Überschrift\n\nText.") else {
            Issue.record("no document")
            return
        }
        #expect(document.title == "Überschrift")
    }
}

@Suite struct JSONLinesIdentityTests {
    /// A repeated id would be renamed differently depending on how a stream is split; it is refused.
    @Test func aRepeatedIdIsRefusedNamingTheFirstLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("news.jsonl")
        try "{\"id\":\"a\",\"text\":\"Eins.\"}\n{\"id\":\"b\",\"text\":\"Zwei.\"}\n{\"id\":\"a\",\"text\":\"Drei.\"}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let source = FileDocumentSource(
            files: [file], namer: DocumentNamer(template: "{stem}", pipelineName: "p", languages: InputFormatTests.languages))
        let loads = DocumentSourceTests.drain(source)
        #expect(loads.count == 3)
        guard case .failure(let place, let error, _) = loads[2] else {
            Issue.record("the repeated id became a document")
            return
        }
        #expect(place == "\(file.path):3")
        #expect(error.reason == "id 'a' is already used on line 1; ids must be unique")
    }
}
