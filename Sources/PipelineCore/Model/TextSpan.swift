/// A half-open range of UTF-8 byte offsets into a document's original text.
///
/// Stages never edit text; they annotate it with spans. Bytes are what the hot paths scan, so
/// spans are stored in bytes and converted to code points only at the edges (JSONL, reports).
public struct TextSpan: Hashable, Sendable, Codable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end before it starts")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension String {
    /// The text a span covers. The span must fall on scalar boundaries, as every stage's spans do.
    public func slice(_ span: TextSpan) -> String {
        var copy = self
        return copy.withUTF8 { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]), as: UTF8.self)
        }
    }
}
