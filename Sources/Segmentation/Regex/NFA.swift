/// A Thompson automaton for one regex, built to read the text forwards (for `afterbreak`) or
/// backwards from the break position (for `beforebreak`).
struct NFA {
    enum State: Hashable {
        /// Consume one scalar from `sets[set]`.
        case scalar(set: Int, next: Int)
        case split(Int, Int)
        case assertion(RegexAssertion, next: Int)
        case match
        /// A placeholder while a loop is being built.
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

    /// States beyond this mean a pattern (e.g. nested counted repetitions) the automaton should not try.
    static let stateLimit = 100_000

    enum BuildError: Error {
        case needsICU(String)
        case tooLarge
    }

    /// - Parameter approximate: compile lookaround as "always true" and ICU-only constructs by
    ///   their approximation, for analysing where a rule may fire rather than for matching.
    init(_ node: RegexNode, readsBackwards: Bool, approximate: Bool = false) throws(BuildError) {
        self.readsBackwards = readsBackwards
        let match = add(.match)
        start = try compile(node, next: match, approximate: approximate)
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
        if states.count > Self.stateLimit { throw .tooLarge }
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
        case .lookaround:
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
}
