/// How sentences are scored. The raw values are the names used in pipeline files and `--method`.
public enum SummaryMethod: String, Sendable, Codable, CaseIterable {
    /// The first sentences: the baseline every other method must beat.
    case lead
    /// TF-IDF similarity to the document centroid.
    case centroid
    /// PageRank over the sentence similarity graph.
    case textrank
    /// Directed centrality under a position prior, with title overlap, glossary-term boost,
    /// penalties for poor briefing points and redundancy control.
    case `default`

    /// One line per method for help texts.
    public var summary: String {
        switch self {
        case .lead: "the first sentences"
        case .centroid: "TF-IDF similarity to the document centroid"
        case .textrank: "PageRank over the sentence similarity graph"
        case .default: "directed centrality with a position prior, title and glossary boosts, penalties, redundancy control"
        }
    }
}
