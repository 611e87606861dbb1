/// The sentences a summarizer chose, in document order.
public struct Summary: Sendable, Hashable, Codable {
    public let method: String
    public let picks: [Pick]

    public struct Pick: Sendable, Hashable, Codable {
        /// Index into `AnnotatedDocument.sentences`.
        public let sentence: Int
        /// 1 is the most important sentence.
        public let rank: Int
        public let score: Double

        public init(sentence: Int, rank: Int, score: Double) {
            self.sentence = sentence
            self.rank = rank
            self.score = score
        }
    }

    public init(method: String, picks: [Pick]) {
        self.method = method
        self.picks = picks.sorted { $0.sentence < $1.sentence }
    }
}
