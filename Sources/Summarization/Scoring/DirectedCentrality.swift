import Foundation

/// PacSum-style directed centrality (Zheng & Lapata 2019): a sentence scores by how much of what
/// it says the rest of the article takes up afterwards.
///
/// Similarity is read from the sentence's side: each of its content words counts by how many
/// later sentences repeat it, damped by a logarithm so that one name repeated everywhere cannot
/// carry a sentence, and the sum is divided by the sentence's length in words. The result is a
/// density: a short sentence that introduces the article's subjects beats a long one that mentions
/// them among much else. In news the early sentences are the ones later sentences echo, so the
/// score is a soft lead bias that still lets a better-focused later sentence win.
///
/// A title counts as one more sentence after every sentence: the words it shares add to the score.
/// One backward pass over the words: linear time and memory at any document length.
enum DirectedCentrality {
    static func scores(_ document: TermDocument) -> [Double] {
        let count = document.sentenceCount
        var laterSentences = [Int32](repeating: 0, count: document.vocabularySize)
        for term in document.titleTerms { laterSentences[Int(term)] = 1 }
        var lastCounted = [Int32](repeating: -1, count: document.vocabularySize)
        var scores = [Double](repeating: 0, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            let terms = document.terms[index]
            var echo = 0.0
            for term in terms { echo += log1p(Double(laterSentences[Int(term)])) }
            scores[index] = echo / Double(max(document.wordCounts[index], 1))
            for term in terms where lastCounted[Int(term)] != Int32(index) {
                lastCounted[Int(term)] = Int32(index)
                laterSentences[Int(term)] += 1
            }
        }
        return scores
    }
}
