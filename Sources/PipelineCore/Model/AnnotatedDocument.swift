/// A document on its way through the stages: the untouched text plus everything found about it.
public struct AnnotatedDocument: Sendable {
    public let document: Document
    /// The document's place in the input order; batch outputs sort by it so that parallel runs
    /// produce the same bytes as sequential ones.
    public let ordinal: Int
    /// Blocks separated by blank lines (and headings or list items), as spans of the text.
    public var paragraphs: [TextSpan] = []
    public var sentences: [Sentence] = []
    /// Every term match in the document, ordered by position.
    public var terms: [TermMatch] = []
    public var summary: Summary?
    /// Target-language text found for sentences, keyed by sentence index.
    public var translations: [Int: Translation] = [:]
    /// The title in the target language, when a stage found one.
    public var titleTranslation: TitleTranslation?
    /// Files the stages want written, relative to the output folder.
    public var outputs: [OutputFile] = []

    public init(document: Document, ordinal: Int) {
        self.document = document
        self.ordinal = ordinal
    }

    public var text: String { document.text }

    public func text(of sentence: Int) -> String { document.text.slice(sentences[sentence].span) }

    /// The term matches inside one sentence.
    public func terms(in sentence: Int) -> ArraySlice<TermMatch> {
        let span = sentences[sentence].span
        let first = terms.partitioningIndex { $0.span.start >= span.start }
        var last = first
        while last < terms.endIndex, terms[last].span.end <= span.end { last += 1 }
        return terms[first..<last]
    }
}

extension Array {
    /// The first index whose element satisfies a predicate that is false then true along the array.
    public func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
