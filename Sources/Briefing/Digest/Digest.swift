import PipelineCore

/// One briefing across every document of a run: top points per document, the key terms of the
/// batch, and which documents still await translation.
public struct Digest: Sendable, Hashable, Codable {
    public let pipeline: String
    public let languages: LanguagePair
    /// In document (input) order.
    public let documents: [Entry]
    /// Terms across the batch, most frequent first.
    public let keyTerms: [BatchTerm]
    /// Documents with at least one key point awaiting translation, in document order.
    public let awaiting: [Entry]
    public let status: TranslationStatus

    /// The little a digest keeps of one document: enough to render it, far less than the document.
    public struct Entry: Sendable, Hashable, Codable {
        public let ordinal: Int
        public let id: String
        public let title: String
        public let source: String
        /// The highest-ranked key points, shown in document order.
        public let topPoints: [KeyPoint]
        public let keyTerms: [KeyTerm]
        public let status: TranslationStatus
        public let qaFindings: Int

        /// Keeps the `points` highest-ranked key points of a briefing.
        public init(_ briefing: DocumentBriefing, points: Int) {
            ordinal = briefing.ordinal
            id = briefing.id
            title = briefing.title
            source = briefing.source
            let top = briefing.keyPoints.sorted { ($0.rank, $0.sentence) < ($1.rank, $1.sentence) }.prefix(points)
            topPoints = top.sorted { $0.sentence < $1.sentence }
            keyTerms = briefing.keyTerms + briefing.names
            status = briefing.status
            qaFindings = briefing.qa.findings.count
        }
    }

    public struct BatchTerm: Sendable, Hashable, Codable {
        public let source: String
        public let target: String
        public let conceptID: String
        public let count: Int
        /// In how many documents the term occurs.
        public let documents: Int
    }

    public init(pipeline: String, languages: LanguagePair, entries: [Entry]) {
        self.pipeline = pipeline
        self.languages = languages
        documents = entries.sorted { $0.ordinal < $1.ordinal }
        awaiting = documents.filter { $0.status.awaiting > 0 }
        var order: [String] = []
        var totals: [String: (term: KeyTerm, count: Int, documents: Int)] = [:]
        for entry in documents {
            for term in entry.keyTerms {
                if let total = totals[term.conceptID] {
                    totals[term.conceptID] = (total.term, total.count + term.count, total.documents + 1)
                } else {
                    order.append(term.conceptID)
                    totals[term.conceptID] = (term, term.count, 1)
                }
            }
        }
        keyTerms = order.map { id in
            let total = totals[id]!
            return BatchTerm(source: total.term.source, target: total.term.target, conceptID: id,
                             count: total.count, documents: total.documents)
        }.sorted { ($1.count, $1.documents, $0.source, $0.conceptID) < ($0.count, $0.documents, $1.source, $1.conceptID) }
        status = TranslationStatus(
            keyPoints: documents.reduce(0) { $0 + $1.status.keyPoints },
            fromTranslator: documents.reduce(0) { $0 + $1.status.fromTranslator },
            fromMemory: documents.reduce(0) { $0 + $1.status.fromMemory })
    }
}
