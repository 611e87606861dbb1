import Foundation
import PipelineCore
import Testing
import TestSupport
@testable import Leverage

@Suite struct TranslationMemoryTests {
    static let memory = TranslationMemory(units: [
        .init(source: "Die Regierung plant neue Regeln für Rechenzentren.", target: "The government plans new rules for data centres."),
        .init(source: "Die Regierung plant neue Regeln für Chips.", target: "The government plans new rules for chips."),
        .init(source: "Die Regierung plant strenge neue Regeln für große Rechenzentren.", target: "The government plans strict new rules for large data centres."),
        .init(source: "OpenAI kündigte ein neues Modell an.", target: "OpenAI announced a new model."),
    ])

    @Test func exactMatchIsHundredPercent() throws {
        let match = try #require(Self.memory.bestMatch(for: "Die Regierung plant neue Regeln für Rechenzentren.", threshold: 75))
        #expect(match.percent == 100)
        #expect(match.unit.target == "The government plans new rules for data centres.")
    }

    @Test func whitespaceDoesNotSpoilAnExactMatch() throws {
        let match = try #require(Self.memory.bestMatch(for: "  Die Regierung plant neue\nRegeln für Chips. ", threshold: 75))
        #expect(match.percent == 100)
        #expect(match.unit.target == "The government plans new rules for chips.")
    }

    @Test func aNearMissIsAFuzzyMatchBelowHundred() throws {
        // 8 tokens, one substituted: 100 × 7/8 = 87.5, rounded down.
        let match = try #require(Self.memory.bestMatch(for: "Die Regierung plant neue Regeln für Server.", threshold: 75))
        #expect(match.percent == 87)
        #expect(match.unit.source.hasSuffix("Rechenzentren."))
    }

    @Test func caseOnlyDifferenceIsNotExact() throws {
        let match = try #require(Self.memory.bestMatch(for: "die Regierung plant neue Regeln für Chips.", threshold: 75))
        #expect(match.percent == 87)
    }

    @Test(arguments: [(threshold: 87, found: true), (threshold: 88, found: false), (threshold: 100, found: false), (threshold: 50, found: true)])
    func thresholdIsInclusive(threshold: Int, found: Bool) {
        #expect((Self.memory.bestMatch(for: "Die Regierung plant neue Regeln für Server.", threshold: threshold) != nil) == found)
    }

    @Test func rankingPutsTheClosestFirstAndBreaksTiesByMemoryOrder() {
        let ranked = Self.memory.matches(for: "Die Regierung plant neue Regeln für Server.", threshold: 50, limit: 5)
        // Units 0 and 1 both differ by one token of eight (87%); unit 2 needs three edits for ten tokens (70%).
        #expect(ranked.map(\.percent) == [87, 87, 70])
        #expect(ranked.map(\.unit.target) == [Self.memory.units[0].target, Self.memory.units[1].target, Self.memory.units[2].target])
    }

    @Test func unrelatedTextFindsNothing() {
        #expect(Self.memory.bestMatch(for: "Das Wetter bleibt morgen sonnig und warm.", threshold: 50) == nil)
        #expect(Self.memory.bestMatch(for: "   ", threshold: 50) == nil)
    }

    @Test func duplicateSourcesAllCountAsExact() {
        let memory = TranslationMemory(units: [
            .init(source: "Ein Satz.", target: "First."), .init(source: "Ein Satz.", target: "Second."),
        ])
        let ranked = memory.matches(for: "Ein Satz.", threshold: 75, limit: 3)
        #expect(ranked.map(\.percent) == [100, 100])
        #expect(ranked.map(\.unit.target) == ["First.", "Second."])
    }

    /// The index must find exactly what a full scan finds; checked against brute force on a
    /// generated memory, for several thresholds.
    @Test(arguments: [40, 60, 75, 90])
    func indexedLookupAgreesWithAFullScan(threshold: Int) {
        let words = ["Die", "Regierung", "plant", "neue", "Regeln", "für", "Chips", "und", "Rechenzentren", "in", "Europa", "."]
        var generator = SplitMix(seed: 7)
        func sentence() -> String {
            (0..<Int(generator.next() % 8 + 3)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
        }
        let units = (0..<300).map { TranslationMemory.Unit(source: sentence(), target: "t\($0)") }
        let memory = TranslationMemory(units: units)
        for _ in 0..<60 {
            let query = sentence()
            let queryTokens = MatchTokens.split(MatchTokens.normalizeSpace(query))
            var vocabulary: [Substring: Int32] = [:]
            func ids(_ tokens: [Substring]) -> [Int32] {
                tokens.map { token in
                    if let id = vocabulary[token] { return id }
                    vocabulary[token] = Int32(vocabulary.count)
                    return Int32(vocabulary.count - 1)
                }
            }
            let q = ids(queryTokens)
            let expected = units.enumerated().compactMap { index, unit -> (Int, Int)? in
                let normalized = MatchTokens.normalizeSpace(unit.source)
                let tokens = ids(MatchTokens.split(normalized))
                let longer = max(tokens.count, q.count)
                let percent = normalized == MatchTokens.normalizeSpace(query) ? 100
                    : min(99, 100 * (longer - EditDistance.between(q, tokens)) / longer)
                return percent >= threshold ? (percent, index) : nil
            }.sorted { ($0.0, -$0.1) > ($1.0, -$1.1) }.prefix(5)
            let found = memory.matches(for: query, threshold: threshold, limit: 5)
            #expect(found.map(\.percent) == expected.map(\.0), "query: \(query)")
            #expect(found.map(\.unit.target) == expected.map { units[$0.1].target }, "query: \(query)")
        }
    }
}

/// A small deterministic random source for generated test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
