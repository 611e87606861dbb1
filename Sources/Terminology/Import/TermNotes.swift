/// Facts glossaries keep in free-text notes and comments, where their formats have no field for them.
enum TermNotes {
    /// `match-case=sensitive` (or `case=sensitive`) anywhere in a note marks a term to match with exact case.
    static func saysCaseSensitive(_ note: String) -> Bool {
        note.lowercased().filter { !$0.isWhitespace }.contains("case=sensitive")
    }

    /// Forms a note spells out after a grammatical label: `plural Rechenzentren (-um -> -en)`,
    /// `singular Fördergeld`, `genitive Elon Musks`. A form is taken only when it has as many words as
    /// the term and starts like it, so `plural name: …` or `feminine Sonderberaterin` add nothing.
    static func declaredForms(in note: String, of term: String) -> [String] {
        let termWords = term.split(separator: " ")
        guard let termStart = termWords.first?.lowercased().prefix(3) else { return [] }
        var forms: [String] = []
        for field in note.split(separator: ";") {
            let words = field.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let label = words.firstIndex(where: { labels.contains($0.lowercased().filter { $0 != ":" }) }) else { continue }
            let rest = words[(label + 1)...].joined(separator: " ")
            let phrase = rest.prefix { $0 != "(" && $0 != "," }.trimmed
            let phraseWords = phrase.split(separator: " ")
            guard phraseWords.count == termWords.count, phrase != term,
                  phraseWords.first!.lowercased().hasPrefix(termStart),
                  phrase.allSatisfy({ $0.isLetter || $0 == "-" || $0 == " " || $0 == "'" })
            else { continue }
            forms.append(phrase)
        }
        return forms
    }

    static let labels: Set<String> = ["plural", "singular", "genitive", "dative", "accusative"]
}
