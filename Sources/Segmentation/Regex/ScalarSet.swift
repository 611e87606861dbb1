/// A set of Unicode scalars, as a regex character class describes it: explicit ranges, general
/// categories and the Alphabetic property, combined by union, intersection and complement.
///
/// Membership depends only on a scalar's `ScalarTraits`, which is what lets the automaton group
/// all scalars into a few equivalence classes without testing every code point.
indirect enum ScalarSet: Hashable, Sendable {
    /// Explicit scalars, as sorted, non-overlapping closed ranges.
    case ranges([ClosedRange<UInt32>])
    /// Every scalar whose general category is in the mask (bit = `GeneralCategoryIndex`).
    case categories(UInt32)
    /// The Unicode Alphabetic property, part of ICU's `\w`.
    case alphabetic
    case union([ScalarSet])
    case intersection(ScalarSet, ScalarSet)
    case complement(ScalarSet)

    static let empty = ScalarSet.ranges([])
    static let all = ScalarSet.complement(.empty)

    static func scalar(_ value: UInt32) -> ScalarSet { .ranges([value...value]) }

    /// ICU's `\s`: `[\t\n\f\r\p{Z}]`, plus vertical tab, which ICU also counts.
    static let whitespace = ScalarSet.union([.ranges([0x09...0x0D]), .categories(GeneralCategoryIndex.separators)])
    /// ICU's `\d`: decimal digits of any script.
    static let digit = ScalarSet.categories(GeneralCategoryIndex.mask(.decimalNumber))
    /// ICU's `\w`: `[\p{Alphabetic}\p{Mark}\p{Decimal_Number}\p{Connector_Punctuation}\u200c\u200d]`.
    static let word = ScalarSet.union([
        .alphabetic,
        .categories(GeneralCategoryIndex.marks | GeneralCategoryIndex.mask(.decimalNumber)
            | GeneralCategoryIndex.mask(.connectorPunctuation)),
        .ranges([0x200C...0x200D]),
    ])
    /// What ends a line for `.`, `^` and `$`: `\n`, `\r`, NEL, LINE and PARAGRAPH SEPARATOR, plus VT and FF as ICU has it.
    static let lineTerminator = ScalarSet.ranges([0x0A...0x0D, 0x85...0x85, 0x2028...0x2029])

    func contains(_ traits: ScalarTraits) -> Bool {
        switch self {
        case .ranges(let ranges):
            var low = 0
            var high = ranges.count
            while low < high {
                let mid = (low + high) / 2
                if ranges[mid].upperBound < traits.scalar { low = mid + 1 } else { high = mid }
            }
            return low < ranges.count && ranges[low].contains(traits.scalar)
        case .categories(let mask): return mask & (1 << traits.category) != 0
        case .alphabetic: return traits.isAlphabetic
        case .union(let sets): return sets.contains { $0.contains(traits) }
        case .intersection(let a, let b): return a.contains(traits) && b.contains(traits)
        case .complement(let set): return !set.contains(traits)
        }
    }

    /// Membership of one scalar; looks up its category or properties only if an atom needs them.
    func contains(_ scalar: UInt32) -> Bool {
        switch self {
        case .ranges: return contains(ScalarTraits(scalar: scalar, category: 0, isAlphabetic: false))
        case .categories, .alphabetic: return contains(ScalarTraits(scalar))
        case .union(let sets): return sets.contains { $0.contains(scalar) }
        case .intersection(let a, let b): return a.contains(scalar) && b.contains(scalar)
        case .complement(let set): return !set.contains(scalar)
        }
    }

    /// Whether some scalar at or above U+0080 may belong: false lets the alphabet skip this set for
    /// non-ASCII text. Conservative (true when unsure).
    var mayContainNonASCII: Bool {
        switch self {
        case .ranges(let ranges): return ranges.contains { $0.upperBound >= 0x80 }
        case .categories(let mask): return mask != 0
        case .alphabetic: return true
        case .union(let sets): return sets.contains { $0.mayContainNonASCII }
        case .intersection(let a, let b): return a.mayContainNonASCII && b.mayContainNonASCII
        case .complement: return true
        }
    }

    /// Range end points at or above U+0080, plus one past each: between two cut points every
    /// scalar belongs to the same explicit ranges.
    func collectCuts(into cuts: inout Set<UInt32>) {
        switch self {
        case .ranges(let ranges):
            for range in ranges where range.upperBound >= 0x80 {
                cuts.insert(max(range.lowerBound, 0x80))
                if range.upperBound < 0x10FFFF { cuts.insert(range.upperBound + 1) }
            }
        case .categories, .alphabetic: break
        case .union(let sets): for set in sets { set.collectCuts(into: &cuts) }
        case .intersection(let a, let b):
            a.collectCuts(into: &cuts)
            b.collectCuts(into: &cuts)
        case .complement(let set): set.collectCuts(into: &cuts)
        }
    }

    /// The same set closed under simple case mapping, for `(?i)`. Cased categories widen to all
    /// cased letters, as ICU does.
    func caseInsensitive() -> ScalarSet {
        switch self {
        case .ranges(let ranges):
            var extra: [UInt32] = []
            for range in ranges {
                // Very wide ranges (e.g. the complement-like `\u0000-\uFFFF`) are left as they are.
                guard range.count <= 4096 else { continue }
                for value in range {
                    for variant in CaseMapping.variants(of: value) where !range.contains(variant) { extra.append(variant) }
                }
            }
            return extra.isEmpty ? self : ScalarSet.normalized(ranges + extra.map { $0...$0 })
        case .categories(let mask):
            let cased = GeneralCategoryIndex.casedLetters
            return .categories(mask & cased != 0 ? mask | cased : mask)
        case .alphabetic: return self
        case .union(let sets): return .union(sets.map { $0.caseInsensitive() })
        case .intersection(let a, let b): return .intersection(a.caseInsensitive(), b.caseInsensitive())
        case .complement(let set): return .complement(set.caseInsensitive())
        }
    }

    /// Sorts and merges ranges so that lookups can binary-search them.
    static func normalized(_ ranges: [ClosedRange<UInt32>]) -> ScalarSet {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return .ranges(merged)
    }
}

/// What set membership looks at: the scalar itself (for explicit ranges), its general category
/// and whether it is Alphabetic.
struct ScalarTraits {
    let scalar: UInt32
    let category: UInt32
    let isAlphabetic: Bool

    init(scalar: UInt32, category: UInt32, isAlphabetic: Bool) {
        self.scalar = scalar
        self.category = category
        self.isAlphabetic = isAlphabetic
    }

    init(_ scalar: UInt32) {
        self.scalar = scalar
        if let value = Unicode.Scalar(scalar) {
            category = GeneralCategoryIndex.index(of: value.properties.generalCategory)
            isAlphabetic = value.properties.isAlphabetic
        } else {
            category = GeneralCategoryIndex.index(of: .surrogate)
            isAlphabetic = false
        }
    }
}

/// General categories as bit positions, so a set of categories is one `UInt32`.
enum GeneralCategoryIndex {
    static let all: [Unicode.GeneralCategory] = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .nonspacingMark, .spacingMark, .enclosingMark,
        .decimalNumber, .letterNumber, .otherNumber,
        .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation,
        .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
        .spaceSeparator, .lineSeparator, .paragraphSeparator,
        .control, .format, .surrogate, .privateUse, .unassigned,
    ]

    static func index(of category: Unicode.GeneralCategory) -> UInt32 {
        UInt32(all.firstIndex(of: category) ?? all.count - 1)
    }

    static func mask(_ categories: Unicode.GeneralCategory...) -> UInt32 {
        categories.reduce(0) { $0 | (1 << index(of: $1)) }
    }

    static let letters = mask(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter)
    static let casedLetters = mask(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter)
    static let marks = mask(.nonspacingMark, .spacingMark, .enclosingMark)
    static let numbers = mask(.decimalNumber, .letterNumber, .otherNumber)
    static let punctuation = mask(.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                  .initialPunctuation, .finalPunctuation, .otherPunctuation)
    static let symbols = mask(.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol)
    static let separators = mask(.spaceSeparator, .lineSeparator, .paragraphSeparator)
    static let others = mask(.control, .format, .surrogate, .privateUse, .unassigned)

    /// `\p{…}` names ICU accepts for general categories: short and long, with or without `gc=`.
    static func mask(named rawName: String) -> UInt32? {
        var name = rawName
        for prefix in ["general_category=", "gc="] where name.lowercased().hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        let key = name.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "-", with: "")
        return namedMasks[key]
    }

    private static let namedMasks: [String: UInt32] = {
        var table: [String: UInt32] = [
            "l": letters, "letter": letters, "lc": casedLetters, "l&": casedLetters, "casedletter": casedLetters,
            "m": marks, "mark": marks, "combiningmark": marks,
            "n": numbers, "number": numbers,
            "p": punctuation, "punctuation": punctuation,
            "s": symbols, "symbol": symbols,
            "z": separators, "separator": separators,
            "c": others, "other": others,
        ]
        let named: [(String, String, Unicode.GeneralCategory)] = [
            ("lu", "uppercaseletter", .uppercaseLetter), ("ll", "lowercaseletter", .lowercaseLetter),
            ("lt", "titlecaseletter", .titlecaseLetter), ("lm", "modifierletter", .modifierLetter),
            ("lo", "otherletter", .otherLetter), ("mn", "nonspacingmark", .nonspacingMark),
            ("mc", "spacingmark", .spacingMark), ("me", "enclosingmark", .enclosingMark),
            ("nd", "decimalnumber", .decimalNumber), ("nl", "letternumber", .letterNumber),
            ("no", "othernumber", .otherNumber), ("pc", "connectorpunctuation", .connectorPunctuation),
            ("pd", "dashpunctuation", .dashPunctuation), ("ps", "openpunctuation", .openPunctuation),
            ("pe", "closepunctuation", .closePunctuation), ("pi", "initialpunctuation", .initialPunctuation),
            ("pf", "finalpunctuation", .finalPunctuation), ("po", "otherpunctuation", .otherPunctuation),
            ("sm", "mathsymbol", .mathSymbol), ("sc", "currencysymbol", .currencySymbol),
            ("sk", "modifiersymbol", .modifierSymbol), ("so", "othersymbol", .otherSymbol),
            ("zs", "spaceseparator", .spaceSeparator), ("zl", "lineseparator", .lineSeparator),
            ("zp", "paragraphseparator", .paragraphSeparator), ("cc", "control", .control),
            ("cf", "format", .format), ("cs", "surrogate", .surrogate), ("co", "privateuse", .privateUse),
            ("cn", "unassigned", .unassigned),
        ]
        for (short, long, category) in named {
            table[short] = mask(category)
            table[long] = mask(category)
        }
        return table
    }()
}

/// Simple (one scalar to one scalar) case variants, which is what `(?i)` compares.
enum CaseMapping {
    static func variants(of value: UInt32) -> [UInt32] {
        guard let scalar = Unicode.Scalar(value) else { return [] }
        var result: [UInt32] = []
        for mapped in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping,
                       scalar.properties.titlecaseMapping] {
            let scalars = Array(mapped.unicodeScalars)
            if scalars.count == 1, scalars[0].value != value, !result.contains(scalars[0].value) {
                result.append(scalars[0].value)
            }
        }
        return result
    }
}
