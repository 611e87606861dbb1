import Foundation
import PipelineCore

/// Builds annotated documents by hand, as the segmenter, term matcher and summarizer would.
package struct DocumentFixture {
    /// A glossary entry the fixture marks wherever one of its source forms occurs.
    package struct Term {
        package var forms: [String]
        package var lemma: String
        package var target: String
        package var concept: String
        package var partOfSpeech: String? = "noun"
        package var deprecated: [String] = []
        package var kind: MatchKind = .exact

        package init(
            forms: [String], lemma: String, target: String, concept: String, partOfSpeech: String? = "noun",
            deprecated: [String] = [], kind: MatchKind = .exact
        ) {
            self.forms = forms
            self.lemma = lemma
            self.target = target
            self.concept = concept
            self.partOfSpeech = partOfSpeech
            self.deprecated = deprecated
            self.kind = kind
        }
    }

    package static let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)

    package static let rechenzentrum = Term(forms: ["Rechenzentren", "Rechenzentrum"], lemma: "Rechenzentrum", target: "data centre",
                                    concept: "c-datacentre", deprecated: ["server farm"])
    package static let chip = Term(forms: ["Chips", "Chip"], lemma: "Chip", target: "chip", concept: "c-chip")
    package static let openAI = Term(forms: ["OpenAI"], lemma: "OpenAI", target: "OpenAI", concept: "c-openai", partOfSpeech: "properNoun")
    package static let regulierung = Term(forms: ["Regulierung"], lemma: "Regulierung", target: "regulation", concept: "c-regulation",
                                  deprecated: ["regimentation"])

    /// Sentences joined by a space into one paragraph; terms found by plain search, leftmost first.
    package static func document(
        id: String = "doc", ordinal: Int = 0, title: String = "Titel", sentences: [String], terms: [Term] = [],
        summary: [Int]? = nil
    ) -> AnnotatedDocument {
        let text = sentences.joined(separator: " ")
        var annotated = AnnotatedDocument(
            document: Document(id: id, title: title, text: text, source: "Samples/\(id).txt",
                               metadata: [MetadataEntry("file", "\(id).txt")]),
            ordinal: ordinal)
        annotated.paragraphs = [TextSpan(start: 0, end: text.utf8.count)]
        var offset = 0
        for sentence in sentences {
            annotated.sentences.append(Sentence(span: TextSpan(start: offset, end: offset + sentence.utf8.count), paragraph: 0))
            offset += sentence.utf8.count + 1
        }
        annotated.terms = matches(of: terms, in: text)
        if let summary {
            annotated.summary = Summary(method: "fixture", picks: summary.enumerated().map {
                Summary.Pick(sentence: $0.element, rank: $0.offset + 1, score: 1 / Double($0.offset + 1))
            })
        }
        return annotated
    }

    private static func matches(of terms: [Term], in text: String) -> [TermMatch] {
        let bytes = Array(text.utf8)
        var found: [TermMatch] = []
        var taken = [Bool](repeating: false, count: bytes.count)
        for term in terms {
            for form in term.forms.sorted(by: { $0.utf8.count > $1.utf8.count }) {
                let needle = Array(form.utf8)
                var start = 0
                while start + needle.count <= bytes.count {
                    let end = start + needle.count
                    if Array(bytes[start..<end]) == needle, !taken[start..<end].contains(true),
                       start == 0 || !isLetter(bytes[start - 1]), end == bytes.count || !isLetter(bytes[end]) {
                        for index in start..<end { taken[index] = true }
                        found.append(TermMatch(
                            span: TextSpan(start: start, end: end), surface: form, source: term.lemma, target: term.target,
                            conceptID: term.concept, status: .preferred, kind: term.kind, partOfSpeech: term.partOfSpeech,
                            deprecatedTargets: term.deprecated))
                        start = end
                    } else {
                        start += 1
                    }
                }
            }
        }
        return found.sorted { $0.span < $1.span }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
