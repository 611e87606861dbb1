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

    /// Entries in any order; terms most frequent first, then in more documents, then alphabetically.
    public init(pipeline: String, languages: LanguagePair, entries: [Entry], keyTerms: [BatchTerm]) {
        self.pipeline = pipeline
        self.languages = languages
        documents = entries.sorted { $0.ordinal < $1.ordinal }
        awaiting = documents.filter { $0.status.awaiting > 0 }
        self.keyTerms = keyTerms.sorted {
            ($1.count, $1.documents, $0.source, $0.conceptID) < ($0.count, $0.documents, $1.source, $1.conceptID)
        }
        status = TranslationStatus(
            keyPoints: documents.reduce(0) { $0 + $1.status.keyPoints },
            fromTranslator: documents.reduce(0) { $0 + $1.status.fromTranslator },
            fromMemory: documents.reduce(0) { $0 + $1.status.fromMemory })
    }
}

/// Collects a digest one briefing at a time, in any order, keeping a small entry per document
/// and one running total per glossary concept; the result does not depend on the order of arrival.
public struct DigestBuilder: Sendable {
    public let points: Int
    private var entries: [Digest.Entry] = []
    /// Per concept: the total so far, and the ordinal of the document its source wording came from.
    private var terms: [String: (term: Digest.BatchTerm, ordinal: Int)] = [:]

    /// `points`: key points kept per document.
    public init(points: Int) {
        self.points = points
    }

    public mutating func add(_ briefing: DocumentBriefing) {
        entries.append(Digest.Entry(briefing, points: points))
        for term in briefing.keyTerms + briefing.names {
            let previous = terms[term.conceptID]
            // The wording shown is that of the earliest document, whatever order documents finish in.
            let keepEarlier = previous.map { $0.ordinal < briefing.ordinal } ?? false
            terms[term.conceptID] = (
                Digest.BatchTerm(source: keepEarlier ? previous!.term.source : term.source, target: term.target,
                                 conceptID: term.conceptID, count: (previous?.term.count ?? 0) + term.count,
                                 documents: (previous?.term.documents ?? 0) + 1),
                keepEarlier ? previous!.ordinal : briefing.ordinal)
        }
    }

    public func digest(pipeline: String, languages: LanguagePair) -> Digest {
        Digest(pipeline: pipeline, languages: languages, entries: entries, keyTerms: terms.values.map(\.term))
    }
}
