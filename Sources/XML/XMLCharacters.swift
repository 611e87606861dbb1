/// What XML 1.0 allows in a document, and how text is made to fit.
package enum XMLCharacters {
    /// `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
    /// Swift strings never hold surrogates, so only controls and the two non-characters remain to drop.
    @inlinable
    package static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The text with every character XML 1.0 forbids removed. Cheap when there is nothing to drop,
    /// which is almost always.
    package static func sanitized(_ text: String) -> String {
        guard needsSanitizing(text) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
        return String(scalars)
    }

    /// In a Swift string only C0 controls (single bytes) and U+FFFE/U+FFFF (EF BF BE/BF) can be
    /// forbidden, so a byte scan decides without decoding scalars.
    private static func needsSanitizing(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20, byte != 0x9, byte != 0xA, byte != 0xD { return true }
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
                index += 1
            }
            return false
        }
    }

    /// Decodes bytes that claim to be UTF-8: malformed sequences are dropped (not replaced), as are
    /// characters XML forbids, so nothing that is not well-formed text can reach a file.
    package static func sanitized(utf8 bytes: some Collection<UInt8>) -> String {
        // Well-formed UTF-8 is the rule: validate in one pass and keep the bytes as they are.
        if let text = String(validating: bytes, as: UTF8.self) { return sanitized(text) }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if isAllowed(scalar) { scalars.append(scalar) }
            case .emptyInput: break loop
            case .error: continue
            }
        }
        return String(scalars)
    }
}
