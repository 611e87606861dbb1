import Foundation

/// TextRank (Mihalcea & Tarau 2004): PageRank over a graph of sentences whose edges weigh the
/// content words two sentences share, normalised by their lengths.
///
/// Small documents get the complete graph. Past `completeGraphLimit` sentences the graph is made
/// sparse so that time and memory grow linearly: a term found in more than `frequentTermLimit`
/// sentences links each of them only to its nearest `frequentTermLimit` occurrences (at that
/// scale a frequent term would otherwise link everything to everything), and each sentence keeps
/// only its `neighbourLimit` strongest edges.
enum TextRankScorer {
    static let damping = 0.85
    static let completeGraphLimit = 1_000
    static let frequentTermLimit = 64
    static let neighbourLimit = 24
    static let maximumIterations = 100
    static let tolerance = 1e-9

    static func scores(_ document: TermDocument) -> [Double] {
        let count = document.sentenceCount
        guard count > 0 else { return [] }
        let graph = Graph(document)
        return rank(graph, count: count)
    }

    /// An undirected weighted graph as adjacency lists, both directions stored.
    struct Graph {
        var neighbours: [[(node: Int32, weight: Double)]]

        init(_ document: TermDocument) {
            let count = document.sentenceCount
            let sparse = count > TextRankScorer.completeGraphLimit
            let termSets = document.terms.map { Array(Set($0)).sorted() }
            var postings = [[Int32]](repeating: [], count: document.vocabularySize)
            for (index, terms) in termSets.enumerated() {
                for term in terms { postings[Int(term)].append(Int32(index)) }
            }
            let lengthNorm = document.wordCounts.map { log1p(Double($0)) }

            var shared = [Int32](repeating: 0, count: count)
            var touched: [Int32] = []
            var pairs: [Pair] = []
            // Sentences are visited in order, so a sentence's place in a posting list is how many
            // times the term was seen before.
            var seen = [Int](repeating: 0, count: document.vocabularySize)
            let reach = TextRankScorer.frequentTermLimit / 2
            for index in 0..<count {
                for term in termSets[index] {
                    let posting = postings[Int(term)]
                    let place = seen[Int(term)]
                    seen[Int(term)] += 1
                    let window = sparse && posting.count > TextRankScorer.frequentTermLimit
                        ? posting[max(0, place - reach)..<min(posting.count, place + reach + 1)]
                        : posting[...]
                    for other in window where Int(other) != index {
                        if shared[Int(other)] == 0 { touched.append(other) }
                        shared[Int(other)] += 1
                    }
                }
                var candidates = touched.map { other in
                    (node: other, weight: Double(shared[Int(other)]) / (lengthNorm[index] + lengthNorm[Int(other)]))
                }
                for other in touched { shared[Int(other)] = 0 }
                touched.removeAll(keepingCapacity: true)
                if sparse, candidates.count > TextRankScorer.neighbourLimit {
                    candidates.sort { ($0.weight, $1.node) > ($1.weight, $0.node) }
                    candidates.removeLast(candidates.count - TextRankScorer.neighbourLimit)
                }
                for candidate in candidates where candidate.weight > 0 {
                    pairs.append(Pair(Int32(index), candidate.node, candidate.weight))
                }
            }
            // Keep an edge once whichever end proposed it, then store it in both directions.
            pairs.sort { ($0.low, $0.high) < ($1.low, $1.high) }
            neighbours = Array(repeating: [], count: count)
            var previous: Pair?
            for pair in pairs {
                if let previous, previous.low == pair.low, previous.high == pair.high { continue }
                neighbours[Int(pair.low)].append((pair.high, pair.weight))
                neighbours[Int(pair.high)].append((pair.low, pair.weight))
                previous = pair
            }
        }

        private struct Pair {
            let low: Int32
            let high: Int32
            let weight: Double
            init(_ a: Int32, _ b: Int32, _ weight: Double) {
                low = min(a, b)
                high = max(a, b)
                self.weight = weight
            }
        }
    }

    /// Weighted PageRank by power iteration; a sentence without edges keeps the teleport share.
    static func rank(_ graph: Graph, count: Int) -> [Double] {
        let outWeight = graph.neighbours.map { $0.reduce(0) { $0 + $1.weight } }
        let base = (1 - damping) / Double(count)
        var rank = [Double](repeating: 1 / Double(count), count: count)
        var next = [Double](repeating: 0, count: count)
        for _ in 0..<maximumIterations {
            var danglingMass = 0.0
            for node in 0..<count where outWeight[node] == 0 { danglingMass += rank[node] }
            let danglingShare = damping * danglingMass / Double(count)
            for node in 0..<count {
                var incoming = 0.0
                for (neighbour, weight) in graph.neighbours[node] {
                    incoming += rank[Int(neighbour)] * weight / outWeight[Int(neighbour)]
                }
                next[node] = base + danglingShare + damping * incoming
            }
            var change = 0.0
            for node in 0..<count { change += abs(next[node] - rank[node]) }
            swap(&rank, &next)
            if change < tolerance { break }
        }
        return rank
    }
}
