import Foundation

/// Scores sentences by TF-IDF cosine similarity to the document's centroid (Radev et al.): the
/// sentences that share most of the document's characteristic vocabulary score highest.
///
/// IDF is computed over the document's own sentences, so the method needs no corpus. Linear in
/// the number of words.
enum CentroidScorer {
    static func scores(_ document: TermDocument) -> [Double] {
        let count = document.sentenceCount
        guard count > 0 else { return [] }
        let idf = inverseDocumentFrequencies(document)
        let vectors = document.terms.map { TermVector(terms: $0, idf: idf) }
        var centroid = [Double](repeating: 0, count: document.vocabularySize)
        for vector in vectors {
            for (term, weight) in vector.entries { centroid[Int(term)] += weight }
        }
        let centroidNorm = sqrt(centroid.reduce(0) { $0 + $1 * $1 })
        guard centroidNorm > 0 else { return [Double](repeating: 0, count: count) }
        return vectors.map { vector in
            vector.entries.reduce(0) { $0 + $1.weight * centroid[Int($1.term)] } / centroidNorm
        }
    }

    /// `log((n + 1) / df)` with sentences as the documents.
    static func inverseDocumentFrequencies(_ document: TermDocument) -> [Double] {
        var documentFrequency = [Int32](repeating: 0, count: document.vocabularySize)
        var lastSeen = [Int32](repeating: -1, count: document.vocabularySize)
        for (index, terms) in document.terms.enumerated() {
            for term in terms where lastSeen[Int(term)] != Int32(index) {
                lastSeen[Int(term)] = Int32(index)
                documentFrequency[Int(term)] += 1
            }
        }
        let count = Double(document.sentenceCount + 1)
        return documentFrequency.map { log(count / Double(max($0, 1))) }
    }
}

/// A sentence's TF-IDF vector with unit length, sparse and sorted by term.
struct TermVector {
    let entries: [(term: Int32, weight: Double)]

    init(terms: [Int32], idf: [Double]) {
        var entries: [(term: Int32, weight: Double)] = []
        for term in terms.sorted() {
            if let last = entries.last, last.term == term {
                entries[entries.count - 1].weight += idf[Int(term)]
            } else {
                entries.append((term, idf[Int(term)]))
            }
        }
        let norm = sqrt(entries.reduce(0) { $0 + $1.weight * $1.weight })
        self.entries = norm > 0 ? entries.map { ($0.term, $0.weight / norm) } : []
    }
}
