import Markdown

/// Turns a Markdown file into plain text, inline codes and a skeleton, from cmark-gfm's tree.
///
/// cmark gives blocks a line and byte column but inline nodes no reliable position, so the inline
/// content of each paragraph, heading and table cell is found by walking the source from the
/// block's start: text nodes are matched byte by byte (backslash escapes, entity and character
/// references, NUL as U+FFFD), delimiters, code spans, link tails and line breaks are measured in
/// the source. Everything outside that content (block markers, code blocks, front matter, raw
/// HTML blocks, link definitions) is skeleton, copied verbatim; so is a block whose walk does not
/// line up with the source, which then keeps its raw text as plain text, as before inline codes.
struct MarkdownExtractor {
    let bytes: [UInt8]
    /// Offset of each line's first byte, for cmark's 1-based lines (line n starts at `lineStarts[n - 1]`).
    private let lineStarts: [Int]
    /// Where the part cmark parses begins (after front matter).
    private let base: Int
    private(set) var builder = SkeletonBuilder()
    private(set) var title: String?
    /// Blocks whose inline content did not line up with the source and stay raw text.
    private(set) var rawBlocks = 0
    private var cursor = 0
    private var nextID = 1

    init(text: String) {
        bytes = Array(text.utf8)
        base = Self.frontMatterEnd(bytes)
        var starts = [base]
        var index = base
        while index < bytes.count {
            if bytes[index] == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            } else if bytes[index] == 0x0A {
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
    }

    /// The file's plain text, codes and skeleton.
    mutating func extract() throws(MarkdownError) -> (text: String, codes: [InlineCode], skeleton: Skeleton) {
        let body = String(decoding: bytes[base...], as: UTF8.self)
        let root = try MarkdownParser.parse(body)
        block(root)
        builder.addMarkup(Self.string(bytes[cursor...]))
        return (builder.text, builder.codes, builder.skeleton())
    }

    /// YAML front matter (`---` on the first line, up to a `---` or `...` line) is not text.
    static func frontMatterEnd(_ bytes: [UInt8]) -> Int {
        let lines = LineSplitter.lines(bytes)
        guard let first = lines.first, Self.string(bytes[first.content]) == "---" else { return 0 }
        for line in lines.dropFirst() {
            let content = Self.string(bytes[line.content]).trimmingCharacters(in: [" ", "\t"])
            if content == "---" || content == "..." { return line.next }
        }
        return 0
    }

    private mutating func block(_ node: MarkdownNode) {
        switch node.type {
        case "paragraph", "heading", "table_cell": leaf(node)
        case "code_block", "html_block", "thematic_break": return
        default: for child in node.children { block(child) }
        }
    }

    /// Byte offset of a 1-based line and byte column, clamped to the file.
    private func offset(_ position: MarkdownNode.Position) -> Int {
        guard position.line >= 1 else { return bytes.count }
        guard position.line <= lineStarts.count else { return bytes.count }
        return min(lineStarts[position.line - 1] + max(position.column - 1, 0), bytes.count)
    }

    private mutating func leaf(_ node: MarkdownNode) {
        var lower = max(offset(node.start), cursor)
        if node.type == "heading" { lower = Self.afterATXMarker(bytes, at: lower) }
        while lower < bytes.count, bytes[lower] & 0xC0 == 0x80 { lower += 1 }
        var upper = min(offset(node.end) + 1, bytes.count)
        if upper <= lower { upper = LineSplitter.lineEnd(bytes, from: lower) }
        // cmark's end column may name the first byte of a multi-byte character.
        while upper < bytes.count, bytes[upper] & 0xC0 == 0x80 { upper += 1 }
        var walker = InlineWalker(bytes: bytes, start: lower, limit: upper, nextID: nextID)
        do {
            try walker.walk(node.children)
            nextID = walker.nextID
            let range = walker.contentStart..<walker.cursor
            add(walker.text, codes: walker.codes, range: range, heading: node.type == "heading")
        } catch {
            rawBlocks += 1
            var start = lower, end = upper
            while start < end, Self.isBlank(bytes[start]) { start += 1 }
            while end > start, Self.isBlank(bytes[end - 1]) || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
            let raw = Self.string(bytes[start..<end])
            add(raw, codes: [], range: start..<end, heading: node.type == "heading")
        }
    }

    private mutating func add(_ text: String, codes: [InlineCode], range: Range<Int>, heading: Bool) {
        guard range.lowerBound >= cursor else { return }
        builder.addMarkup(Self.string(bytes[cursor..<range.lowerBound]))
        let original = Self.string(bytes[range])
        if builder.addBlock(text, codes: codes, original: original) != nil, heading, title == nil {
            title = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        cursor = range.upperBound
    }

    /// After `#` to `######` and the blanks behind them (an ATX heading's opening); `start` otherwise.
    static func afterATXMarker(_ bytes: [UInt8], at start: Int) -> Int {
        var index = start
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        let hashes = index
        while index < bytes.count, bytes[index] == UInt8(ascii: "#"), index - hashes < 6 { index += 1 }
        guard index > hashes, index == bytes.count || isBlank(bytes[index]) || bytes[index] == 0x0A || bytes[index] == 0x0D else {
            return start
        }
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        return index
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    static func string(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
}

/// Lines of a byte buffer as CommonMark counts them: ended by LF, CR LF or CR.
enum LineSplitter {
    struct Line {
        let content: Range<Int>
        /// The offset after the line's ending.
        let next: Int
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while start < bytes.count {
            let end = lineEnd(bytes, from: start)
            let next = afterLineEnding(bytes, at: end) ?? end
            lines.append(Line(content: start..<end, next: next))
            start = next
        }
        return lines
    }

    /// The offset of the line ending at or after `start` (or the end of the buffer).
    static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        return index
    }

    /// The offset after a line ending that starts at `index`, or nil when there is none.
    static func afterLineEnding(_ bytes: [UInt8], at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x0A { return index + 1 }
        guard bytes[index] == 0x0D else { return nil }
        return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1
    }
}
