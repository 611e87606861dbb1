import PipelineCore

/// Lays out briefings and digests as one self-contained HTML page each: inline CSS, no scripts, no
/// external resources, a single column on phones. Glossary terms are highlighted and show the
/// source and approved target term on hover (or on tap, since they take focus).
public struct HTMLRenderer: Sendable {
    public init() {}

    public func render(_ briefing: DocumentBriefing) -> String {
        let languages = Names(briefing.languages)
        var body = ""
        body += "<header>\n<p class=\"kicker\">Briefing</p>\n"
        body += title(briefing.title, translated: briefing.titleTranslation, languages: languages, heading: "h1")
        body += "<p class=\"status\">\(Escaping.html(briefing.status.detailedLine))</p>\n</header>\n"
        body += "<section>\n<h2>Key points</h2>\n"
        if briefing.keyPoints.isEmpty { body += "<p>No key points: the document has no summary.</p>\n" }
        body += keyPoints(briefing.keyPoints, languages: languages, findings: briefing.qa.findingsBySentence)
        body += "</section>\n"
        body += termTable("Key terms", briefing.keyTerms, languages: languages)
        body += termTable("People and organisations", briefing.names, languages: languages)
        body += "<section>\n<h2>Source</h2>\n<div class=\"scroll\"><table>\n<tbody>\n"
        var rows: [(String, String)] = [
            ("Document", briefing.id), ("Source", briefing.source),
            ("Languages", "\(languages.source) (\(briefing.languages.source)) → \(languages.target) (\(briefing.languages.target))"),
        ]
        if let method = briefing.summaryMethod { rows.append(("Summary", method)) }
        rows += briefing.metadata.map { ($0.key, $0.value) }
        for (key, value) in rows {
            body += "<tr><th scope=\"row\">\(Escaping.html(key))</th><td>\(Escaping.html(value))</td></tr>\n"
        }
        body += "</tbody>\n</table></div>\n</section>\n"
        body += qa(briefing.qa)
        return page(title: "Briefing: \(briefing.titleTranslation?.text ?? briefing.title)", body: body)
    }

    public func render(_ digest: Digest) -> String {
        let languages = Names(digest.languages)
        var body = ""
        body += "<header>\n<p class=\"kicker\">Digest</p>\n<h1>\(Escaping.html(digest.pipeline))</h1>\n"
        body += "<p class=\"status\">\(digest.documentCount) document\(digest.documentCount == 1 ? "" : "s"), "
            + "\(Escaping.html(digest.status.detailedLine))</p>\n</header>\n"
        for entry in digest.documents {
            body += "<section>\n" + title(entry.title, translated: entry.titleTranslation, languages: languages, heading: "h2")
            var status = "\(Escaping.html(entry.id)) · \(Escaping.html(entry.status.line))"
            if entry.qaFindings > 0 {
                status += " · \(entry.qaFindings) terminology finding\(entry.qaFindings == 1 ? "" : "s")"
            }
            body += "<p class=\"meta\">\(status)</p>\n"
            body += keyPoints(entry.topPoints, languages: languages)
            body += "</section>\n"
        }
        if digest.unlistedDocuments > 0 {
            body += "<p class=\"meta\">\(digest.unlistedDocuments) more document\(digest.unlistedDocuments == 1 ? "" : "s") "
                + "not listed here; each has its own briefing.</p>\n"
        }
        body += "<section>\n<h2>Key terms across the batch</h2>\n"
        if digest.keyTerms.isEmpty {
            body += "<p>No glossary terms found.</p>\n"
        } else {
            body += "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">\(languages.source)</th><th scope=\"col\">\(languages.target)</th>"
                + "<th scope=\"col\" class=\"num\">Count</th><th scope=\"col\" class=\"num\">Documents</th></tr></thead>\n<tbody>\n"
            for term in digest.keyTerms {
                body += "<tr><td lang=\"\(Escaping.html(digest.languages.source.tag))\">\(Escaping.html(term.source))</td>"
                    + "<td lang=\"\(Escaping.html(digest.languages.target.tag))\">\(Escaping.html(term.target))</td>"
                    + "<td class=\"num\">\(term.count)</td><td class=\"num\">\(term.documents)</td></tr>\n"
            }
            body += "</tbody>\n</table></div>\n"
        }
        body += "</section>\n<section>\n<h2>Awaiting translation</h2>\n"
        if digest.awaiting.isEmpty {
            body += "<p>Every key point is translated.</p>\n"
        } else {
            body += "<ul>\n"
            for entry in digest.awaiting {
                body += "<li>\(Escaping.html(entry.title)) <span class=\"meta\">(\(Escaping.html(entry.id)))</span>: "
                    + "\(entry.status.awaiting) of \(entry.status.keyPoints) key points</li>\n"
            }
            if digest.unlistedAwaiting > 0 { body += "<li>and \(digest.unlistedAwaiting) more</li>\n" }
            body += "</ul>\n"
        }
        body += "</section>\n"
        return page(title: "Digest: \(digest.pipeline)", body: body)
    }

    /// Display names and tags of the two languages.
    private struct Names {
        let source: String
        let target: String
        let sourceTag: String
        let targetTag: String

        init(_ pair: LanguagePair) {
            source = Escaping.html(LanguageNames.name(of: pair.source))
            target = Escaping.html(LanguageNames.name(of: pair.target))
            sourceTag = Escaping.html(pair.source.tag)
            targetTag = Escaping.html(pair.target.tag)
        }
    }

    /// The title as a heading: the translation where one exists, with the original and the
    /// translation's origin beneath.
    private func title(_ original: String, translated: TitleTranslation?, languages: Names, heading: String) -> String {
        guard let translated else { return "<\(heading)>\(Escaping.html(original))</\(heading)>\n" }
        let machine = translated.origin.kind == "machine"
        return "<\(heading) lang=\"\(languages.targetTag)\"\(machine ? " class=\"machine-text\"" : "")>\(Escaping.html(translated.text))</\(heading)>\n"
            + "<p class=\"original\"><span lang=\"\(languages.sourceTag)\">\(Escaping.html(original))</span> · "
            + "<span class=\"origin\">title: \(Escaping.html(translated.origin.label))</span></p>\n"
    }

    /// Source and target side by side; a point awaiting translation shows its source glossed, and
    /// a machine translation is set apart (dashed frame, tinted, labelled) from checked translations.
    private func keyPoints(_ points: [KeyPoint], languages: Names, findings: [Int: [QAFinding]] = [:]) -> String {
        guard !points.isEmpty else { return "" }
        var html = "<ol class=\"points\">\n"
        for point in points {
            html += "<li class=\"point\">\n<div class=\"pair\">\n"
            html += "<div class=\"side\"><p class=\"label\">\(languages.source)</p>"
                + "<p lang=\"\(languages.sourceTag)\">\(marked(point.source, point.sourceTerms, glossed: false))</p></div>\n"
            if let target = point.target {
                let machine = point.origin?.kind == "machine"
                html += "<div class=\"side\(machine ? " machine" : "")\"><p class=\"label\">\(languages.target) · "
                    + (machine ? "<span class=\"badge\">MT</span> " : "")
                    + "<span class=\"origin\">\(Escaping.html(point.originLabel))</span></p>"
                    + "<p lang=\"\(languages.targetTag)\">\(marked(target, point.targetTerms, glossed: false))</p>"
                for finding in findings[point.sentence] ?? [] {
                    html += "<p class=\"finding\">Terminology: \(Escaping.html(finding.message))</p>"
                }
                html += "</div>\n"
            } else {
                html += "<div class=\"side awaiting\"><p class=\"label\">Awaiting translation · \(languages.source) with glossary terms</p>"
                    + "<p lang=\"\(languages.sourceTag)\">\(marked(point.source, point.sourceTerms, glossed: true))</p></div>\n"
            }
            html += "</div>\n</li>\n"
        }
        return html + "</ol>\n"
    }

    /// The text with each term in a focusable `<mark>` whose tooltip names both terms; with
    /// `glossed`, the approved target follows each term in the text itself.
    private func marked(_ text: String, _ marks: [TermMark], glossed: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var html = ""
        var cursor = 0
        func piece(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return Escaping.html(String(view))
        }
        for mark in marks where mark.start >= cursor && mark.end <= scalars.count && mark.start < mark.end {
            html += piece(cursor..<mark.start)
            let gloss = Escaping.html("\(mark.sourceTerm) → \(mark.targetTerm)")
            html += "<mark class=\"term\" tabindex=\"0\" title=\"\(gloss)\" data-gloss=\"\(gloss)\">\(piece(mark.start..<mark.end))</mark>"
            if glossed { html += " <span class=\"gloss\">[\(Escaping.html(mark.targetTerm))]</span>" }
            cursor = mark.end
        }
        html += piece(cursor..<scalars.count)
        return html
    }

    private func termTable(_ heading: String, _ terms: [KeyTerm], languages: Names) -> String {
        var html = "<section>\n<h2>\(Escaping.html(heading))</h2>\n"
        guard !terms.isEmpty else { return html + "<p>None found.</p>\n</section>\n" }
        html += "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">\(languages.source)</th><th scope=\"col\">\(languages.target)</th>"
            + "<th scope=\"col\" class=\"num\">Count</th></tr></thead>\n<tbody>\n"
        for term in terms {
            html += "<tr><td lang=\"\(languages.sourceTag)\">\(Escaping.html(term.source))</td>"
                + "<td lang=\"\(languages.targetTag)\">\(Escaping.html(term.target))</td><td class=\"num\">\(term.count)</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    private func qa(_ report: QAReport) -> String {
        let findings = report.findings.count
        var html = "<section>\n<h2>Terminology check</h2>\n<p>\(report.checkedSegments) translated segment"
            + "\(report.checkedSegments == 1 ? "" : "s") checked, \(findings) finding\(findings == 1 ? "" : "s").</p>\n"
        guard !report.findings.isEmpty else { return html + "</section>\n" }
        html += "<ul class=\"findings\">\n"
        for finding in report.findings {
            html += "<li><strong>Sentence \(finding.sentence + 1)</strong> (\(Escaping.html(finding.origin.label))): "
                + "\(Escaping.html(finding.message))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    private func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(PipelineVersion.generator)">
        <title>\(Escaping.html(title))</title>
        <style>
        \(Self.style)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// Inline, so the page needs nothing but itself.
    static let style = """
        body{margin:0;padding:1rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#fafafa}
        main{max-width:64rem;margin:0 auto}
        h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .5rem}
        h2{font-size:1.2rem;margin:1.8rem 0 .6rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
        .kicker,.label,.meta{color:#5f6368;font-size:.85rem;margin:0}
        .status{font-weight:600;margin:.4rem 0}
        .points{padding-left:1.4rem}
        .point{margin-bottom:1rem}
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}
        .side{background:#fff;border:1px solid #e2e2e2;border-radius:.4rem;padding:.5rem .7rem}
        .side p{margin:.2rem 0}
        .awaiting{background:#fff8e6;border-color:#f0c36d}
        .origin{font-weight:600}
        .machine{background:#f5f2ff;border:1px dashed #7a5cc4}
        .machine-text{font-style:italic}
        .badge{display:inline-block;padding:0 .35rem;border-radius:.25rem;background:#5b3fa8;color:#fff;font-size:.75rem;font-weight:700}
        .original{color:#5f6368;margin:0 0 .4rem}
        .gloss{color:#8a4b00;font-style:italic}
        mark.term{position:relative;background:#e3f0ff;color:inherit;border-bottom:1px dotted #1a5fb4;cursor:help;border-radius:.15rem}
        mark.term:hover::after,mark.term:focus::after{content:attr(data-gloss);position:absolute;left:0;top:100%;z-index:2;margin-top:.2rem;padding:.2rem .45rem;border-radius:.25rem;background:#1d1d1f;color:#fff;font-size:.8rem;white-space:nowrap}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e2e2e2;vertical-align:top}
        .num{text-align:right;white-space:nowrap}
        .findings li{margin-bottom:.4rem}
        .finding{color:#a50e0e;font-size:.9rem}
        @media (max-width:40rem){body{padding:.6rem}.pair{grid-template-columns:1fr}th,td{padding:.3rem .35rem;overflow-wrap:anywhere}.num{overflow-wrap:normal}}
        """
}
