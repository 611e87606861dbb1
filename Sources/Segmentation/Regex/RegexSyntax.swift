/// A rule regex parsed into a tree, in the ICU dialect that SRX 2.0 prescribes.
///
/// The tree keeps constructs the automaton cannot run (lookaround, atomic groups, possessive
/// quantifiers, backreferences) so that a rule using them can still be analysed for where it may
/// fire; such a rule is then run by ICU itself (`NSRegularExpression`).
indirect enum RegexNode: Hashable, Sendable {
    case empty
    case set(ScalarSet)
    case sequence([RegexNode])
    case alternation([RegexNode])
    /// Greedy and lazy repetition are the same for "does it match here".
    case repetition(RegexNode, min: Int, max: Int?)
    case assertion(RegexAssertion)
    /// ICU's `$` without `(?m)`, and `\Z`: the end of the text, or just before a line terminator
    /// that ends it. At the end of a pattern it becomes an alternation the automaton runs
    /// (`resolvingFinalEnds`); elsewhere it needs to see past what the pattern reads, so ICU runs it.
    case finalEnd
    case lookaround(ahead: Bool, negative: Bool, RegexNode)
    /// A construct only ICU runs, with a node that matches at least everything it does, for analysis.
    case icuOnly(reason: String, approximation: RegexNode)

    /// Whether the automaton can run this tree exactly.
    var isAutomatonCompatible: Bool {
        switch self {
        case .empty, .set, .assertion: true
        case .sequence(let nodes), .alternation(let nodes): nodes.allSatisfy(\.isAutomatonCompatible)
        case .repetition(let node, _, _): node.isAutomatonCompatible
        case .finalEnd, .lookaround, .icuOnly: false
        }
    }

    /// The first construct the automaton cannot run, for diagnostics.
    var icuOnlyReason: String? {
        switch self {
        case .empty, .set, .assertion: nil
        case .sequence(let nodes), .alternation(let nodes): nodes.lazy.compactMap(\.icuOnlyReason).first
        case .repetition(let node, _, _): node.icuOnlyReason
        case .finalEnd: "'$' or '\\Z' with more pattern after it"
        case .lookaround(let ahead, let negative, _):
            "\(negative ? "negative " : "")look\(ahead ? "ahead" : "behind")"
        case .icuOnly(let reason, _): reason
        }
    }
}

extension RegexNode {
    /// Replaces each `.finalEnd` that ends the pattern by what it means there: the text ends, or one
    /// line terminator (CR LF counts as one) remains and then the text ends. Nothing after it in the
    /// pattern reads that terminator, so reading it decides nothing but whether the text ends.
    func resolvingFinalEnds(atEnd: Bool = true) -> RegexNode {
        switch self {
        case .finalEnd:
            guard atEnd else { return self }
            let terminator = RegexNode.alternation([
                .sequence([.set(.scalar(0x0D)), .set(.scalar(0x0A))]), .set(.lineTerminator),
            ])
            // `(?m:$)` first: it fails between the CR and LF of a final CR LF, as ICU's `$` does.
            return .alternation([.assertion(.textEnd), .sequence([.assertion(.lineEnd), terminator, .assertion(.textEnd)])])
        case .sequence(let nodes):
            return .sequence(nodes.enumerated().map { $1.resolvingFinalEnds(atEnd: atEnd && $0 == nodes.count - 1) })
        case .alternation(let nodes):
            return .alternation(nodes.map { $0.resolvingFinalEnds(atEnd: atEnd) })
        case .repetition(let node, let minimum, let maximum):
            // Only a body that cannot repeat ends the pattern when the repetition does.
            return .repetition(node.resolvingFinalEnds(atEnd: atEnd && maximum == 1), min: minimum, max: maximum)
        case .empty, .set, .assertion, .lookaround, .icuOnly:
            return self
        }
    }

    /// How many NFA states the tree compiles to (an upper bound, saturating), reckoned before any
    /// is built: counted repetitions multiply, and nested ones multiply fast.
    var estimatedStates: Int {
        switch self {
        case .empty, .lookaround: return 0
        case .set, .assertion, .finalEnd: return 1
        case .sequence(let nodes): return nodes.reduce(0) { Self.saturatingAdd($0, $1.estimatedStates) }
        case .alternation(let nodes):
            return nodes.reduce(nodes.count - 1) { Self.saturatingAdd($0, $1.estimatedStates) }
        case .repetition(let node, let minimum, let maximum):
            // Each copy of the body, plus a split per optional copy or for the loop.
            let copies = maximum ?? (minimum + 1)
            let (body, overflow) = node.estimatedStates.multipliedReportingOverflow(by: max(copies, 1))
            return overflow ? Int.max : Self.saturatingAdd(body, copies - minimum + 1)
        case .icuOnly(_, let approximation): return approximation.estimatedStates
        }
    }

    private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}

/// Zero-width conditions on the characters either side of a position.
enum RegexAssertion: Hashable, Sendable {
    case textStart, textEnd, lineStart, lineEnd, wordBoundary, notWordBoundary

    /// The same condition seen by a matcher that reads the text backwards.
    var mirrored: RegexAssertion {
        switch self {
        case .textStart: .textEnd
        case .textEnd: .textStart
        case .lineStart: .lineEnd
        case .lineEnd: .lineStart
        case .wordBoundary, .notWordBoundary: self
        }
    }
}

struct RegexSyntaxError: Error, Equatable {
    let message: String
    /// Offset in scalars into the pattern.
    let offset: Int
}

/// A recursive-descent parser for the ICU regex syntax used in SRX rules. It is strict: anything it
/// does not understand exactly is an error, and the caller then leaves the pattern to ICU.
struct RegexParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    private struct Flags {
        var caseInsensitive = false
        var multiline = false
        var dotAll = false
        var extended = false
    }

    static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(scalars: Array(pattern.unicodeScalars))
        var flags = Flags()
        let node = try parser.parseAlternation(&flags)
        if parser.index < parser.scalars.count { throw parser.error("unbalanced ')'") }
        return node.resolvingFinalEnds()
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private func error(_ message: String) -> RegexSyntaxError {
        RegexSyntaxError(message: message, offset: index)
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard current == scalar else { return false }
        index += 1
        return true
    }

    // MARK: structure

    private mutating func parseAlternation(_ flags: inout Flags) throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseSequence(&flags)]
        while take("|") { branches.append(try parseSequence(&flags)) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence(_ flags: inout Flags) throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            if flags.extended, skipExtendedWhitespace() { continue }
            guard let atom = try parseAtom(&flags) else { continue }
            items.append(try parseQuantifiers(on: atom, flags))
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .sequence(items)
        }
    }

    /// In `(?x)` mode whitespace and `#` comments between atoms mean nothing.
    private mutating func skipExtendedWhitespace() -> Bool {
        guard let scalar = current else { return false }
        if scalar.properties.isWhitespace {
            index += 1
            return true
        }
        if scalar == "#" {
            while let next = current, next != "\n" { index += 1 }
            return true
        }
        return false
    }

    private mutating func parseQuantifiers(on atom: RegexNode, _ flags: Flags) throws(RegexSyntaxError) -> RegexNode {
        var node = atom
        while let scalar = current {
            if flags.extended, skipExtendedWhitespace() { continue }
            let bounds: (Int, Int?)
            switch scalar {
            case "*": index += 1; bounds = (0, nil)
            case "+": index += 1; bounds = (1, nil)
            case "?": index += 1; bounds = (0, 1)
            case "{":
                guard let counted = try parseCountedBounds() else { return node }
                bounds = counted
            default: return node
            }
            if case .assertion = node { throw error("a quantifier cannot follow an anchor") }
            if take("+") {
                node = .icuOnly(reason: "possessive quantifier", approximation: .repetition(node, min: bounds.0, max: bounds.1))
            } else {
                _ = take("?") // lazy: the same language
                node = .repetition(node, min: bounds.0, max: bounds.1)
            }
        }
        return node
    }

    /// `{n}`, `{n,}`, `{n,m}`; anything else after `{` is not a quantifier.
    private mutating func parseCountedBounds() throws(RegexSyntaxError) -> (Int, Int?)? {
        let start = index
        index += 1
        guard let low = parseDecimal() else {
            index = start
            throw error("'{' must start a counted repetition such as {2,5}")
        }
        var high: Int? = low
        if take(",") { high = parseDecimal() }
        guard take("}") else {
            index = start
            throw error("unterminated counted repetition")
        }
        if let high, high < low { throw error("{\(low),\(high)}: the maximum is below the minimum") }
        return (low, high)
    }

    private mutating func parseDecimal() -> Int? {
        var value: Int?
        while let scalar = current, ("0"..."9").contains(scalar), (value ?? 0) < 1_000_000 {
            value = (value ?? 0) * 10 + Int(scalar.value - 0x30)
            index += 1
        }
        return value
    }

    /// One atom, or nil for a construct that only changes flags or is a comment.
    private mutating func parseAtom(_ flags: inout Flags) throws(RegexSyntaxError) -> RegexNode? {
        guard let scalar = current else { return nil }
        switch scalar {
        case "(":
            return try parseGroup(&flags)
        case "[":
            index += 1
            return .set(try finish(parseClassBody(flags), flags))
        case ".":
            index += 1
            // In dot-all mode ICU's dot takes CR LF as one character.
            guard flags.dotAll else { return .set(.complement(.lineTerminator)) }
            return .alternation([.sequence([.set(.scalar(0x0D)), .set(.scalar(0x0A))]), .set(.all)])
        case "^":
            index += 1
            return .assertion(flags.multiline ? .lineStart : .textStart)
        case "$":
            index += 1
            return flags.multiline ? .assertion(.lineEnd) : .finalEnd
        case "\\":
            return try parseEscape(flags)
        case "*", "+", "?", "{":
            throw error("quantifier '\(scalar)' has nothing to repeat")
        default:
            index += 1
            return .set(finish(.scalar(scalar.value), flags))
        }
    }

    private func finish(_ set: ScalarSet, _ flags: Flags) -> ScalarSet {
        flags.caseInsensitive ? set.caseInsensitive() : set
    }

    private mutating func parseGroup(_ flags: inout Flags) throws(RegexSyntaxError) -> RegexNode? {
        index += 1 // "("
        var inner = flags
        var wrap: (RegexNode) -> RegexNode = { $0 }
        if take("?") {
            switch current {
            case ":":
                index += 1
            case "=", "!":
                let negative = current == "!"
                index += 1
                wrap = { .lookaround(ahead: true, negative: negative, $0) }
            case ">":
                index += 1
                wrap = { .icuOnly(reason: "atomic group", approximation: $0) }
            case "#":
                while let next = current, next != ")" { index += 1 }
                guard take(")") else { throw error("unterminated comment") }
                return nil
            case "<":
                index += 1
                if current == "=" || current == "!" {
                    let negative = current == "!"
                    index += 1
                    wrap = { .lookaround(ahead: false, negative: negative, $0) }
                } else {
                    try skipGroupName()
                }
            default:
                // Flag groups: (?i) (?im-sx) (?i:...)
                var on = true
                var sawFlag = false
                while let flag = current, flag != ")", flag != ":" {
                    switch flag {
                    case "-": on = false
                    case "i": inner.caseInsensitive = on
                    case "m": inner.multiline = on
                    case "s": inner.dotAll = on
                    case "x": inner.extended = on
                    default: throw error("flag '\(flag)' is left to ICU")
                    }
                    sawFlag = true
                    index += 1
                }
                guard sawFlag else { throw error("unknown group syntax '(?'") }
                if take(")") {
                    flags = inner // applies to the rest of the enclosing group
                    return nil
                }
                guard take(":") else { throw error("unterminated flag group") }
            }
        }
        let body = try parseAlternation(&inner)
        guard take(")") else { throw error("missing ')'") }
        return wrap(body)
    }

    private mutating func skipGroupName() throws(RegexSyntaxError) {
        while let scalar = current, scalar != ">" {
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else {
                throw error("invalid group name")
            }
            index += 1
        }
        guard take(">") else { throw error("unterminated group name") }
    }

    // MARK: escapes

    private mutating func parseEscape(_ flags: Flags) throws(RegexSyntaxError) -> RegexNode {
        index += 1 // "\"
        guard let scalar = current else { throw error("pattern ends with '\\'") }
        switch scalar {
        case "b": index += 1; return .assertion(.wordBoundary)
        case "B": index += 1; return .assertion(.notWordBoundary)
        case "A": index += 1; return .assertion(.textStart)
        case "z": index += 1; return .assertion(.textEnd)
        case "Z": index += 1; return .finalEnd
        case "Q":
            index += 1
            var items: [RegexNode] = []
            while let next = current {
                if next == "\\", peek(1) == "E" {
                    index += 2
                    break
                }
                items.append(.set(finish(.scalar(next.value), flags)))
                index += 1
            }
            return items.isEmpty ? .empty : .sequence(items)
        case "1"..."9":
            while let digit = current, ("0"..."9").contains(digit) { index += 1 }
            return Self.backreference
        case "k":
            index += 1
            guard take("<") else { throw error("\\k must be followed by <name>") }
            try skipGroupName()
            return Self.backreference
        default:
            return .set(finish(try parseEscapedSet(), flags))
        }
    }

    /// A backreference matches what its group matched: only ICU can run it; any text stands for it
    /// in the analysis of where the rule may fire.
    private static let backreference = RegexNode.icuOnly(reason: "backreference", approximation: .repetition(.set(.all), min: 0, max: nil))

    /// An escape that stands for a set of scalars (valid both inside and outside brackets).
    private mutating func parseEscapedSet() throws(RegexSyntaxError) -> ScalarSet {
        guard let scalar = current else { throw error("pattern ends with '\\'") }
        index += 1
        switch scalar {
        case "d": return .digit
        case "D": return .complement(.digit)
        case "s": return .whitespace
        case "S": return .complement(.whitespace)
        case "w": return .word
        case "W": return .complement(.word)
        case "p", "P":
            let set = try parsePropertyName()
            return scalar == "p" ? set : .complement(set)
        case "t": return .scalar(0x09)
        case "n": return .scalar(0x0A)
        case "r": return .scalar(0x0D)
        case "f": return .scalar(0x0C)
        case "a": return .scalar(0x07)
        case "e": return .scalar(0x1B)
        case "x":
            if take("{") {
                guard let value = parseHex(maxDigits: 8), take("}") else { throw error("bad \\x{…} escape") }
                return try checkedScalar(value)
            }
            guard let value = parseHex(maxDigits: 2, exactly: true) else { throw error("bad \\x escape") }
            return try checkedScalar(value)
        case "u":
            guard let value = parseHex(maxDigits: 4, exactly: true) else { throw error("bad \\u escape") }
            return try checkedScalar(value)
        case "U":
            guard let value = parseHex(maxDigits: 8, exactly: true) else { throw error("bad \\U escape") }
            return try checkedScalar(value)
        case "0":
            var value: UInt32 = 0
            var digits = 0
            while digits < 3, let next = current, ("0"..."7").contains(next) {
                value = value * 8 + (next.value - 0x30)
                index += 1
                digits += 1
            }
            return .scalar(value)
        case "c":
            guard let next = current, next.isASCII else { throw error("bad \\c escape") }
            index += 1
            return .scalar(next.value ^ 0x40)
        default:
            // Escaped punctuation and symbols stand for themselves; escaped letters and digits
            // not handled above mean something to ICU we do not model.
            guard !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) else {
                index -= 1
                throw error("escape '\\\(scalar)' is left to ICU")
            }
            return .scalar(scalar.value)
        }
    }

    private func checkedScalar(_ value: UInt32) throws(RegexSyntaxError) -> ScalarSet {
        guard Unicode.Scalar(value) != nil else { throw error("U+\(String(value, radix: 16)) is not a scalar") }
        return .scalar(value)
    }

    private mutating func parseHex(maxDigits: Int, exactly: Bool = false) -> UInt32? {
        var value: UInt32 = 0
        var digits = 0
        while digits < maxDigits, let next = current, let digit = UInt32(String(next), radix: 16), next.isASCII {
            value = value * 16 + digit
            index += 1
            digits += 1
        }
        if digits == 0 || (exactly && digits != maxDigits) { return nil }
        return value
    }

    private mutating func parsePropertyName() throws(RegexSyntaxError) -> ScalarSet {
        var name = ""
        if take("{") {
            while let next = current, next != "}" {
                name.unicodeScalars.append(next)
                index += 1
            }
            guard take("}") else { throw error("unterminated \\p{…}") }
        } else if let next = current {
            name = String(next)
            index += 1
        }
        var negate = false
        if name.hasPrefix("^") {
            negate = true
            name.removeFirst()
        }
        let set: ScalarSet
        if let mask = GeneralCategoryIndex.mask(named: name) {
            set = .categories(mask)
        } else if ["alphabetic", "alpha"].contains(name.lowercased()) {
            set = .alphabetic
        } else {
            throw error("property '\(name)' is left to ICU")
        }
        return negate ? .complement(set) : set
    }

    // MARK: bracket classes

    /// Parses after `[` up to and including the matching `]`.
    private mutating func parseClassBody(_ flags: Flags) throws(RegexSyntaxError) -> ScalarSet {
        let negated = take("^")
        if current == "]" { throw error("'[]' and '[^]' are left to ICU") }
        var operands: [ScalarSet] = [] // terms of the current union
        var intersections: [ScalarSet] = []
        var ranges: [ClosedRange<UInt32>] = []

        func flushUnion() -> ScalarSet {
            var parts = operands
            if !ranges.isEmpty { parts.append(ScalarSet.normalized(ranges)) }
            operands = []
            ranges = []
            return parts.count == 1 ? parts[0] : .union(parts)
        }

        while true {
            guard let scalar = current else { throw error("missing ']'") }
            if scalar == "]" {
                index += 1
                break
            }
            if scalar == "&", peek(1) == "&" {
                index += 2
                intersections.append(flushUnion())
                continue
            }
            if scalar == "[" {
                if peek(1) == ":" { throw error("POSIX classes are left to ICU") }
                index += 1
                operands.append(try parseClassBody(flags))
                continue
            }
            if scalar == "-", peek(1) == "-" { throw error("set difference '--' is left to ICU") }
            let low: UInt32
            if scalar == "\\" {
                index += 1
                let escaped = try parseClassEscape()
                guard case .ranges(let single) = escaped, single.count == 1, single[0].count == 1 else {
                    operands.append(escaped)
                    continue
                }
                low = single[0].lowerBound
            } else {
                index += 1
                low = scalar.value
            }
            // A range a-z, unless '-' is the last character before ']'.
            if current == "-", let after = peek(1), after != "]" {
                index += 1
                let high: UInt32
                if after == "\\" {
                    index += 1
                    guard case .ranges(let single) = try parseClassEscape(), single.count == 1, single[0].count == 1 else {
                        throw error("a range must end in a single character")
                    }
                    high = single[0].lowerBound
                } else if after == "[" {
                    throw error("a range must end in a single character")
                } else {
                    index += 1
                    high = after.value
                }
                guard low <= high else { throw error("range out of order") }
                ranges.append(low...high)
            } else {
                ranges.append(low...low)
            }
        }
        var result = flushUnion()
        for operand in intersections.reversed() { result = .intersection(operand, result) }
        return negated ? .complement(result) : result
    }

    private mutating func parseClassEscape() throws(RegexSyntaxError) -> ScalarSet {
        guard let scalar = current else { throw error("pattern ends with '\\'") }
        if scalar == "b" { throw error("\\b inside a class is left to ICU") }
        if scalar == "Q" { throw error("\\Q inside a class is left to ICU") }
        return try parseEscapedSet()
    }
}
