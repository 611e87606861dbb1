import Foundation
import PipelineCore

/// Earlier translations, searchable by source sentence: exact matches through a hash table, fuzzy
/// matches through a token index with prefix filtering, so a lookup touches only units that can
/// still reach the threshold instead of scanning the whole memory.
///
/// Similarity is token-level: `percent = floor(100 × (1 − distance / max(n, m)))`, where distance is
/// the Levenshtein distance between the token sequences. 100 is reserved for a source that equals
/// the query up to whitespace; any other match is at most 99.
public struct TranslationMemory: Sendable {
    public struct Unit: Sendable, Hashable, Codable {
        public let source: String
        public let target: String
        /// Where the unit came from, for provenance in reports.
        public let file: String
        public let line: Int

        public init(source: String, target: String, file: String = "", line: Int = 0) {
            self.source = source
            self.target = target
            self.file = file
            self.line = line
        }
    }

    public struct Match: Sendable, Hashable {
        public let unit: Unit
        public let percent: Int
    }

    public let units: [Unit]
    /// Each unit's source as token ids.
    private let unitTokens: [[Int32]]
    private let vocabulary: [UInt64: Int32]
    /// For each token id, the units containing it (ascending, without repeats).
    private let postings: [[Int32]]
    /// Key of a token sequence → the units with that sequence, in memory order: the candidates for
    /// an exact match, which is then confirmed on the whitespace-normalized text.
    private let exact: [UInt64: [Int]]
    private let normalizedSources: [String]

    public init(units: [Unit]) {
        self.units = units
        var vocabulary: [UInt64: Int32] = [:]
        var postings: [[Int32]] = []
        var unitTokens: [[Int32]] = []
        var exact: [UInt64: [Int]] = [:]
        var normalizedSources: [String] = []
        unitTokens.reserveCapacity(units.count)
        for (index, unit) in units.enumerated() {
            let normalized = MatchTokens.normalizeSpace(unit.source)
            normalizedSources.append(normalized)
            let tokens = MatchTokens.split(normalized)
            exact[MatchTokens.key(tokens), default: []].append(index)
            let ids = tokens.map { token -> Int32 in
                let key = MatchTokens.key(token)
                if let id = vocabulary[key] { return id }
                let id = Int32(postings.count)
                vocabulary[key] = id
                postings.append([])
                return id
            }
            for id in Set(ids).sorted() { postings[Int(id)].append(Int32(index)) }
            unitTokens.append(ids)
        }
        self.vocabulary = vocabulary
        self.postings = postings
        self.unitTokens = unitTokens
        self.exact = exact
        self.normalizedSources = normalizedSources
    }

    /// Loads and merges every memory in `urls` (files or folders of `.tmx`), in the order given.
    public static func load(_ urls: [URL], languages: LanguagePair, warn: (String) -> Void = { _ in }) throws -> TranslationMemory {
        TranslationMemory(units: try TMXReader.read(urls, languages: languages, warn: warn))
    }

    public var isEmpty: Bool { units.isEmpty }

    /// The best match at or above `threshold` percent; ties go to the unit that comes first in the memory.
    public func bestMatch(for source: String, threshold: Int) -> Match? {
        matches(for: source, threshold: threshold, limit: 1).first
    }

    /// Up to `limit` matches at or above `threshold`, best first; equal percentages in memory order.
    public func matches(for source: String, threshold: Int, limit: Int) -> [Match] {
        guard limit > 0 else { return [] }
        // Whitespace only separates tokens, so the raw text splits as its normalized form would.
        let tokens = MatchTokens.split(source)
        var exactUnits: [Int] = []
        if let candidates = exact[MatchTokens.key(tokens)] {
            let normalized = MatchTokens.normalizeSpace(source)
            exactUnits = candidates.filter { normalizedSources[$0] == normalized }
        }
        var ranked: [(percent: Int, unit: Int)] = exactUnits.prefix(limit).map { (100, $0) }
        if ranked.count == limit { return ranked.map { Match(unit: units[$0.unit], percent: $0.percent) } }

        let query = tokenIDs(of: tokens)
        let floor = max(1, min(threshold, 100))
        guard !query.isEmpty else { return ranked.map { Match(unit: units[$0.unit], percent: $0.percent) } }

        // Every unit reaching `floor` shares at least `needed` tokens with the query, so it must
        // contain one of the query's `query.count - needed + 1` rarest tokens (prefix filtering).
        let needed = (floor * query.count + 99) / 100
        // Shared tokens are tokens the memory knows; too few of them and no unit can reach the floor.
        guard query.count(where: { $0 >= 0 }) >= needed else {
            return ranked.map { Match(unit: units[$0.unit], percent: $0.percent) }
        }
        let byRarity = query.sorted { lhs, rhs in
            let l = lhs < 0 ? 0 : postings[Int(lhs)].count
            let r = rhs < 0 ? 0 : postings[Int(rhs)].count
            return (l, lhs) < (r, rhs)
        }
        var candidates = Set<Int32>()
        for token in byRarity.prefix(query.count - needed + 1) where token >= 0 {
            candidates.formUnion(postings[Int(token)])
        }
        candidates.subtract(exactUnits.map(Int32.init))

        // The shared-token count bounds the percentage from above: check the most promising first
        // and stop once no remaining candidate can enter the ranking.
        let queryCounts = Dictionary(query.map { ($0, 1) }, uniquingKeysWith: +)
        var bounded: [(bound: Int, unit: Int)] = []
        for candidate in candidates {
            let tokens = unitTokens[Int(candidate)]
            let longer = max(tokens.count, query.count)
            let bound = 100 * shared(queryCounts, tokens) / longer
            if bound >= floor { bounded.append((min(bound, 99), Int(candidate))) }
        }
        bounded.sort { ($0.bound, -$0.unit) > ($1.bound, -$1.unit) }

        for (bound, index) in bounded {
            if ranked.count >= limit, let worst = ranked.last, bound < worst.percent { break }
            let tokens = unitTokens[index]
            let distance = EditDistance.between(query, tokens)
            let percent = min(99, 100 * (max(tokens.count, query.count) - distance) / max(tokens.count, query.count))
            guard percent >= floor else { continue }
            ranked.append((percent, index))
            ranked.sort { ($0.percent, -$0.unit) > ($1.percent, -$1.unit) }
            if ranked.count > limit { ranked.removeLast() }
        }
        return ranked.map { Match(unit: units[$0.unit], percent: $0.percent) }
    }

    /// Token ids of a query; tokens the memory has never seen get distinct negative ids.
    private func tokenIDs(of tokens: [Substring]) -> [Int32] {
        var unknown: [UInt64: Int32] = [:]
        return tokens.map { token in
            let key = MatchTokens.key(token)
            if let id = vocabulary[key] { return id }
            if let id = unknown[key] { return id }
            let id = Int32(-1 - unknown.count)
            unknown[key] = id
            return id
        }
    }

    /// The size of the multiset intersection of the query's tokens and a unit's tokens.
    private func shared(_ queryCounts: [Int32: Int], _ tokens: [Int32]) -> Int {
        var remaining = queryCounts
        var count = 0
        for token in tokens {
            if let left = remaining[token], left > 0 {
                remaining[token] = left - 1
                count += 1
            }
        }
        return count
    }
}
