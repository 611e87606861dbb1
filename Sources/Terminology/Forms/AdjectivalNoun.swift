import PipelineCore

/// German nouns that decline like adjectives: `der Abgeordnete`, `ein Abgeordneter`, `die Abgeordnete`,
/// `den Abgeordneten`, `400.000 Arbeitslose`. Whichever form a glossary cites, every strong, weak and
/// mixed form of both genders and the plural is generated.
///
/// A glossary may say so (`adjectival noun` in a note, see `TermNotes.declension`); otherwise the cited
/// form must clearly be a participle or a derived adjective. Many ordinary nouns end the same way
/// (`Vertreter`, `Spender`, `Verteidiger`, `Gläubiger` take `-n` in the dative plural and have no `-e`
/// form), so only endings that ordinary nouns do not have count.
enum AdjectivalNoun {
    /// The stem the endings attach to (`Abgeordnet`), or nil when the word is not taken for an adjectival noun.
    static func stem(of word: String, gender: GrammaticalGender?, plural: Bool, declared: Bool) -> String? {
        guard word.first?.isUppercase == true, word.count >= 5 else { return nil }
        let lower = GermanInflection.lastPart(of: word).lowercased()
        guard let ending = ["en", "em", "er", "es", "e"].first(where: { lower.hasSuffix($0) }) else { return nil }
        let stem = String(word.dropLast(ending.count))
        if declared { return stem }
        // The cited form must be one an adjectival noun of that gender and number has: strong masculine
        // `-er`, weak masculine, feminine or plural `-e`, weak plural `-en`.
        let citable = switch ending {
        case "er": gender == .masculine && !plural
        case "e": gender == .masculine || gender == .feminine || plural
        case "en": plural
        default: false
        }
        let lowerStem = String(lower.dropLast(ending.count))
        guard citable, isParticiple(lowerStem) || isDerivedAdjective(lowerStem, strongMasculine: ending == "er") else { return nil }
        return stem
    }

    /// Every ending an adjectival noun takes: `-e`, `-en`, `-em`, `-er`, and for neuter ones (`das Neue`) `-es`.
    static func forms(stem: String, neuter: Bool) -> [String] {
        (neuter ? ["e", "en", "em", "er", "es"] : ["e", "en", "em", "er"]).map { stem + $0 }
    }

    /// A participle stem: present (`vorsitzend`, `reisend`) or past (`angestellt`, `verletzt`, `beamt`,
    /// `abgeordnet`, `gefangen`).
    static func isParticiple(_ stem: String) -> Bool {
        if stem.hasSuffix("end") {
            // The verb stem before -end must be more than a prefix and a consonant: `Sender`, `Anwender`,
            // `Verschwender` are nouns of verbs in -enden.
            let verb = stem.dropLast(3)
            let root = verbPrefixes.first { verb.hasPrefix($0) && verb.count > $0.count }.map { verb.dropFirst($0.count) } ?? verb
            return verb.count >= 4 && root.contains(where: isVowel) && !"wvj".contains(verb.last!)
        }
        if stem.count >= 5, weakParticipleEndings.contains(where: { stem.hasSuffix($0) }) { return true }
        // Strong participles in -en after a consonant, with a participle prefix (`gefangen`,
        // `vertrieben`, `erwachsen`); `Wiener`, `Diener` and `Verdiener` have a vowel before -en.
        if stem.hasSuffix("en"), stem.count >= 6 {
            let beforeEnding = stem.dropLast(2).last!
            return !isVowel(beforeEnding) && (stem.contains("ge") || participlePrefixes.contains { stem.hasPrefix($0) })
        }
        return false
    }

    /// Adjectives derived with -los, -lich and -ig (`arbeitslos`, `jugendlich`, `angehörig`). An `-iger`
    /// citation stays an ordinary noun: agent nouns of verbs in -igen (`Verteidiger`) and `Gläubiger`
    /// end the same way.
    static func isDerivedAdjective(_ stem: String, strongMasculine: Bool) -> Bool {
        if stem.hasSuffix("los") { return stem.count >= 6 }
        if stem.hasSuffix("lich") { return stem.count >= 6 }
        if stem.hasSuffix("ig") { return stem.count >= 5 && !strongMasculine }
        return false
    }

    /// Endings of weak past participles that no ordinary noun stem has: ordinary nouns in -ter come from
    /// verbs whose stem ends in t (`Vertreter`, `Verwalter`, `Berater`, `Beobachter`).
    static let weakParticipleEndings = [
        "tzt", "llt", "ckt", "gt", "bt", "mt", "nnt", "ndt", "sst", "ßt", "iert", "igt",
        "tet", "det", "dnet", "chnet", "gnet", "ffnet", "tmet",
    ]
    static let participlePrefixes = ["be", "ver", "er", "ent", "zer", "hinter", "über", "unter"]
    static let verbPrefixes = [
        "ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "be", "ver", "ent", "er", "zer", "ge", "über",
        "unter", "durch", "hinter", "wider", "wieder", "zurück",
    ]

    static func isVowel(_ character: Character) -> Bool { "aeiouäöüy".contains(character) }
}
