/// A deterministic automaton built ahead of time from an `NFA` of one or more patterns: one table
/// lookup per scalar read.
///
/// It answers: which of its patterns match some stretch of text that starts (forwards) or ends
/// (backwards) exactly at a given position? Reading stops as soon as no pattern that has not
/// matched yet can still match, so a check costs a few lookups, never a scan of the text. With all
/// `beforebreak` regexes of a rule set in one automaton, one backward read per position finds every
/// rule whose `beforebreak` matches there.
///
/// Assertions (`\b`, `^`, `$`) depend on the characters on both sides of a position; a state keeps
/// them pending until the next character is known, and remembers the kind of the last one read.
final class DFA: Sendable {
    let alphabet: Alphabet
    /// `table[state * classCount + class]`: the next state in the low 16 bits, and in the high 16
    /// bits the index into `acceptSets` of the patterns that matched before reading that class.
    private let table: [UInt32]
    /// Bit sets of pattern numbers; index 0 is the empty set.
    private let acceptSets: [UInt64]
    /// Per state: the patterns that match where the text (or the reachable stretch) ends.
    private let acceptsAtEnd: [UInt16]
    /// Per state: the patterns that can still match from there.
    private let live: [UInt64]
    /// Start states by the kind of the character on the other side of the start position.
    private let starts: [UInt16]
    let readsBackwards: Bool
    let dependsOnContext: Bool

    enum BuildError: Error {
        /// More states than `RegexBudget.dfaStates`.
        case tooManyStates
        /// Subset construction would visit more NFA states than `RegexBudget.dfaWork`.
        case tooMuchWork
    }

    init(_ nfa: NFA) throws(BuildError) {
        let builder = Builder(nfa: nfa)
        try builder.build()
        alphabet = builder.alphabet
        table = builder.table
        acceptSets = builder.acceptSets
        acceptsAtEnd = builder.acceptsAtEnd
        live = builder.live
        starts = builder.starts
        readsBackwards = nfa.readsBackwards
        dependsOnContext = nfa.hasAssertions
    }

    // MARK: matching

    /// Whether some pattern matches text starting at `position` (forward automata) or ending there
    /// (backward automata), reading at most `reach` bytes within `window`.
    func matches(in window: TextWindow, at position: TextPosition, reach: Int) -> Bool {
        matchingPatterns(in: window, at: position, reach: reach) != 0
    }

    /// The patterns (as bits) that match text starting or ending at `position`.
    func matchingPatterns(in window: TextWindow, at position: TextPosition, reach: Int) -> UInt64 {
        let start = Int(starts[dependsOnContext ? Int((readsBackwards ? position.kindAfter : position.kindBefore).rawValue) : 0])
        return table.withUnsafeBufferPointer { table in
            readsBackwards ? readBackwards(table, window, from: position.offset, state: start, reach: reach)
                : readForwards(table, window, from: position.offset, state: start, reach: reach)
        }
    }

    private func readForwards(_ table: UnsafeBufferPointer<UInt32>, _ window: TextWindow, from position: Int,
                              state initial: Int, reach: Int) -> UInt64 {
        var state = initial
        var found: UInt64 = 0
        let stride = alphabet.classCount
        let limit = min(window.upper, position + reach)
        var index = position
        while live[state] & ~found != 0 {
            guard index < limit else {
                if index >= window.upper { found |= acceptSets[Int(acceptsAtEnd[state])] }
                return found
            }
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
            found |= acceptSets[Int(entry >> 16)]
            state = Int(entry & 0xFFFF)
        }
        return found
    }

    private func readBackwards(_ table: UnsafeBufferPointer<UInt32>, _ window: TextWindow, from position: Int,
                               state initial: Int, reach: Int) -> UInt64 {
        var state = initial
        var found: UInt64 = 0
        let stride = alphabet.classCount
        let limit = max(window.lower, position - reach)
        var index = position
        while live[state] & ~found != 0 {
            guard index > limit else {
                if index <= window.lower { found |= acceptSets[Int(acceptsAtEnd[state])] }
                return found
            }
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
            found |= acceptSets[Int(entry >> 16)]
            state = Int(entry & 0xFFFF)
        }
        return found
    }

    // MARK: construction

    /// Subset construction over all states reachable from the start contexts.
    private final class Builder {
        let nfa: NFA
        let alphabet: Alphabet
        var table: [UInt32] = []
        var acceptSets: [UInt64] = [0]
        var acceptsAtEnd: [UInt16] = []
        var live: [UInt64] = []
        var starts: [UInt16] = []

        private struct Key: Hashable {
            let states: [Int32]
            /// The kind of the last character read, kept only while assertions are pending.
            let context: UInt8
        }

        private var keys: [Key] = []
        private var index: [Key: Int] = [:]
        private var acceptIndex: [UInt64: Int] = [0: 0]
        private let reachable: [UInt64]
        private var mark: [Int]
        private var generation = 0
        /// NFA states visited so far, against `RegexBudget.dfaWork`.
        private var work = 0

        init(nfa: NFA) {
            self.nfa = nfa
            alphabet = Alphabet(sets: nfa.sets)
            reachable = nfa.reachableTags()
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
                var row = [UInt32](repeating: 0, count: classCount)
                for classIndex in 0..<classCount {
                    let kind = alphabet.kinds[classIndex]
                    let resolved = closure(of: seeds, previous: previous, next: kind)
                    work += resolved.count + seeds.count
                    if work > RegexBudget.dfaWork { throw .tooMuchWork }
                    var accepted: UInt64 = 0
                    var stepped: [Int] = []
                    for state in resolved {
                        switch nfa.states[state] {
                        case .match(let tag): accepted |= 1 << UInt64(tag)
                        case .scalar(let set, let target) where alphabet.contains[set][classIndex]: stepped.append(target)
                        default: break
                        }
                    }
                    let target = stepped.isEmpty ? 0 : try intern(closure(of: stepped, previous: kind, next: nil), context: kind)
                    row[classIndex] = UInt32(target) | UInt32(try acceptSet(accepted)) << 16
                }
                table.append(contentsOf: row)
                var atEnd: UInt64 = 0
                for state in closure(of: seeds, previous: previous, next: .boundary) {
                    if case .match(let tag) = nfa.states[state] { atEnd |= 1 << UInt64(tag) }
                }
                acceptsAtEnd.append(UInt16(try acceptSet(atEnd)))
                live.append(seeds.reduce(0) { $0 | reachable[$1] })
                next += 1
            }
        }

        private func acceptSet(_ tags: UInt64) throws(BuildError) -> Int {
            if let known = acceptIndex[tags] { return known }
            // Table entries keep the index in 16 bits.
            guard acceptSets.count <= UInt16.max else { throw .tooManyStates }
            acceptSets.append(tags)
            acceptIndex[tags] = acceptSets.count - 1
            return acceptSets.count - 1
        }

        private func intern(_ states: [Int], context: Alphabet.Kind) throws(BuildError) -> Int {
            let pending = states.contains { if case .assertion = nfa.states[$0] { true } else { false } }
            let key = Key(states: states.map(Int32.init), context: pending ? context.rawValue : Alphabet.Kind.other.rawValue)
            if let existing = index[key] { return existing }
            guard keys.count < RegexBudget.dfaStates else { throw .tooManyStates }
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
