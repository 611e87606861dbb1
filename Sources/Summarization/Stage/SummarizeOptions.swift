import PipelineCore

/// Options of the `summarize` stage: the method and one length limit.
///
/// ```yaml
/// - summarize: { method: default, sentences: 3 }   # or ratio: 0.2, or words: 60
/// ```
public struct SummarizeOptions: StageOptions {
    public var method: SummaryMethod = .default
    public var length: SummaryLength = .standard

    public init() {}

    public init(method: SummaryMethod, length: SummaryLength) {
        self.method = method
        self.length = length
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case method, sentences, ratio, words
    }

    public static let help: [(key: String, help: String)] = [
        ("method", "how sentences are scored: \(SummaryMethod.allCases.map(\.rawValue).joined(separator: ", "))"),
        ("sentences", "summary length in sentences; give one of sentences, ratio, words"),
        ("ratio", "summary length as a share of the document's sentences, in (0, 1]"),
        ("words", "word budget; sentences are never cut, ones that no longer fit are skipped"),
    ]

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let methodName = try container.decode(.method, default: SummaryMethod.default.rawValue)
        guard let method = SummaryMethod(rawValue: methodName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .method, in: container,
                debugDescription: "unknown method '\(methodName)'; expected one of: \(SummaryMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.method = method
        var lengths: [(CodingKeys, SummaryLength)] = []
        if let count = try container.decodeIfPresent(Int.self, forKey: .sentences) { lengths.append((.sentences, .sentences(count))) }
        if let ratio = try container.decodeIfPresent(Double.self, forKey: .ratio) { lengths.append((.ratio, .ratio(ratio))) }
        if let budget = try container.decodeIfPresent(Int.self, forKey: .words) { lengths.append((.words, .words(budget))) }
        guard lengths.count <= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: lengths[1].0, in: container,
                debugDescription: "give one length only: sentences, ratio or words (found \(lengths.map(\.0.stringValue).joined(separator: " and ")))")
        }
        if let (key, length) = lengths.first {
            do {
                self.length = try length.validated()
            } catch let error as SummarizationError {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: error.reason)
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method.rawValue, forKey: .method)
        switch length {
        case .sentences(let count): try container.encode(count, forKey: .sentences)
        case .ratio(let ratio): try container.encode(ratio, forKey: .ratio)
        case .words(let budget): try container.encode(budget, forKey: .words)
        }
    }
}
