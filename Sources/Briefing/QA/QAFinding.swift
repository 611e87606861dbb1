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
    /// Index of the sentence in the document.
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
