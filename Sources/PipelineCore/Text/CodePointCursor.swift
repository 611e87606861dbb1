/// Converts ascending UTF-8 byte offsets of one text into code point offsets in a single forward
/// pass, for outputs whose offsets come in text order (sentence spans): no table to build, each
/// byte counted once.
package struct CodePointCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var byte = 0
    private var codePoint = 0

    /// `bytes` must be valid UTF-8 and outlive the cursor.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The code point offset of `target`, a scalar boundary at or after the previous one asked for.
    package mutating func codePoint(atByte target: Int) -> Int {
        precondition(target >= byte && target <= bytes.count, "byte offsets must ascend within the text")
        var count = 0
        var index = byte
        // Every byte but a continuation byte (10xxxxxx) starts a scalar; count 8 bytes at a time.
        if let base = bytes.baseAddress {
            while index + 8 <= target {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                count += 8 - continuations.nonzeroBitCount
                index += 8
            }
        }
        while index < target {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        codePoint += count
        byte = target
        return codePoint
    }
}
