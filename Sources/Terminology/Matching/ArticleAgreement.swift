/// Rules out a noun match when the words around it show another sense of the same spelling.
///
/// An article or determiner right before the noun (adjectives between them allowed) must agree with
/// the form in gender and number: `die Kunde` (the news) is no form of the masculine `der Kunde`
/// (customer), whose plural is `Kunden`. Case is left aside, so that nothing a real form allows is
/// lost. A determiner after a comma starts a relative clause (`das Land, das Flüchtlinge aufnimmt`) and
/// says nothing about the noun. A few fixed idioms use a noun in a figurative sense (`auf die lange Bank
/// schieben`, `aufs Spiel setzen`, `in Kauf nehmen`).
enum ArticleAgreement {
    /// What each determiner (folded) can go with, case aside: `der` is masculine, a feminine genitive
    /// or dative, or a genitive plural.
    static let determiners: [String: Agreement] = {
        let m = Agreement.masculine, f = Agreement.feminine, n = Agreement.neuter, p = Agreement.plural
        var table: [String: Agreement] = [
            "der": [m, f, p], "die": [f, p], "das": n, "den": [m, p], "dem": [m, n], "des": [m, n],
            "ein": [m, n], "eine": f, "einen": m, "einem": [m, n], "einer": f, "eines": [m, n],
            "zum": [m, n], "im": [m, n], "am": [m, n], "vom": [m, n], "beim": [m, n], "zur": f, "ins": n, "ans": n, "aufs": n,
        ]
        for stem in ["kein"] {
            table[stem] = [m, n]
            table[stem + "e"] = [f, p]
            table[stem + "en"] = [m, p]
            table[stem + "em"] = [m, n]
            table[stem + "er"] = [f, p]
            table[stem + "es"] = [m, n]
        }
        for stem in ["dies", "jen", "jed"] {
            table[stem + "er"] = stem == "jed" ? [m, f] : [m, f, p]
            table[stem + "e"] = stem == "jed" ? f : [f, p]
            table[stem + "es"] = [m, n]
            table[stem + "en"] = stem == "jed" ? [m, n] : [m, p]
            table[stem + "em"] = [m, n]
        }
        return table
    }()

    /// Idioms in which the last word is not meant literally, as folded words.
    static let idioms: [[String]] = [
        ["auf", "die", "lange", "bank"], ["aufs", "spiel"], ["auf", "dem", "spiel"], ["in", "kauf"], ["zur", "sprache"],
        ["zu", "wort"], ["aus", "dem", "ruder"], ["vor", "die", "hunde"], ["unter", "die", "räder"], ["unter", "einen", "hut"],
        ["über", "die", "bühne"],
    ]
    /// The last words of the idioms, to skip the comparison for every other noun.
    static let idiomNouns = Set(idioms.map { $0.last! })

    /// Possessives and quantifiers, which inflect like adjectives but head the noun phrase themselves
    /// (`einem ihrer Museen`, `allen Parteien`): the search for an article stops there, undecided.
    static func isOtherDeterminer(_ folded: String) -> Bool {
        otherDeterminerStems.contains { folded.hasPrefix($0) && folded.count <= $0.count + 2 }
    }
    static let otherDeterminerStems = [
        "mein", "dein", "sein", "ihr", "unser", "eur", "welch", "solch", "all", "beid", "viel", "manch", "einig",
        "mehrer", "wenig", "ander", "jen", "jed", "dies", "kein", "ein",
    ]

    /// Lower-case words that may stand between a determiner and its noun: inflected adjectives.
    static func isAttributive(_ folded: String, cased: String) -> Bool {
        guard cased.first?.isLowercase == true, folded.count >= 4 else { return false }
        return ["e", "en", "er", "es", "em"].contains { folded.hasSuffix($0) }
    }
}
