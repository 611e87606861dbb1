/// Finds a glossary's target-language term in a translation: whole words, case-insensitive, with
/// the inflected forms the target language allows (`TermInflection`).
///
/// Results are code-point ranges into the translation, so renderers can highlight them.
public struct TargetTermFinder: Sendable {
    /// A word of the translation: lower-cased, curly apostrophes straightened, with its code-point range.
    struct Word: Sendable {
        let text: String
        let start: Int
        let end: Int
    }

    let words: [Word]
    let inflection: TermInflection

    public init(_ translation: String, inflection: TermInflection) {
        words = Self.words(of: translation)
        self.inflection = inflection
    }

    /// Code-point ranges where `term` occurs.
    public func occurrences(of term: String) -> [Range<Int>] {
        let parts = Self.words(of: term).map(\.text)
        guard !parts.isEmpty, parts.count <= words.count else { return [] }
        var found: [Range<Int>] = []
        var index = 0
        while index + parts.count <= words.count {
            let matches = parts.indices.allSatisfy { offset in
                let word = words[index + offset].text
                return inflection.matches(word, parts[offset], isLast: offset == parts.count - 1)
            }
            if matches {
                found.append(words[index].start..<words[index + parts.count - 1].end)
                index += parts.count
            } else {
                index += 1
            }
        }
        return found
    }

    public func contains(_ term: String) -> Bool { !occurrences(of: term).isEmpty }

    /// Runs of letters, digits and apostrophes, lower-cased; apostrophes at a word's start are quotes.
    static func words(of text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        func flush() {
            while let first = current.first, first == "'" {
                current.removeFirst()
                start += 1
            }
            if !current.isEmpty { words.append(Word(text: String(current).lowercased(), start: start, end: offset)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            let apostrophe = scalar == "'" || scalar == "\u{2019}"
            if apostrophe || scalar.isWordCharacter {
                if current.isEmpty { start = offset }
                current.append(apostrophe ? "'" : scalar)
            } else {
                flush()
            }
            offset += 1
        }
        flush()
        return words
    }
}
