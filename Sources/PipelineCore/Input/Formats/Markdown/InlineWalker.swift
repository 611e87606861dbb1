import Markdown
import Synchronization

/// Lines up the inline nodes of one Markdown block with the bytes of the source, collecting the
/// plain text and the inline codes (offsets into the plain text). Throws when a node does not
/// stand where the source says it must, so the block can be kept as raw text instead.
struct InlineWalker {
    struct Misaligned: Error {}

    let bytes: [UInt8]
    /// The block's inline content ends before this offset.
    let limit: Int
    private(set) var cursor: Int
    /// Where the first inline content stands (after the block's leading blanks).
    private(set) var contentStart: Int
    private(set) var text = ""
    private(set) var codes: [InlineCode] = []
    private(set) var nextID: Int
    private var started = false

    init(bytes: [UInt8], start: Int, limit: Int, nextID: Int) {
        self.bytes = bytes
        self.limit = limit
        self.cursor = start
        self.contentStart = start
        self.nextID = nextID
    }

    mutating func walk(_ nodes: [MarkdownNode]) throws(Misaligned) {
        for node in nodes { try inline(node) }
    }

    // MARK: Nodes

    private mutating func inline(_ node: MarkdownNode) throws(Misaligned) {
        begin()
        switch node.type {
        case "text":
            cursor = try match(Array(node.literal.utf8), at: cursor)
            text += node.literal
        case "softbreak":
            let start = cursor
            try lineBreak()
            let original = string(start..<cursor)
            // A bare line ending is plain text, as before; one with a container's prefix or
            // trailing blanks is a code that carries them, so a translation keeps the block whole.
            if LineSplitter.afterLineEnding(bytes, at: start) != cursor {
                isolated(.lineBreak, original: original, display: "↵", deletable: true)
            }
            text += "\n"
        case "linebreak":
            let start = cursor
            if cursor < limit, bytes[cursor] == UInt8(ascii: "\\") { cursor += 1 }
            try lineBreak()
            isolated(.lineBreak, original: string(start..<cursor), display: "↵", deletable: true)
            text += "\n"
        case "code":
            let end = try codeSpan(at: cursor)
            isolated(.code, original: string(cursor..<end), display: node.literal, deletable: false)
            cursor = end
        case "html_inline":
            let end = try exact(Array(node.literal.utf8), at: cursor)
            isolated(.html, original: string(cursor..<end), display: node.literal, deletable: false)
            cursor = end
        case "emph", "strong", "strikethrough":
            try delimited(node)
        case "link", "image":
            try link(node)
        default:
            // Footnote references and anything else cmark may add: its text, if the source agrees.
            try walk(node.children)
        }
    }

    /// The first content fixes where the block's text starts in the file.
    private mutating func begin() {
        guard !started else { return }
        started = true
        while cursor < limit, MarkdownExtractor.isBlank(bytes[cursor]) { cursor += 1 }
        contentStart = cursor
    }

    /// `*…*`, `**…**`, `_…_`, `~~…~~`: the delimiters as a pair of codes around the children.
    private mutating func delimited(_ node: MarkdownNode) throws(Misaligned) {
        guard cursor < limit else { throw Misaligned() }
        let delimiter = bytes[cursor]
        let allowed: [UInt8] = node.type == "strikethrough" ? [UInt8(ascii: "~")] : [UInt8(ascii: "*"), UInt8(ascii: "_")]
        guard allowed.contains(delimiter) else { throw Misaligned() }
        var count = node.type == "strong" ? 2 : 1
        if node.type == "strikethrough", cursor + 1 < limit, bytes[cursor + 1] == delimiter { count = 2 }
        let marker = [UInt8](repeating: delimiter, count: count)
        let role: InlineCode.Role = switch node.type {
        case "strong": .bold
        case "emph": .italic
        default: .span
        }
        let id = newID()
        let open = try exact(marker, at: cursor)
        let original = string(cursor..<open)
        code(id, .opening, role, original: original, display: original, deletable: true)
        cursor = open
        try walk(node.children)
        let close = try exact(marker, at: cursor)
        code(id, .closing, role, original: original, display: original, deletable: true)
        cursor = close
    }

    /// A link's text or an image's alt text is translatable between `[`/`![` and `](…)`; an
    /// autolink (`<https://…>`, a bare `https://…` or `www.…`) is one protected code.
    private mutating func link(_ node: MarkdownNode) throws(Misaligned) {
        let role: InlineCode.Role = node.type == "image" ? .image : .link
        let opener = node.type == "image" ? Array("![".utf8) : Array("[".utf8)
        guard let end = try? exact(opener, at: cursor) else {
            guard node.type == "link" else { throw Misaligned() }
            let autolinkEnd: Int
            if cursor < limit, bytes[cursor] == UInt8(ascii: "<") {
                var index = cursor + 1
                while index < limit, bytes[index] != UInt8(ascii: ">"), bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                guard index < limit, bytes[index] == UInt8(ascii: ">") else { throw Misaligned() }
                autolinkEnd = index + 1
            } else {
                autolinkEnd = try exact(Array(node.children.map(\.literal).joined().utf8), at: cursor)
            }
            let original = string(cursor..<autolinkEnd)
            isolated(.link, original: original, display: node.children.map(\.literal).joined(), deletable: false)
            cursor = autolinkEnd
            return
        }
        let id = newID()
        code(id, .opening, role, original: String(decoding: opener, as: UTF8.self),
             display: String(decoding: opener, as: UTF8.self), deletable: false)
        cursor = end
        try walk(node.children)
        let tailEnd = try linkTail(at: cursor)
        code(id, .closing, role, original: string(cursor..<tailEnd), display: "](…)", deletable: false)
        cursor = tailEnd
    }

    // MARK: Source measuring

    /// Trailing blanks, a line ending, and the next line's container prefix (`> `, indentation).
    private mutating func lineBreak() throws(Misaligned) {
        while cursor < limit, MarkdownExtractor.isBlank(bytes[cursor]) { cursor += 1 }
        guard let next = LineSplitter.afterLineEnding(bytes, at: cursor), next <= limit else { throw Misaligned() }
        cursor = next
        while cursor < limit, MarkdownExtractor.isBlank(bytes[cursor]) || bytes[cursor] == UInt8(ascii: ">") { cursor += 1 }
    }

    /// A code span: a run of backticks, up to the next run of the same length.
    private func codeSpan(at start: Int) throws(Misaligned) -> Int {
        var index = start
        while index < limit, bytes[index] == UInt8(ascii: "`") { index += 1 }
        let length = index - start
        guard length > 0 else { throw Misaligned() }
        while index < limit {
            guard bytes[index] == UInt8(ascii: "`") else { index += 1; continue }
            let run = index
            while index < limit, bytes[index] == UInt8(ascii: "`") { index += 1 }
            if index - run == length { return index }
        }
        throw Misaligned()
    }

    /// `]` and what follows it: `(destination "title")`, `[label]`, `[]`, or nothing (a shortcut reference).
    private func linkTail(at start: Int) throws(Misaligned) -> Int {
        guard start < limit, bytes[start] == UInt8(ascii: "]") else { throw Misaligned() }
        let after = start + 1
        if after < limit, bytes[after] == UInt8(ascii: "("), let end = inlineDestination(from: after + 1) { return end }
        if after < limit, bytes[after] == UInt8(ascii: "[") {
            var index = after + 1
            while index < limit, index - after <= 1000 {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "["): return after
                case UInt8(ascii: "]"): return index + 1
                default: index += 1
                }
            }
        }
        return after
    }

    /// The end of `destination "title")` after a link's `(`, or nil when it is not one.
    private func inlineDestination(from start: Int) -> Int? {
        var index = skipSpace(from: start)
        if index < limit, bytes[index] == UInt8(ascii: "<") {
            index += 1
            while index < limit, bytes[index] != UInt8(ascii: ">") {
                if bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == UInt8(ascii: "<") { return nil }
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < limit else { return nil }
            index += 1
        } else {
            var depth = 0
            while index < limit, bytes[index] > 0x20 {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                index += 1
            }
        }
        index = skipSpace(from: min(index, limit))
        if index < limit, let closer = [UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "'"): UInt8(ascii: "'"),
                                        UInt8(ascii: "("): UInt8(ascii: ")")][bytes[index]] {
            index += 1
            while index < limit, bytes[index] != closer { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            guard index < limit else { return nil }
            index = skipSpace(from: index + 1)
        }
        guard index < limit, bytes[index] == UInt8(ascii: ")") else { return nil }
        return index + 1
    }

    /// Blanks and at most one line ending with the next line's prefix.
    private func skipSpace(from start: Int) -> Int {
        var index = start
        while index < limit, MarkdownExtractor.isBlank(bytes[index]) { index += 1 }
        if let next = LineSplitter.afterLineEnding(bytes, at: index), next <= limit {
            index = next
            while index < limit, MarkdownExtractor.isBlank(bytes[index]) || bytes[index] == UInt8(ascii: ">") { index += 1 }
        }
        return index
    }

    /// The end of `literal` as the source writes it at `start`: a backslash escape for ASCII
    /// punctuation, an entity or character reference for what it decodes to, NUL for U+FFFD.
    private func match(_ literal: [UInt8], at start: Int) throws(Misaligned) -> Int {
        var source = start
        var index = 0
        while index < literal.count {
            guard source < limit else { throw Misaligned() }
            let byte = bytes[source]
            if byte == UInt8(ascii: "\\"), source + 1 < limit, Self.isASCIIPunctuation(bytes[source + 1]) {
                guard literal[index] == bytes[source + 1] else { throw Misaligned() }
                index += 1
                source += 2
            } else if byte == UInt8(ascii: "&"), let (decoded, length) = reference(at: source) {
                guard literal[index...].starts(with: decoded) else { throw Misaligned() }
                index += decoded.count
                source += length
            } else if byte == 0, literal[index...].starts(with: [0xEF, 0xBF, 0xBD]) {
                index += 3
                source += 1
            } else {
                guard byte == literal[index] else { throw Misaligned() }
                index += 1
                source += 1
            }
        }
        return source
    }

    /// `literal` byte for byte at `start` (delimiters, raw HTML, autolinks).
    private func exact(_ literal: [UInt8], at start: Int) throws(Misaligned) -> Int {
        guard start + literal.count <= limit, bytes[start..<start + literal.count].elementsEqual(literal) else { throw Misaligned() }
        return start + literal.count
    }

    /// An entity (`&auml;`) or character reference (`&#228;`, `&#xE4;`) at `start`: its decoded
    /// bytes and its length in the source, as cmark decodes it.
    private func reference(at start: Int) -> ([UInt8], Int)? {
        var index = start + 1
        while index < limit, index - start <= 40, bytes[index] != UInt8(ascii: ";") {
            let byte = bytes[index]
            let allowed = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "#")
            guard allowed else { return nil }
            index += 1
        }
        guard index < limit, bytes[index] == UInt8(ascii: ";"), index > start + 1 else { return nil }
        let reference = String(decoding: bytes[start...index], as: UTF8.self)
        guard let decoded = ReferenceCache.decode(reference) else { return nil }
        return (Array(decoded.utf8), index + 1 - start)
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    // MARK: Output

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private mutating func newID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    private mutating func isolated(_ role: InlineCode.Role, original: String, display: String, deletable: Bool) {
        code(newID(), .isolated, role, original: original, display: display, deletable: deletable)
    }

    private mutating func code(_ id: Int, _ kind: InlineCode.Kind, _ role: InlineCode.Role, original: String, display: String, deletable: Bool) {
        codes.append(InlineCode(id: id, kind: kind, role: role, offset: text.utf8.count, original: original, display: display,
                                deletable: deletable))
    }
}

/// Decoded entity references, asked of cmark once each: the HTML5 list has over 2,000 names.
enum ReferenceCache {
    private static let cache = Mutex<[String: String?]>([:])

    static func decode(_ reference: String) -> String? {
        if let known = cache.withLock({ $0[reference] }) { return known }
        let decoded = MarkdownParser.decodeReference(reference)
        cache.withLock { if $0.count < 10_000 { $0[reference] = decoded } }
        return decoded
    }
}
