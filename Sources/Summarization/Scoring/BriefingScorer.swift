import Foundation

/// The default method: directed centrality under a position prior, raised for sentences that carry
/// glossary terms and lowered for sentences that make poor briefing points.
///
/// Every factor multiplies, so each keeps its meaning whatever the others are:
/// - position prior `(1 + i)^-positionDecay`: news puts its substance first, but gently, so a
///   clearly better-focused later sentence can still win;
/// - `DirectedCentrality`, which also carries the title overlap;
/// - glossary boost `1 + termBoost · c / (c + 1)` for `c` distinct mapped concepts, saturating
///   so that a list of terms does not outweigh content;
/// - `poorPointFactor` once for each of: a question, a bare quotation, a heading or dateline
///   fragment, fewer than `shortSentenceWords` words, more than `longSentenceWords` words.
struct BriefingScorer {
    var positionDecay = 0.4
    var termBoost = 0.5
    var poorPointFactor = 0.5
    var shortSentenceWords = 5
    var longSentenceWords = 60

    func scores(_ document: TermDocument, traits: [SentenceTraits], concepts: [Int]) -> [Double] {
        let centrality = DirectedCentrality.scores(document)
        return centrality.indices.map { index in
            var score = centrality[index] * pow(1 + Double(index), -positionDecay)
            let conceptCount = Double(index < concepts.count ? concepts[index] : 0)
            score *= 1 + termBoost * conceptCount / (conceptCount + 1)
            let words = document.wordCounts[index]
            let trait = traits[index]
            for poor in [trait.isQuestion, trait.isBareQuote, trait.isFragment,
                         words < shortSentenceWords, words > longSentenceWords] where poor {
                score *= poorPointFactor
            }
            return score
        }
    }
}
