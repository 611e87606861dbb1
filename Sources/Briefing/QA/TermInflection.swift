import PipelineCore

/// Which inflected forms of a target term count as the term, by target language.
///
/// QA must not flag a correct translation because the term is plural or in another case, so each
/// language accepts its regular endings. The rules are deliberately tolerant: a missed violation
/// costs less than a reviewer's trust in the check.
public enum TermInflection: Sendable, Hashable {
    /// Plural `-s`/`-es`/`-ies` and possessive `'s`/`'` on the last word.
    case english
    /// Case and plural endings on every word (adjectives inflect too), umlaut plurals
    /// (`Ausschuss` → `Ausschüsse`) and Latin plurals (`Zentrum` → `Zentren`).
    case german
    /// Whole words, case-insensitive, nothing more.
    case none

    public init(language: LanguageTag) {
        switch language.language {
        case "en": self = .english
        case "de": self = .german
        default: self = .none
        }
    }

    /// Whether `word` stands for `base` at this position of a term; both are lower-cased.
    func matches(_ word: String, _ base: String, isLast: Bool) -> Bool {
        if word == base { return true }
        switch self {
        case .english: return isLast && Self.isEnglishInflection(word, of: base)
        case .german: return Self.isGermanInflection(word, of: base)
        case .none: return false
        }
    }

    static func isEnglishInflection(_ word: String, of base: String) -> Bool {
        guard word.hasPrefix(base) else {
            // city → cities
            guard base.hasSuffix("y"), base.count > 1 else { return false }
            let stem = base.dropLast()
            return ["ies", "ies'"].contains { word == stem + $0 }
        }
        let suffix = word.dropFirst(base.count)
        return ["s", "es", "'s", "'", "s'", "es'"].contains { suffix == $0 }
    }

    private static let germanEndings = ["ern", "ens", "en", "er", "es", "em", "e", "n", "s"]

    static func isGermanInflection(_ word: String, of base: String) -> Bool {
        let word = withoutUmlauts(word)
        let base = withoutUmlauts(base)
        if !germanStems(of: word).isDisjoint(with: germanStems(of: base)) { return true }
        // Zentrum → Zentren, Virus → Viren, Firma → Firmen
        for ending in ["um", "us", "on", "a"] where base.hasSuffix(ending) && base.count > ending.count + 2 {
            let stem = String(base.dropLast(ending.count))
            if ["en", "a", "e"].contains(where: { word == stem + $0 }) { return true }
        }
        return false
    }

    /// The word and the word without each regular ending that leaves at least three letters.
    private static func germanStems(of word: String) -> Set<String> {
        var stems: Set<String> = [word]
        for ending in germanEndings where word.hasSuffix(ending) && word.count - ending.count >= 3 {
            stems.insert(String(word.dropLast(ending.count)))
        }
        return stems
    }

    private static func withoutUmlauts(_ word: String) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "ä": "a"
            case "ö": "o"
            case "ü": "u"
            default: scalar
            }
        }))
    }
}
