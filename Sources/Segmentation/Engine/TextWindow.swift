/// A stretch `lower..<upper` of a UTF-8 buffer that rules look at: the edges count as the start and
/// end of the text for anchors and word boundaries. Offsets are into the whole buffer.
struct TextWindow {
    let bytes: UnsafeBufferPointer<UInt8>
    let lower: Int
    let upper: Int

    init(bytes: UnsafeBufferPointer<UInt8>, lower: Int, upper: Int) {
        self.bytes = bytes
        self.lower = lower
        self.upper = upper
    }

    /// The scalar starting at `index` and its length in bytes. The buffer holds valid UTF-8 (it
    /// comes from a `String`); a stray byte decodes as U+FFFD of length 1.
    @inline(__always)
    func decode(at index: Int) -> (UInt32, Int) {
        UTF8Decoding.decode(bytes, at: index, limit: upper)
    }

    /// The scalar ending just before `index` and its length in bytes.
    @inline(__always)
    func decode(endingAt index: Int) -> (UInt32, Int) {
        UTF8Decoding.decode(bytes, endingAt: index, floor: lower)
    }
}

/// A position in a window with the kinds of the characters either side, worked out once and
/// shared by every rule tested there (anchors and `\b` depend on them).
struct TextPosition {
    let offset: Int
    let kindBefore: Alphabet.Kind
    let kindAfter: Alphabet.Kind
}

extension TextWindow {
    func position(_ offset: Int) -> TextPosition {
        TextPosition(
            offset: offset,
            kindBefore: offset > lower ? .of(decode(endingAt: offset).0) : .boundary,
            kindAfter: offset < upper ? .of(decode(at: offset).0) : .boundary)
    }
}

enum UTF8Decoding {
    static let replacement: UInt32 = 0xFFFD

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= limit else { return (replacement, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (replacement, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, endingAt index: Int, floor: Int) -> (UInt32, Int) {
        let last = bytes[index - 1]
        if last < 0x80 { return (UInt32(last), 1) }
        var start = index - 1
        while start > floor, start > index - 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let (value, length) = decode(bytes, at: start, limit: index)
        return start + length == index ? (value, length) : (replacement, 1)
    }

    /// Whether `index` falls between two scalars (not inside a multi-byte one).
    @inline(__always)
    static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, upper: Int) -> Bool {
        index >= upper || bytes[index] & 0xC0 != 0x80
    }
}
