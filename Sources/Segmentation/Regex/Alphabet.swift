/// Groups every Unicode scalar into classes that no set of one automaton tells apart, so the
/// automaton's table has a column per class instead of per scalar.
///
/// ASCII and U+0080–U+07FF are looked up in tables; rarer scalars by their interval between the
/// explicit range ends of the sets, their general category and the Alphabetic property.
struct Alphabet: Sendable {
    /// How a scalar counts for assertions: `\b` looks at word-ness, `^`/`$` at line ends, where
    /// CR LF counts as one line end (no line starts between its two halves).
    enum Kind: UInt8, CaseIterable {
        case boundary = 0, word, other, lineFeed, carriageReturn, otherLineTerminator

        var isLineTerminator: Bool { self == .lineFeed || self == .carriageReturn || self == .otherLineTerminator }

        /// The kind of a scalar, as every automaton's classes agree on it.
        static func of(_ scalar: UInt32) -> Kind {
            scalar < 0x800 ? lowKinds[Int(scalar)] : computed(scalar)
        }

        private static let lowKinds: [Kind] = (0..<UInt32(0x800)).map(computed)

        private static func computed(_ scalar: UInt32) -> Kind {
            switch scalar {
            case 0x0A: .lineFeed
            case 0x0D: .carriageReturn
            case _ where ScalarSet.lineTerminator.contains(scalar): .otherLineTerminator
            case _ where ScalarSet.word.contains(scalar): .word
            default: .other
            }
        }
    }

    private let asciiClasses: [UInt16]
    private let lowClasses: [UInt16] // U+0080 ..< U+0800
    private let intervalStarts: [UInt32] // sorted, first is 0x800
    private let comboClasses: [UInt16] // (interval * categories + category) * 2 + alphabetic
    let classCount: Int
    let kinds: [Kind]
    /// `contains[set][class]`: whether the scalars of a class belong to set `set` of the automaton.
    let contains: [[Bool]]

    private static let lowLimit: UInt32 = 0x800
    private static let categoryCount = GeneralCategoryIndex.all.count

    init(sets: [ScalarSet]) {
        // Extra sets make every class uniform in the kinds assertions look at.
        let allSets = sets + [.word, .lineTerminator, .scalar(0x0A), .scalar(0x0D)]
        let nonASCIISets = allSets.indices.filter { allSets[$0].mayContainNonASCII }
        var signatures: [[Bool]: UInt16] = [:]
        var members: [[Bool]] = []

        func classID(_ traits: ScalarTraits, nonASCII: Bool) -> UInt16 {
            var signature = [Bool](repeating: false, count: allSets.count)
            if nonASCII {
                for index in nonASCIISets { signature[index] = allSets[index].contains(traits) }
            } else {
                for index in allSets.indices { signature[index] = allSets[index].contains(traits) }
            }
            if let id = signatures[signature] { return id }
            let id = UInt16(members.count)
            signatures[signature] = id
            members.append(signature)
            return id
        }

        asciiClasses = (0..<128).map { classID(ScalarTraits(UInt32($0)), nonASCII: false) }
        lowClasses = (0x80..<Self.lowLimit).map { classID(ScalarTraits($0), nonASCII: true) }

        var cuts = Set<UInt32>([Self.lowLimit])
        for set in allSets { set.collectCuts(into: &cuts) }
        let starts = cuts.filter { $0 >= Self.lowLimit }.sorted()
        var combos: [UInt16] = []
        combos.reserveCapacity(starts.count * Self.categoryCount * 2)
        for start in starts {
            for category in 0..<UInt32(Self.categoryCount) {
                for alphabetic in [false, true] {
                    combos.append(classID(ScalarTraits(scalar: start, category: category, isAlphabetic: alphabetic), nonASCII: true))
                }
            }
        }
        intervalStarts = starts
        comboClasses = combos
        classCount = members.count

        let (wordIndex, lineIndex, lineFeedIndex, carriageReturnIndex) = (sets.count, sets.count + 1, sets.count + 2, sets.count + 3)
        kinds = members.map { signature in
            if signature[lineFeedIndex] { return .lineFeed }
            if signature[carriageReturnIndex] { return .carriageReturn }
            if signature[lineIndex] { return .otherLineTerminator }
            return signature[wordIndex] ? .word : .other
        }
        contains = sets.indices.map { set in members.map { $0[set] } }
    }

    @inline(__always)
    func asciiClass(_ byte: UInt8) -> Int { Int(asciiClasses[Int(byte)]) }

    func classOf(_ scalar: UInt32) -> Int {
        if scalar < 0x80 { return Int(asciiClasses[Int(scalar)]) }
        if scalar < Self.lowLimit { return Int(lowClasses[Int(scalar - 0x80)]) }
        var low = 0
        var high = intervalStarts.count
        while low < high {
            let mid = (low + high) / 2
            if intervalStarts[mid] <= scalar { low = mid + 1 } else { high = mid }
        }
        let interval = low - 1
        let traits = ScalarTraits(scalar)
        let index = (interval * Self.categoryCount + Int(traits.category)) * 2 + (traits.isAlphabetic ? 1 : 0)
        return Int(comboClasses[index])
    }
}
