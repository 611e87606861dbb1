import PipelineCore

/// Lays out briefings and digests as Markdown. Every value from a document is escaped.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ briefing: DocumentBriefing) -> String {
        let source = LanguageNames.name(of: briefing.languages.source)
        let target = LanguageNames.name(of: briefing.languages.target)
        var lines: [String] = []
        lines.append("# \(Escaping.markdown(briefing.titleTranslation?.text ?? briefing.title))")
        lines.append("")
        if let translated = briefing.titleTranslation {
            lines.append("\(source): \(Escaping.markdown(briefing.title)) — *title: \(translated.origin.label)*")
            lines.append("")
        }
        lines.append("**Status:** \(briefing.status.detailedLine)")
        lines.append("")
        lines.append("## Source")
        lines.append("")
        lines.append("| | |")
        lines.append("|---|---|")
        lines.append("| Document | \(Escaping.markdown(briefing.id)) |")
        lines.append("| Source | \(Escaping.markdown(briefing.source)) |")
        lines.append("| Languages | \(source) (\(briefing.languages.source)) → \(target) (\(briefing.languages.target)) |")
        if let method = briefing.summaryMethod { lines.append("| Summary | \(Escaping.markdown(method)) |") }
        for entry in briefing.metadata {
            lines.append("| \(Escaping.markdown(entry.key)) | \(Escaping.markdown(entry.value)) |")
        }
        lines.append("")
        lines.append("## Key points")
        lines.append("")
        if briefing.keyPoints.isEmpty {
            lines.append("No key points: the document has no summary.")
            lines.append("")
        }
        let findings = briefing.qa.findingsBySentence
        for (number, point) in briefing.keyPoints.enumerated() {
            lines += keyPoint(point, number: number + 1, sourceLanguage: source, findings: findings[point.sentence] ?? [])
        }
        lines += termTable("Key terms", briefing.keyTerms, source: source, target: target)
        lines += termTable("People and organisations", briefing.names, source: source, target: target)
        lines += qa(briefing.qa)
        return lines.joined(separator: "\n")
    }

    public func render(_ digest: Digest) -> String {
        let source = LanguageNames.name(of: digest.languages.source)
        let target = LanguageNames.name(of: digest.languages.target)
        var lines: [String] = []
        lines.append("# Digest: \(Escaping.markdown(digest.pipeline))")
        lines.append("")
        lines.append("**Status:** \(digest.documentCount) document\(digest.documentCount == 1 ? "" : "s"), \(digest.status.detailedLine)")
        lines.append("")
        for entry in digest.documents {
            lines.append("## \(Escaping.markdown(entry.titleTranslation?.text ?? entry.title))")
            lines.append("")
            if let translated = entry.titleTranslation {
                lines.append("\(source): \(Escaping.markdown(entry.title)) — *title: \(translated.origin.label)*")
                lines.append("")
            }
            lines.append("*\(Escaping.markdown(entry.id))* · \(entry.status.line)"
                + (entry.qaFindings > 0 ? " · \(entry.qaFindings) terminology finding\(entry.qaFindings == 1 ? "" : "s")" : ""))
            lines.append("")
            for (number, point) in entry.topPoints.enumerated() {
                lines += keyPoint(point, number: number + 1, sourceLanguage: source)
            }
        }
        if digest.unlistedDocuments > 0 {
            lines.append("*\(digest.unlistedDocuments) more document\(digest.unlistedDocuments == 1 ? "" : "s") not listed here; each has its own briefing.*")
            lines.append("")
        }
        lines.append("## Key terms across the batch")
        lines.append("")
        if digest.keyTerms.isEmpty {
            lines.append("No glossary terms found.")
        } else {
            lines.append("| \(source) | \(target) | Count | Documents |")
            lines.append("|---|---|---:|---:|")
            for term in digest.keyTerms {
                lines.append("| \(Escaping.markdown(term.source)) | \(Escaping.markdown(term.target)) | \(term.count) | \(term.documents) |")
            }
        }
        lines.append("")
        lines.append("## Awaiting translation")
        lines.append("")
        if digest.awaiting.isEmpty { lines.append("Every key point is translated.") }
        for entry in digest.awaiting {
            lines.append("- \(Escaping.markdown(entry.title)) (*\(Escaping.markdown(entry.id))*): \(entry.status.awaiting) of \(entry.status.keyPoints) key points")
        }
        if digest.unlistedAwaiting > 0 { lines.append("- and \(digest.unlistedAwaiting) more") }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    private func keyPoint(_ point: KeyPoint, number: Int, sourceLanguage: String, findings: [QAFinding] = []) -> [String] {
        var lines: [String] = []
        if let target = point.target {
            lines.append("\(number). \(Escaping.markdown(target)) — *\(point.originLabel)*")
            lines.append("")
            lines.append("   > \(Escaping.markdown(point.source))")
            for finding in findings {
                lines.append("")
                lines.append("   **Terminology:** \(Escaping.markdown(finding.message))")
            }
        } else {
            lines.append("\(number). **Awaiting translation** — \(sourceLanguage) with glossary terms:")
            lines.append("")
            lines.append("   > \(Escaping.markdown(point.glossed ?? point.source))")
        }
        lines.append("")
        return lines
    }

    private func termTable(_ heading: String, _ terms: [KeyTerm], source: String, target: String) -> [String] {
        var lines = ["## \(heading)", ""]
        if terms.isEmpty {
            lines.append("None found.")
        } else {
            lines.append("| \(source) | \(target) | Count |")
            lines.append("|---|---|---:|")
            for term in terms {
                lines.append("| \(Escaping.markdown(term.source)) | \(Escaping.markdown(term.target)) | \(term.count) |")
            }
        }
        lines.append("")
        return lines
    }

    private func qa(_ report: QAReport) -> [String] {
        var lines = ["## Terminology check", ""]
        let findings = report.findings.count
        lines.append("\(report.checkedSegments) translated segment\(report.checkedSegments == 1 ? "" : "s") checked, "
            + "\(findings) finding\(findings == 1 ? "" : "s").")
        if !report.findings.isEmpty { lines.append("") }
        for finding in report.findings {
            lines.append("- Sentence \(finding.sentence + 1) (\(finding.origin.label)): \(Escaping.markdown(finding.message))")
        }
        lines.append("")
        return lines
    }
}
