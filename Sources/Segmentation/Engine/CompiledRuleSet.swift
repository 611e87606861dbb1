/// SRX rules in file order, compiled. At each position the first rule whose `beforebreak` matches
/// the text ending there and whose `afterbreak` matches the text starting there decides: break or
/// no break. Where no rule matches, the text does not break.
///
/// Only positions where some break rule can fire are examined: the scan tests each byte against a
/// table of the characters break rules can end (or start) with, so text without sentence
/// punctuation costs one table lookup per byte.
struct CompiledRuleSet: Sendable {
    struct Rule: Sendable {
        let isBreak: Bool
        let before: RulePattern
        let after: RulePattern
    }

    let rules: [Rule]
    /// Scalars that may end the `beforebreak` of a break rule, i.e. sit just before a break.
    private let endFilter: ScalarFilter
    /// Scalars that may start the `afterbreak` of a break rule whose `beforebreak` can be empty.
    private let startFilter: ScalarFilter
    /// A break rule matches without reading anything on either side: every position is a candidate.
    private let everyPosition: Bool

    init(rules: [Rule]) {
        self.rules = rules
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

    /// Whether every rule runs on the automaton (none needs ICU).
    var runsOnAutomatonOnly: Bool {
        rules.allSatisfy { $0.before.runsOnAutomaton && $0.after.runsOnAutomaton }
    }

    /// Appends the break positions strictly inside the window, ascending.
    func breaks(in window: TextWindow, into result: inout [Int]) {
        guard window.upper - window.lower > 1, !rules.isEmpty else { return }
        var icu: ICUText?
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
                    if decides(window, position, &icu) { result.append(position) }
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

    private func decides(_ window: TextWindow, _ offset: Int, _ icu: inout ICUText?) -> Bool {
        let position = window.position(offset)
        // Indexing (rather than `for rule in rules`) reads each rule in place instead of copying it.
        for index in rules.indices where rules[index].before.matches(in: window, at: position, icu: &icu)
            && rules[index].after.matches(in: window, at: position, icu: &icu) {
            return rules[index].isBreak
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
