import PipelineCore

/// Everything one document's briefing shows, independent of format: the renderers only lay it out.
public struct DocumentBriefing: Sendable, Hashable, Codable {
    public let id: String
    /// The document's place in the run, for ordering the digest. Not part of the JSON: a run split
    /// into parts (shards, stream partitions) must write the same briefing as the whole run.
    public var ordinal: Int = 0
    /// The document's title, in the source language.
    public let title: String
    /// The title in the target language, when a translation exists; briefings lead with it.
    public let titleTranslation: TitleTranslation?
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
    /// The tool and release that wrote the briefing.
    public var generator = PipelineVersion.generator

    private enum CodingKeys: String, CodingKey {
        case id, title, titleTranslation, source, metadata, languages, summaryMethod, keyPoints, keyTerms, names, status, qa, generator
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
    /// Where `target` came from; nil while the point awaits translation.
    public let origin: Translation.Origin?
    /// For points awaiting translation: the source with each glossary term followed by its
    /// approved translation in brackets, `Rechenzentren [data centre]`.
    public let glossed: String?
    /// Glossary terms in `source`, as code-point ranges.
    public let sourceTerms: [TermMark]
    /// Approved target terms found in `target`, as code-point ranges.
    public let targetTerms: [TermMark]

    /// The origin as readers see it, `awaiting translation` included.
    public var originLabel: String { origin?.label ?? Translation.Origin.awaitingLabel }
}

/// An awaiting point says so in JSON, `"origin": {"kind": "awaiting"}`, rather than leaving the key
/// out: programs reading briefings should not have to know that a missing key means "not yet".
extension KeyPoint {
    private enum CodingKeys: String, CodingKey {
        case sentence, rank, source, target, origin, glossed, sourceTerms, targetTerms
    }

    private struct Awaiting: Codable { var kind = "awaiting" }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sentence, forKey: .sentence)
        try container.encode(rank, forKey: .rank)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(target, forKey: .target)
        if let origin { try container.encode(origin, forKey: .origin) } else { try container.encode(Awaiting(), forKey: .origin) }
        try container.encodeIfPresent(glossed, forKey: .glossed)
        try container.encode(sourceTerms, forKey: .sourceTerms)
        try container.encode(targetTerms, forKey: .targetTerms)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let awaiting = (try? container.decode(Awaiting.self, forKey: .origin))?.kind == "awaiting"
        self.init(
            sentence: try container.decode(Int.self, forKey: .sentence), rank: try container.decode(Int.self, forKey: .rank),
            source: try container.decode(String.self, forKey: .source),
            target: try container.decodeIfPresent(String.self, forKey: .target),
            origin: awaiting ? nil : try container.decode(Translation.Origin.self, forKey: .origin),
            glossed: try container.decodeIfPresent(String.self, forKey: .glossed),
            sourceTerms: try container.decode([TermMark].self, forKey: .sourceTerms),
            targetTerms: try container.decode([TermMark].self, forKey: .targetTerms))
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

/// How many key points have a translation, and from where. Machine translations are counted apart
/// from translations (translator, exact memory match): they are English to read, not checked work.
public struct TranslationStatus: Sendable, Hashable, Codable {
    public let keyPoints: Int
    public let fromTranslator: Int
    public let fromMemory: Int
    public let fromMachine: Int
    public var translated: Int { fromTranslator + fromMemory }
    public var awaiting: Int { keyPoints - translated - fromMachine }

    public init(keyPoints: Int, fromTranslator: Int, fromMemory: Int, fromMachine: Int = 0) {
        self.keyPoints = keyPoints
        self.fromTranslator = fromTranslator
        self.fromMemory = fromMemory
        self.fromMachine = fromMachine
    }

    /// "3 of 5 key points translated", and ", 2 machine-translated" when there are such.
    public var line: String {
        "\(translated) of \(keyPoints) key point\(keyPoints == 1 ? "" : "s") translated"
            + (fromMachine > 0 ? ", \(fromMachine) machine-translated" : "")
    }

    /// The line with its breakdown: "3 of 5 key points translated (translator 1, TM 2, awaiting 2)",
    /// with "machine 1" among them when there are machine translations.
    public var detailedLine: String {
        "\(line) (translator \(fromTranslator), TM \(fromMemory)\(fromMachine > 0 ? ", machine \(fromMachine)" : ""), awaiting \(awaiting))"
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
