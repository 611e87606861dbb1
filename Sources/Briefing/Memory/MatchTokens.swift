/// Splits a segment into the tokens fuzzy matching compares: runs of letters, digits and marks are
/// words, every other visible character is a token of its own, whitespace separates.
///
/// Token-level comparison is what CAT tools show translators ("one word differs"), and it keeps the
/// edit-distance tables small: a sentence has tens of tokens but hundreds of characters.
enum MatchTokens {
    static func split(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty {
                tokens.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
            } else {
                flush()
                if !scalar.properties.isWhitespace { tokens.append(String(scalar)) }
            }
        }
        flush()
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Whitespace runs collapsed to one space, ends trimmed: the form exact matches compare.
    static func normalizeSpace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
