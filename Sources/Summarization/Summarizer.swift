import PipelineCore

/// Extractive summarizer: scores the sentences of one document by the chosen method and picks
/// the best within a length limit.
///
/// Holds immutable data (stop words, stemmer) and a locked lexicon of the words seen, which
/// changes no result, so one summarizer is shared by every document task of a run. Every method
/// runs in time and memory linear in the document's words (TextRank switches to a sparse graph
/// past a size threshold), and ties always go to the earlier sentence, so the same input gives the
/// same summary however many documents run in parallel.
public struct Summarizer: Sendable {
    public let method: SummaryMethod
    private let profile: LanguageProfile
    private let lexicon = TermLexicon()
    /// The default method's scoring; other values only in tests and tuning.
    var briefingScorer = BriefingScorer()
    /// The default method's coverage discount: a sentence whose content words are all covered by
    /// earlier picks counts half.
    var redundancyWeight = 0.5

    /// - Parameter language: a language subtag or BCP-47 tag (`de`, `de-AT`); it picks the stop
    ///   words and the stemmer.
    public init(method: SummaryMethod = .default, language: String) throws {
        self.method = method
        let subtag = String(language.prefix { $0 != "-" && $0 != "_" })
        profile = try LanguageProfile(language: subtag)
    }

    public func summarize(_ input: SummaryInput, length: SummaryLength) -> Summary {
        let document = TermDocument(
            sentences: input.sentences, title: input.title, profile: profile, lexicon: lexicon)
        let scores: [Double]
        var redundancyWeight = 0.0
        switch method {
        case .lead:
            scores = input.sentences.indices.map { 1 / Double($0 + 1) }
        case .centroid:
            scores = CentroidScorer.scores(document)
        case .textrank:
            scores = TextRankScorer.scores(document)
        case .default:
            scores = briefingScorer.scores(document, traits: traits(of: input), concepts: input.conceptCounts)
            redundancyWeight = self.redundancyWeight
        }
        let selector = SentenceSelector(redundancyWeight: redundancyWeight)
        let picks = selector.select(
            scores: scores, document: document, limit: ResolvedLength(length, sentenceCount: input.sentences.count))
        return Summary(
            method: method.rawValue,
            picks: picks.enumerated().map { rank, pick in
                Summary.Pick(sentence: pick.sentence, rank: rank + 1, score: pick.score)
            })
    }

    private func traits(of input: SummaryInput) -> [SentenceTraits] {
        var sentencesInParagraph: [Int: Int] = [:]
        for paragraph in input.paragraphs { sentencesInParagraph[paragraph, default: 0] += 1 }
        return input.sentences.indices.map { index in
            let paragraph = index < input.paragraphs.count ? input.paragraphs[index] : 0
            return SentenceTraits(sentence: input.sentences[index], isAloneInParagraph: sentencesInParagraph[paragraph] == 1)
        }
    }
}
