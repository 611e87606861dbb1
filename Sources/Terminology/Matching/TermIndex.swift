import PipelineCore

/// Every form of every glossary term, tokenised like the text and indexed by the hash of its first
/// token, so that finding the candidates at a text position costs one lookup whatever the glossary's size.
///
/// Storage is flat (struct-of-arrays over one byte arena) to keep a 100,000-entry glossary compact and
/// quick to load. Immutable once built.
struct TermIndex: Sendable {
    struct Pattern: Sendable {
        let entry: Int32
        let kind: MatchKind
        let firstToken: Int32
        let tokenCount: Int32
        let caseSensitive: Bool
        /// Matched by stem (the fuzzy fallback): tokens hold stem hashes.
        let byStem: Bool
        let startsCompounds: Bool
        /// Punctuation the term ends with (`Mrd.`), which the text must have right after the last token.
        let trailingStart: Int32, trailingLength: Int32
    }

    struct PatternToken: Sendable {
        /// Hash of the folded form, or of the stem for `byStem` patterns.
        let hash: UInt64
        /// Canonical gap before this token (unused for a pattern's first token).
        let gapBefore: UInt64
        let casedStart: Int32, casedLength: Int32
        let foldedStart: Int32, foldedLength: Int32
    }

    private(set) var patterns: [Pattern] = []
    private(set) var tokens: [PatternToken] = []
    /// Cased and folded bytes of all pattern tokens (for stem patterns: the stem).
    private(set) var arena: [UInt8] = []
    /// First-token hash → range in `postings` (start << 32 | count).
    private var byFirstToken: [UInt64: UInt64] = [:]
    /// Stem hash of the first token → range in `postings`, for `byStem` patterns.
    private var byFirstStem: [UInt64: UInt64] = [:]
    private var postings: [Int32] = []

    var hasStemPatterns: Bool { !byFirstStem.isEmpty }

    init(glossary: Glossary, fuzzy: Bool) {
        var scanner = TokenScanner()
        let stemmer = GermanStemmer()
        var formKeys: [(UInt64, Int32)] = []
        var stemKeys: [(UInt64, Int32)] = []
        for (entryIndex, entry) in glossary.entries.enumerated() {
            let (forms, needsStemmer) = TermForms.forms(of: entry.term)
            for form in forms {
                guard let first = add(form.text, entry: Int32(entryIndex), kind: form.kind, caseSensitive: entry.term.caseSensitive,
                                      byStem: false, startsCompounds: form.startsCompounds && !entry.term.caseSensitive
                                          && !entry.term.isAbbreviation,
                                      scanner: &scanner, stemmer: stemmer)
                else { continue }
                formKeys.append((first, Int32(patterns.count - 1)))
            }
            // The stemmer stands in for missing grammar; too short a word would stem into noise.
            if fuzzy, needsStemmer, !entry.term.caseSensitive, entry.term.text.count >= 4,
               let first = add(entry.term.text, entry: Int32(entryIndex), kind: .fuzzy, caseSensitive: false, byStem: true,
                               startsCompounds: false, scanner: &scanner, stemmer: stemmer) {
                stemKeys.append((first, Int32(patterns.count - 1)))
            }
        }
        byFirstToken = Self.group(formKeys, into: &postings)
        byFirstStem = Self.group(stemKeys, into: &postings)
    }

    /// Tokenises one form and stores it as a pattern; returns its first token's hash.
    private mutating func add(
        _ text: String, entry: Int32, kind: MatchKind, caseSensitive: Bool, byStem: Bool, startsCompounds: Bool,
        scanner: inout TokenScanner, stemmer: GermanStemmer
    ) -> UInt64? {
        var copy = text
        copy.withUTF8 { scanner.scan($0, range: 0..<$0.count) }
        guard let lastToken = scanner.tokens.last else { return nil }
        let trailing = text.utf8.dropFirst(lastToken.end).prefix { $0 != 0x20 }
        let trailingStart = Int32(arena.count)
        arena.append(contentsOf: trailing)
        let firstToken = Int32(tokens.count)
        var previousGap = Gap.none
        for token in scanner.tokens {
            let cased = scanner.scratch[token.cased]
            let folded: [UInt8]
            let hash: UInt64
            if byStem {
                folded = Array(stemmer.stem(String(decoding: scanner.scratch[token.folded], as: UTF8.self)).utf8)
                hash = FNV.hash(folded)
            } else {
                folded = Array(scanner.scratch[token.folded])
                hash = token.hash
            }
            let casedStart = Int32(arena.count)
            arena.append(contentsOf: cased)
            let foldedStart = Int32(arena.count)
            arena.append(contentsOf: folded)
            tokens.append(PatternToken(
                hash: hash, gapBefore: previousGap, casedStart: casedStart, casedLength: Int32(cased.count),
                foldedStart: foldedStart, foldedLength: Int32(folded.count)))
            previousGap = token.gapAfter
        }
        patterns.append(Pattern(
            entry: entry, kind: kind, firstToken: firstToken, tokenCount: Int32(scanner.tokens.count),
            caseSensitive: caseSensitive, byStem: byStem,
            startsCompounds: startsCompounds && scanner.tokens.count == 1 && trailing.isEmpty,
            trailingStart: trailingStart, trailingLength: Int32(trailing.count)))
        return tokens[Int(firstToken)].hash
    }

    /// Sorts (hash, pattern) pairs into `postings` and maps each hash to its run, keeping pattern order.
    private static func group(_ keys: [(UInt64, Int32)], into postings: inout [Int32]) -> [UInt64: UInt64] {
        let sorted = keys.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var ranges: [UInt64: UInt64] = [:]
        ranges.reserveCapacity(sorted.count)
        var index = 0
        while index < sorted.count {
            let hash = sorted[index].0
            let start = postings.count
            while index < sorted.count, sorted[index].0 == hash {
                postings.append(sorted[index].1)
                index += 1
            }
            ranges[hash] = UInt64(start) << 32 | UInt64(postings.count - start)
        }
        return ranges
    }

    /// Patterns whose first token has this folded hash.
    func patterns(startingWith hash: UInt64) -> ArraySlice<Int32> { run(byFirstToken[hash]) }

    /// Stem patterns whose first token has this stem hash.
    func patterns(startingWithStem hash: UInt64) -> ArraySlice<Int32> { run(byFirstStem[hash]) }

    private func run(_ packed: UInt64?) -> ArraySlice<Int32> {
        guard let packed else { return [] }
        let start = Int(packed >> 32)
        return postings[start..<(start + Int(packed & 0xFFFF_FFFF))]
    }
}
