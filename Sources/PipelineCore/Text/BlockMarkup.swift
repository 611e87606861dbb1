/// Markdown and plain-text block markers at the start of a line (`# `, `- `, `1. `, `> `): layout of
/// the input, not text to translate. The export leaves them out of segments, so translators neither
/// see nor retype them and OmegaT does not show them as segments of their own.
package enum BlockMarkup {
    /// How many bytes of block markers open the sentence at `start`, counting only markers that stand
    /// at the beginning of a line and leave some text after them. Works on UTF-8 bytes: every marker
    /// is ASCII.
    package static func prefixLength(in bytes: [UInt8], sentenceStart start: Int, end: Int) -> Int {
        guard startsLine(bytes, at: start) else { return 0 }
        var cursor = start
        while cursor < end {
            let marker = heading(bytes, cursor, end) ?? bullet(bytes, cursor, end) ?? quote(bytes, cursor, end)
                ?? numberedItem(bytes, cursor, end)
            guard let marker else { break }
            cursor = marker
        }
        return cursor < end ? cursor - start : 0
    }

    /// A sentence's span without the block markers that open it: what XLIFF shows translators and
    /// what `merge` replaces, so the markers stay in the translated file.
    package static func translatableSpan(_ span: TextSpan, in bytes: [UInt8]) -> TextSpan {
        TextSpan(start: span.start + prefixLength(in: bytes, sentenceStart: span.start, end: span.end), end: span.end)
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")

    private static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// Only spaces or tabs stand between the previous line break (or the text's start) and `index`.
    private static func startsLine(_ bytes: [UInt8], at index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= 0, isBlank(bytes[cursor]) { cursor -= 1 }
        return cursor < 0 || bytes[cursor] == newline || bytes[cursor] == UInt8(ascii: "\r")
    }

    /// The index after `marker` and the blanks that must follow it, or nil.
    private static func after(_ bytes: [UInt8], _ index: Int, _ end: Int, blanksRequired: Bool = true) -> Int? {
        var cursor = index
        while cursor < end, isBlank(bytes[cursor]) { cursor += 1 }
        return cursor > index || !blanksRequired ? cursor : nil
    }

    /// `#` to `######` and a blank.
    private static func heading(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int? {
        var cursor = index
        while cursor < end, bytes[cursor] == UInt8(ascii: "#"), cursor - index < 6 { cursor += 1 }
        return cursor > index ? after(bytes, cursor, end) : nil
    }

    /// `-`, `*` or `+` and a blank.
    private static func bullet(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int? {
        guard [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[index]) else { return nil }
        return after(bytes, index + 1, end)
    }

    /// `>`, with or without a blank.
    private static func quote(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int? {
        bytes[index] == UInt8(ascii: ">") ? after(bytes, index + 1, end, blanksRequired: false) : nil
    }

    /// `12.` or `12)` and a blank, when a neighbouring line is numbered too: a lone `3. Oktober …`
    /// at the start of a line is a date, not a list.
    private static func numberedItem(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int? {
        guard let next = numberMarker(bytes, index, end) else { return nil }
        var lineStart = index
        while lineStart > 0, bytes[lineStart - 1] != newline { lineStart -= 1 }
        var lineEnd = index
        while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
        let neighbours = [lineStart > 0 ? lineStart - 1 : nil, lineEnd < bytes.count ? lineEnd + 1 : nil].compactMap { $0 }
        return neighbours.contains { numberMarker(bytes, lineBeginning(bytes, $0), bytes.count) != nil } ? next : nil
    }

    /// The first non-blank byte of the line that holds `index`.
    private static func lineBeginning(_ bytes: [UInt8], _ index: Int) -> Int {
        var start = max(0, min(index, bytes.count))
        while start > 0, bytes[start - 1] != newline { start -= 1 }
        while start < bytes.count, isBlank(bytes[start]) { start += 1 }
        return start
    }

    private static func numberMarker(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int? {
        var cursor = index
        while cursor < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]), cursor - index < 9 { cursor += 1 }
        guard cursor > index, cursor < end, bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: ")") else {
            return nil
        }
        return after(bytes, cursor + 1, end)
    }
}
