/// Converts UTF-8 byte offsets of one text into Unicode code point offsets, the unit the JSONL
/// contracts and most other tools count in.
///
/// Built once per text in linear time; each lookup is a binary search over the non-ASCII positions,
/// so ASCII-heavy text costs almost nothing.
package struct CodePointOffsets: Sendable {
    /// Byte offsets of the first byte of every non-ASCII scalar, in order.
    private let wideScalarStarts: [Int]
    /// For each entry above, how many bytes that scalar has beyond its first.
    private let extraBytesBefore: [Int]
    package let byteCount: Int

    package init(_ text: String) {
        var starts: [Int] = []
        var extras: [Int] = []
        var total = 0
        var copy = text
        // Lead bytes of multi-byte scalars are 0xC0 and up; a `String` is valid UTF-8, so the lead
        // byte alone gives the scalar's width.
        byteCount = copy.withUTF8 { bytes in
            for (offset, byte) in bytes.enumerated() where byte >= 0xC0 {
                starts.append(offset)
                total += byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                extras.append(total)
            }
            return bytes.count
        }
        wideScalarStarts = starts
        extraBytesBefore = extras
    }

    /// The code point offset of a byte offset that sits on a scalar boundary.
    package func codePoint(atByte byte: Int) -> Int {
        // Count the wide scalars that start before `byte`.
        var low = 0
        var high = wideScalarStarts.count
        while low < high {
            let mid = (low + high) / 2
            if wideScalarStarts[mid] < byte { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? byte : byte - extraBytesBefore[low - 1]
    }

    package func codePoints(of span: TextSpan) -> (start: Int, end: Int) {
        (codePoint(atByte: span.start), codePoint(atByte: span.end))
    }
}
