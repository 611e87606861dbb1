/// A term match as the JSON outputs spell it (the `terms` command, stream mode): code-point offsets
/// into the text and flat fields.
package struct ReportedTermMatch: Encodable, Sendable, Equatable {
    package let start: Int
    package let end: Int
    package let surface: String
    package let source: String
    package let target: String
    package let concept: String
    package let status: TermStatus
    package let kind: MatchKind

    package init(_ match: TermMatch, offsets: CodePointOffsets) {
        (start, end) = offsets.codePoints(of: match.span)
        surface = match.surface
        source = match.source
        target = match.target
        concept = match.conceptID
        status = match.status
        kind = match.kind
    }

    /// Every match of one text, converting offsets once.
    package static func all(_ matches: [TermMatch], in text: String) -> [ReportedTermMatch] {
        let offsets = CodePointOffsets(text)
        return matches.map { ReportedTermMatch($0, offsets: offsets) }
    }
}
