import Foundation
import Testing
@testable import PipelineCore

/// Markdown: inline markup as codes beside the plain text, offsets that line up with the source
/// whatever its escapes and line endings, and the file written back as it was.
@Suite struct MarkdownFormatTests {
    static func document(_ markdown: String, name: String = "wasser.md") throws -> Document {
        let document = try MarkdownFormat.document(from: Data(markdown.utf8), id: "wasser", file: URL(fileURLWithPath: name))
        return document
    }

    /// The extractor itself, to see that no block fell back to raw text.
    static func extracted(_ markdown: String) throws -> (text: String, codes: [InlineCode], raw: Int) {
        var extractor = MarkdownExtractor(text: markdown)
        let result = try extractor.extract()
        return (result.text, result.codes, extractor.rawBlocks)
    }

    static func enclosed(_ id: Int, in document: (text: String, codes: [InlineCode], raw: Int)) -> String? {
        guard let open = document.codes.first(where: { $0.id == id && $0.kind == .opening }),
              let close = document.codes.first(where: { $0.id == id && $0.kind == .closing }) else { return nil }
        return document.text.slice(TextSpan(start: open.offset, end: close.offset))
    }

    static let article = """
        ---
        layout: artikel
        title: Wasser
        ---
        # Wasser für die *Chipfabrik*

        Die Fabrik braucht **täglich 20 Millionen Liter** Wasser, sagt der [Wasserverband](https://example.org/wv "Verband").
        Mehr unter <https://example.org/faq> und www.example.org.

        ![Das Werk bei *Nacht*](werk.png) Der Befehl `pumpe --start` läuft.

        ```sh
        pumpe --stop
        ```

        - Erster Punkt mit ~~altem~~ Text.
        - Zweiter Punkt.

        > Zitat mit _Betonung_,
        > über zwei Zeilen.

        | Ort | Menge |
        |-----|-------|
        | Halle | *viel* |
        """

    @Test func inlineMarkupBecomesCodesAroundPlainText() throws {
        let result = try Self.extracted(Self.article)
        #expect(result.raw == 0)
        #expect(result.text.components(separatedBy: "\n\n") == [
            "Wasser für die Chipfabrik",
            "Die Fabrik braucht täglich 20 Millionen Liter Wasser, sagt der Wasserverband.\nMehr unter  und .",
            "Das Werk bei Nacht Der Befehl  läuft.",
            "Erster Punkt mit altem Text.", "Zweiter Punkt.",
            "Zitat mit Betonung,\nüber zwei Zeilen.",
            "Ort", "Menge", "Halle", "viel",
        ])
        let codes = result.codes
        let strong = try #require(codes.first { $0.role == .bold && $0.kind == .opening })
        #expect(strong.original == "**" && strong.deletable)
        #expect(Self.enclosed(strong.id, in: result) == "täglich 20 Millionen Liter")
        let link = try #require(codes.first { $0.role == .link && $0.kind == .opening })
        #expect(!link.deletable && Self.enclosed(link.id, in: result) == "Wasserverband")
        #expect(codes.first { $0.id == link.id && $0.kind == .closing }?.original == "](https://example.org/wv \"Verband\")")
        #expect(codes.filter { $0.role == .link && $0.kind == .isolated }.map(\.original) == ["<https://example.org/faq>", "www.example.org"])
        let image = try #require(codes.first { $0.role == .image && $0.kind == .opening })
        #expect(image.original == "![" && Self.enclosed(image.id, in: result) == "Das Werk bei Nacht")
        #expect(codes.first { $0.role == .code }?.original == "`pumpe --start`")
        #expect(codes.first { $0.role == .span }?.original == "~~")
        // The quote's second line keeps its `> ` in a line-break code.
        #expect(codes.contains { $0.role == .lineBreak && $0.original == "\n> " })
        #expect(!result.text.contains("layout") && !result.text.contains("pumpe --stop"))
    }

    @Test func theTitleIsTheFirstHeadingWithoutMarkup() throws {
        #expect(try Self.document(Self.article).title == "Wasser für die Chipfabrik")
        #expect(try Self.document("Kein Titel hier.\n\nZweiter Absatz.").title == "Kein Titel hier.")
        #expect(try Self.document("Vorspann\n\nÜberschrift\n===========\n").title == "Überschrift")
    }

    /// Offsets line up wherever the source spells a character differently from the text.
    @Test(arguments: [
        ("A &amp; B &auml; &#228; &#xE4; &copy; *x*", "A & B ä ä ä © x"),
        ("Stern \\* und \\_ und \\\\ und \\[k\\] **f**", "Stern * und _ und \\ und [k] f"),
        ("Zeile eins\r\nZeile *zwei*\r\n\r\nNeu", "Zeile eins\nZeile zwei\n\nNeu"),
        ("-\tPunkt\tmit *Tab*\n\n>\t> Tief *drin*", "Punkt\tmit Tab\n\nTief drin"),
        ("Größe: 𝄞 und 😀 **Übermaß** ß", "Größe: 𝄞 und 😀 Übermaß ß"),
        ("\u{FEFF}# Titel *mit* BOM", "Titel mit BOM"),
        ("Null\u{0}Byte *x*", "Null\u{FFFD}Byte x"),
        ("Hart  \nUmbruch und\\\nnoch *einer*", "Hart\nUmbruch und\nnoch einer"),
        ("Ein [Link *mit* Stil][ref] und [kurz] und [leer][].\n\n[ref]: https://r.example\n[kurz]: /k\n[leer]: /l", "Ein Link mit Stil und kurz und leer."),
        ("[A](<url mit leer> 'Titel') [B](x(y)z) [C](\n/z\n)", "A B C"),
        ("Unbekannt &foo; und & allein und *kein Ende", "Unbekannt &foo; und & allein und *kein Ende"),
        ("``code mit ` Strich`` danach <span>roh</span> **!**", " danach roh !"),
    ])
    func offsetsLineUpWithTheSource(markdown: String, text: String) throws {
        let result = try Self.extracted(markdown)
        #expect(result.raw == 0, "\(markdown)")
        #expect(result.text == text)
        #expect(result.codes.map(\.offset) == result.codes.map(\.offset).sorted())
    }

    /// Varied files of our own: written back without translations, each is the same file; written
    /// with each block "translated" to itself (codes in place, text escaped), it reads back as the
    /// same text and codes.
    static let varied: [String] = [
        article,
        "Nur Text.",
        "# Titel\n\nText *kursiv* und __fett__ und ***beides***.\n",
        "Setext\n======\n\nZweite\n------\n\nText.\n",
        "1. Erstens *a*\n2. Zweitens **b**\n   weiter\n\n   Absatz im Punkt.\n",
        "* a\n  * b *tief*\n    * c\n",
        "> Zitat\n> > Innen **fett**\n> zurück\n",
        "Text\n\n    eingerückter Code\n\nText [l](u).\n",
        "<div>\n*kein* Markdown\n</div>\n\nAber *hier*.\n",
        "| a | b |\n|:--|--:|\n| `c` | [d](e) |\n| f \\| g | h |\n",
        "Ende mit Leerzeichen   \n\n\n\nViele Leerzeilen.\n\n\n",
        "Bild ![](leer.png) ohne Alt und ![Alt](b.png \"T\").\n",
        "Zeile\r\nmit CRLF *überall*\r\n\r\n- Punkt\r\n- [Link](x)\r\n",
        "Mail <a@b.example> und https://example.org/pfad?x=1.\n",
        "---\nnur: vorspann\n---\n\nDann Text.\n",
        "Tab\tim\tText und &nbsp;Entität&shy;.\n",
        "***\n\nTrennlinie davor. ___\n",
        "Fußnote[^1] bleibt Text.\n\n[^1]: Nicht erweitert.\n",
        "# Titel ##\n\n## *Unter* titel #####\n",
        "Verschachtelt [**fett [innen](a)**](b) mehr.\n",
        "Harter\\\nUmbruch  \nund weicher\numbruch.\n",
        "- [ ] Aufgabe\n- [x] Erledigt\n",
        "Leerer Link [](x) und <b>roh</b>.\n",
        "Code `` ` `` und `a  b`\n",
        "\u{FEFF}BOM *am* Anfang.\n",
        "> Lazy\nFortsetzung *hier*.\n",
        "  Eingerückt *zwei*.\n",
        "Zahl 3. Oktober und # kein Titel.\n",
        "- a\n\n- b\n\n  c *d*\n",
        "Emoji 😀 *🎉* ß𝄞\n",
    ]

    @Test(arguments: varied)
    func withoutTranslationsTheFileComesBackAsItWas(markdown: String) throws {
        let document = try Self.document(markdown)
        let written = try MarkdownFormat().write(TranslatedDocument(document: document, replacements: []))
        #expect(String(decoding: written, as: UTF8.self) == markdown)
    }

    @Test(arguments: varied)
    func blocksWrittenFromTheirTextReadBackTheSame(markdown: String) throws {
        let document = try Self.document(markdown)
        #expect(try Self.extracted(markdown).raw == 0, "\(markdown)")
        var replacements: [TranslatedDocument.Replacement] = []
        var start = 0
        for block in document.text.components(separatedBy: "\n\n") {
            let span = TextSpan(start: start, end: start + block.utf8.count)
            let placements = document.codes(ownedBy: span).map { CodePlacement(code: $0, offset: document.codes[$0].offset - start) }
            replacements.append(.init(span: span, text: block, codes: placements))
            start = span.end + 2
        }
        let written = try MarkdownFormat().write(TranslatedDocument(document: document, replacements: replacements))
        let again = try Self.document(String(decoding: written, as: UTF8.self))
        #expect(again.text == document.text, "\(String(decoding: written, as: UTF8.self))")
        #expect(again.codes.map(\.original) == document.codes.map(\.original))
    }

    /// The bundled samples line up block for block and come back byte for byte.
    @Test func theBundledSamplesComeBackAsTheyWere() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = try ["Samples/de", "Samples/en"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "md" }
        }
        #expect(files.count >= 4)
        for file in files {
            let markdown = try String(contentsOf: file, encoding: .utf8)
            #expect(try Self.extracted(markdown).raw == 0, "\(file.lastPathComponent)")
            let document = try Self.document(markdown)
            let written = try MarkdownFormat().write(TranslatedDocument(document: document, replacements: []))
            #expect(String(decoding: written, as: UTF8.self) == markdown, "\(file.lastPathComponent)")
        }
    }

    @Test func aTranslationKeepsLinksAndEmphasis() throws {
        let markdown = "Der **Wasserverband** warnt, sagt [Anna](https://example.org/a).\n"
        let document = try Self.document(markdown)
        let span = TextSpan(start: 0, end: document.text.utf8.count)
        let written = try MarkdownFormat().write(TranslatedDocument(
            document: document, replacements: [.init(span: span, text: "The water board warns, says Anna.")]))
        let output = String(decoding: written, as: UTF8.self)
        #expect(output.contains("**") && output.contains("](https://example.org/a)"))
        #expect(output.hasSuffix("[Anna](https://example.org/a).\n") && !output.contains("Wasser"), "\(output)")
        let again = try Self.document(output)
        #expect(again.text == "The water board warns, says Anna.")
        #expect(again.codes.map(\.original) == document.codes.map(\.original))
    }

    @Test func translatedTextThatLooksLikeMarkupStaysText() throws {
        let document = try Self.document("Satz.\n")
        let written = try MarkdownFormat().write(TranslatedDocument(
            document: document, replacements: [.init(span: TextSpan(start: 0, end: 5), text: "# 1. *a* [b] <c> & d_e")]))
        let again = try Self.document(String(decoding: written, as: UTF8.self))
        #expect(again.text == "# 1. *a* [b] <c> & d_e" && again.codes.isEmpty)
    }

    @Test func deepNestingIsAClearError() throws {
        let markdown = String(repeating: "> ", count: 150) + "tief"
        #expect(throws: InputError.malformed(path: "/tief.md", reason: "line 1: blocks or links nested more than 100 levels deep")) {
            try MarkdownFormat.document(from: Data(markdown.utf8), id: "t", file: URL(fileURLWithPath: "/tief.md"))
        }
    }

    @Test func nonUTF8AndEmptyFilesAreErrorsNamingTheFile() throws {
        #expect(throws: InputError.notUTF8(path: "/a.md", byteOffset: 3)) {
            try MarkdownFormat.document(from: Data([0x41, 0x42, 0x43, 0xFF]), id: "a", file: URL(fileURLWithPath: "/a.md"))
        }
        #expect(throws: InputError.empty(path: "/b.md")) {
            try MarkdownFormat.document(from: Data("```\nnur code\n```\n".utf8), id: "b", file: URL(fileURLWithPath: "/b.md"))
        }
    }

    /// Hostile shapes give a document or a clear error, never a crash or a hang.
    @Test(arguments: [
        String(repeating: "[", count: 5000) + "x" + String(repeating: "](u)", count: 5000),
        String(repeating: "*", count: 10000) + "a",
        String(repeating: "&amp;", count: 5000),
        String(repeating: "- ", count: 300) + "x",
        String(repeating: "`", count: 3000) + "a" + String(repeating: "`", count: 2999),
        "| a |\n|---|\n" + String(repeating: "| b |\n", count: 2000),
    ])
    func hostileMarkdownNeverCrashes(markdown: String) throws {
        do {
            let document = try Self.document(markdown)
            let written = try MarkdownFormat().write(TranslatedDocument(document: document, replacements: []))
            #expect(String(decoding: written, as: UTF8.self) == markdown)
        } catch let error as InputError {
            #expect(error.errorDescription?.contains("wasser.md") == true)
        }
    }
}
