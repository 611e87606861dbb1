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

    /// Break positions strictly inside the window, ascending.
    func breaks(in window: TextWindow) -> [Int] {
        var result: [Int] = []
        guard window.upper - window.lower > 1, !rules.isEmpty else { return result }
        var icu: ICUText?
        let bytes = window.bytes
        let checkStarts = !startFilter.isEmpty
        var index = window.lower
        let last = window.upper - 1
        while index < last {
            let byte = bytes[index]
            let position = index + 1
            index += 1
            let endHit = endFilter.byteTable[Int(byte)]
            let startHit = checkStarts && startFilter.byteTable[Int(bytes[position])]
            guard everyPosition || endHit || startHit else { continue }
            guard UTF8Decoding.isBoundary(bytes, position, upper: window.upper) else { continue }
            let certain = everyPosition || (endHit && byte < 0x80) || (startHit && bytes[position] < 0x80)
            if !certain, !isCandidate(window, position) { continue }
            if decides(window, position, &icu) { result.append(position) }
        }
        return result
    }

    /// The exact test behind the byte tables, which only approximate non-ASCII scalars.
    private func isCandidate(_ window: TextWindow, _ position: Int) -> Bool {
        let before = window.decode(endingAt: position).0
        if endFilter.contains(before) { return true }
        guard !startFilter.isEmpty else { return false }
        return startFilter.contains(window.decode(at: position).0)
    }

    private func decides(_ window: TextWindow, _ position: Int, _ icu: inout ICUText?) -> Bool {
        for rule in rules where rule.before.matches(in: window, at: position, icu: &icu)
            && rule.after.matches(in: window, at: position, icu: &icu) {
            return rule.isBreak
        }
        return false
    }
}

/// A quick membership test for scalars by one of their UTF-8 bytes, with an exact check behind it.
struct ScalarFilter: Sendable {
    /// Exact for ASCII bytes; for the others, set when some non-ASCII scalar may belong.
    let byteTable: [Bool]
    private let sets: [ScalarSet]

    /// - Parameter flagsLastByte: index non-ASCII scalars by their last (continuation) byte, for
    ///   scalars before a position; otherwise by their lead byte, for scalars after it.
    init(_ sets: [ScalarSet], flagsLastByte: Bool) {
        self.sets = sets
        var table = [Bool](repeating: false, count: 256)
        for byte in 0..<128 where sets.contains(where: { $0.contains(UInt32(byte)) }) { table[byte] = true }
        if sets.contains(where: \.mayContainNonASCII) {
            for byte in flagsLastByte ? 0x80...0xBF : 0xC2...0xF4 { table[byte] = true }
        }
        byteTable = table
    }

    var isEmpty: Bool { sets.isEmpty }

    func contains(_ scalar: UInt32) -> Bool {
        sets.contains { $0.contains(scalar) }
    }
}
