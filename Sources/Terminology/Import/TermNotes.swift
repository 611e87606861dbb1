/// Facts glossaries keep in free-text notes and comments, where their formats have no field for them.
enum TermNotes {
    /// `match-case=sensitive` (or `case=sensitive`) anywhere in a note marks a term to match with exact case.
    static func saysCaseSensitive(_ note: String) -> Bool {
        note.lowercased().filter { !$0.isWhitespace }.contains("case=sensitive")
    }

    /// The declension class a note names, if any: `adjectival noun` (also `adjectival-noun`,
    /// `substantiviertes Adjektiv`), `weak noun` (`weak-noun`, `n-declension`), `plural only`.
    static func declension(in note: String) -> Declension? {
        let text = String(note.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 })
        if Declension.adjectivalSpellings.contains(where: text.contains) { return .adjectival }
        if Declension.weakSpellings.contains(where: text.contains) { return .weak }
        if Declension.pluralOnlySpellings.contains(where: text.contains) { return .pluralOnly }
        return nil
    }

    enum Declension {
        /// Declines like an adjective: `der Abgeordnete`, `ein Abgeordneter`, `die Abgeordneten`.
        case adjectival
        /// Masculine n-declension: `-en`/`-n` everywhere but the nominative singular.
        case weak
        case pluralOnly

        static let adjectivalSpellings = [
            "adjectival noun", "adjectivalnoun", "nominalised adjective", "nominalized adjective",
            "substantiviertes adjektiv", "substantivierte adjektiv", "declines like an adjective", "adjektivisch dekliniert",
        ]
        static let weakSpellings = ["weak noun", "weaknoun", "n declension", "schwaches maskulinum", "schwache deklination"]
        static let pluralOnlySpellings = ["plural only", "pluralonly", "plurale tantum", "pluraletantum", "nur plural"]
    }

    /// Forms a note spells out after a grammatical label: `plural Rechenzentren (-um -> -en)`,
    /// `singular Fördergeld`, `genitive Elon Musks`, or as keyed lists: `plural=Rechenzentren`,
    /// `forms=Abgeordnete, Abgeordneten`. A form is taken only when it has as many words as the term
    /// and starts like it, so `plural name: …` or `feminine Sonderberaterin` add nothing.
    static func declaredForms(in note: String, of term: String) -> [String] {
        let termWords = term.split(separator: " ")
        guard let termStart = termWords.first?.lowercased().prefix(3) else { return [] }
        var forms: [String] = []
        func take(_ candidate: Substring) {
            let phrase = candidate.prefix { $0 != "(" }.trimmed
            let phraseWords = phrase.split(separator: " ")
            guard phraseWords.count == termWords.count, phrase != term, !forms.contains(phrase),
                  phraseWords.first!.lowercased().hasPrefix(termStart),
                  phrase.allSatisfy({ $0.isLetter || $0 == "-" || $0 == " " || $0 == "'" })
            else { return }
            forms.append(phrase)
        }
        for field in note.split(separator: ";") {
            if let equals = field.firstIndex(of: "="),
               keyedLabels.contains(field[..<equals].trimmed.lowercased()) {
                field[field.index(after: equals)...].split(separator: ",").forEach(take)
                continue
            }
            let words = field.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let label = words.firstIndex(where: { labels.contains($0.lowercased().filter { $0 != ":" }) }) else { continue }
            let rest = words[(label + 1)...].joined(separator: " ")
            take(rest.prefix { $0 != "," }[...])
        }
        return forms
    }

    static let labels: Set<String> = ["plural", "singular", "genitive", "dative", "accusative"]
    static let keyedLabels: Set<String> = labels.union(["forms", "dative-plural", "genitive-plural", "plural-dative"])
}
