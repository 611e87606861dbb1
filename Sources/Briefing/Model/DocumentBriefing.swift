import PipelineCore

/// Everything one document's briefing shows, independent of format: the renderers only lay it out.
public struct DocumentBriefing: Sendable, Hashable, Codable {
    public let id: String
    /// The document's place in the run, for ordering the digest. Not part of the JSON: a run split
    /// into parts (shards, stream partitions) must write the same briefing as the whole run.
    public var ordinal: Int = 0
    public let title: String
    public let source: String
    public let metadata: [MetadataEntry]
    public let languages: LanguagePair
    /// The summarizer's method, when the document has a summary.
    public let summaryMethod: String?
    /// The summary sentences in document order.
    public let keyPoints: [KeyPoint]
    /// Glossary terms of the document other than names, most frequent first.
    public let keyTerms: [KeyTerm]
    /// People and organisations the glossary knows (its proper nouns), most frequent first.
    public let names: [KeyTerm]
    public let status: TranslationStatus
    public let qa: QAReport

    private enum CodingKeys: String, CodingKey {
        case id, title, source, metadata, languages, summaryMethod, keyPoints, keyTerms, names, status, qa
    }
}

/// A summary sentence with its translation, or its source glossed while it awaits one.
public struct KeyPoint: Sendable, Hashable, Codable {
    /// Index of the sentence in the document.
    public let sentence: Int
    /// 1 is the most important point.
    public let rank: Int
    public let source: String
    /// The translation, when one exists.
    public let target: String?
    public let origin: KeyPointOrigin
    /// For points awaiting translation: the source with each glossary term followed by its
    /// approved translation in brackets, `Rechenzentren [data centre]`.
    public let glossed: String?
    /// Glossary terms in `source`, as code-point ranges.
    public let sourceTerms: [TermMark]
    /// Approved target terms found in `target`, as code-point ranges.
    public let targetTerms: [TermMark]
}

/// Where a key point's translation came from.
public enum KeyPointOrigin: Sendable, Hashable, Codable {
    case translator
    case memory(percent: Int)
    case awaiting

    init(_ origin: Translation.Origin?) {
        switch origin {
        case .translator: self = .translator
        case .memory(let percent): self = .memory(percent: percent)
        case nil: self = .awaiting
        }
    }

    /// As readers see it: `translator`, `TM 87%`, `awaiting translation`.
    public var label: String {
        switch self {
        case .translator: "translator"
        case .memory(let percent): "TM \(percent)%"
        case .awaiting: "awaiting translation"
        }
    }

    /// Encoded flat, `{"kind": "memory", "percent": 87}`, which is easier for other programs than
    /// Swift's default shape for enums with payloads.
    private enum CodingKeys: String, CodingKey { case kind, percent }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .translator: try container.encode("translator", forKey: .kind)
        case .memory(let percent):
            try container.encode("memory", forKey: .kind)
            try container.encode(percent, forKey: .percent)
        case .awaiting: try container.encode("awaiting", forKey: .kind)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "translator": self = .translator
        case "memory": self = .memory(percent: try container.decode(Int.self, forKey: .percent))
        case "awaiting": self = .awaiting
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown origin '\(other)'")
        }
    }
}

/// A glossary term inside a key point's text, for highlighting.
public struct TermMark: Sendable, Hashable, Codable {
    /// Code-point offsets into the text, end-exclusive.
    public let start: Int
    public let end: Int
    public let sourceTerm: String
    public let targetTerm: String
    public let conceptID: String
}

/// A glossary concept used in a document, with how often it occurs.
public struct KeyTerm: Sendable, Hashable, Codable {
    /// The glossary source terms that matched, in order of first appearance, joined by ` / `.
    public let source: String
    public let target: String
    public let conceptID: String
    public let count: Int
}

/// How many key points have a translation, and from where.
public struct TranslationStatus: Sendable, Hashable, Codable {
    public let keyPoints: Int
    public let fromTranslator: Int
    public let fromMemory: Int
    public var translated: Int { fromTranslator + fromMemory }
    public var awaiting: Int { keyPoints - translated }

    /// "3 of 5 key points translated".
    public var line: String { "\(translated) of \(keyPoints) key point\(keyPoints == 1 ? "" : "s") translated" }

    /// The line with its breakdown: "3 of 5 key points translated (translator 1, TM 2, awaiting 2)".
    public var detailedLine: String {
        "\(line) (translator \(fromTranslator), TM \(fromMemory), awaiting \(awaiting))"
    }
}

/// The term-consistency findings of one document: the machine-readable `<id>.qa.json`.
public struct QAReport: Sendable, Hashable, Codable {
    public let document: String
    /// How many translated segments were checked.
    public let checkedSegments: Int
    public let findings: [QAFinding]

    /// The findings grouped by sentence, for showing them beside their key point.
    public var findingsBySentence: [Int: [QAFinding]] { Dictionary(grouping: findings, by: \.sentence) }
}
