import Foundation
import Testing
@testable import Merge
import PipelineCore
import Segmentation
@testable import XLIFF
@testable import XML
import ZIPFoundation

/// extract → translate → merge: the translated file in the input's own format, codes in place.
@Suite struct MergeStageTests {
    static let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)
    static let context = StageContext(pipelineName: "t", languages: languages, baseDirectory: URL(fileURLWithPath: "/tmp"))

    static let page = """
        <!DOCTYPE html>
        <html lang="de"><head><title>Kommune plant Rechenzentrum</title></head>
        <body><nav><a href="/">Startseite</a></nav>
        <article><h1>Kommune plant Rechenzentrum</h1>
        <p>Die Stadt will ein <strong>großes Rechenzentrum</strong> bauen. Der Rat hat zugestimmt.</p>
        <p>Laut <a href="https://example.org/sw">den Stadtwerken</a> kommt der Strom aus <em>erneuerbaren</em> Quellen.</p>
        </article><footer>© Anzeiger</footer></body></html>
        """

    /// Reads a file of ours through its input format and segments it.
    static func annotated(_ name: String, _ contents: String) throws -> AnnotatedDocument {
        try annotated(name, data: Data(contents.utf8))
    }

    static func annotated(_ name: String, data: Data) throws -> AnnotatedDocument {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try data.write(to: file)
        var source = FileDocumentSource(files: [file], namer: DocumentNamer(template: "{stem}", pipelineName: "t", languages: languages))
        guard case .document(let document) = source.next() else { throw MergeTestFailure.notRead(name) }
        var annotated = AnnotatedDocument(document: document, ordinal: 0)
        let segmented = try Segmenter(language: languages.source).segment(document.text)
        annotated.paragraphs = segmented.paragraphs
        annotated.sentences = segmented.sentences
        return annotated
    }

    enum MergeTestFailure: Error { case notRead(String) }

    /// A machine translation of every sentence: the same sentence upper-cased, as long as the source.
    static func translateAll(_ document: inout AnnotatedDocument, origin: Translation.Origin = .machine(engine: "Test")) {
        for index in document.sentences.indices {
            document.translations[index] = Translation(sentence: index, text: document.text(of: index).uppercased(), origin: origin)
        }
    }

    static func merged(_ document: AnnotatedDocument, options: MergeOptions = MergeOptions()) async throws -> (name: String, text: String) {
        var document = document
        try await MergeStage(options: options, context: context).process(&document, context: context)
        let output = try #require(document.outputs.first)
        return (output.path, String(decoding: output.contents, as: UTF8.self))
    }

    @Test func aTranslatedPageKeepsItsMarkupAndSaysItsNewLanguage() async throws {
        var document = try Self.annotated("kommune.html", Self.page)
        Self.translateAll(&document)
        let (name, html) = try await Self.merged(document)
        #expect(name == "kommune.en-GB.html")
        #expect(html.contains("<html lang=\"en-GB\">"))
        #expect(html.contains("<title>KOMMUNE PLANT RECHENZENTRUM</title>"))
        #expect(html.contains("<nav><a href=\"/\">Startseite</a></nav>"))
        #expect(html.contains("<footer>© Anzeiger</footer>"))
        // Machine translation places no codes: they go in proportion, at word edges.
        #expect(html.contains("<p>DIE STADT WILL EIN <strong>GROSSES RECHENZENTRUM</strong> BAUEN. DER RAT HAT ZUGESTIMMT.</p>"))
        #expect(html.contains("<p>LAUT <a href=\"https://example.org/sw\">DEN STADTWERKEN</a> KOMMT DER STROM AUS <em>ERNEUERBAREN</em> QUELLEN.</p>"))
        // Every sentence of the article is translated.
        let page = try HTMLReader.parse(Data(html.utf8), fileName: "out.html")
        let article = page.root!.elements.first { $0.name == "body" }!.elements.first { $0.name == "article" }!
        #expect(!article.textContent.contains("Die Stadt") && !article.textContent.contains("Rat hat"))
    }

    @Test func aTranslatedMarkdownFileKeepsItsLinkAndEmphasis() async throws {
        let markdown = """
            # Wasser für die Fabrik

            Die Fabrik braucht **viel Wasser** am Tag. Das sagt der [Wasserverband](https://example.org/wv).

            - Erster Punkt.
            - Zweiter `code` Punkt.

            ```
            bleibt so
            ```
            """
        var document = try Self.annotated("wasser.md", markdown)
        Self.translateAll(&document)
        let (name, text) = try await Self.merged(document)
        #expect(name == "wasser.en-GB.md")
        #expect(text == """
            # WASSER FÜR DIE FABRIK

            DIE FABRIK BRAUCHT **VIEL WASSER** AM TAG. DAS SAGT DER [WASSERVERBAND](https://example.org/wv).

            - ERSTER PUNKT.
            - ZWEITER `code` PUNKT.

            ```
            bleibt so
            ```
            """)
    }

    @Test func aTranslatedWordFileKeepsItsBoldRun() async throws {
        let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <w:document \(namespace)><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Chipfabrik am Fluss</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Die Fabrik braucht </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>viel Wasser</w:t></w:r><w:r><w:t xml:space="preserve"> am Tag.</w:t></w:r></w:p></w:body></w:document>
            """
        let archive = try Archive(data: Data(), accessMode: .create)
        let part = Data(body.utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(part.count), compressionMethod: .deflate) {
            part.subdata(in: Int($0)..<Int($0) + $1)
        }
        var document = try Self.annotated("chipfabrik.docx", data: try #require(archive.data))
        #expect(document.document.title == "Chipfabrik am Fluss")
        Self.translateAll(&document)
        var merged = document
        try await MergeStage(options: MergeOptions(), context: Self.context).process(&merged, context: Self.context)
        let output = try #require(merged.outputs.first)
        #expect(output.path == "chipfabrik.en-GB.docx")
        let written = try Archive(data: output.contents, accessMode: .read)
        var xml = Data()
        _ = try written.extract(try #require(written["word/document.xml"])) { xml.append($0) }
        #expect(String(decoding: xml, as: UTF8.self) == body
            .replacingOccurrences(of: ">Chipfabrik am Fluss<", with: ">CHIPFABRIK AM FLUSS<")
            .replacingOccurrences(of: ">Die Fabrik braucht <", with: ">DIE FABRIK BRAUCHT <")
            .replacingOccurrences(of: ">viel Wasser<", with: ">VIEL WASSER<")
            .replacingOccurrences(of: "> am Tag.<", with: "> AM TAG.<"))
    }

    @Test func codesGoWhereTheTranslatorPutThem() async throws {
        var document = try Self.annotated("kommune.html", Self.page)
        let sentence = try #require(document.sentences.indices.first { document.text(of: $0).hasPrefix("Die Stadt") })
        let codes = document.document.codes(ownedBy: document.sentences[sentence].span)
        #expect(codes.count == 2)
        let text = "The town wants to build a large data centre."
        let start = text.utf8.count - "a large data centre.".utf8.count
        document.translations[sentence] = Translation(sentence: sentence, text: text, origin: .translator, codes: [
            CodePlacement(code: codes[0], offset: start), CodePlacement(code: codes[1], offset: text.utf8.count - 1),
        ])
        let (_, html) = try await Self.merged(document)
        #expect(html.contains("<p>The town wants to build <strong>a large data centre</strong>. Der Rat hat zugestimmt.</p>"))
    }

    @Test func untranslatedSentencesStayOrAreMarked() async throws {
        var document = try Self.annotated("bericht.txt", "Erster Satz hier. Zweiter Satz dort.\n\nDritter Satz.\n")
        document.translations[0] = Translation(sentence: 0, text: "First sentence here.", origin: .translator)
        document.translations[2] = Translation(sentence: 2, text: "Third sentence.", origin: .memory(percent: 87))
        let (name, text) = try await Self.merged(document)
        #expect(name == "bericht.en-GB.txt")
        #expect(text == "First sentence here. Zweiter Satz dort.\n\nDritter Satz.\n")
        var options = MergeOptions()
        options.untranslated = .mark
        #expect(try await Self.merged(document, options: options).text == "First sentence here. ⟦Zweiter Satz dort.⟧\n\n⟦Dritter Satz.⟧\n")
    }

    @Test func theReportCountsByOrigin() throws {
        var document = try Self.annotated("bericht.txt", "Eins ist hier. Zwei ist da. Drei ist dort.")
        document.translations[0] = Translation(sentence: 0, text: "One.", origin: .translator)
        document.translations[1] = Translation(sentence: 1, text: "Two.", origin: .machine(engine: "X"))
        var report = MergeStage.Report(source: Self.languages.source)
        try report.add(document)
        let files = try report.finish()
        #expect(files.map(\.path) == ["merge-report.txt"])
        #expect(String(decoding: files[0].contents, as: UTF8.self)
            == "bericht: 2 of 3 segments translated (translator 1, machine 1); 1 left in de-DE\n")
    }

    /// The whole way: XLIFF out, a translator moves the bold in the target, XLIFF back, merge.
    @Test(arguments: [XLIFFVersion.v1_2, .v2_1])
    func codesMovedInXLIFFComeBackIntoThePage(version: XLIFFVersion) async throws {
        let document = try Self.annotated("kommune.html", Self.page)
        let exported = try XLIFFWriter(version: version, languages: Self.languages, provenance: "test")
            .write(document, options: XLIFFOptions(version: version, prefill: .source, units: .paragraph))
        var xliff = String(decoding: exported, as: UTF8.self)
        // The translator rewrites one target, moving the bold pair to the front.
        let (sourceTarget, translatedTarget) = version == .v1_2
            ? ("<mrk mtype=\"seg\" mid=\"s2\">Die Stadt will ein <g id=\"c1\" ctype=\"bold\">großes Rechenzentrum</g> bauen.</mrk>",
               "<mrk mtype=\"seg\" mid=\"s2\"><g id=\"c1\" ctype=\"bold\">The town</g> wants a big data centre.</mrk>")
            : ("<target>Die Stadt will ein <pc id=\"c1\"", "<target><pc id=\"c1\"")
        let range = try #require(xliff.range(of: sourceTarget, options: .backwards))
        xliff.replaceSubrange(range, with: translatedTarget)
        if version == .v2_1 {
            let rest = try #require(xliff.range(of: ">großes Rechenzentrum</pc> bauen.</target>", options: .backwards))
            xliff.replaceSubrange(rest, with: ">The town</pc> wants a big data centre.</target>")
        }
        let returned = try XLIFFReader.parse(Data(xliff.utf8), fileName: "back.xlf")
        let translations = try returned.returnedTranslations(for: document, languages: Self.languages)
        var translated = document
        for translation in translations {
            translated.translations[translation.sentence] = Translation(
                sentence: translation.sentence, text: translation.text, origin: .translator, codes: translation.codes)
        }
        let (_, html) = try await Self.merged(translated)
        #expect(html.contains("<p><strong>The town</strong> wants a big data centre. Der Rat hat zugestimmt.</p>"), "\(html)")
    }
}
