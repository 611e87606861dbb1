import PipelineCore

/// One briefing across every document of a run: top points per document, the key terms of the
/// batch, and which documents still await translation.
///
/// Totals cover every document; the lists show the first `limit` documents in input order, so a
/// run of 100,000 documents keeps memory and the digest's size bounded (each document still has
/// its own briefing).
public struct Digest: Sendable, Hashable, Codable {
    public let pipeline: String
    /// The tool and release that wrote the digest.
    public var generator = PipelineVersion.generator
    public let languages: LanguagePair
    /// How many documents the run briefed.
    public let documentCount: Int
    /// The first documents in input order, with their top points.
    public let documents: [Entry]
    /// Terms across the batch, most frequent first.
    public let keyTerms: [BatchTerm]
    /// How many documents have a key point awaiting translation.
    public let awaitingCount: Int
    /// The first of those, in input order.
    public let awaiting: [Awaiting]
    /// Key points of the whole batch.
    public let status: TranslationStatus

    /// The little a digest keeps of one document: enough to render it, far less than the document.
    public struct Entry: Sendable, Hashable, Codable {
        public let ordinal: Int
        public let id: String
        public let title: String
        public let titleTranslation: TitleTranslation?
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
            titleTranslation = briefing.titleTranslation
            source = briefing.source
            let top = briefing.keyPoints.sorted { ($0.rank, $0.sentence) < ($1.rank, $1.sentence) }.prefix(points)
            topPoints = top.sorted { $0.sentence < $1.sentence }
            status = briefing.status
            qaFindings = briefing.qa.findings.count
        }
    }

    /// A document with key points still awaiting translation.
    public struct Awaiting: Sendable, Hashable, Codable {
        public let ordinal: Int
        public let id: String
        public let title: String
        public let status: TranslationStatus
    }

    public struct BatchTerm: Sendable, Hashable, Codable {
        public let source: String
        public let target: String
        public let conceptID: String
        public let count: Int
        /// In how many documents the term occurs.
        public let documents: Int
    }

    /// How many documents the lists leave out.
    public var unlistedDocuments: Int { documentCount - documents.count }
    public var unlistedAwaiting: Int { awaitingCount - awaiting.count }
}

/// Collects a digest one briefing at a time, in any order, keeping at most `limit` small entries
/// and one running total per glossary concept; the result does not depend on the order of arrival.
public struct DigestBuilder: Sendable {
    public let points: Int
    public let limit: Int
    private var documentCount = 0
    private var awaitingCount = 0
    private var keyPoints = 0
    private var fromTranslator = 0
    private var fromMemory = 0
    private var fromMachine = 0
    /// The `limit` lowest ordinals seen so far, in ordinal order.
    private var entries: [Digest.Entry] = []
    private var awaiting: [Digest.Awaiting] = []
    /// Per concept: the total so far, and the ordinal of the document its source wording came from.
    private var terms: [String: (term: Digest.BatchTerm, ordinal: Int)] = [:]

    /// `points`: key points kept per document; `limit`: documents listed.
    public init(points: Int, limit: Int = 200) {
        self.points = points
        self.limit = max(1, limit)
    }

    public mutating func add(_ briefing: DocumentBriefing) {
        documentCount += 1
        keyPoints += briefing.status.keyPoints
        fromTranslator += briefing.status.fromTranslator
        fromMemory += briefing.status.fromMemory
        fromMachine += briefing.status.fromMachine
        Self.keepFirst(&entries, limit: limit, ordinal: briefing.ordinal, \.ordinal) { Digest.Entry(briefing, points: points) }
        if briefing.status.awaiting > 0 {
            awaitingCount += 1
            Self.keepFirst(&awaiting, limit: limit, ordinal: briefing.ordinal, \.ordinal) {
                Digest.Awaiting(ordinal: briefing.ordinal, id: briefing.id, title: briefing.title, status: briefing.status)
            }
        }
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

    /// Inserts in ordinal order and keeps the `limit` lowest; `make` runs only when the item stays.
    private static func keepFirst<Item>(
        _ items: inout [Item], limit: Int, ordinal: Int, _ key: KeyPath<Item, Int>, make: () -> Item
    ) {
        if items.count == limit, let last = items.last, last[keyPath: key] < ordinal { return }
        let position = items.partitioningIndex { $0[keyPath: key] > ordinal }
        items.insert(make(), at: position)
        if items.count > limit { items.removeLast() }
    }

    public func digest(pipeline: String, languages: LanguagePair) -> Digest {
        Digest(
            pipeline: pipeline, languages: languages, documentCount: documentCount, documents: entries,
            keyTerms: terms.values.map(\.term).sorted {
                ($1.count, $1.documents, $0.source, $0.conceptID) < ($0.count, $0.documents, $1.source, $1.conceptID)
            },
            awaitingCount: awaitingCount, awaiting: awaiting,
            status: TranslationStatus(keyPoints: keyPoints, fromTranslator: fromTranslator, fromMemory: fromMemory, fromMachine: fromMachine))
    }
}
