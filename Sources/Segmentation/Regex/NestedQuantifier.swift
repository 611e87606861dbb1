/// Finds a repeated group that holds a variable quantifier itself — `(a+)+`, `(?:\w*\s?){2,}` —
/// the shape on which a backtracking matcher such as ICU takes time exponential in the text. It
/// reads the raw pattern, so it works for any regex ICU accepts, also for syntax our parser does
/// not model. Rules that ICU has to run are refused when they have this shape.
struct NestedQuantifier {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// Open groups: where each starts, and whether it holds a variable quantifier so far.
    private var groups: [(start: Int, holdsQuantifier: Bool)] = []
    /// The group that closed just before `index`, if the last atom was one.
    private var closed: (start: Int, holdsQuantifier: Bool)?

    /// The first repeated group that holds a quantifier, as written in the pattern, or nil.
    static func find(in pattern: String) -> String? {
        var scanner = NestedQuantifier(scalars: Array(pattern.unicodeScalars))
        return scanner.scan()
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private func at(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func scan() -> String? {
        while let scalar = at(0) {
            if let quantifier = quantifier() {
                if quantifier.repeats, let group = closed, group.holdsQuantifier {
                    return String(String.UnicodeScalarView(scalars[group.start..<index]))
                }
                if quantifier.varies || closed?.holdsQuantifier == true, !groups.isEmpty {
                    groups[groups.count - 1].holdsQuantifier = true
                }
                closed = nil
                continue
            }
            if let group = closed, group.holdsQuantifier, !groups.isEmpty { groups[groups.count - 1].holdsQuantifier = true }
            closed = nil
            switch scalar {
            case "\\": skipEscape()
            case "[": skipClass()
            case "(": openGroup()
            case ")":
                index += 1
                closed = groups.popLast()
            default: index += 1
            }
        }
        return nil
    }

    /// Reads a quantifier at `index`, with its lazy or possessive suffix: whether it can repeat
    /// (more than once) and whether its count varies.
    private mutating func quantifier() -> (repeats: Bool, varies: Bool)? {
        let result: (Bool, Bool)
        switch at(0) {
        case "*", "+": index += 1; result = (true, true)
        case "?": index += 1; result = (false, true)
        case "{":
            var offset = 1
            var numbers: [Int?] = [nil]
            while let next = at(offset), next != "}" {
                if next == "," {
                    numbers.append(nil)
                } else if ("0"..."9").contains(next) {
                    numbers[numbers.count - 1] = min((numbers[numbers.count - 1] ?? 0) * 10 + Int(next.value - 0x30), 1_000_000)
                } else {
                    return nil
                }
                offset += 1
            }
            guard at(offset) == "}", let low = numbers[0], numbers.count <= 2 else { return nil }
            index += offset + 1
            let high = numbers.count == 2 ? numbers[1] : low
            result = ((high ?? Int.max) > 1, high != low)
        default: return nil
        }
        if at(0) == "?" || at(0) == "+" { index += 1 }
        return result
    }

    private mutating func openGroup() {
        index += 1
        guard at(0) == "?" else {
            groups.append((index - 1, false))
            return
        }
        let start = index - 1
        switch at(1) {
        case ":", "=", "!", ">": index += 2
        case "<" where at(2) == "=" || at(2) == "!": index += 3
        case "<": skip(past: ">")
        case "#":
            skip(past: ")")
            return
        default:
            // Flags: `(?i)` changes the enclosing group, `(?i:…)` opens one.
            while let next = at(0), next != ")", next != ":" { index += 1 }
            let opens = at(0) == ":"
            index += 1
            if !opens { return }
        }
        groups.append((start, false))
    }

    private mutating func skip(past end: Unicode.Scalar) {
        while let next = at(0), next != end { index += 1 }
        index += 1
    }

    private mutating func skipEscape() {
        switch at(1) {
        case "Q":
            index += 2
            while let next = at(0), !(next == "\\" && at(1) == "E") { index += 1 }
            index += 2
        case "p", "P", "x", "N":
            if at(2) == "{" { skip(past: "}") } else { index += 2 }
        case "k":
            if at(2) == "<" { skip(past: ">") } else { index += 2 }
        default: index += 2
        }
    }

    private mutating func skipClass() {
        index += 1
        var depth = 1
        while let next = at(0), depth > 0 {
            switch next {
            case "\\": skipEscape()
            case "[": depth += 1; index += 1
            case "]": depth -= 1; index += 1
            default: index += 1
            }
        }
    }
}
