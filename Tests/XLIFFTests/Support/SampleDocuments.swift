import Foundation
import PipelineCore

/// Hand-made annotated documents: the text, and the spans a segmenter, term mapper and summarizer
/// would have produced, located by searching the text so the fixtures stay readable.
enum SampleDocuments {
    static let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)

    /// Three paragraphs: a heading, a paragraph of three sentences, and a list item.
    static let article = """
        ## Rechenzentren für die KI

        Die Bundesregierung plant neue Rechenzentren in Brandenburg. Der Strombedarf der \
        künstlichen Intelligenz wächst schnell.  Kritiker warnen vor "Größenwahn" & Kosten < 5 Mrd. €.

        - Die Rechenzentren sollen 2027 fertig sein.
        """

    static func annotated(id: String = "artikel-1", ordinal: Int = 0, text: String = article) -> AnnotatedDocument {
        var document = AnnotatedDocument(
            document: Document(
                id: id, title: "Rechenzentren für die KI", text: text, source: "Samples/\(id).md",
                metadata: [MetadataEntry("category", "Politik")]),
            ordinal: ordinal)
        // As the segmenter gives them: a heading's and a list item's sentence start with their marker.
        let sentences = [
            "## Rechenzentren für die KI",
            "Die Bundesregierung plant neue Rechenzentren in Brandenburg.",
            "Der Strombedarf der künstlichen Intelligenz wächst schnell.",
            "Kritiker warnen vor \"Größenwahn\" & Kosten < 5 Mrd. €.",
            "- Die Rechenzentren sollen 2027 fertig sein.",
        ]
        let paragraphs = [sentences[0], sentences[1] + " " + sentences[2] + "  " + sentences[3], sentences[4]]
        document.paragraphs = paragraphs.map { span(of: $0, in: text) }
        var searchFrom = 0
        document.sentences = sentences.enumerated().map { index, sentence in
            let found = span(of: sentence, in: text, from: searchFrom)
            searchFrom = found.end
            let paragraph = index == 0 ? 0 : index < 4 ? 1 : 2
            return Sentence(span: found, paragraph: paragraph)
        }
        document.terms = [
            term("Rechenzentren", in: text, occurrence: 0, source: "Rechenzentrum", target: "data centre", concept: "c-dc",
                 deprecated: ["computing centre"]),
            term("Rechenzentren", in: text, occurrence: 1, source: "Rechenzentrum", target: "data centre", concept: "c-dc",
                 deprecated: ["computing centre"]),
            term("KI", in: text, occurrence: 0, source: "KI", target: "AI", concept: "c-ai", pos: "noun"),
            term("Bundesregierung", in: text, occurrence: 0, source: "Bundesregierung", target: "Federal Government",
                 concept: "c-gov", pos: "properNoun"),
            term("künstlichen Intelligenz", in: text, occurrence: 0, source: "künstliche Intelligenz",
                 target: "artificial intelligence", concept: "c-ai", pos: "noun"),
            term("Rechenzentren", in: text, occurrence: 2, source: "Rechenzentrum", target: "data centre", concept: "c-dc",
                 deprecated: ["computing centre"]),
        ].sorted { $0.span < $1.span }
        document.summary = Summary(method: "centrality", picks: [
            Summary.Pick(sentence: 1, rank: 1, score: 0.8123),
            Summary.Pick(sentence: 3, rank: 2, score: 0.41),
        ])
        return document
    }

    /// The byte span of the first occurrence of `needle` at or after byte `from`.
    static func span(of needle: String, in text: String, from: Int = 0) -> TextSpan {
        let bytes = Array(text.utf8)
        let target = Array(needle.utf8)
        var start = from
        while start + target.count <= bytes.count {
            if Array(bytes[start..<start + target.count]) == target {
                return TextSpan(start: start, end: start + target.count)
            }
            start += 1
        }
        fatalError("fixture text lacks '\(needle)'")
    }

    static func term(
        _ surface: String, in text: String, occurrence: Int, source: String, target: String, concept: String,
        pos: String? = nil, deprecated: [String] = []
    ) -> TermMatch {
        var found = span(of: surface, in: text)
        for _ in 0..<occurrence { found = span(of: surface, in: text, from: found.end) }
        return TermMatch(
            span: found, surface: surface, source: source, target: target, conceptID: concept,
            status: .preferred, kind: surface == source ? .exact : .inflected, partOfSpeech: pos,
            deprecatedTargets: deprecated)
    }
}
