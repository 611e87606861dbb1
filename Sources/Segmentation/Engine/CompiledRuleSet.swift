/// SRX rules in file order, compiled. At each position the first rule whose `beforebreak` matches
/// the text ending there and whose `afterbreak` matches the text starting there decides: break or
/// no break. Where no rule matches, the text does not break.
///
/// Three things keep this fast:
/// - Only positions where some break rule can fire are examined: the scan tests each byte against
///   a table of the characters break rules can end (or start) with, so text without sentence
///   punctuation costs one table lookup per byte.
/// - All `beforebreak` regexes (64 to an automaton) are read backwards together, once per
///   position, giving every rule whose `beforebreak` matches there.
/// - Only those rules' `afterbreak` automata run, in rule order, until one decides.
struct CompiledRuleSet: Sendable {
    struct Rule: Sendable {
        let isBreak: Bool
        let before: RulePattern
        let after: RulePattern
    }

    let rules: [Rule]
    /// Where each rule's `beforebreak` is tested.
    private let beforeSlots: [BeforeSlot]
    /// The union automata holding the `beforebreak` regexes.
    private let beforeGroups: [DFA]
    /// Each rule's `afterbreak` matcher (shared between rules with the same regex).
    private let afterMatchers: [PatternMatcher]
    /// Scalars that may end the `beforebreak` of a break rule, i.e. sit just before a break.
    private let endFilter: ScalarFilter
    /// Scalars that may start the `afterbreak` of a break rule whose `beforebreak` can be empty.
    private let startFilter: ScalarFilter
    /// A break rule matches without reading anything on either side: every position is a candidate.
    private let everyPosition: Bool

    private enum BeforeSlot: Sendable {
        /// Bit `bit` of the answer of `beforeGroups[group]`.
        case automaton(group: Int, bit: Int)
        case icu(ICUPattern)
    }

    init(rules: [Rule]) {
        self.rules = rules
        (beforeGroups, beforeSlots) = Self.compileBefores(rules.map(\.before))

        var matchers: [String: PatternMatcher] = [:]
        afterMatchers = rules.map { rule in
            if let known = matchers[rule.after.source] { return known }
            let made = rule.after.matcher()
            matchers[rule.after.source] = made
            return made
        }

        var endSets: [ScalarSet] = []
        var startSets: [ScalarSet] = []
        var everyPosition = false
        for rule in rules where rule.isBreak {
            if !rule.before.nullable {
                endSets += rule.before.leadingSets
            } else if !rule.after.nullable {
                startSets += rule.after.leadingSets
            } else {
                everyPosition = true
            }
        }
        endFilter = ScalarFilter(endSets, flagsLastByte: true)
        startFilter = ScalarFilter(startSets, flagsLastByte: false)
        self.everyPosition = everyPosition
    }

    /// Puts the automaton-ready `beforebreak` regexes into union automata of up to 64, halving a
    /// group whose automaton would grow too large; a regex alone uses its own automaton, which
    /// `RulePattern` built within the budget.
    private static func compileBefores(_ patterns: [RulePattern]) -> ([DFA], [BeforeSlot]) {
        var groups: [DFA] = []
        // A pattern without a tree is never empty, so it has an ICU form.
        var slots: [BeforeSlot?] = patterns.map { $0.tree == nil ? .icu($0.icu!) : nil }
        var pending: [[Int]] = []
        let ready = patterns.indices.filter { patterns[$0].tree != nil }
        for start in stride(from: 0, to: ready.count, by: NFA.maximumPatterns) {
            pending.append(Array(ready[start..<min(start + NFA.maximumPatterns, ready.count)]))
        }
        while let members = pending.popLast() {
            if members.count == 1, let own = patterns[members[0]].automaton {
                slots[members[0]] = .automaton(group: groups.count, bit: 0)
                groups.append(own)
                continue
            }
            let trees = members.map { patterns[$0].tree! }
            if let nfa = try? NFA(patterns: trees, readsBackwards: true), let dfa = try? DFA(nfa) {
                for (bit, rule) in members.enumerated() { slots[rule] = .automaton(group: groups.count, bit: bit) }
                groups.append(dfa)
            } else {
                pending.append(Array(members[(members.count / 2)...]))
                pending.append(Array(members[..<(members.count / 2)]))
            }
        }
        return (groups, slots.map { $0! })
    }

    /// Whether every rule runs on automata (none needs ICU).
    var runsOnAutomatonOnly: Bool {
        beforeSlots.allSatisfy { if case .automaton = $0 { true } else { false } } && afterMatchers.allSatisfy(\.runsOnAutomaton)
    }

    /// Appends the break positions strictly inside the window, ascending.
    func breaks(in window: TextWindow, into result: inout [Int]) {
        guard window.upper - window.lower > 1, !rules.isEmpty else { return }
        var icu: ICUText?
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: beforeGroups.count) { answers in
            scan(window, answers, &icu, into: &result)
        }
    }

    private func scan(_ window: TextWindow, _ answers: UnsafeMutableBufferPointer<UInt64>, _ icu: inout ICUText?,
                      into result: inout [Int]) {
        let bytes = window.bytes
        let checkStarts = !startFilter.isEmpty
        let last = window.upper - 1
        endFilter.byteTable.withUnsafeBufferPointer { endTable in
            startFilter.byteTable.withUnsafeBufferPointer { startTable in
                var index = window.lower
                while index < last {
                    let byte = bytes[index]
                    let position = index + 1
                    index += 1
                    let endHit = endTable[Int(byte)]
                    let startHit = checkStarts && startTable[Int(bytes[position])]
                    guard everyPosition || endHit || startHit else { continue }
                    guard UTF8Decoding.isBoundary(bytes, position, upper: window.upper) else { continue }
                    let certain = everyPosition || (endHit && byte < 0x80) || (startHit && bytes[position] < 0x80)
                    if !certain, !isCandidate(window, position) { continue }
                    if decides(window, window.position(position), answers, &icu) { result.append(position) }
                }
            }
        }
    }

    /// The exact test behind the byte tables, which only approximate non-ASCII scalars.
    private func isCandidate(_ window: TextWindow, _ position: Int) -> Bool {
        let before = window.decode(endingAt: position).0
        if endFilter.contains(before) { return true }
        guard !startFilter.isEmpty else { return false }
        return startFilter.contains(window.decode(at: position).0)
    }

    /// The first rule whose two sides match decides; the union automata answer for all
    /// `beforebreak` regexes at once.
    private func decides(_ window: TextWindow, _ position: TextPosition, _ answers: UnsafeMutableBufferPointer<UInt64>,
                         _ icu: inout ICUText?) -> Bool {
        for group in beforeGroups.indices {
            answers[group] = beforeGroups[group].matchingPatterns(in: window, at: position, reach: RulePattern.reach)
        }
        for index in rules.indices {
            switch beforeSlots[index] {
            case .automaton(let group, let bit):
                guard answers[group] & (1 << UInt64(bit)) != 0 else { continue }
            case .icu(let pattern):
                if icu == nil { icu = ICUText(window) }
                guard pattern.matches(in: icu!, at: position.offset, reach: RulePattern.reach) else { continue }
            }
            if afterMatchers[index].matches(in: window, at: position, icu: &icu) { return rules[index].isBreak }
        }
        return false
    }
}

/// A quick membership test for scalars by one of their UTF-8 bytes, with an exact check behind it.
struct ScalarFilter: Sendable {
    /// Exact for ASCII bytes; for the others, set when some non-ASCII scalar may belong.
    let byteTable: [Bool]
    /// Exact answers for U+0000–U+07FF, where umlauts and most punctuation live.
    private let lowTable: [Bool]
    private let sets: [ScalarSet]

    /// - Parameter flagsLastByte: index non-ASCII scalars by their last (continuation) byte, for
    ///   scalars before a position; otherwise by their lead byte, for scalars after it.
    init(_ sets: [ScalarSet], flagsLastByte: Bool) {
        self.sets = sets
        lowTable = (0..<UInt32(0x800)).map { scalar in sets.contains { $0.contains(scalar) } }
        var table = [Bool](repeating: false, count: 256)
        for byte in 0..<128 { table[byte] = lowTable[byte] }
        if sets.contains(where: \.mayContainNonASCII) {
            for byte in flagsLastByte ? 0x80...0xBF : 0xC2...0xF4 { table[byte] = true }
        }
        byteTable = table
    }

    var isEmpty: Bool { sets.isEmpty }

    func contains(_ scalar: UInt32) -> Bool {
        if scalar < 0x800 { return lowTable[Int(scalar)] }
        return sets.contains { $0.contains(scalar) }
    }
}
