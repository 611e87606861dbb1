/// Picks sentences by score within a length limit, greedily, with optional redundancy control.
/// Sentences without words, sentences that repeat the title and the caption or kicker above it are
/// never picked.
///
/// Redundancy control is a coverage discount: a candidate's value is its score times
/// `1 - redundancyWeight · f`, where `f` is the share of its distinct content terms that the
/// sentences already picked cover. The value can only fall as picks accumulate (a submodular
/// objective), so a lazy greedy over a heap re-scores only the candidate on top: O(n log n) plus
/// the terms of the candidates it looks at, never quadratic, whatever the summary length.
/// Ties go to the earlier sentence, so the result depends on nothing but the input.
struct SentenceSelector {
    var redundancyWeight: Double

    /// Returns (sentence, rank from 1, score) in pick order.
    func select(scores: [Double], document: TermDocument, limit: ResolvedLength) -> [(sentence: Int, score: Double)] {
        var heap = CandidateHeap()
        for (index, score) in scores.enumerated()
        where index >= document.frontMatter && document.wordCounts[index] > 0 && !document.repeatsTitle[index] {
            heap.push(Candidate(value: score, sentence: index, round: 0))
        }
        var covered = [Bool](repeating: false, count: document.vocabularySize)
        var picks: [(sentence: Int, score: Double)] = []
        var remainingWords = limit.wordBudget ?? Int.max
        let maximumCount = limit.sentenceCount ?? Int.max
        // Distinct terms of the sentences the loop looks at, found when first needed: most
        // sentences of a long document are never re-scored.
        var termSets = [[Int32]?](repeating: nil, count: redundancyWeight > 0 ? document.sentenceCount : 0)
        func distinctTerms(_ sentence: Int) -> [Int32] {
            if let terms = termSets[sentence] { return terms }
            var terms: [Int32] = []
            for term in document.terms[sentence].sorted() where terms.last != term { terms.append(term) }
            termSets[sentence] = terms
            return terms
        }
        var round = 0
        while picks.count < maximumCount, remainingWords > 0, let top = heap.pop() {
            if top.round < round, redundancyWeight > 0 {
                // Stale: re-score against what is covered now and put it back.
                let terms = distinctTerms(top.sentence)
                let coveredShare = terms.isEmpty ? 0 : Double(terms.count(where: { covered[Int($0)] })) / Double(terms.count)
                let value = scores[top.sentence] * (1 - redundancyWeight * coveredShare)
                heap.push(Candidate(value: value, sentence: top.sentence, round: round))
                continue
            }
            let words = document.wordCounts[top.sentence]
            if words > remainingWords { continue } // a budget never cuts a sentence: skip it
            picks.append((top.sentence, scores[top.sentence]))
            if limit.wordBudget != nil { remainingWords -= words }
            if redundancyWeight > 0 {
                for term in distinctTerms(top.sentence) { covered[Int(term)] = true }
            }
            round += 1
        }
        return picks
    }
}

/// The length limit of one document, with a ratio already turned into a sentence count.
struct ResolvedLength: Equatable {
    var sentenceCount: Int?
    var wordBudget: Int?

    init(_ length: SummaryLength, sentenceCount total: Int) {
        switch length {
        case .sentences(let count): sentenceCount = count
        case .ratio(let ratio): sentenceCount = max(1, Int((ratio * Double(total)).rounded()))
        case .words(let budget): wordBudget = budget
        }
    }
}

private struct Candidate {
    let value: Double
    let sentence: Int
    /// How many picks had been made when `value` was computed.
    let round: Int

    /// Higher value first; on a tie the earlier sentence.
    func outranks(_ other: Candidate) -> Bool {
        value != other.value ? value > other.value : sentence < other.sentence
    }
}

/// A binary max-heap of candidates by `outranks`.
private struct CandidateHeap {
    private var items: [Candidate] = []

    mutating func push(_ candidate: Candidate) {
        items.append(candidate)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].outranks(items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Candidate? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var best = parent
            if left < items.count, items[left].outranks(items[best]) { best = left }
            if right < items.count, items[right].outranks(items[best]) { best = right }
            if best == parent { break }
            items.swapAt(parent, best)
            parent = best
        }
        return top
    }
}
