/// Target-language text for one sentence, and where it came from.
public struct Translation: Sendable, Hashable, Codable {
    public let sentence: Int
    public let text: String
    public let origin: Origin
    /// Where the sentence's inline codes stand in `text`, when the translation says (a translator
    /// moved tags in XLIFF); empty otherwise, and `merge` then places them itself.
    public let codes: [CodePlacement]
    /// For a memory match, the memory's own source sentence and file: what a translator compares
    /// the document's sentence with (XLIFF `alt-trans`, `mtc:match`, the kit's TMX).
    public let memoryUnit: MemoryUnit?

    public struct MemoryUnit: Sendable, Hashable, Codable {
        public let source: String
        /// The memory file's name, without its folder.
        public let file: String

        public init(source: String, file: String) {
            self.source = source
            self.file = file
        }
    }

    /// Where a translation came from: the one place its label and encoded form are decided, for
    /// briefings, XLIFF notes and metadata, QA reports and stream output alike.
    public enum Origin: Sendable, Hashable {
        /// Returned by a translator in an XLIFF file.
        case translator
        /// From a translation memory, with the match percentage (100 is exact, anything less fuzzy).
        case memory(percent: Int)
        /// From a machine-translation engine, named as users know it ("DeepL").
        case machine(engine: String)

        /// What readers see where no translation exists yet.
        public static let awaitingLabel = "awaiting translation"

        /// As readers see it: `translator`, `TM 100%`, `TM 87%`, `machine translation (DeepL)`.
        public var label: String {
            switch self {
            case .translator: "translator"
            case .memory(let percent): "TM \(percent)%"
            case .machine(let engine): "machine translation (\(engine))"
            }
        }

        /// The encoded kind: `translator`, `memory` or `machine`.
        public var kind: String {
            switch self {
            case .translator: "translator"
            case .memory: "memory"
            case .machine: "machine"
            }
        }

        /// Machine output: English to read at once, a suggestion for translators.
        public var isMachine: Bool {
            if case .machine = self { true } else { false }
        }

        /// A fuzzy memory match is a suggestion for a translator, never a translation of the sentence.
        public var isFuzzyMemory: Bool {
            if case .memory(let percent) = self { percent < 100 } else { false }
        }
    }

    public init(sentence: Int, text: String, origin: Origin, codes: [CodePlacement] = [], memoryUnit: MemoryUnit? = nil) {
        self.sentence = sentence
        self.text = text
        self.origin = origin
        self.codes = codes
        self.memoryUnit = memoryUnit
    }

    private enum CodingKeys: String, CodingKey { case sentence, text, origin, codes, memoryUnit = "memory-unit" }

    /// `codes` only when there are any, so plain-text output reads as before.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sentence, forKey: .sentence)
        try container.encode(text, forKey: .text)
        try container.encode(origin, forKey: .origin)
        if !codes.isEmpty { try container.encode(codes, forKey: .codes) }
        try container.encodeIfPresent(memoryUnit, forKey: .memoryUnit)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sentence = try container.decode(Int.self, forKey: .sentence)
        text = try container.decode(String.self, forKey: .text)
        origin = try container.decode(Origin.self, forKey: .origin)
        codes = try container.decodeIfPresent([CodePlacement].self, forKey: .codes) ?? []
        memoryUnit = try container.decodeIfPresent(MemoryUnit.self, forKey: .memoryUnit)
    }
}

/// The document's title in the target language, and where it came from: briefings lead with it
/// and show the original beneath.
public struct TitleTranslation: Sendable, Hashable, Codable {
    public let text: String
    public let origin: Translation.Origin

    public init(text: String, origin: Translation.Origin) {
        self.text = text
        self.origin = origin
    }
}

/// Encoded flat, `{"kind": "memory", "percent": 87}` or `{"kind": "machine", "engine": "DeepL"}`,
/// which is easier for other programs than Swift's default shape for enums with payloads.
extension Translation.Origin: Codable {
    private enum CodingKeys: String, CodingKey { case kind, percent, engine }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .translator: break
        case .memory(let percent): try container.encode(percent, forKey: .percent)
        case .machine(let engine): try container.encode(engine, forKey: .engine)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "translator": self = .translator
        case "memory": self = .memory(percent: try container.decode(Int.self, forKey: .percent))
        case "machine": self = .machine(engine: try container.decode(String.self, forKey: .engine))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown origin '\(other)'")
        }
    }
}
