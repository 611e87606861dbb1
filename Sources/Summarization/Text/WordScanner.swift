/// Finds the words of UTF-8 text as runs of letters and digits (Unicode `\w`), lower-cased.
///
/// Works on bytes: ASCII and the Latin-1 letters of German (ä, ö, ü, ß and their capitals) take a
/// fast path; any other non-ASCII scalar is decoded and classified by its Unicode category, so
/// typographic punctuation such as „ “ – … separates words instead of joining them.
struct WordScanner {
    /// Lower-cased bytes of the current word, written through a pointer; reused between texts.
    private var scratch: [UInt8] = []

    init() {}

    /// Calls `body` with the lower-cased UTF-8 bytes of each word of `text`, in order.
    mutating func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in forEachWord(in: bytes, body) }
    }

    mutating func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Lower-casing a scalar grows its bytes by half at most (Ⱥ, two bytes, becomes ⱥ, three),
        // so a word never outgrows three times the text.
        let needed = bytes.count * 3 + 16
        if scratch.count < needed { scratch = Array(repeating: 0, count: max(needed, scratch.count * 2)) }
        scratch.withUnsafeMutableBufferPointer { scratch in
            let word = scratch.baseAddress!
            var length = 0
            func flush() {
                guard length > 0 else { return }
                body(UnsafeBufferPointer(start: word, count: length))
                length = 0
            }
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if Self.isASCIIWordByte(lead) {
                        word[length] = lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead
                        length += 1
                    } else {
                        flush()
                    }
                    index += 1
                    continue
                }
                let width = Self.sequenceWidth(lead)
                guard index + width <= count else { break }
                if lead == 0xC3 {
                    // U+00C0…U+00FF: letters except × (C3 97) and ÷ (C3 B7); capitals C3 80…9E fold by +0x20.
                    let second = bytes[index + 1]
                    if second == 0x97 || second == 0xB7 {
                        flush()
                    } else {
                        word[length] = 0xC3
                        word[length + 1] = second < 0x9F ? second + 0x20 : second
                        length += 2
                    }
                } else if let scalar = Self.decode(bytes, at: index, width: width), Self.isWordScalar(scalar) {
                    for byte in scalar.properties.lowercaseMapping.utf8 {
                        word[length] = byte
                        length += 1
                    }
                } else {
                    flush()
                }
                index += width
            }
            flush()
        }
    }

    /// Letters, digits and the underscore, as in `\w`.
    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    @inline(__always)
    static func sequenceWidth(_ lead: UInt8) -> Int {
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1 // a stray continuation byte: skip it alone
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> Unicode.Scalar? {
        var value: UInt32
        switch width {
        case 2: value = UInt32(bytes[index] & 0x1F)
        case 3: value = UInt32(bytes[index] & 0x0F)
        case 4: value = UInt32(bytes[index] & 0x07)
        default: return nil
        }
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// Letters and numbers of every script; marks, punctuation, symbols and spaces separate words.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
