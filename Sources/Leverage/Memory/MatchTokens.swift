import PipelineCore

/// Splits a segment into the tokens fuzzy matching compares: runs of letters, digits and marks are
/// words, every other visible character is a token of its own, whitespace separates.
///
/// Token-level comparison is what CAT tools show translators ("one word differs"), and it keeps the
/// edit-distance tables small: a sentence has tens of tokens but hundreds of characters.
enum MatchTokens {
    /// Tokens are slices of the text: looking them up in a vocabulary allocates nothing per token.
    static func split(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        let scalars = text.unicodeScalars
        var wordStart: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.isWordCharacter {
                if wordStart == nil { wordStart = index }
            } else {
                if let start = wordStart {
                    tokens.append(text[start..<index])
                    wordStart = nil
                }
                let next = scalars.index(after: index)
                if !isSpace(scalar) { tokens.append(text[index..<next]) }
                index = next
                continue
            }
            index = scalars.index(after: index)
        }
        if let start = wordStart { tokens.append(text[start...]) }
        return tokens
    }

    /// A token's identity for vocabulary lookups: FNV-1a over its UTF-8 bytes. Swift's own string
    /// hashing normalises Unicode first, which made lookups the largest cost of leveraging; with 64
    /// bits, two tokens of one memory share a key with a chance far below one in a million.
    static func key(_ token: Substring) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in token.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The key of a whole token sequence, for finding exact-match candidates.
    static func key(_ tokens: [Substring]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for token in tokens {
            hash = (hash ^ key(token)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Unicode whitespace, with the ASCII cases decided without a property lookup.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// Whitespace runs collapsed to one space, ends trimmed: the form exact matches compare.
    static func normalizeSpace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var runStart: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if isSpace(scalars[index]) {
                if let start = runStart {
                    result += text[start..<index]
                    runStart = nil
                }
                pendingSpace = !result.isEmpty
            } else if runStart == nil {
                if pendingSpace { result += " " }
                pendingSpace = false
                runStart = index
            }
            index = scalars.index(after: index)
        }
        if let start = runStart { result += text[start...] }
        return result
    }
}
