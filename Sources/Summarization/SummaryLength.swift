/// How long a summary may be. A ratio is resolved per document; a word budget never cuts a
/// sentence, it skips the ones that no longer fit.
public enum SummaryLength: Sendable, Hashable {
    /// At most this many sentences.
    case sentences(Int)
    /// This share of the document's sentences, rounded, at least one.
    case ratio(Double)
    /// At most this many words in total.
    case words(Int)

    /// Three sentences: a briefing's usual number of key points.
    public static let standard = SummaryLength.sentences(3)

    /// Throws unless the count or budget is positive and the ratio lies in (0, 1].
    public func validated() throws -> SummaryLength {
        switch self {
        case .sentences(let count) where count < 1:
            throw SummarizationError.invalidLength("sentences must be at least 1, not \(count)")
        case .ratio(let ratio) where !(ratio > 0 && ratio <= 1):
            throw SummarizationError.invalidLength("ratio must be greater than 0 and at most 1, not \(ratio)")
        case .words(let budget) where budget < 1:
            throw SummarizationError.invalidLength("words must be at least 1, not \(budget)")
        default:
            return self
        }
    }
}
