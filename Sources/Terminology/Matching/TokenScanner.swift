import Foundation

/// Splits UTF-8 text into word tokens, with keys normalised for lookup and spans in the original bytes.
///
/// A token is a run of letters, digits and combining marks; everything else is a boundary, so hyphens
/// and apostrophes split `KI-Politik` and `OpenAI's`. Normalisation happens in the keys only: soft
/// hyphens are dropped, decomposed letters composed (NFC), and the text between two tokens (the gap)
/// is reduced to a canonical form in which any run of whitespace, non-breaking spaces included, is one
/// space and hyphen and apostrophe variants are one character each. Spans stay in original offsets.
///
/// The scanner works on bytes. ASCII and Latin-1 letters are folded in place; only tokens holding
/// other scripts or combining marks take the slower Unicode path.
struct TokenScanner {
    struct Token {
        /// The token's span in the original text, in bytes.
        var start: Int
        var end: Int
        /// The normalised token as written (NFC, soft hyphens removed), in `scratch`.
        var cased: Range<Int>
        /// The same, lower-cased, in `scratch`.
        var folded: Range<Int>
        var hash: UInt64
        /// Hash of the canonical gap that follows, up to the next token; `Gap.none` after the last.
        var gapAfter: UInt64 = Gap.none
        /// True when the key bytes are the original bytes, so offsets inside the token carry over.
        var isPlain: Bool
    }

    private(set) var tokens: [Token] = []
    /// Key bytes of all tokens, referenced by range.
    private(set) var scratch: [UInt8] = []

    /// Scans `range` of `text`, replacing the tokens of the previous scan.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        tokens.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        let end = range.upperBound
        var tokenStart = -1
        var keyStart = 0
        var needsUnicode = false
        var sawSoftHyphen = false
        var gap = Gap()

        func finish(at position: Int) {
            finishToken(start: tokenStart, end: position, keyStart: keyStart, needsUnicode: needsUnicode, sawSoftHyphen: sawSoftHyphen)
            tokenStart = -1
        }
        func begin(at position: Int) {
            if let last = tokens.indices.last { tokens[last].gapAfter = gap.hash }
            gap = Gap()
            tokenStart = position
            keyStart = scratch.count
            needsUnicode = false
            sawSoftHyphen = false
        }

        while index < end {
            let byte = text[index]
            if byte < 0x80 {
                if Self.isASCIIWordByte(byte) {
                    if tokenStart < 0 { begin(at: index) }
                    scratch.append(byte)
                } else {
                    if tokenStart >= 0 { finish(at: index) }
                    gap.add(Self.gapClass(ofASCII: byte), byte: byte)
                }
                index += 1
                continue
            }
            let (scalar, length) = Self.decode(text, at: index, end: end)
            switch Self.classify(scalar) {
            case .word:
                if tokenStart < 0 { begin(at: index) }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<(index + length)]))
                if byte != 0xC3 { needsUnicode = true }
            case .softHyphen:
                if tokenStart >= 0 { sawSoftHyphen = true }
            case .space, .hyphen, .apostrophe, .other:
                if tokenStart >= 0 { finish(at: index) }
                let kind = Self.classify(scalar)
                if kind == .other {
                    for offset in 0..<length { gap.add(.other, byte: text[index + offset]) }
                } else {
                    gap.add(kind, byte: 0)
                }
            }
            index += length
        }
        if tokenStart >= 0 { finish(at: end) }
    }

    private mutating func finishToken(start: Int, end: Int, keyStart: Int, needsUnicode: Bool, sawSoftHyphen: Bool) {
        if needsUnicode {
            let written = String(decoding: scratch[keyStart...], as: UTF8.self)
            let composed = written.precomposedStringWithCanonicalMapping
            scratch.removeSubrange(keyStart...)
            scratch.append(contentsOf: composed.utf8)
            let casedEnd = scratch.count
            scratch.append(contentsOf: composed.lowercased().utf8)
            let folded = casedEnd..<scratch.count
            tokens.append(Token(
                start: start, end: end, cased: keyStart..<casedEnd, folded: folded,
                hash: FNV.hash(scratch[folded]), isPlain: false))
            return
        }
        let casedEnd = scratch.count
        var hash = FNV.offsetBasis
        var previous: UInt8 = 0
        for position in keyStart..<casedEnd {
            let folded = Self.fold(scratch[position], after: previous)
            previous = scratch[position]
            scratch.append(folded)
            hash = FNV.add(folded, to: hash)
        }
        tokens.append(Token(
            start: start, end: end, cased: keyStart..<casedEnd, folded: casedEnd..<scratch.count,
            hash: hash, isPlain: !sawSoftHyphen))
    }

    // MARK: - Bytes and scalars

    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Lower-cases ASCII letters, and Latin-1 capitals (À–Þ except ×) by their second UTF-8 byte.
    @inline(__always)
    static func fold(_ byte: UInt8, after previous: UInt8) -> UInt8 {
        if byte >= 0x41 && byte <= 0x5A { return byte + 0x20 }
        if previous == 0xC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97 { return byte + 0x20 }
        return byte
    }

    enum CharacterClass { case word, softHyphen, space, hyphen, apostrophe, other }

    static func gapClass(ofASCII byte: UInt8) -> CharacterClass {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: .space
        case UInt8(ascii: "-"): .hyphen
        case UInt8(ascii: "'"): .apostrophe
        default: .other
        }
    }

    static func classify(_ value: UInt32) -> CharacterClass {
        switch value {
        case 0xAD: return .softHyphen
        case 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .space
        case 0x2010, 0x2011: return .hyphen
        case 0x2019, 0x02BC: return .apostrophe
        case 0xAA, 0xB5, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x0300...0x036F: return .word
        case 0x80...0xBF, 0x2000...0x206F: return .other
        default:
            guard let scalar = Unicode.Scalar(value) else { return .other }
            let properties = scalar.properties
            if properties.isAlphabetic { return .word }
            switch properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return .word
            default: return .other
            }
        }
    }

    /// Decodes the scalar at `index`; malformed bytes count as one-byte scalars of no class.
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (UInt32, Int) {
        let lead = text[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= end else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(text[index + offset] & 0x3F) }
        return (value, length)
    }
}

/// The canonical text between two tokens, hashed as it is read.
struct Gap {
    /// The gap hash of a single space, the gap between the words of most multi-word terms.
    static let space = FNV.add(0x20, to: FNV.offsetBasis)
    /// Marks "no following token".
    static let none: UInt64 = 0

    private(set) var hash = FNV.offsetBasis
    private var lastWasSpace = false

    mutating func add(_ kind: TokenScanner.CharacterClass, byte: UInt8) {
        switch kind {
        case .space:
            if lastWasSpace { return }
            hash = FNV.add(0x20, to: hash)
            lastWasSpace = true
            return
        case .hyphen: hash = FNV.add(UInt8(ascii: "-"), to: hash)
        case .apostrophe: hash = FNV.add(UInt8(ascii: "'"), to: hash)
        default: hash = FNV.add(byte, to: hash)
        }
        lastWasSpace = false
    }
}

/// 64-bit FNV-1a: a fast hash of short keys, grown byte by byte so that every prefix's hash comes free.
enum FNV {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always)
    static func add(_ byte: UInt8, to hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        bytes.reduce(offsetBasis) { add($1, to: $0) }
    }
}
