/// A glossary term found in the text.
public struct TermMatch: Sendable, Hashable, Codable {
    /// Where the term stands in the original text.
    public let span: TextSpan
    /// The text exactly as it appears there (`Rechenzentren`).
    public let surface: String
    /// The glossary's source-language term that matched (`Rechenzentrum`).
    public let source: String
    /// The approved target-language term (`data centre`): the concept's preferred target term.
    public let target: String
    public let conceptID: String
    /// The status of the matched source term in the glossary.
    public let status: TermStatus
    public let kind: MatchKind
    /// Grammatical facts the glossary gave, e.g. `properNoun`, so briefings can list people and organisations.
    public let partOfSpeech: String?
    /// Target terms the glossary marks as deprecated for this concept: QA flags them in translations.
    public let deprecatedTargets: [String]

    public init(
        span: TextSpan, surface: String, source: String, target: String, conceptID: String,
        status: TermStatus, kind: MatchKind, partOfSpeech: String? = nil, deprecatedTargets: [String] = []
    ) {
        self.span = span
        self.surface = surface
        self.source = source
        self.target = target
        self.conceptID = conceptID
        self.status = status
        self.kind = kind
        self.partOfSpeech = partOfSpeech
        self.deprecatedTargets = deprecatedTargets
    }
}

/// TBX `administrativeStatus`, reduced to what matters for matching and QA.
public enum TermStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case preferred, admitted, deprecated
}

/// How a match was found, from most to least certain.
public enum MatchKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The text equals the glossary term (up to permitted case).
    case exact
    /// An inflected form generated from the term's grammar.
    case inflected
    /// A stemmer match, for terms whose grammar the glossary did not give.
    case fuzzy
    /// The term inside a closed compound (`Rechenzentrumsbetreiber`).
    case compound
}
