/// Closed compounds whose head is a glossary noun: `Außenminister` ends in `Minister`, so it is an
/// instance of that concept and is reported as a `compound` match over the whole word.
///
/// Only the head decides: `Rechenzentrumsbetreiber` is an operator, not a data centre, so a term at
/// the start of a word is never reported, and neither are the false splits that come with it
/// (`Gesetze|sänderung`, `Bank|rott`, `Präsident|schaft`). What is left to rule out are words that merely
/// end in a term: a prefix is no compound part (`Auswahl` is not a `Wahl`, `Urkunde` no `Kunde`), the
/// part before the head must be a syllable or more (`Samt` holds no `Amt`), and a head of three letters
/// needs a linking -s- before it (`Bundesrat`, not `Apparat` or `Heirat`).
enum CompoundHead {
    /// Heads shorter than this many letters are not looked for.
    static let minimumHeadLetters = 3

    /// FNV-1a over the bytes from last to first, as `TermMatcher` builds it walking back through a word.
    static func reversedHash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reversed().reduce(FNV.offsetBasis) { FNV.add($1, to: $0) }
    }

    /// Unicode scalars in UTF-8 bytes.
    static func letterCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Whether the folded bytes before a head can be the first part of a compound. A cut inside `ch` or
    /// `sch` is never a word boundary (`Falsc|haus`).
    static func isModifier(_ modifier: ArraySlice<UInt8>, headLetters: Int, head: ArraySlice<UInt8>) -> Bool {
        let letters = letterCount(modifier)
        guard letters >= 3, modifier.contains(where: isVowelByte),
              !(modifier.last == UInt8(ascii: "c") && head.first == UInt8(ascii: "h"))
        else { return false }
        if headLetters < 4, !(letters >= 4 && modifier.last == UInt8(ascii: "s")) { return false }
        return !prefixes.contains(String(decoding: modifier, as: UTF8.self))
    }

    /// ASCII vowels, and the second byte of ä, ö, ü.
    static func isVowelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"),
             0xA4, 0xB6, 0xBC: true
        default: false
        }
    }

    /// Verb and noun prefixes of three letters or more that derive words rather than start compounds.
    static let prefixes: Set<String> = [
        "aus", "auf", "bei", "ein", "ent", "miss", "mit", "nach", "vor", "weg", "zer", "über", "unter", "wider",
        "wieder", "zurück", "durch", "gegen", "hinter", "fehl", "fort", "her", "hin", "neben", "ver", "voll", "los",
    ]

    /// Whether a word starts with a capital, as a compound noun does.
    static func startsWithCapital(_ cased: ArraySlice<UInt8>) -> Bool {
        guard let first = cased.first else { return false }
        if first >= 0x41 && first <= 0x5A { return true }
        if first < 0x80 { return false }
        return String(decoding: cased.prefix(4), as: UTF8.self).first?.isUppercase == true
    }
}
