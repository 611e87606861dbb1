import PipelineCore
/// One terminology problem in one translated segment. Findings are data for reports, never errors.
public struct QAFinding: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The source has a glossary term, but its approved target term is not in the translation.
        case missingApprovedTerm = "missing-approved-term"
        /// The translation uses a target term the glossary deprecates for that concept.
        case deprecatedTermUsed = "deprecated-term-used"
    }

    public let kind: Kind
    /// Index of the sentence in the document (0-based here; 1-based, as XLIFF segment ids, in JSON).
    public let sentence: Int
    /// Where the checked translation came from: `translator` or `memory`.
    public let origin: Translation.Origin
    /// The glossary's source term (`Rechenzentrum`) and how it appeared (`Rechenzentren`).
    public let sourceTerm: String
    public let sourceSurface: String
    public let conceptID: String
    public let approvedTarget: String
    /// The deprecated target term found, for `deprecatedTermUsed`.
    public let deprecatedTarget: String?
    public let translation: String

    public init(
        kind: Kind, sentence: Int, origin: Translation.Origin, sourceTerm: String, sourceSurface: String, conceptID: String,
        approvedTarget: String, deprecatedTarget: String?, translation: String
    ) {
        self.kind = kind
        self.sentence = sentence
        self.origin = origin
        self.sourceTerm = sourceTerm
        self.sourceSurface = sourceSurface
        self.conceptID = conceptID
        self.approvedTarget = approvedTarget
        self.deprecatedTarget = deprecatedTarget
        self.translation = translation
    }

    private enum CodingKeys: String, CodingKey {
        case kind, sentence, segment, origin, sourceTerm, sourceSurface, conceptID, approvedTarget, deprecatedTarget, translation
    }

    /// In JSON, `sentence` counts from 1 and `segment` is the XLIFF segment id (`s3`), so a QA report
    /// points at the segment a translator sees in the CAT tool.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(sentence + 1, forKey: .sentence)
        try container.encode("s\(sentence + 1)", forKey: .segment)
        try container.encode(origin, forKey: .origin)
        try container.encode(sourceTerm, forKey: .sourceTerm)
        try container.encode(sourceSurface, forKey: .sourceSurface)
        try container.encode(conceptID, forKey: .conceptID)
        try container.encode(approvedTarget, forKey: .approvedTarget)
        try container.encodeIfPresent(deprecatedTarget, forKey: .deprecatedTarget)
        try container.encode(translation, forKey: .translation)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let number = try container.decode(Int.self, forKey: .sentence)
        guard number >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .sentence, in: container, debugDescription: "sentences count from 1, found \(number)")
        }
        self.init(
            kind: try container.decode(Kind.self, forKey: .kind), sentence: number - 1,
            origin: try container.decode(Translation.Origin.self, forKey: .origin),
            sourceTerm: try container.decode(String.self, forKey: .sourceTerm),
            sourceSurface: try container.decode(String.self, forKey: .sourceSurface),
            conceptID: try container.decode(String.self, forKey: .conceptID),
            approvedTarget: try container.decode(String.self, forKey: .approvedTarget),
            deprecatedTarget: try container.decodeIfPresent(String.self, forKey: .deprecatedTarget),
            translation: try container.decode(String.self, forKey: .translation))
    }

    /// One sentence for people.
    public var message: String {
        switch kind {
        case .missingApprovedTerm:
            "“\(sourceSurface)” (\(sourceTerm)) should be translated as “\(approvedTarget)”, which the translation does not use."
        case .deprecatedTermUsed:
            "“\(sourceSurface)” (\(sourceTerm)) is translated with the deprecated “\(deprecatedTarget ?? "")”; use “\(approvedTarget)”."
        }
    }
}
