import PipelineCore

/// Generates the forms of a German term from its gender, number, part of speech and declension class.
///
/// A multi-word term inflects its head noun (the last word before a preposition or article, else the
/// last word) and the adjectives before it; words after the head keep their form (`Sonderberater für
/// künstliche Intelligenz` → `Sonderberatern für künstliche Intelligenz`). Nouns follow the declension
/// class their gender and ending imply, generating singular genitive and the plural with its dative;
/// nouns that decline like adjectives (`Abgeordneter`) take the adjective endings instead. Forms that
/// are not words do no harm; the rules avoid forms that are other words (`Politik` never yields
/// `Politiker`, `Wahl` never `Wähler`, `Kampf` never `Kämpfer`, `Wettbewerber` never `Wettbewerb`).
enum GermanInflection {
    /// nil when the glossary gives too little grammar: the matcher then falls back to the stemmer.
    static func forms(of term: GlossaryTerm) -> [TermForm]? {
        let words = term.text.split(separator: " ").map(String.init)
        guard let last = words.last else { return nil }
        let headIndex = words.indices.dropFirst().first { functionWords.contains(words[$0]) }.map { $0 - 1 }
            ?? words.count - 1
        let head = words[headIndex]
        let partOfSpeech = term.partOfSpeech?.lowercased()
        let declension = TermNotes.declension(in: term.note ?? "")
        let plural = term.number == .plural || declension == .pluralOnly
        let declaredAdjectival = declension == .adjectival || partOfSpeech?.contains("adjectival") == true
        let headVariants: [Variant]
        var checksAgreement = false
        if term.isProperNoun {
            // A name built on a common noun after an adjective (`Islamischer Staat`, `Europäische Union`)
            // declines that noun: `des Islamischen Staates`.
            let declinesNoun = headIndex > 0 && isAdjectiveLike(words[headIndex - 1]) && (term.gender != nil || plural)
            headVariants = properNoun(head) + (declinesNoun ? noun(head, gender: term.gender, plural: plural) : [])
        } else if term.isAbbreviation || isAllCapitals(lastPart(of: head)) {
            headVariants = abbreviation(head)
        } else if partOfSpeech == "adjective", words.count == 1 {
            return adjective(last).map { TermForm(text: $0, kind: $0 == term.text ? .exact : .inflected) }
        } else if partOfSpeech == nil || partOfSpeech == "noun" || declaredAdjectival {
            if let stem = AdjectivalNoun.stem(of: head, gender: term.gender, plural: plural, declared: declaredAdjectival) {
                headVariants = AdjectivalNoun.forms(stem: stem, neuter: term.gender == .neuter).map { Variant($0, []) }
            } else if term.gender != nil || plural {
                headVariants = noun(head, gender: term.gender, plural: plural, weak: declension == .weak)
                checksAgreement = words.count == 1
            } else {
                return nil
            }
        } else {
            return nil
        }
        let agreement = Dictionary(headVariants.map { ($0.text, $0.agreement) }, uniquingKeysWith: { $0.union($1) })
        let tail = words[(headIndex + 1)...].joined(separator: " ")
        var forms: [TermForm] = []
        var seen = Set<String>()
        for modifiers in attributiveForms(of: words[..<headIndex]) {
            for head in headVariants {
                let text = (modifiers + [head.text]).joined(separator: " ") + (tail.isEmpty ? "" : " " + tail)
                guard seen.insert(text).inserted else { continue }
                forms.append(TermForm(
                    text: text, kind: text == term.text ? .exact : .inflected,
                    agreement: checksAgreement ? agreement[text] ?? [] : []))
            }
        }
        return forms
    }

    /// The words before the head as cited, then with every adjective-like word taking one ending in
    /// parallel (`neue große` → `neuen großen`, never `neuen große`): attributive adjectives in one noun
    /// phrase agree, so the forms grow with the endings, not exponentially with the adjectives. Anything
    /// that is not an adjective (a first name) stays as it is.
    static func attributiveForms(of words: ArraySlice<String>) -> [[String]] {
        let cited = Array(words)
        guard cited.contains(where: isAdjectiveLike) else { return [cited] }
        return [cited] + adjectiveEndings.map { ending in
            cited.map { word in
                guard isAdjectiveLike(word), let stem = adjectiveStem(word) else { return word }
                return stem + ending
            }
        }
    }

    /// A form of the head with the genders and numbers it can stand for.
    struct Variant {
        let text: String
        let agreement: Agreement
        init(_ text: String, _ agreement: Agreement) {
            self.text = text
            self.agreement = agreement
        }
    }

    /// Prepositions, articles and conjunctions that end a noun phrase's head.
    static let functionWords: Set<String> = [
        "für", "von", "vom", "des", "der", "die", "das", "den", "dem", "zur", "zum", "im", "in", "ins", "am", "an",
        "auf", "mit", "bei", "beim", "aus", "und", "oder", "über", "gegen", "ohne", "nach", "vor", "zu", "durch",
        "um", "unter", "zwischen", "wegen", "als", "gegenüber",
    ]

    // MARK: - Nouns

    /// The declension of a common noun. `gender` may be nil only for a plural term.
    static func noun(_ word: String, gender: GrammaticalGender?, plural: Bool, weak: Bool = false) -> [Variant] {
        let lower = lastPart(of: word).lowercased()
        guard let gender, !plural else {
            let forms = [Variant(word, .plural)]
            return lower.hasSuffix("n") || lower.hasSuffix("s") ? forms : forms + [Variant(word + "n", .plural)]
        }
        let sg = Agreement(singularOf: gender), pl = Agreement.plural, both = sg.union(.plural)
        func v(_ ending: String, _ agreement: Agreement) -> Variant { Variant(word + ending, agreement) }
        func umlauted(skipping suffix: Int, _ endings: [(String, Agreement)]) -> [Variant] {
            guard let stem = umlautStem(word, skipping: suffix) else { return [] }
            return endings.map { Variant(stem + $0.0, $0.1) }
        }
        func replacing(_ suffix: Int, with ending: String) -> Variant { Variant(String(word.dropLast(suffix)) + ending, pl) }
        // A lower-case head after a hyphen is a loanword (`Start-up`): it only takes -s.
        if word.contains("-"), lastPart(of: word).first?.isLowercase == true {
            return [v("", sg), v("s", both)]
        }
        let endsInVowel = lower.last.map { "aiouy".contains($0) } ?? false
        let sibilant = ["s", "ß", "x", "z"].contains { lower.hasSuffix($0) } || lower.hasSuffix("sch")
        switch gender {
        case .masculine:
            if weak || weakMasculineEndings.contains(where: { lower.hasSuffix($0) }) {
                return lower.hasSuffix("e") ? [v("", sg), v("n", both), v("ns", sg)] : [v("", sg), v("en", both)]
            }
            if lower.hasSuffix("er") || lower.hasSuffix("el") {
                // Zero plural, umlauted before the suffix in many (`Vater` → `Väter`, `Mangel` → `Mängel`).
                return [v("", both), v("s", sg), v("n", pl)] + umlauted(skipping: 2, [("", pl), ("n", pl)])
            }
            if lower.hasSuffix("chen") || lower.hasSuffix("lein") { return [v("", both), v("s", sg)] }
            if lower.hasSuffix("en") { return [v("", both), v("s", sg)] + umlauted(skipping: 2, [("", pl)]) }
            if lower.hasSuffix("or") { return [v("", sg), v("s", sg), v("en", pl)] }
            if lower.hasSuffix("ismus") { return [v("", sg), replacing(2, with: "en")] }
            if endsInVowel { return [v("", sg), v("s", both)] + foreignPlurals(word).map { Variant($0, pl) } }
            // -e also stands for the old dative singular (`im Jahre`, `dem Staate`).
            if sibilant {
                return [v("", sg), v("es", sg), v("e", both), v("en", pl)] + umlauted(skipping: 0, [("e", pl), ("en", pl)])
                    + foreignPlurals(word).map { Variant($0, pl) }
            }
            return [v("", sg), v("s", sg), v("es", sg), v("e", both), v("en", pl)] + umlauted(skipping: 0, [("e", pl), ("en", pl)])
        case .neuter:
            if lower.hasSuffix("um") { return [v("", sg), v("s", sg), replacing(2, with: "en")] }
            if lower.hasSuffix("en") || lower.hasSuffix("chen") || lower.hasSuffix("lein") { return [v("", both), v("s", sg)] }
            if lower.hasSuffix("er") || lower.hasSuffix("el") {
                return [v("", both), v("s", sg), v("n", pl)] + umlauted(skipping: 2, [("", pl), ("n", pl)])
            }
            if lower.hasSuffix("e") { return [v("", both), v("s", sg), v("n", pl)] }
            if lower.hasSuffix("nis") { return [v("", sg), v("ses", sg), v("se", both), v("sen", pl)] }
            if endsInVowel { return [v("", sg), v("s", both)] + foreignPlurals(word).map { Variant($0, pl) } }
            if sibilant {
                // `Haus` → `Häuser`, `Glas` → `Gläser`; `Virus` → `Viren`.
                return [v("", sg), v("es", sg), v("e", both), v("en", pl)] + umlauted(skipping: 0, [("er", pl), ("ern", pl)])
                    + foreignPlurals(word).map { Variant($0, pl) }
            }
            return [v("", sg), v("s", sg), v("es", sg), v("e", both), v("en", pl), v("er", pl), v("ern", pl)]
                + umlauted(skipping: 0, [("er", pl), ("ern", pl)]) + foreignPlurals(word).map { Variant($0, pl) }
        case .feminine:
            // Feminine nouns take no ending in the singular.
            let umlautsInPlural = feminineUmlautRoots.contains { lower.hasSuffix($0) }
            if lower.hasSuffix("e") { return [v("", sg), v("n", pl)] }
            if lower.hasSuffix("el") || lower.hasSuffix("er") {
                return [v("", sg), v("n", pl)] + (umlautsInPlural ? umlauted(skipping: 2, [("", pl), ("n", pl)]) : [])
            }
            if lower.hasSuffix("in") { return [v("", sg), v("nen", pl)] }
            if lower.hasSuffix("nis") { return [v("", sg), v("se", pl), v("sen", pl)] }
            if lower.hasSuffix("ei") { return [v("", sg), v("en", pl)] }
            if lower.hasSuffix("is") { return [v("", sg), replacing(2, with: "en")] }
            if endsInVowel { return [v("", sg), v("s", pl)] + foreignPlurals(word).map { Variant($0, pl) } }
            return [v("", sg), v("en", pl)] + (umlautsInPlural ? umlauted(skipping: 0, [("e", pl), ("en", pl)]) : [])
        }
    }

    /// Endings of masculine nouns of the weak declension (`Konkurrent` → `Konkurrenten`, `Kunde` → `Kunden`).
    static let weakMasculineEndings = ["ent", "ant", "ist", "oge", "nom", "graf", "graph", "soph", "e"]

    /// The feminine nouns whose plural takes an umlaut (`Stadt` → `Städte`, `Kraft` → `Kräfte`), a closed
    /// class; compounds end in them (`Hauptstadt`, `Streitkraft`). Every other feminine noun takes -(e)n,
    /// so `Wahl` keeps `Wahlen` and never yields `Wählen`. `Bank` is left out: `Bänke` are benches.
    static let feminineUmlautRoots = [
        "stadt", "macht", "kraft", "hand", "nacht", "kunft", "wand", "wurst", "maus", "laus", "frucht", "kunst",
        "not", "nuss", "angst", "luft", "lust", "haut", "braut", "brust", "faust", "gans", "kuh", "sau", "zunft",
        "sucht", "schnur", "kluft", "gruft", "axt", "magd", "naht", "mutter", "tochter",
    ]

    /// Plurals of words from Latin, Greek and Italian: `Thema` → `Themen`, `Themata`; `Risiko` → `Risiken`;
    /// `Virus` → `Viren`; `Stadion` → `Stadien`. (`-um` → `-en` is part of the neuter declension, `-s`
    /// plurals of words ending in a vowel part of every gender's.)
    static func foreignPlurals(_ word: String) -> [String] {
        let lower = lastPart(of: word).lowercased()
        let characters = Array(lower)
        if lower.hasSuffix("ma"), characters.count >= 5 { return [String(word.dropLast()) + "en", word + "ta"] }
        if lower.hasSuffix("a"), characters.count >= 4 { return [String(word.dropLast()) + "en"] }
        if lower.hasSuffix("o"), characters.count >= 5 { return [String(word.dropLast()) + "en"] }
        // Not the -us of a diphthong (`Haus`, `Zeus`).
        if lower.hasSuffix("us"), characters.count >= 5, !"aeäo".contains(characters[characters.count - 3]) {
            return [String(word.dropLast(2)) + "en"]
        }
        if lower.hasSuffix("ion") { return [String(word.dropLast(2)) + "en"] }
        return []
    }

    static func properNoun(_ word: String) -> [Variant] {
        let lower = word.lowercased()
        if ["s", "ß", "x", "z"].contains(where: { lower.hasSuffix($0) }) { return [Variant(word, [])] }
        return [Variant(word, []), Variant(word + "s", [])]
    }

    static func abbreviation(_ word: String) -> [Variant] {
        [Variant(word, []), Variant(word + "s", [])]
    }

    /// The word with the umlaut its plural takes on the last full vowel before `suffix` letters
    /// (`Aufsichtsrat` → `Aufsichtsrät`, `Flughafen` → `Flughäfen`, `Haus` → `Häus`), or nil when that
    /// vowel cannot take one (`e`, `i`, `ei`, `eu`, doubled `aa`, or one that already has it).
    static func umlautStem(_ word: String, skipping suffix: Int) -> String? {
        var characters = Array(word)
        let end = characters.count - suffix
        guard end > 0, let last = characters[..<end].lastIndex(where: { "aouAOUeiEIäöüÄÖÜ".contains($0) }) else { return nil }
        let previous = last > 0 ? Character(characters[last - 1].lowercased()) : nil
        let vowel = Character(characters[last].lowercased())
        let target: Int
        if vowel == "u", previous == "a" {
            target = last - 1 // `au` takes the umlaut on the a: `Haus` → `Häuser`.
        } else if "aou".contains(vowel), previous != vowel, previous.map({ !"eiäöü".contains($0) }) ?? true {
            target = last
        } else {
            return nil
        }
        let umlauts: [Character: Character] = ["a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"]
        guard let umlaut = umlauts[characters[target]] else { return nil }
        characters[target] = umlaut
        return String(characters)
    }

    // MARK: - Adjectives

    /// The strong and weak adjective endings.
    static let adjectiveEndings = ["e", "en", "em", "er", "es"]

    /// All strong and weak endings on the adjective's stem: `künstliche` → `künstlich` + e/en/em/er/es.
    static func adjective(_ word: String) -> [String] {
        guard let stem = adjectiveStem(word) else { return [word] }
        return [word] + adjectiveEndings.map { stem + $0 }.filter { $0 != word }
    }

    /// The adjective without its inflection ending (`künstliche` → `künstlich`), or nil when it has none.
    static func adjectiveStem(_ word: String) -> String? {
        guard let ending = ["en", "em", "er", "es", "e"].first(where: { word.lowercased().hasSuffix($0) }),
              word.count - ending.count >= 2
        else { return nil }
        return String(word.dropLast(ending.count))
    }

    /// An attributive adjective before the head: lower-case with an inflection ending, or a capitalised
    /// one in a name: any in -e or -en (`Europäische Union`, `Vereinigte Staaten`), and one cited in the
    /// strong -er, -es or -em (`Internationaler Währungsfonds`, `Schwarzes Meer`) when its stem looks
    /// like an adjective, so that a first name (`Peter Müller`) stays as it is.
    static func isAdjectiveLike(_ word: String) -> Bool {
        guard word.count >= 4, !word.contains("-"), !isAllCapitals(word), let first = word.first else { return false }
        let lower = word.lowercased()
        if first.isLowercase { return ["e", "en", "em", "er", "es"].contains { lower.hasSuffix($0) } }
        if lower.hasSuffix("e") || lower.hasSuffix("en") { return true }
        guard ["er", "es", "em"].contains(where: { lower.hasSuffix($0) }) else { return false }
        let stem = String(lower.dropLast(2))
        return adjectiveSuffixes.contains { stem.hasSuffix($0) } || plainAdjectives.contains(stem)
    }

    /// Endings of adjective stems: derivation (`international`, `islamisch`, `ständig`), participles
    /// (`leitend`, `vereinigt`) and superlatives (`oberst`).
    static let adjectiveSuffixes = [
        "isch", "sch", "lich", "ig", "al", "ell", "iv", "är", "ös", "bar", "sam", "haft", "los", "end", "iert", "st",
    ]
    /// Short adjectives common in names (`Roter Platz`, `Hoher Kommissar`, `Neues Forum`).
    static let plainAdjectives: Set<String> = [
        "neu", "alt", "groß", "klein", "rot", "weiß", "schwarz", "grün", "blau", "gelb", "hoh", "jung", "lang",
        "nah", "fern", "frei", "erst", "zweit", "dritt", "ober", "unter", "nieder", "gut", "stark", "warm", "kalt",
        "tief", "heilig", "mittler",
    ]

    // MARK: - Helpers

    static func lastPart(of word: String) -> String {
        word.split(separator: "-").last.map(String.init) ?? word
    }

    static func isAllCapitals(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }
}
