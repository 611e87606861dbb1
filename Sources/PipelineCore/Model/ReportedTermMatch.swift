/// A term match as the JSON outputs spell it (the `terms` command, stream mode): code-point offsets
/// into the text and flat fields.
public struct ReportedTermMatch: Encodable, Sendable, Equatable {
    public let start: Int
    public let end: Int
    public let surface: String
    public let source: String
    public let target: String
    public let concept: String
    public let status: TermStatus
    public let kind: MatchKind

    public init(_ match: TermMatch, offsets: CodePointOffsets) {
        (start, end) = offsets.codePoints(of: match.span)
        surface = match.surface
        source = match.source
        target = match.target
        concept = match.conceptID
        status = match.status
        kind = match.kind
    }

    /// Every match of one text, converting offsets once.
    public static func all(_ matches: [TermMatch], in text: String) -> [ReportedTermMatch] {
        let offsets = CodePointOffsets(text)
        return matches.map { ReportedTermMatch($0, offsets: offsets) }
    }
}
