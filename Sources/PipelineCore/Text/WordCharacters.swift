extension Unicode.Scalar {
    /// Letters, combining marks and numbers of every script: what belongs inside a word when
    /// memories compare tokens and QA looks for terms in translations. ASCII is decided without a
    /// property lookup, since it is most of the text.
    @inlinable
    package var isWordCharacter: Bool {
        if isASCII {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
