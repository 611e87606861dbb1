import Foundation
import Testing
@testable import PipelineCore
import XML

/// Web pages: the article's text without boilerplate, inline elements as codes, metadata, and
/// the page written back whole.
@Suite struct HTMLFormatTests {
    /// A news page of our own with everything a real one has around the article.
    static let page = """
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <title>Kommune plant Rechenzentrum</title>
        <meta name="author" content="Anna Beispiel">
        <meta property="article:published_time" content="2025-03-14">
        <link rel="canonical" href="https://example.org/kommune">
        <script>var t = "<p>Skripttext</p>";</script>
        <style>p { color: red; }</style>
        </head>
        <body>
        <header><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav></header>
        <div class="cookie-banner"><p>Wir verwenden Cookies für das beste Erlebnis.</p></div>
        <article>
        <h1>Kommune plant Rechenzentrum</h1>
        <p>Die Stadt will ein <strong>kommunales Rechenzentrum</strong> bauen. Der Rat hat zugestimmt.</p>
        <p>Laut <a href="https://example.org/sw">Stadtwerken</a> kommen Abwärme &amp; Strom aus <em>erneuerbaren</em> Quellen.<br>Es kostet 40&nbsp;Millionen&#160;Euro.</p>
        <aside><p>Lesen Sie auch: Der Streit um die Windräder.</p></aside>
        <p>Die Bürgermeisterin sagte: „Das ist wichtig.“ <img src="bau.jpg" alt="Baustelle"> Kritiker fürchten Kosten.</p>
        </article>
        <footer><p>© 2025 Anzeiger. Alle Rechte vorbehalten.</p></footer>
        </body>
        </html>
        """

    static func document(_ html: String, name: String = "kommune.html") throws -> Document {
        let load = try InputFormatTests.load(name, html)
        guard case .document(let document) = load else {
            throw HTMLTestFailure(message: "\(name) was not read: \(String(describing: load))")
        }
        return document
    }

    struct HTMLTestFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// The text a code pair encloses.
    static func enclosed(by id: Int, in document: Document) -> String? {
        guard let open = document.codes.first(where: { $0.id == id && $0.kind == .opening }),
              let close = document.codes.first(where: { $0.id == id && $0.kind == .closing }) else { return nil }
        return document.text.slice(TextSpan(start: open.offset, end: close.offset))
    }

    @Test func theArticleIsTheTextAndBoilerplateStaysOut() throws {
        let document = try Self.document(Self.page)
        let blocks = document.text.components(separatedBy: "\n\n")
        #expect(blocks == [
            "Kommune plant Rechenzentrum",
            "Die Stadt will ein kommunales Rechenzentrum bauen. Der Rat hat zugestimmt.",
            "Laut Stadtwerken kommen Abwärme & Strom aus erneuerbaren Quellen.\nEs kostet 40\u{A0}Millionen\u{A0}Euro.",
            "Die Bürgermeisterin sagte: „Das ist wichtig.“  Kritiker fürchten Kosten.",
        ])
        for boilerplate in ["Startseite", "Cookies", "Lesen Sie auch", "Rechte", "Skripttext", "color"] {
            #expect(!document.text.contains(boilerplate), "\(boilerplate)")
        }
        #expect(document.title == "Kommune plant Rechenzentrum")
        #expect(document.metadata == [
            MetadataEntry("file", "kommune.html"), MetadataEntry("language", "de"), MetadataEntry("author", "Anna Beispiel"),
            MetadataEntry("date", "2025-03-14"), MetadataEntry("url", "https://example.org/kommune"),
        ])
    }

    @Test func inlineElementsAreCodesAroundTheirText() throws {
        let document = try Self.document(Self.page)
        let strong = try #require(document.codes.first { $0.original == "<strong>" })
        #expect(strong.role == .bold && strong.kind == .opening && strong.deletable)
        #expect(Self.enclosed(by: strong.id, in: document) == "kommunales Rechenzentrum")
        let link = try #require(document.codes.first { $0.role == .link && $0.kind == .opening })
        #expect(link.original == "<a href=\"https://example.org/sw\">" && !link.deletable)
        #expect(Self.enclosed(by: link.id, in: document) == "Stadtwerken")
        let lineBreak = try #require(document.codes.first { $0.role == .lineBreak })
        #expect(document.text.slice(TextSpan(start: lineBreak.offset, end: lineBreak.offset + 1)) == "\n")
        let image = try #require(document.codes.first { $0.role == .image })
        #expect(image.kind == .isolated && image.original == "<img src=\"bau.jpg\" alt=\"Baustelle\" />")
        #expect(document.codes.map(\.offset) == document.codes.map(\.offset).sorted())
    }

    /// Parsed again, the written page has the same element tree and the same text and codes.
    @Test(arguments: [
        page,
        "<p>Ein <b>fetter <i>und kursiver</b> Satz</i> ohne Ende",
        "<html><body><div><p>Nur ein Absatz mit <span class=\"x\">Spanne</span>.</p></div></body></html>",
        "<table><tr><td>Zelle eins hat Text.</td><td>Zelle <sup>2</sup> auch.</td></tr></table>",
        "<article><h2>Titel</h2><ul><li>Erster Punkt</li><li>Zweiter <code>x = 1</code> Punkt</li></ul><pre>code  bleibt</pre></article>",
        "<p>Zeichen: &lt;tag&gt; &amp;amp; &quot;zitiert&quot; &#x1F600; &eacute;t&eacute;</p><!-- Kommentar -->",
    ])
    func withoutTranslationsThePageComesBackAsItWas(html: String) throws {
        let document = try Self.document(html)
        let written = try HTMLFormat().write(TranslatedDocument(document: document, replacements: []))
        let again = try Self.document(String(decoding: written, as: UTF8.self))
        #expect(again.text == document.text)
        #expect(again.codes == document.codes)
        let tree = { (data: Data) in try HTMLReader.parse(data, fileName: "page.html").nodes.map { HTMLMarkup.serialize($0) } }
        #expect(try tree(written) == tree(Data(html.utf8)))
    }

    @Test func withoutArticleTheDensestBlockIsTheContent() throws {
        let html = """
            <html><body>
            <div class="links"><p>Kurz.</p><ul><li><a href="/a">Ressort A mit einem langen Namen</a></li></ul></div>
            <div id="inhalt">
            <p>Der erste Absatz des Berichts hat genug Text, um zu zählen.</p>
            <p>Der zweite Absatz des Berichts hat ebenfalls genug Text dafür.</p>
            </div>
            <div id="sidebar"><p>Werbung und noch mehr Werbung in der Seitenleiste hier.</p></div>
            </body></html>
            """
        let document = try Self.document(html)
        #expect(document.text == "Der erste Absatz des Berichts hat genug Text, um zu zählen.\n\nDer zweite Absatz des Berichts hat ebenfalls genug Text dafür.")
    }

    /// Tag soup, binary junk and deep nesting give a document or a clear error, never a crash.
    @Test(arguments: [
        "<p>offen <b>fett <i>beides",
        "</p></p><p>Zu viele Enden</div></span>",
        "<table><td>ohne Zeile<td>und <tr> falsch",
        String(repeating: "<div>", count: 5000) + "tief" + String(repeating: "</div>", count: 5000),
        String(repeating: "<b>", count: 3000) + "fett",
        "\u{0}\u{1}\u{2}PK\u{3}\u{4} binär \u{FFFD}",
        "<script>nur ein Skript</script>",
        "<p>&#xD800; &#0; &#99999999; &unknown; &amp</p>",
    ])
    func invalidMarkupNeverCrashes(html: String) throws {
        switch try InputFormatTests.load("soup.html", html) {
        case .document(let document):
            #expect(!document.text.isEmpty)
            _ = try HTMLFormat().write(TranslatedDocument(document: document, replacements: []))
        case .failure(_, let error, _):
            #expect(error.errorDescription?.contains("soup.html") == true)
        case nil:
            Issue.record("no load")
        }
    }

    @Test func anEmptyPageIsAnErrorNamingTheFile() throws {
        guard case .failure(_, let error, _) = try InputFormatTests.load("leer.html", "<html><body><nav>Menü</nav></body></html>") else {
            Issue.record("an empty page was read")
            return
        }
        #expect(error == .empty(path: error.errorDescription!.components(separatedBy: ": ")[0]))
    }
}
