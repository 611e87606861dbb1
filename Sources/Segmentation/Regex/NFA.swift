/// A Thompson automaton for one regex or a union of several, built to read the text forwards (for
/// `afterbreak`) or backwards from the break position (for `beforebreak`). Each pattern of a union
/// has its own match state, tagged with the pattern's number.
struct NFA {
    enum State: Hashable {
        /// Consume one scalar from `sets[set]`.
        case scalar(set: Int, next: Int)
        case split(Int, Int)
        case assertion(RegexAssertion, next: Int)
        /// Pattern number `tag` has matched.
        case match(tag: Int)
        /// A placeholder while a loop is being built; a dead end if left.
        case pending
    }

    private(set) var states: [State] = []
    /// The distinct scalar sets the automaton tests, indexed by `State.scalar(set:)`.
    private(set) var sets: [ScalarSet] = []
    private var setIndex: [ScalarSet: Int] = [:]
    private(set) var start = 0
    let readsBackwards: Bool
    /// Whether any state is an assertion; if not, the characters around the start do not matter.
    private(set) var hasAssertions = false

    /// A union tells its patterns apart by bits of a `UInt64`.
    static let maximumPatterns = 64

    enum BuildError: Error {
        case needsICU(String)
        /// More states than `RegexBudget.nfaStates`.
        case tooLarge
    }

    /// - Parameter approximate: compile lookaround as "always true" and ICU-only constructs by
    ///   their approximation, for analysing where a rule may fire rather than for matching.
    init(_ node: RegexNode, readsBackwards: Bool, approximate: Bool = false) throws(BuildError) {
        self.readsBackwards = readsBackwards
        let match = add(.match(tag: 0))
        start = try compile(node, next: match, approximate: approximate)
    }

    /// The union of up to 64 patterns; pattern `i` matches with tag `i`.
    init(patterns: [RegexNode], readsBackwards: Bool) throws(BuildError) {
        precondition(patterns.count <= Self.maximumPatterns, "a union holds at most 64 patterns")
        self.readsBackwards = readsBackwards
        var starts: [Int] = []
        for (tag, node) in patterns.enumerated() {
            let match = add(.match(tag: tag))
            starts.append(try compile(node, next: match, approximate: false))
        }
        guard var entry = starts.popLast() else {
            start = add(.pending)
            return
        }
        for branch in starts.reversed() { entry = add(.split(branch, entry)) }
        start = entry
    }

    private mutating func add(_ state: State) -> Int {
        states.append(state)
        return states.count - 1
    }

    private mutating func index(of set: ScalarSet) -> Int {
        if let existing = setIndex[set] { return existing }
        sets.append(set)
        setIndex[set] = sets.count - 1
        return sets.count - 1
    }

    private mutating func compile(_ node: RegexNode, next: Int, approximate: Bool) throws(BuildError) -> Int {
        if states.count > RegexBudget.nfaStates { throw .tooLarge }
        switch node {
        case .empty:
            return next
        case .set(let set):
            return add(.scalar(set: index(of: set), next: next))
        case .sequence(let nodes):
            var continuation = next
            // Built from the far end: the last node read is compiled first.
            for item in readsBackwards ? nodes : nodes.reversed() {
                continuation = try compile(item, next: continuation, approximate: approximate)
            }
            return continuation
        case .alternation(let nodes):
            var starts: [Int] = []
            for item in nodes { starts.append(try compile(item, next: next, approximate: approximate)) }
            var entry = starts.removeLast()
            for branch in starts.reversed() { entry = add(.split(branch, entry)) }
            return entry
        case .repetition(let body, let minimum, let maximum):
            var continuation = next
            if let maximum {
                for _ in 0..<(maximum - minimum) {
                    let copy = try compile(body, next: continuation, approximate: approximate)
                    continuation = add(.split(copy, next))
                }
            } else {
                let loop = add(.pending)
                let copy = try compile(body, next: loop, approximate: approximate)
                states[loop] = .split(copy, next)
                continuation = loop
            }
            for _ in 0..<minimum { continuation = try compile(body, next: continuation, approximate: approximate) }
            return continuation
        case .assertion(let assertion):
            hasAssertions = true
            return add(.assertion(readsBackwards ? assertion.mirrored : assertion, next: next))
        case .lookaround, .finalEnd:
            guard approximate else { throw .needsICU(node.icuOnlyReason ?? "lookaround") }
            return next
        case .icuOnly(let reason, let approximation):
            guard approximate else { throw .needsICU(reason) }
            return try compile(approximation, next: next, approximate: approximate)
        }
    }

    /// What a first step can consume, and whether the pattern can match without consuming
    /// anything — with every assertion taken as true. Used to find positions where a rule may fire.
    func leadingScalars() -> (sets: [ScalarSet], nullable: Bool) {
        var seen = Set<Int>()
        var stack = [start]
        var found: [ScalarSet] = []
        var nullable = false
        while let state = stack.popLast() {
            guard seen.insert(state).inserted else { continue }
            switch states[state] {
            case .scalar(let set, _): found.append(sets[set])
            case .split(let a, let b): stack.append(contentsOf: [a, b])
            case .assertion(_, let next): stack.append(next)
            case .match: nullable = true
            case .pending: break
            }
        }
        return (found, nullable)
    }

    /// For each state, the tags of the match states it can still reach, as a bit set.
    func reachableTags() -> [UInt64] {
        var tags = [UInt64](repeating: 0, count: states.count)
        var changed = true
        while changed {
            changed = false
            for index in states.indices {
                let reached: UInt64
                switch states[index] {
                case .match(let tag): reached = 1 << UInt64(tag)
                case .scalar(_, let next), .assertion(_, let next): reached = tags[next]
                case .split(let a, let b): reached = tags[a] | tags[b]
                case .pending: reached = 0
                }
                if tags[index] | reached != tags[index] {
                    tags[index] |= reached
                    changed = true
                }
            }
        }
        return tags
    }
}
