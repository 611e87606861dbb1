import PipelineCore

/// Every form of every glossary term, tokenised like the text and indexed by its first token (one-word
/// forms) or its first two tokens and the gap between them (longer forms), so that finding the
/// candidates at a text position costs two lookups whatever the glossary's size, and a common first
/// word (`neue …`, `große …`) does not gather thousands of candidates under one key.
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
        /// What the form can be (`Agreement.rawValue`), checked against a preceding article; 0: unchecked.
        let agreement: UInt8
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
    /// Key (see `key(_:)`) → range in `postings` (start << 32 | count).
    private var byKey = PostingTable([])
    /// The same for `byStem` patterns, keyed by stems.
    private var byStemKey = PostingTable([])
    /// Pattern numbers, in runs that the tables point to.
    private(set) var postings: [Int32] = []
    /// First-token hashes (stem hashes for stem patterns) of forms of two or more tokens: only a token
    /// among them needs the two-token lookup. Small, because few words start multi-word terms.
    private(set) var startsLongerForm = PostingTable([])
    private(set) var startsLongerStemForm = PostingTable([])
    /// Hashes of every stem in stem patterns: a text token is stemmed only when one of its prefixes is
    /// among them (see `StemPrefix`).
    private(set) var stems = PostingTable([])
    /// One-token noun forms keyed by the hash of their folded bytes read backwards (`CompoundHead`),
    /// so the heads a word ends in are found in one backward pass over it.
    private(set) var byReversedKey = PostingTable([])

    var hasStemPatterns: Bool { !byStemKey.isEmpty }

    /// The lookup key of a one-token form, or of the first two tokens of a longer one.
    @inline(__always)
    static func key(_ first: UInt64, gap: UInt64, second: UInt64) -> UInt64 {
        (first &* 0x9E37_79B9_7F4A_7C15) ^ (gap &* 0xC2B2_AE3D_27D4_EB4F) ^ second
    }
    static let single: UInt64 = 0

    init(glossary: Glossary, fuzzy: Bool) {
        var scanner = TokenScanner()
        let stemmer = GermanStemmer()
        var formKeys: [(UInt64, Int32)] = []
        var stemKeys: [(UInt64, Int32)] = []
        var reversedKeys: [(UInt64, Int32)] = []
        var stemHashes = Set<UInt64>()
        for (entryIndex, entry) in glossary.entries.enumerated() {
            let (forms, needsStemmer) = TermForms.forms(of: entry.term)
            let mayHeadCompounds = !entry.term.caseSensitive && !entry.term.isAbbreviation && !entry.term.isProperNoun
            for form in forms {
                guard let key = add(form.text, entry: Int32(entryIndex), kind: form.kind, caseSensitive: entry.term.caseSensitive,
                                      byStem: false, agreement: form.agreement, scanner: &scanner, stemmer: stemmer)
                else { continue }
                formKeys.append((key, Int32(patterns.count - 1)))
                if mayHeadCompounds, let reversed = compoundHeadKey(of: patterns[patterns.count - 1]) {
                    reversedKeys.append((reversed, Int32(patterns.count - 1)))
                }
            }
            // The stemmer stands in for missing grammar; too short a word would stem into noise.
            if fuzzy, needsStemmer, !entry.term.caseSensitive, entry.term.text.count >= 4,
               let key = add(entry.term.text, entry: Int32(entryIndex), kind: .fuzzy, caseSensitive: false, byStem: true,
                               agreement: [], scanner: &scanner, stemmer: stemmer) {
                stemKeys.append((key, Int32(patterns.count - 1)))
                let pattern = patterns[patterns.count - 1]
                for token in tokens[Int(pattern.firstToken)..<Int(pattern.firstToken + pattern.tokenCount)] {
                    stemHashes.insert(StemPrefix.hash(arena[Int(token.foldedStart)..<Int(token.foldedStart + token.foldedLength)]))
                }
            }
        }
        byKey = Self.group(formKeys, into: &postings)
        byStemKey = Self.group(stemKeys, into: &postings)
        byReversedKey = Self.group(reversedKeys, into: &postings)
        var longer = Set<UInt64>(), longerStem = Set<UInt64>()
        for pattern in patterns where pattern.tokenCount > 1 {
            let first = tokens[Int(pattern.firstToken)].hash
            if pattern.byStem { longerStem.insert(first) } else { longer.insert(first) }
        }
        stems = PostingTable(stemHashes.map { ($0, 0) })
        startsLongerForm = PostingTable(longer.map { ($0, 0) })
        startsLongerStemForm = PostingTable(longerStem.map { ($0, 0) })
    }

    /// The backward key of a one-token form that may end a closed compound: a capitalised noun form
    /// (`Minister` in `Außenminister`) of three letters or more, without trailing punctuation.
    private func compoundHeadKey(of pattern: Pattern) -> UInt64? {
        guard pattern.tokenCount == 1, pattern.trailingLength == 0, !pattern.byStem else { return nil }
        let token = tokens[Int(pattern.firstToken)]
        let cased = arena[Int(token.casedStart)..<Int(token.casedStart + token.casedLength)]
        let folded = arena[Int(token.foldedStart)..<Int(token.foldedStart + token.foldedLength)]
        guard let first = String(decoding: cased.prefix(4), as: UTF8.self).first, first.isUppercase,
              CompoundHead.letterCount(folded) >= CompoundHead.minimumHeadLetters
        else { return nil }
        return CompoundHead.reversedHash(folded)
    }

    /// Tokenises one form and stores it as a pattern; returns its lookup key.
    private mutating func add(
        _ text: String, entry: Int32, kind: MatchKind, caseSensitive: Bool, byStem: Bool, agreement: Agreement,
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
            agreement: scanner.tokens.count == 1 && trailing.isEmpty ? agreement.rawValue : 0,
            trailingStart: trailingStart, trailingLength: Int32(trailing.count)))
        let first = tokens[Int(firstToken)]
        let second = scanner.tokens.count > 1 ? tokens[Int(firstToken) + 1] : nil
        return Self.key(first.hash, gap: second?.gapBefore ?? Self.single, second: second?.hash ?? Self.single)
    }

    /// Sorts (hash, pattern) pairs into `postings` and maps each hash to its run, keeping pattern order.
    private static func group(_ keys: [(UInt64, Int32)], into postings: inout [Int32]) -> PostingTable {
        let sorted = keys.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var ranges: [(UInt64, UInt64)] = []
        var index = 0
        while index < sorted.count {
            let hash = sorted[index].0
            let start = postings.count
            while index < sorted.count, sorted[index].0 == hash {
                postings.append(sorted[index].1)
                index += 1
            }
            ranges.append((hash, UInt64(start) << 32 | UInt64(postings.count - start)))
        }
        return PostingTable(ranges)
    }

    /// Where in `postings` the patterns with this key (of folded token hashes) are listed. A range, not
    /// a slice: slicing would retain the array on every lookup.
    func patterns(withKey key: UInt64) -> Range<Int> { run(byKey[key]) }

    /// The same for stem patterns (keys of stem hashes).
    func patterns(withStemKey key: UInt64) -> Range<Int> { run(byStemKey[key]) }

    /// The one-token noun forms whose folded bytes, read backwards, hash to `key`.
    func compoundHeads(withReversedKey key: UInt64) -> Range<Int> { run(byReversedKey[key]) }

    private func run(_ packed: UInt64?) -> Range<Int> {
        guard let packed else { return 0..<0 }
        let start = Int(packed >> 32)
        return start..<(start + Int(packed & 0xFFFF_FFFF))
    }
}

/// The test that spares most tokens the stemmer. A Snowball German stem is a prefix of the word once
/// the word is lower-cased with umlauts folded and ß spelt ss (the stemmer only removes suffixes and
/// folds those letters), so a token can share a stem with a pattern only if one of its prefixes is that
/// stem. Checking every prefix against a table of the index's stems costs far less than stemming.
enum StemPrefix {
    /// The hash of a whole stem, as `mayMatch` computes it for a prefix.
    static func hash(_ stem: ArraySlice<UInt8>) -> UInt64 { FNV.hash(stem) }

    /// Whether some prefix of the folded token, of three letters or more, is one of `stems`.
    static func mayMatch(_ folded: ArraySlice<UInt8>, stems: PostingTable) -> Bool {
        var hash = FNV.offsetBasis
        var letters = 0
        var index = folded.startIndex
        while index < folded.endIndex {
            let byte = folded[index]
            if byte == 0xC3, index + 1 < folded.endIndex {
                let folding: (UInt8, UInt8?)? = switch folded[index + 1] {
                case 0xA4: (0x61, nil) // ä
                case 0xB6: (0x6F, nil) // ö
                case 0xBC: (0x75, nil) // ü
                case 0x9F: (0x73, 0x73) // ß
                default: nil
                }
                if let (first, second) = folding {
                    hash = FNV.add(first, to: hash)
                    letters += 1
                    if letters >= 3, stems.contains(hash) { return true }
                    if let second {
                        hash = FNV.add(second, to: hash)
                        letters += 1
                        if letters >= 3, stems.contains(hash) { return true }
                    }
                    index += 2
                    continue
                }
            }
            // One scalar, all its bytes.
            hash = FNV.add(byte, to: hash)
            index += 1
            while index < folded.endIndex, folded[index] & 0xC0 == 0x80 {
                hash = FNV.add(folded[index], to: hash)
                index += 1
            }
            letters += 1
            if letters >= 3, stems.contains(hash) { return true }
        }
        return false
    }
}
