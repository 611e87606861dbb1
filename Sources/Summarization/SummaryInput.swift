import Foundation
import PipelineCore

/// What a summarizer reads: the sentences as cut by the segmenter, with where they stand.
public struct SummaryInput: Sendable {
    /// The sentence texts in document order; a sentence's position is its index.
    public var sentences: [String]
    /// The paragraph index of each sentence (one per sentence, non-decreasing).
    public var paragraphs: [Int]
    /// The document title, or empty.
    public var title: String
    /// How many distinct glossary concepts each sentence carries; empty when no glossary ran.
    public var conceptCounts: [Int]

    public init(sentences: [String], paragraphs: [Int]? = nil, title: String = "", conceptCounts: [Int] = []) {
        self.sentences = sentences
        self.paragraphs = paragraphs ?? Array(repeating: 0, count: sentences.count)
        self.title = title
        self.conceptCounts = conceptCounts
    }

    private static func trimmed(_ text: String) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return text[first...last]
    }

    /// The input for a document the segmenter (and, if it ran, the term mapper) annotated.
    ///
    /// A title that is the whole first paragraph of several sentences is dropped: it is a reader's
    /// stand-in for a missing title (the first line of a text written on one line), not a heading,
    /// and would count every word of that paragraph as title overlap. A title cut short with "…"
    /// (see `Document.maximumTitleLength`) stands in when the paragraph begins with it.
    public init(_ document: AnnotatedDocument) {
        let sentences = document.sentences
        var title = document.document.title
        let cut = title.hasSuffix("…") && title.count >= Document.maximumTitleLength / 2
        // The length check first: slicing and trimming a long first paragraph is not free.
        if let first = document.paragraphs.first, cut || first.length <= title.utf8.count + 16,
           sentences.count(where: { $0.paragraph == 0 }) > 1 {
            let paragraph = Self.trimmed(document.text.slice(first))
            if paragraph == Self.trimmed(title) || (cut && paragraph.hasPrefix(Self.trimmed(String(title.dropLast())))) {
                title = ""
            }
        }
        self.init(
            sentences: sentences.indices.map { document.text(of: $0) },
            paragraphs: sentences.map(\.paragraph),
            title: title,
            conceptCounts: document.terms.isEmpty ? [] : sentences.indices.map { index in
                Set(document.terms(in: index).map(\.conceptID)).count
            })
    }
}
