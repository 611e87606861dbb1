import Foundation
import PipelineCore

/// Finds glossary terms in text: whole tokens, leftmost-longest, non-overlapping.
///
/// Case follows memoQ's permissive rule (a lower-case letter in the term matches either case, an
/// upper-case one needs upper case) unless the glossary marks a term case-sensitive. Inflected forms
/// come from the glossary's grammar (`TermForms`); terms without grammar fall back to the Snowball
/// stemmer (`fuzzy`), and closed compounds whose head is a term are optional (`compound`). A noun form
/// that the article before it contradicts, or that sits in an idiom, is no match (`ArticleAgreement`).
/// At one start, the longest match wins, then the earlier glossary, then the more certain kind.
///
/// Immutable and `Sendable`: build one per run and share it between tasks.
public struct TermMatcher: Sendable {
    public struct Options: Sendable, Hashable {
        /// Also report closed compounds whose head is a noun term (`Außenminister` for `Minister`), as
        /// the whole word.
        public var compounds: Bool
        /// Let the stemmer match terms whose grammar the glossary does not give.
        public var fuzzy: Bool

        public init(compounds: Bool = false, fuzzy: Bool = true) {
            self.compounds = compounds
            self.fuzzy = fuzzy
        }
    }

    public let glossary: Glossary
    public let options: Options
    let index: TermIndex

    /// Generates every term's forms and indexes them: the load-time cost, paid once.
    public init(glossary: Glossary, options: Options = Options()) {
        self.glossary = glossary
        self.options = options
        index = TermIndex(glossary: glossary, fuzzy: options.fuzzy)
    }

    /// Every match in the whole text, ordered by position.
    public func matches(in text: String) -> [TermMatch] {
        matches(in: text, within: [TextSpan(start: 0, end: text.utf8.count)])
    }

    /// The matches inside each span (sentences, say), concatenated in span order. No match crosses a
    /// span's edge. Spans must lie on scalar boundaries of `text`.
    public func matches(in text: String, within spans: [TextSpan]) -> [TermMatch] {
        var copy = text
        return copy.withUTF8 { bytes in
            var session = Session(matcher: self, text: bytes)
            var found: [TermMatch] = []
            for span in spans {
                // A span reaching past the text is cut to it rather than trusted.
                let start = min(max(0, span.start), bytes.count), end = min(max(start, span.end), bytes.count)
                session.match(start..<end, into: &found)
            }
            return found
        }
    }

    /// Per-call working state: the scanner's buffers and cached stems, reused across spans. It holds
    /// the index and entries itself, so the hot loop reads them without copying the matcher (copies
    /// retain every array, and retains from parallel tasks contend for the same cache lines).
    struct Session {
        let index: TermIndex
        let entries: [Glossary.Entry]
        let options: Options
        let text: UnsafeBufferPointer<UInt8>
        var scanner = TokenScanner()
        var stems: [UInt64] = []
        let stemmer = GermanStemmer()
        /// The span being matched; trailing punctuation must lie inside it.
        var range = 0..<0
        /// The agreement of the determiner before the token at `determinerPosition` (0: none), found once
        /// per token however many candidates ask.
        var determinerPosition = -1
        var determiner: UInt8 = 0

        init(matcher: TermMatcher, text: UnsafeBufferPointer<UInt8>) {
            index = matcher.index
            entries = matcher.glossary.entries
            options = matcher.options
            self.text = text
        }

        struct Candidate {
            let pattern: Int32
            let end: Int
            let lastToken: Int
            let kind: MatchKind
        }

        mutating func match(_ range: Range<Int>, into found: inout [TermMatch]) {
            self.range = range
            determinerPosition = -1
            scanner.scan(text, range: range)
            let tokens = scanner.tokens
            stems = Array(repeating: 0, count: index.hasStemPatterns ? tokens.count : 0)
            var position = 0
            while position < tokens.count {
                var best: Candidate?
                let token = tokens[position]
                let hasNext = position + 1 < tokens.count
                consider(index.patterns(withKey: TermIndex.key(token.hash, gap: TermIndex.single, second: TermIndex.single)), at: position, best: &best)
                if hasNext, index.startsLongerForm.contains(token.hash) {
                    consider(index.patterns(withKey: TermIndex.key(token.hash, gap: token.gapAfter, second: tokens[position + 1].hash)),
                             at: position, best: &best)
                }
                if index.hasStemPatterns, let stem = stem(of: position) {
                    consider(index.patterns(withStemKey: TermIndex.key(stem, gap: TermIndex.single, second: TermIndex.single)),
                             at: position, best: &best)
                    if hasNext, index.startsLongerStemForm.contains(stem), let next = self.stem(of: position + 1) {
                        consider(index.patterns(withStemKey: TermIndex.key(stem, gap: token.gapAfter, second: next)), at: position, best: &best)
                    }
                }
                if best == nil, options.compounds { best = compound(at: position) }
                guard let best else {
                    position += 1
                    continue
                }
                found.append(makeMatch(best, startToken: position))
                position = best.lastToken + 1
            }
        }

        mutating func consider(_ postings: Range<Int>, at position: Int, best: inout Candidate?) {
            for posting in postings {
                if let candidate = verify(index.postings[posting], at: position) { best = better(best, candidate) }
            }
        }

        /// The pattern's tokens against the text's from `position`: keys, gaps and case.
        mutating func verify(_ patternID: Int32, at position: Int) -> Candidate? {
            let pattern = index.patterns[Int(patternID)]
            let count = Int(pattern.tokenCount)
            guard position + count <= scanner.tokens.count else { return nil }
            for offset in 0..<count {
                let token = scanner.tokens[position + offset]
                let expected = index.tokens[Int(pattern.firstToken) + offset]
                if offset > 0, scanner.tokens[position + offset - 1].gapAfter != expected.gapBefore { return nil }
                if pattern.byStem {
                    guard let stem = stem(of: position + offset), stem == expected.hash,
                          firstLetterCaseAllows(term: expected, text: token) else { return nil }
                } else {
                    guard token.hash == expected.hash else { return nil }
                    // Most hits are written exactly as in the glossary; only the rest needs the case rule.
                    if !casedEqual(expected, token) {
                        guard foldedEqual(expected, token),
                              caseAllows(term: expected, text: token.cased, sensitive: pattern.caseSensitive) else { return nil }
                    }
                }
            }
            let last = position + count - 1
            var end = scanner.tokens[last].end
            if pattern.trailingLength > 0 {
                let trailing = Int(pattern.trailingStart)..<Int(pattern.trailingStart + pattern.trailingLength)
                guard end + trailing.count <= range.upperBound,
                      index.arena[trailing].elementsEqual(text[end..<(end + trailing.count)]) else { return nil }
                end += trailing.count
            }
            if count == 1, !pattern.byStem, contradictsSense(pattern, at: position) { return nil }
            return Candidate(pattern: patternID, end: end, lastToken: last, kind: pattern.kind)
        }

        /// Whether the determiner before a one-word noun form cannot go with it, or the word ends an idiom.
        mutating func contradictsSense(_ pattern: TermIndex.Pattern, at position: Int) -> Bool {
            // Before a hyphen the word is the first part of a compound, whose head the article goes with
            // (`im zweistelligen Millionen-Euro-Bereich`, `die Staats- und Regierungschefs`).
            if pattern.agreement != 0, !precedesHyphen(position) {
                if determinerPosition != position {
                    determinerPosition = position
                    determiner = determinerAgreement(before: position)
                }
                if determiner != 0, determiner & pattern.agreement == 0 { return true }
            }
            return endsIdiom(at: position)
        }

        /// The determiner before the token, over at most two inflected adjectives, separated by spaces only:
        /// what it agrees with, or 0 when there is none or it starts a relative clause.
        func determinerAgreement(before position: Int) -> UInt8 {
            var index = position - 1
            var adjectives = 0
            while index >= 0 {
                let token = scanner.tokens[index]
                guard token.gapAfter == Gap.space else { return 0 }
                let folded = String(decoding: scanner.scratch[token.folded], as: UTF8.self)
                if let agreement = ArticleAgreement.determiners[folded] {
                    return followsComma(index) ? 0 : agreement.rawValue
                }
                guard adjectives < 2, !ArticleAgreement.isOtherDeterminer(folded),
                      ArticleAgreement.isAttributive(folded, cased: String(decoding: scanner.scratch[token.cased], as: UTF8.self))
                else { return 0 }
                adjectives += 1
                index -= 1
            }
            return 0
        }

        func precedesHyphen(_ position: Int) -> Bool {
            let end = scanner.tokens[position].end
            guard end < range.upperBound else { return false }
            // `-`, or U+2010/U+2011 (E2 80 90/91).
            return text[end] == UInt8(ascii: "-")
                || (end + 2 < range.upperBound && text[end] == 0xE2 && text[end + 1] == 0x80 && (0x90...0x91).contains(text[end + 2]))
        }

        /// Whether a comma stands before the token or before the preposition that precedes it (`, in dem`).
        func followsComma(_ position: Int) -> Bool {
            let from = position >= 2 ? scanner.tokens[position - 2].end : range.lowerBound
            return text[from..<scanner.tokens[position].start].contains(UInt8(ascii: ","))
        }

        func endsIdiom(at position: Int) -> Bool {
            let word = String(decoding: scanner.scratch[scanner.tokens[position].folded], as: UTF8.self)
            guard ArticleAgreement.idiomNouns.contains(word) else { return false }
            return ArticleAgreement.idioms.contains { idiom in
                guard idiom.last == word, position >= idiom.count - 1 else { return false }
                let start = position - (idiom.count - 1)
                return zip(idiom.dropLast(), start..<position).allSatisfy { expected, index in
                    scanner.tokens[index].gapAfter == Gap.space
                        && scanner.scratch[scanner.tokens[index].folded].elementsEqual(expected.utf8)
                }
            }
        }

        /// The longest noun form that ends this word as the head of a closed compound, matched over the
        /// whole word (see `CompoundHead`). Walks back through the word once, hashing as it goes.
        func compound(at position: Int) -> Candidate? {
            let token = scanner.tokens[position]
            guard CompoundHead.startsWithCapital(scanner.scratch[token.cased]) else { return nil }
            let folded = scanner.scratch[token.folded]
            var hash = FNV.offsetBasis
            var headLetters = 0
            var best: Candidate?
            var cut = folded.endIndex
            while cut > folded.startIndex {
                cut -= 1
                hash = FNV.add(folded[cut], to: hash)
                // Only at the first byte of a scalar.
                guard folded[cut] & 0xC0 != 0x80 else { continue }
                headLetters += 1
                guard headLetters >= CompoundHead.minimumHeadLetters else { continue }
                let heads = index.compoundHeads(withReversedKey: hash)
                guard !heads.isEmpty, CompoundHead.isModifier(folded[folded.startIndex..<cut], headLetters: headLetters, head: folded[cut...]) else { continue }
                // A longer head, found later, is the more specific term and replaces a shorter one.
                var atThisLength: Candidate?
                for posting in heads {
                    let patternID = index.postings[posting]
                    let expected = index.tokens[Int(index.patterns[Int(patternID)].firstToken)]
                    let start = Int(expected.foldedStart)
                    guard Int(expected.foldedLength) == folded.endIndex - cut,
                          index.arena[start..<(start + Int(expected.foldedLength))].elementsEqual(folded[cut...])
                    else { continue }
                    atThisLength = better(atThisLength, Candidate(pattern: patternID, end: token.end, lastToken: position, kind: .compound))
                }
                if let atThisLength { best = atThisLength }
            }
            return best
        }

        /// Longer first, then the earlier glossary, then the more certain kind, then glossary order.
        func better(_ current: Candidate?, _ other: Candidate) -> Candidate {
            guard let current else { return other }
            if other.end != current.end { return other.end > current.end ? other : current }
            // Fields are read one by one: copying whole entries would retain every string they hold.
            let a = entries[Int(index.patterns[Int(current.pattern)].entry)].glossaryIndex
            let b = entries[Int(index.patterns[Int(other.pattern)].entry)].glossaryIndex
            if a != b { return b < a ? other : current }
            let rankA = MatchKind.allCases.firstIndex(of: current.kind)!, rankB = MatchKind.allCases.firstIndex(of: other.kind)!
            if rankA != rankB { return rankB < rankA ? other : current }
            return index.patterns[Int(other.pattern)].entry < index.patterns[Int(current.pattern)].entry ? other : current
        }

        func makeMatch(_ candidate: Candidate, startToken: Int) -> TermMatch {
            let entry = Int(index.patterns[Int(candidate.pattern)].entry)
            let span = TextSpan(start: scanner.tokens[startToken].start, end: candidate.end)
            return TermMatch(
                span: span,
                surface: String(decoding: UnsafeBufferPointer(rebasing: text[span.start..<span.end]), as: UTF8.self),
                source: entries[entry].term.text, target: entries[entry].target, conceptID: entries[entry].conceptID,
                status: entries[entry].status, kind: candidate.kind, partOfSpeech: entries[entry].term.partOfSpeech,
                deprecatedTargets: entries[entry].deprecatedTargets)
        }

        // MARK: - Comparisons

        /// The hash of the token's stem, or nil when no stem pattern could start with it (most tokens,
        /// which are then never stemmed).
        mutating func stem(of position: Int) -> UInt64? {
            if stems[position] == Self.notStemmed {
                let folded = scanner.scratch[scanner.tokens[position].folded]
                if StemPrefix.mayMatch(folded, stems: index.stems) {
                    stems[position] = FNV.hash(stemmer.stem(String(decoding: folded, as: UTF8.self)).utf8)
                } else {
                    stems[position] = Self.noStem
                }
            }
            return stems[position] == Self.noStem ? nil : stems[position]
        }

        static let notStemmed: UInt64 = 0
        static let noStem: UInt64 = 1

        func casedEqual(_ expected: TermIndex.PatternToken, _ token: TokenScanner.Token) -> Bool {
            let count = token.cased.count
            guard Int(expected.casedLength) == count else { return false }
            return index.arena.withUnsafeBufferPointer { arena in
                scanner.scratch.withUnsafeBufferPointer { scratch in
                    memcmp(arena.baseAddress! + Int(expected.casedStart), scratch.baseAddress! + token.cased.lowerBound, count) == 0
                }
            }
        }

        func foldedEqual(_ expected: TermIndex.PatternToken, _ token: TokenScanner.Token, length: Int? = nil) -> Bool {
            let count = length ?? token.folded.count
            guard Int(expected.foldedLength) == count else { return false }
            let start = Int(expected.foldedStart)
            return index.arena[start..<(start + count)].elementsEqual(scanner.scratch[token.folded.lowerBound..<(token.folded.lowerBound + count)])
        }

        func caseAllows(term expected: TermIndex.PatternToken, text range: Range<Int>, sensitive: Bool) -> Bool {
            let start = Int(expected.casedStart)
            return CaseRule.allows(
                term: index.arena[start..<(start + Int(expected.casedLength))], text: scanner.scratch[range],
                sensitive: sensitive)
        }

        /// For stem matches: a term written with a capital must meet a capital (`Unternehmen` is not `unternehmen`).
        func firstLetterCaseAllows(term expected: TermIndex.PatternToken, text token: TokenScanner.Token) -> Bool {
            let termWord = String(decoding: index.arena[Int(expected.casedStart)..<Int(expected.casedStart + expected.casedLength)], as: UTF8.self)
            let textWord = String(decoding: scanner.scratch[token.cased], as: UTF8.self)
            guard let first = termWord.first, first.isUppercase else { return true }
            return textWord.first?.isUppercase == true
        }
    }
}

/// memoQ's permissive case rule, and exact case for terms marked case-sensitive.
enum CaseRule {
    /// `term` and `text` are equal when lower-cased; may the text's case stand for the term's?
    static func allows(term: ArraySlice<UInt8>, text: ArraySlice<UInt8>, sensitive: Bool) -> Bool {
        if term.count == text.count {
            var previous: UInt8 = 0
            var fastPathHolds = true
            for (termByte, textByte) in zip(term, text) {
                defer { previous = termByte }
                if termByte == textByte { continue }
                if sensitive { return false }
                // A lower-case ASCII or Latin-1 letter in the term meets its capital in the text.
                if termByte >= 0x61 && termByte <= 0x7A && textByte == termByte - 0x20 { continue }
                if previous == 0xC3 && termByte >= 0xA0 && termByte <= 0xBE && termByte != 0xB7 && textByte == termByte - 0x20 { continue }
                fastPathHolds = false
                break
            }
            if fastPathHolds { return true }
        }
        // ASCII and Latin-1 were judged above; other scripts go scalar by scalar.
        let beyondLatin1 = { (byte: UInt8) in byte >= 0xC4 || byte == 0xC2 }
        if sensitive || !(term.contains(where: beyondLatin1) || text.contains(where: beyondLatin1)) { return false }
        let termScalars = Array(String(decoding: term, as: UTF8.self).unicodeScalars)
        let textScalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
        guard termScalars.count == textScalars.count else { return false }
        for (termScalar, textScalar) in zip(termScalars, textScalars) where termScalar != textScalar {
            guard termScalar.properties.isLowercase, String(textScalar).lowercased() == String(termScalar) else { return false }
        }
        return true
    }
}
