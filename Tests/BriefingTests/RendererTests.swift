import Foundation
import PipelineCore
import TestSupport
import Testing
@testable import Briefing

@Suite struct RendererTests {
    /// A document whose text tries to break out of every format.
    static func hostileBriefing() -> DocumentBriefing {
        var term = DocumentFixture.chip
        term.target = "chip <b>&</b>"
        var document = DocumentFixture.document(
            id: "evil", title: "<script>alert(1)</script> & \"Titel\"",
            sentences: ["Chips kosten <img src=x onerror=alert(1)> viel.", "# Keine Überschrift | und | Tabelle *fett*.", "3. Oktober: ein Datum."],
            terms: [term], summary: [0, 1, 2])
        document.translations[1] = Translation(sentence: 1, text: "<a href=\"https://example.com\">link</a>", origin: .translator)
        return BriefingBuilder(languages: DocumentFixture.languages).briefing(for: document)
    }

    @Test func htmlEscapesEveryValue() {
        let html = HTMLRenderer().render(Self.hostileBriefing())
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<a href"))
        #expect(!html.contains("<b>&</b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Titel&quot;"))
        #expect(html.contains("data-gloss=\"Chip → chip &lt;b&gt;&amp;&lt;/b&gt;\""))
    }

    @Test func htmlNeedsNoExternalResources() {
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: BriefingBuilderTests.document())
        var digest = DigestBuilder(points: 3)
        digest.add(briefing)
        let pages = [HTMLRenderer().render(briefing),
                     HTMLRenderer().render(digest.digest(pipeline: "de-en", languages: DocumentFixture.languages))]
        for html in pages {
            for forbidden in ["http:", "https:", "//", "<script", "<link", "<img", "@import", "url(", "src="] {
                #expect(!html.contains(forbidden), "found \(forbidden)")
            }
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        }
    }

    @Test func htmlShowsTermsWithHoverAndPointsSideBySide() {
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: BriefingBuilderTests.document())
        let html = HTMLRenderer().render(briefing)
        #expect(html.contains("<mark class=\"term\" tabindex=\"0\" title=\"Rechenzentrum → data centre\" data-gloss=\"Rechenzentrum → data centre\">Rechenzentren</mark>"))
        #expect(html.contains("<mark class=\"term\" tabindex=\"0\" title=\"Rechenzentrum → data centre\" data-gloss=\"Rechenzentrum → data centre\">data centres</mark>"))
        #expect(html.components(separatedBy: "<div class=\"pair\">").count - 1 == 3)
        #expect(html.contains("<span class=\"gloss\">[regulation]</span>"))
        #expect(html.contains("<span class=\"origin\">TM 100%</span>"))
        #expect(html.contains("2 of 3 key points translated"))
    }

    @Test func markdownKeepsValuesInsideTheirPlace() {
        let markdown = MarkdownRenderer().render(Self.hostileBriefing())
        #expect(markdown.hasPrefix("# \\<script\\>alert(1)\\</script\\> & \"Titel\"\n"))
        #expect(markdown.contains("> \\# Keine Überschrift \\| und \\| Tabelle \\*fett\\*."))
        #expect(markdown.contains("> 3\\. Oktober: ein Datum."))
        #expect(markdown.contains("| Chip | chip \\<b\\>&\\</b\\> | 1 |"))
        // No `<` reaches the Markdown unescaped, so no value can open an HTML tag.
        let unescaped = zip(markdown.unicodeScalars.dropFirst(), markdown.unicodeScalars).filter { $0 == "<" && $1 != "\\" }
        #expect(unescaped.isEmpty)
    }

    /// Renderers that linkify (GitHub, GitLab) must not make links the author never wrote.
    @Test(arguments: [
        ("Mehr unter https://beispiel.example/a?b=1 lesen", "Mehr unter https\\://beispiel.example/a?b=1 lesen"),
        ("Siehe www.beispiel.example und WWW.B.example", "Siehe www\\.beispiel.example und WWW\\.B.example"),
        ("Kein Link: awww.x und 10:30 Uhr", "Kein Link: awww.x und 10:30 Uhr"),
    ])
    func markdownNeverLinkifiesURLsFromTheText(text: String, expected: String) {
        #expect(Escaping.markdown(text) == expected)
    }

    @Test func bidiControlsAreDroppedFromBothFormats() {
        let title = "Harmlos\u{202E}gnp.exe\u{202C} und \u{2067}isoliert\u{2069}"
        #expect(Escaping.markdown(title) == "Harmlosgnp.exe und isoliert")
        #expect(Escaping.html(title) == "Harmlosgnp.exe und isoliert")
        #expect(Escaping.html("Arabisch \u{200F}bleibt") == "Arabisch \u{200F}bleibt")
    }

    @Test func markdownHasEveryPart() {
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: BriefingBuilderTests.document())
        let markdown = MarkdownRenderer().render(briefing)
        for part in ["**Status:** 2 of 3 key points translated", "## Source", "| Source | Samples/doc.txt |", "| file | doc.txt |",
                     "## Key points", "OpenAI plans new data centres in Europe. — *translator*", "— *TM 100%*",
                     "**Awaiting translation** — German with glossary terms:", "> Die Regulierung \\[regulation\\] von Chips \\[chip\\] bleibt umstritten.",
                     "## Key terms", "| German | English | Count |", "| Chip | chip | 2 |",
                     "## People and organisations", "| OpenAI | OpenAI | 2 |", "## Terminology check"] {
            #expect(markdown.contains(part), "missing: \(part)")
        }
    }

    @Test func machineTextIsMarkedAndTheTitleIsEnglishWithTheOriginalBeneath() throws {
        var document = BriefingBuilderTests.document()
        document.translations[2] = Translation(sentence: 2, text: "Chip regulation remains contested.", origin: .machine(engine: "DeepL"))
        document.titleTranslation = TitleTranslation(text: "Chips & data centres", origin: .machine(engine: "DeepL"))
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: document)
        let html = HTMLRenderer().render(briefing)
        #expect(html.contains("<h1 lang=\"en-GB\" class=\"machine-text\">Chips &amp; data centres</h1>\n"
            + "<p class=\"original\"><span lang=\"de-DE\">Titel</span> · <span class=\"origin\">title: machine translation (DeepL)</span></p>"))
        #expect(html.contains("<title>Briefing: Chips &amp; data centres</title>"))
        #expect(html.contains("<div class=\"side machine\"><p class=\"label\">English · <span class=\"badge\">MT</span> "
            + "<span class=\"origin\">machine translation (DeepL)</span></p>"))
        #expect(html.components(separatedBy: "class=\"side machine\"").count - 1 == 1)
        let markdown = MarkdownRenderer().render(briefing)
        #expect(markdown.hasPrefix("# Chips & data centres\n\nGerman: Titel — *title: machine translation (DeepL)*\n"))
        #expect(markdown.contains("1. Chip regulation remains contested. — *machine translation (DeepL)*") || markdown.contains("Chip regulation remains contested. — *machine translation (DeepL)*"))
        let json = String(decoding: try JSONRenderer().render(briefing), as: UTF8.self)
        #expect(json.contains("\"engine\" : \"DeepL\""))
        #expect(json.contains("\"fromMachine\" : 1"))
        #expect(json.contains("\"titleTranslation\" : {"))
    }

    @Test func jsonRoundTripsAndIsStable() throws {
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: BriefingBuilderTests.document())
        let data = try JSONRenderer().render(briefing)
        #expect(try JSONDecoder().decode(DocumentBriefing.self, from: data) == briefing)
        #expect(try JSONRenderer().render(briefing) == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"kind\" : \"memory\""))
        #expect(text.contains("\"percent\" : 100"))
    }

    @Test func findingsAppearBesideTheirKeyPointAndInTheCheck() {
        var document = BriefingBuilderTests.document()
        document.translations[0] = Translation(sentence: 0, text: "OpenAI plans new server farms in Europe.", origin: .translator)
        let briefing = BriefingBuilder(languages: DocumentFixture.languages).briefing(for: document)
        let message = "“Rechenzentren” (Rechenzentrum) is translated with the deprecated “server farm”; use “data centre”."
        let markdown = MarkdownRenderer().render(briefing)
        #expect(markdown.contains("   **Terminology:** \(Escaping.markdown(message))"))
        #expect(markdown.contains("2 translated segments checked, 1 finding.\n\n- Sentence 1 (translator): "))
        let html = HTMLRenderer().render(briefing)
        #expect(html.contains("<p class=\"finding\">Terminology: \(Escaping.html(message))</p>"))
    }
}
