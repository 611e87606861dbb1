/// Limits a pipeline file must keep before it reaches the YAML parser, which has none of its own:
/// aliases used as mapping keys grow ×10 per level (a 1 KB file took minutes), and deep nesting
/// recurses without bound, and collections used as mapping keys are compared with each other at a
/// cost that grows exponentially with their nesting. A pipeline file needs no more than a few
/// aliases, little nesting and plain scalar keys.
struct YAMLBounds {
    static let maximumBytes = 1 << 20
    /// With at most 8 aliases, however they nest, the expanded file is at most about 20 times larger.
    static let maximumAliases = 8
    static let maximumDepth = 64

    enum Violation: Equatable {
        case tooLarge(bytes: Int)
        case tooManyAliases(line: Int, column: Int)
        case tooDeep(line: Int, column: Int)
        case complexKey(line: Int, column: Int)
    }

    /// Scans the text as YAML's tokens go: quoted scalars and comments are skipped, `*name` at the
    /// start of a node is an alias, `? ` an explicit key, `[`/`{` open flow collections (a key when
    /// `:` follows their close), and indentation or `- ` indicators on one line are block depth.
    static func check(_ text: String) -> Violation? {
        let bytes = Array(text.utf8)
        guard bytes.count <= maximumBytes else { return .tooLarge(bytes: bytes.count) }
        var aliases = 0
        var flowDepth = 0
        /// Where each open flow collection began.
        var flowStarts: [(line: Int, column: Int)] = []
        var line = 1
        var lineStart = 0
        var index = 0
        var atLineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            let column = index - lineStart + 1
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = index + 1
                atLineStart = true
                index += 1
                continue
            case UInt8(ascii: " "):
                // Block nesting shows as indentation: two columns per level at the least.
                if atLineStart, column > maximumDepth * 2 { return .tooDeep(line: line, column: column) }
                index += 1
                continue
            case UInt8(ascii: "#") where index == 0 || [0x20, 0x09, 0x0A].contains(bytes[index - 1]):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = startsNode(bytes, at: index) ? endOfQuoted(bytes, from: index, line: &line, lineStart: &lineStart) : index + 1
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                if flowDepth > maximumDepth { return .tooDeep(line: line, column: column) }
                flowStarts.append((line, column))
                index += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowDepth = max(0, flowDepth - 1)
                let start = flowStarts.popLast()
                index += 1
                if let start, isKeyIndicator(bytes, at: index) { return .complexKey(line: start.line, column: start.column) }
            case UInt8(ascii: "?") where startsNode(bytes, at: index) && endsIndicator(bytes, at: index + 1):
                return .complexKey(line: line, column: column)
            case UInt8(ascii: "-") where startsNode(bytes, at: index) && endsIndicator(bytes, at: index + 1):
                if column > maximumDepth * 2 { return .tooDeep(line: line, column: column) }
                index += 1
            case UInt8(ascii: "*") where startsNode(bytes, at: index):
                aliases += 1
                if aliases > maximumAliases { return .tooManyAliases(line: line, column: column) }
                index += 1
            default:
                index += 1
            }
            atLineStart = false
        }
        return nil
    }

    /// Whether a node may begin here (so `*` is an alias and a quote opens a quoted scalar): at the
    /// start of a line, after `[`, `{` or `,`, or after `- `, `? `, `: ` with a space between.
    private static func startsNode(_ bytes: [UInt8], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0, bytes[before] == 0x20 || bytes[before] == 0x09 { before -= 1 }
        guard before >= 0 else { return true }
        switch bytes[before] {
        case UInt8(ascii: "\n"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","): return true
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"): return before < index - 1
        default: return false
        }
    }

    /// Whether an indicator (`-`, `?`) ends before `index`: a space, tab, line break or the end follows.
    private static func endsIndicator(_ bytes: [UInt8], at index: Int) -> Bool {
        index >= bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index])
    }

    /// Whether `:` follows (after spaces) as a mapping indicator, making what came before a key.
    private static func isKeyIndicator(_ bytes: [UInt8], at start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        return index + 1 >= bytes.count || [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")]
            .contains(bytes[index + 1])
    }

    /// The index after a quoted scalar (which may span lines); `''` and `\"` do not end it.
    private static func endOfQuoted(_ bytes: [UInt8], from start: Int, line: inout Int, lineStart: inout Int) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            } else if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                index += 2
                continue
            } else if byte == quote {
                if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return index
    }
}
