/// A deterministic automaton built ahead of time from an `NFA`: one table lookup per scalar read.
///
/// It answers one question: does the pattern match some stretch of text that starts (forwards) or
/// ends (backwards) exactly at a given position? Reading stops at the first match or when no
/// state is left, so a check costs a few lookups, never a scan of the text.
///
/// Assertions (`\b`, `^`, `$`) depend on the characters on both sides of a position; a state keeps
/// them pending until the next character is known, and remembers the kind of the last one read.
final class DFA: Sendable {
    let alphabet: Alphabet
    /// `table[state * classCount + class]`: next state, with `acceptBit` set when the pattern
    /// matched before reading that class.
    private let table: [UInt16]
    /// Whether the pattern matches when the text (or the reachable stretch) ends in this state.
    private let acceptsAtEnd: [Bool]
    /// Start states by the kind of the character on the other side of the start position.
    private let starts: [UInt16]
    let readsBackwards: Bool
    let dependsOnContext: Bool

    static let acceptBit: UInt16 = 0x8000
    static let stateLimit = 0x7FFF
    static let dead = 0

    enum BuildError: Error { case tooManyStates }

    init(_ nfa: NFA) throws(BuildError) {
        let builder = Builder(nfa: nfa)
        try builder.build()
        alphabet = builder.alphabet
        table = builder.table
        acceptsAtEnd = builder.acceptsAtEnd
        starts = builder.starts
        readsBackwards = nfa.readsBackwards
        dependsOnContext = nfa.hasAssertions
    }

    var stateCount: Int { acceptsAtEnd.count }

    // MARK: matching

    /// Whether the pattern matches text starting at `position` (forward automata) or ending there
    /// (backward automata), reading at most `reach` bytes within `window`.
    func matches(in window: TextWindow, at position: TextPosition, reach: Int) -> Bool {
        readsBackwards ? matchesBackwards(in: window, endingAt: position, reach: reach)
            : matchesForwards(in: window, startingAt: position, reach: reach)
    }

    /// The start state, chosen by the kind of the character on the side not read.
    @inline(__always)
    private func startState(besides kind: Alphabet.Kind) -> Int {
        Int(starts[dependsOnContext ? Int(kind.rawValue) : 0])
    }

    private func matchesForwards(in window: TextWindow, startingAt start: TextPosition, reach: Int) -> Bool {
        let position = start.offset
        var state = startState(besides: start.kindBefore)
        let stride = alphabet.classCount
        let limit = min(window.upper, position + reach)
        var index = position
        while index < limit {
            let byte = window.bytes[index]
            let classIndex: Int
            if byte < 0x80 {
                classIndex = alphabet.asciiClass(byte)
                index += 1
            } else {
                let (scalar, length) = window.decode(at: index)
                classIndex = alphabet.classOf(scalar)
                index += length
            }
            let entry = table[state &* stride &+ classIndex]
            if entry & Self.acceptBit != 0 { return true }
            state = Int(entry)
            if state == Self.dead { return false }
        }
        return index >= window.upper && acceptsAtEnd[state]
    }

    private func matchesBackwards(in window: TextWindow, endingAt end: TextPosition, reach: Int) -> Bool {
        let position = end.offset
        var state = startState(besides: end.kindAfter)
        let stride = alphabet.classCount
        let limit = max(window.lower, position - reach)
        var index = position
        while index > limit {
            let byte = window.bytes[index - 1]
            let classIndex: Int
            if byte < 0x80 {
                classIndex = alphabet.asciiClass(byte)
                index -= 1
            } else {
                let (scalar, length) = window.decode(endingAt: index)
                classIndex = alphabet.classOf(scalar)
                index -= length
            }
            let entry = table[state &* stride &+ classIndex]
            if entry & Self.acceptBit != 0 { return true }
            state = Int(entry)
            if state == Self.dead { return false }
        }
        return index <= window.lower && acceptsAtEnd[state]
    }

    // MARK: construction

    /// Subset construction over all states reachable from the four start contexts.
    private final class Builder {
        let nfa: NFA
        let alphabet: Alphabet
        var table: [UInt16] = []
        var acceptsAtEnd: [Bool] = []
        var starts: [UInt16] = []

        private struct Key: Hashable {
            let states: [Int32]
            /// The kind of the last character read, kept only while assertions are pending.
            let context: UInt8
        }

        private var keys: [Key] = []
        private var index: [Key: Int] = [:]
        private var mark: [Int]
        private var generation = 0

        init(nfa: NFA) {
            self.nfa = nfa
            alphabet = Alphabet(sets: nfa.sets)
            mark = [Int](repeating: -1, count: nfa.states.count)
        }

        func build() throws(BuildError) {
            _ = try intern([], context: .other) // the dead state is number 0
            for kind in Alphabet.Kind.allCases {
                let closure = self.closure(of: [nfa.start], previous: kind, next: nil)
                starts.append(UInt16(try intern(closure, context: kind)))
            }
            var next = 0
            let classCount = alphabet.classCount
            while next < keys.count {
                let key = keys[next]
                let previous = Alphabet.Kind(rawValue: key.context) ?? .other
                let seeds = key.states.map(Int.init)
                var row = [UInt16](repeating: 0, count: classCount)
                for classIndex in 0..<classCount {
                    let kind = alphabet.kinds[classIndex]
                    let resolved = closure(of: seeds, previous: previous, next: kind)
                    var accepts = false
                    var stepped: [Int] = []
                    for state in resolved {
                        switch nfa.states[state] {
                        case .match: accepts = true
                        case .scalar(let set, let target) where alphabet.contains[set][classIndex]: stepped.append(target)
                        default: break
                        }
                    }
                    let target = stepped.isEmpty ? 0 : try intern(closure(of: stepped, previous: kind, next: nil), context: kind)
                    row[classIndex] = UInt16(target) | (accepts ? DFA.acceptBit : 0)
                }
                table.append(contentsOf: row)
                let atEnd = closure(of: seeds, previous: previous, next: .boundary)
                acceptsAtEnd.append(atEnd.contains { if case .match = nfa.states[$0] { true } else { false } })
                next += 1
            }
        }

        private func intern(_ states: [Int], context: Alphabet.Kind) throws(BuildError) -> Int {
            let pending = states.contains { if case .assertion = nfa.states[$0] { true } else { false } }
            let key = Key(states: states.map(Int32.init), context: pending ? context.rawValue : Alphabet.Kind.other.rawValue)
            if let existing = index[key] { return existing }
            guard keys.count < DFA.stateLimit else { throw .tooManyStates }
            keys.append(key)
            index[key] = keys.count - 1
            return keys.count - 1
        }

        /// The states reachable without reading, sorted. Assertions are resolved when both
        /// neighbours are known; with `next == nil` they stay in the set, pending.
        private func closure(of seeds: [Int], previous: Alphabet.Kind, next: Alphabet.Kind?) -> [Int] {
            generation += 1
            var stack = seeds
            var result: [Int] = []
            while let state = stack.popLast() {
                guard mark[state] != generation else { continue }
                mark[state] = generation
                switch nfa.states[state] {
                case .scalar, .match:
                    result.append(state)
                case .split(let a, let b):
                    stack.append(b)
                    stack.append(a)
                case .assertion(let assertion, let target):
                    if let decided = Self.evaluate(assertion, previous: previous, next: next) {
                        if decided { stack.append(target) }
                    } else {
                        result.append(state)
                    }
                case .pending:
                    break
                }
            }
            return result.sorted()
        }

        /// nil when the answer needs the next character and it is not known yet.
        private static func evaluate(_ assertion: RegexAssertion, previous: Alphabet.Kind, next: Alphabet.Kind?) -> Bool? {
            switch assertion {
            case .textStart: return previous == .boundary
            case .lineStart:
                if previous == .carriageReturn { return next.map { $0 != .lineFeed } }
                return previous == .boundary || previous.isLineTerminator
            case .textEnd: return next.map { $0 == .boundary }
            case .lineEnd:
                return next.map { $0 == .boundary || ($0.isLineTerminator && !(previous == .carriageReturn && $0 == .lineFeed)) }
            case .wordBoundary: return next.map { (previous == .word) != ($0 == .word) }
            case .notWordBoundary: return next.map { (previous == .word) == ($0 == .word) }
            }
        }
    }
}
