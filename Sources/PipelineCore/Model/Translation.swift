/// Target-language text for one sentence, and where it came from.
public struct Translation: Sendable, Hashable, Codable {
    public let sentence: Int
    public let text: String
    public let origin: Origin

    public enum Origin: Sendable, Hashable, Codable {
        /// Returned by a translator in an XLIFF file.
        case translator
        /// From a translation memory, with the match percentage (100 is exact).
        case memory(percent: Int)
    }

    public init(sentence: Int, text: String, origin: Origin) {
        self.sentence = sentence
        self.text = text
        self.origin = origin
    }
}
