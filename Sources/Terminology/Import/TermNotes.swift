/// Facts glossaries keep in free-text notes and comments, where their formats have no field for them.
enum TermNotes {
    /// `match-case=sensitive` (or `case=sensitive`) anywhere in a note marks a term to match with exact case.
    static func saysCaseSensitive(_ note: String) -> Bool {
        note.lowercased().filter { !$0.isWhitespace }.contains("case=sensitive")
    }
}
