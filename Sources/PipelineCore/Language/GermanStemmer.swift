/// The Snowball German stemmer (snowballstem.org, the algorithm as of Snowball 2.2), in Swift.
///
/// Written here rather than linked from libstemmer so that the package builds with no system
/// library beyond libxml2. A value type without state: one instance may be shared by every task.
/// Stems are for comparing words, not for showing: umlauts are folded (`Wähler` → `wahl`).
package struct GermanStemmer: Sendable {
    package init() {}

    /// Lower-cases the word (Snowball itself does not) and strips its inflectional and some
    /// derivational suffixes: `Rechenzentren` → `rechenzentr`.
    package func stem(_ word: String) -> String {
        var letters = Self.lowercasedScalars(of: word)
        Self.prelude(&letters)
        let regions = Self.regions(of: letters)
        Self.removeSuffixes(&letters, r1: regions.r1, r2: regions.r2)
        Self.postlude(&letters)
        var result = String.UnicodeScalarView()
        for value in letters { if let scalar = Unicode.Scalar(value) { result.append(scalar) } }
        return String(result)
    }

    // MARK: - Letters

    /// Lower-cases ASCII and Latin-1 capitals directly; other scripts go through `lowercased()`.
    private static func lowercasedScalars(of word: String) -> [UInt32] {
        var letters: [UInt32] = []
        letters.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: letters.append(value + 0x20)
            case 0...0xFF: letters.append(value)
            default: return word.lowercased().unicodeScalars.map(\.value)
            }
        }
        return letters
    }

    private static let upperU: UInt32 = 0x55, upperY: UInt32 = 0x59
    private static let aUmlaut: UInt32 = 0xE4, oUmlaut: UInt32 = 0xF6, uUmlaut: UInt32 = 0xFC, sharpS: UInt32 = 0xDF

    private static func scalar(_ character: Character) -> UInt32 { character.unicodeScalars.first!.value }

    private static func isVowel(_ letter: UInt32) -> Bool {
        switch letter {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, aUmlaut, oUmlaut, uUmlaut: true
        default: false
        }
    }

    /// Letters that may precede a removable `-s`: b d f g h k l m n r t.
    private static func isSEnding(_ letter: UInt32) -> Bool {
        switch letter {
        case 0x62, 0x64, 0x66, 0x67, 0x68, 0x6B, 0x6C, 0x6D, 0x6E, 0x72, 0x74: true
        default: false
        }
    }

    /// Letters that may precede a removable `-st`: the s-endings without r.
    private static func isSTEnding(_ letter: UInt32) -> Bool { letter != 0x72 && isSEnding(letter) }

    // MARK: - Steps

    /// ß becomes ss; u and y between vowels become U and Y, so that they count as consonants.
    private static func prelude(_ letters: inout [UInt32]) {
        var expanded: [UInt32] = []
        expanded.reserveCapacity(letters.count + 2)
        for letter in letters {
            if letter == sharpS { expanded.append(0x73); expanded.append(0x73) } else { expanded.append(letter) }
        }
        letters = expanded
        var index = 0
        while index + 2 < letters.count {
            if isVowel(letters[index]), isVowel(letters[index + 2]) {
                if letters[index + 1] == 0x75 { letters[index + 1] = upperU }
                else if letters[index + 1] == 0x79 { letters[index + 1] = upperY }
            }
            index += 1
        }
    }

    /// R1 starts after the first consonant that follows a vowel, but not before the fourth letter;
    /// R2 is the same rule applied again inside R1.
    private static func regions(of letters: [UInt32]) -> (r1: Int, r2: Int) {
        let limit = letters.count
        guard limit >= 3 else { return (limit, limit) }
        func afterVowelThenConsonant(from start: Int) -> Int? {
            var cursor = start
            while cursor < limit, !isVowel(letters[cursor]) { cursor += 1 }
            guard cursor < limit else { return nil }
            cursor += 1
            while cursor < limit, isVowel(letters[cursor]) { cursor += 1 }
            guard cursor < limit else { return nil }
            return cursor + 1
        }
        guard let found = afterVowelThenConsonant(from: 0) else { return (limit, limit) }
        // R2 is searched from where R1 was found, before R1 is moved to the fourth letter.
        return (max(found, 3), afterVowelThenConsonant(from: found) ?? limit)
    }

    private static func removeSuffixes(_ letters: inout [UInt32], r1: Int, r2: Int) {
        // Step 1: inflectional endings.
        if let suffix = longestSuffix(of: letters, among: step1Suffixes) {
            let start = letters.count - suffix.count
            if start >= r1 {
                switch suffix {
                case "em", "ern", "er":
                    letters.removeLast(suffix.count)
                case "e", "en", "es":
                    letters.removeLast(suffix.count)
                    // -nisse, -nissen: drop the doubled s too.
                    if hasSuffix(letters, niss) { letters.removeLast() }
                default: // "s"
                    if start > 0, isSEnding(letters[start - 1]) { letters.removeLast() }
                }
            }
        }
        // Step 2: more endings, and -st after a valid letter with three letters before it.
        if let suffix = longestSuffix(of: letters, among: step2Suffixes) {
            let start = letters.count - suffix.count
            if start >= r1 {
                if suffix == "st" {
                    if start >= 4, isSTEnding(letters[start - 1]) { letters.removeLast(2) }
                } else {
                    letters.removeLast(suffix.count)
                }
            }
        }
        // Step 3: derivational suffixes, inside R2.
        guard let suffix = longestSuffix(of: letters, among: step3Suffixes) else { return }
        let start = letters.count - suffix.count
        guard start >= r2 else { return }
        let precededByE = start > 0 && letters[start - 1] == 0x65
        switch suffix {
        case "end", "ung":
            letters.removeLast(suffix.count)
            let igStart = letters.count - 2
            if hasSuffix(letters, ig), igStart >= r2, !(igStart > 0 && letters[igStart - 1] == 0x65) {
                letters.removeLast(2)
            }
        case "ig", "ik", "isch":
            if !precededByE { letters.removeLast(suffix.count) }
        case "lich", "heit":
            letters.removeLast(suffix.count)
            if hasSuffix(letters, er) || hasSuffix(letters, en), letters.count - 2 >= r1 { letters.removeLast(2) }
        default: // "keit"
            letters.removeLast(suffix.count)
            if let inner = longestSuffix(of: letters, among: keitSuffixes), letters.count - inner.count >= r2 {
                letters.removeLast(inner.count)
            }
        }
    }

    /// U and Y back to u and y; umlauts folded to their base vowels.
    private static func postlude(_ letters: inout [UInt32]) {
        for index in letters.indices {
            switch letters[index] {
            case upperY: letters[index] = 0x79
            case upperU, uUmlaut: letters[index] = 0x75
            case aUmlaut: letters[index] = 0x61
            case oUmlaut: letters[index] = 0x6F
            default: break
            }
        }
    }

    // MARK: - Suffix tests

    /// A suffix as text (for the `switch`es above) and as scalars (for comparing).
    private struct Suffix {
        let text: String
        let letters: [UInt32]
        var count: Int { letters.count }
        init(_ text: String) {
            self.text = text
            letters = text.unicodeScalars.map(\.value)
        }
    }

    private static let step1Suffixes = ["ern", "em", "en", "er", "es", "e", "s"].map(Suffix.init)
    private static let step2Suffixes = ["est", "en", "er", "st"].map(Suffix.init)
    private static let step3Suffixes = ["lich", "isch", "heit", "keit", "end", "ung", "ig", "ik"].map(Suffix.init)
    private static let keitSuffixes = ["lich", "ig"].map(Suffix.init)

    /// The first of `suffixes` (listed longest first) that the letters end with: Snowball's
    /// `among` takes the longest match and does not fall back to a shorter one when its condition fails.
    private static func longestSuffix(of letters: [UInt32], among suffixes: [Suffix]) -> String? {
        suffixes.first { hasSuffix(letters, $0.letters) }?.text
    }

    private static let niss = Suffix("niss").letters, ig = Suffix("ig").letters
    private static let er = Suffix("er").letters, en = Suffix("en").letters

    private static func hasSuffix(_ letters: [UInt32], _ tail: [UInt32]) -> Bool {
        guard letters.count >= tail.count else { return false }
        var offset = letters.count - tail.count
        for letter in tail {
            if letters[offset] != letter { return false }
            offset += 1
        }
        return true
    }
}
