import PipelineCore

/// Generates the forms of a German term from its gender and part of speech.
///
/// A multi-word term inflects its head noun (the last word before a preposition or article, else the
/// last word) and the adjectives before it; words after the head keep their form (`Sonderberater für
/// künstliche Intelligenz` → `Sonderberatern für künstliche Intelligenz`). Nouns follow the declension
/// class their gender and ending imply, generating singular genitive and the plural with its dative.
/// Forms that are not words do no harm; the rules avoid forms that are other words (`Politik` never
/// yields `Politiker`, `Wahl` never `Wähler`, `Wettbewerber` never `Wettbewerb`).
enum GermanInflection {
    /// nil when the glossary gives too little grammar: the matcher then falls back to the stemmer.
    static func forms(of term: GlossaryTerm) -> [TermForm]? {
        let words = term.text.split(separator: " ").map(String.init)
        guard let last = words.last else { return nil }
        let headIndex = words.indices.dropFirst().first { functionWords.contains(words[$0]) }.map { $0 - 1 }
            ?? words.count - 1
        let head = words[headIndex]
        let headVariants: [Variant]
        let partOfSpeech = term.partOfSpeech?.lowercased()
        if term.isProperNoun {
            headVariants = properNoun(head)
        } else if term.isAbbreviation || isAllCapitals(lastPart(of: head)) {
            headVariants = abbreviation(head)
        } else if partOfSpeech == "adjective", words.count == 1 {
            return adjective(last).map { TermForm(text: $0, kind: $0 == term.text ? .exact : .inflected, startsCompounds: false) }
        } else if partOfSpeech == nil || partOfSpeech == "noun", let gender = term.gender {
            headVariants = noun(head, gender: gender, plural: term.number == .plural)
        } else {
            return nil
        }
        // Words before the head: adjectives inflect, anything else (a first name) stays.
        var slots: [[String]] = words[..<headIndex].map { isAdjectiveLike($0) ? adjective($0) : [$0] }
        slots.append(headVariants.map(\.text))
        let genitives = Set(headVariants.filter(\.isGenitive).map(\.text))
        let tail = words[(headIndex + 1)...].joined(separator: " ")
        var forms: [TermForm] = []
        var seen = Set<String>()
        for combination in product(slots) {
            let text = combination.joined(separator: " ") + (tail.isEmpty ? "" : " " + tail)
            guard seen.insert(text).inserted else { continue }
            forms.append(TermForm(
                text: text, kind: text == term.text ? .exact : .inflected,
                startsCompounds: words.count == 1 && !genitives.contains(text)))
        }
        return forms
    }

    struct Variant {
        let text: String
        var isGenitive = false
    }

    /// Prepositions, articles and conjunctions that end a noun phrase's head.
    static let functionWords: Set<String> = [
        "für", "von", "vom", "des", "der", "die", "das", "den", "dem", "zur", "zum", "im", "in", "ins", "am", "an",
        "auf", "mit", "bei", "beim", "aus", "und", "oder", "über", "gegen", "ohne", "nach", "vor", "zu", "durch",
        "um", "unter", "zwischen", "wegen", "als", "gegenüber",
    ]

    // MARK: - Nouns

    static func noun(_ word: String, gender: GrammaticalGender, plural: Bool) -> [Variant] {
        let lower = lastPart(of: word).lowercased()
        func with(_ endings: String...) -> [Variant] { [Variant(text: word)] + endings.map { Variant(text: word + $0) } }
        func genitive(_ ending: String) -> Variant { Variant(text: word + ending, isGenitive: true) }
        // A lower-case head after a hyphen is a loanword (`Start-up`): it only takes -s.
        if word.contains("-"), lastPart(of: word).first?.isLowercase == true {
            return [Variant(text: word), genitive("s")]
        }
        if plural {
            return lower.hasSuffix("n") || lower.hasSuffix("s") ? [Variant(text: word)] : with("n")
        }
        let endsInVowel = lower.last.map { "aiouy".contains($0) } ?? false
        let sibilant = ["s", "ß", "x", "z"].contains { lower.hasSuffix($0) } || lower.hasSuffix("sch")
        switch gender {
        case .masculine:
            if weakMasculineEndings.contains(where: { lower.hasSuffix($0) }) {
                return lower.hasSuffix("e") ? with("n") + [genitive("ns")] : with("en")
            }
            if lower.hasSuffix("er") || lower.hasSuffix("el") { return [Variant(text: word), genitive("s")] + with("n").dropFirst() }
            if lower.hasSuffix("en") || lower.hasSuffix("chen") || lower.hasSuffix("lein") { return [Variant(text: word), genitive("s")] }
            if lower.hasSuffix("or") { return [Variant(text: word), genitive("s")] + with("en").dropFirst() }
            if lower.hasSuffix("ismus") { return [Variant(text: word), Variant(text: String(word.dropLast(2)) + "en")] }
            if endsInVowel { return [Variant(text: word), genitive("s")] }
            if sibilant { return [Variant(text: word), genitive("es")] + with("e", "en").dropFirst() + umlauted(word, "e", "en") }
            return [Variant(text: word), genitive("s"), genitive("es")] + with("e", "en").dropFirst() + umlauted(word, "e", "en")
        case .neuter:
            if lower.hasSuffix("um") {
                return [Variant(text: word), genitive("s"), Variant(text: String(word.dropLast(2)) + "en")]
            }
            if lower.hasSuffix("en") || lower.hasSuffix("chen") || lower.hasSuffix("lein") { return [Variant(text: word), genitive("s")] }
            if lower.hasSuffix("er") || lower.hasSuffix("el") || lower.hasSuffix("e") {
                return [Variant(text: word), genitive("s")] + with("n").dropFirst()
            }
            if lower.hasSuffix("nis") { return [Variant(text: word), genitive("ses")] + with("se", "sen").dropFirst() }
            if endsInVowel { return [Variant(text: word), genitive("s")] }
            if sibilant { return [Variant(text: word), genitive("es")] + with("e", "en").dropFirst() }
            return [Variant(text: word), genitive("s"), genitive("es")] + with("e", "en", "er", "ern").dropFirst()
                + umlauted(word, "er", "ern")
        case .feminine:
            if lower.hasSuffix("e") || lower.hasSuffix("el") || lower.hasSuffix("er") { return with("n") }
            if lower.hasSuffix("in") { return with("nen") }
            if lower.hasSuffix("nis") { return with("se", "sen") }
            if lower.hasSuffix("a") { return with("s") + [Variant(text: String(word.dropLast()) + "en")] }
            if endsInVowel { return with("s") }
            return with("en")
        }
    }

    /// Endings of masculine nouns of the weak declension (`Konkurrent` → `Konkurrenten`, `Kunde` → `Kunden`).
    static let weakMasculineEndings = ["ent", "ant", "ist", "oge", "nom", "graf", "graph", "soph", "e"]

    static func properNoun(_ word: String) -> [Variant] {
        let lower = word.lowercased()
        if ["s", "ß", "x", "z"].contains(where: { lower.hasSuffix($0) }) { return [Variant(text: word)] }
        return [Variant(text: word), Variant(text: word + "s", isGenitive: true)]
    }

    static func abbreviation(_ word: String) -> [Variant] {
        [Variant(text: word), Variant(text: word + "s", isGenitive: true)]
    }

    /// The umlauted plural stem (`Aufsichtsrat` → `Aufsichtsrät`) with endings, or nothing when the last
    /// syllable has no vowel to umlaut.
    static func umlauted(_ word: String, _ endings: String...) -> [Variant] {
        var characters = Array(word)
        guard let last = characters.lastIndex(where: { "aouAOUeiEI".contains($0) }) else { return [] }
        let vowel = characters[last]
        // In `au` the a takes the umlaut; `eu`, `ei`, `ie` and plain e and i have none.
        let target = vowel.lowercased() == "u" && last > 0 && characters[last - 1].lowercased() == "a" ? last - 1 : last
        if target == last, last > 0, "eiEI".contains(characters[last - 1]) { return [] }
        let umlauts: [Character: Character] = ["a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"]
        guard let umlaut = umlauts[characters[target]] else { return [] }
        characters[target] = umlaut
        let stem = String(characters)
        return endings.map { Variant(text: stem + $0) }
    }

    // MARK: - Adjectives

    /// All strong and weak endings on the adjective's stem: `künstliche` → `künstlich` + e/en/em/er/es.
    static func adjective(_ word: String) -> [String] {
        guard let ending = ["en", "em", "er", "es", "e"].first(where: { word.lowercased().hasSuffix($0) }),
              word.count - ending.count >= 2
        else { return [word] }
        let stem = String(word.dropLast(ending.count))
        return [word] + ["e", "en", "em", "er", "es"].map { stem + $0 }.filter { $0 != word }
    }

    /// An attributive adjective before the head: lower-case with an inflection ending, or a capitalised
    /// one in a name (`Europäische Union`, `Vereinigte Staaten`) ending in -e or -en.
    static func isAdjectiveLike(_ word: String) -> Bool {
        guard word.count >= 4, !word.contains("-"), !isAllCapitals(word), let first = word.first else { return false }
        let lower = word.lowercased()
        if first.isLowercase { return ["e", "en", "em", "er", "es"].contains { lower.hasSuffix($0) } }
        return lower.hasSuffix("e") || lower.hasSuffix("en")
    }

    // MARK: - Helpers

    static func lastPart(of word: String) -> String {
        word.split(separator: "-").last.map(String.init) ?? word
    }

    static func isAllCapitals(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }

    /// Every combination that takes one string from each slot, in slot order.
    static func product(_ slots: [[String]]) -> [[String]] {
        slots.reduce([[]]) { partial, slot in partial.flatMap { prefix in slot.map { prefix + [$0] } } }
    }
}
