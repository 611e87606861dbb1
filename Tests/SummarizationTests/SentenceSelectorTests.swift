import Testing
@testable import Summarization

@Suite("SentenceSelector")
struct SentenceSelectorTests {
    /// Sentences 0 and 1 say the same; sentence 2 says something else and scores lower.
    func nearDuplicates() throws -> TermDocument {
        TermDocument(
            sentences: ["Der Konzern baut Rechenzentren.", "Der Konzern baut weitere Rechenzentren.", "Die Stadt prüft den Wasserbedarf."],
            title: "", profile: try Fixtures.german())
    }

    static let redundancyCases: [(weight: Double, picks: [Int])] = [
        (0, [0, 1]),
        (0.5, [0, 2]),
    ]

    @Test("the coverage discount passes over a sentence that repeats a pick", arguments: redundancyCases)
    func redundancy(weight: Double, picks: [Int]) throws {
        let selector = SentenceSelector(redundancyWeight: weight)
        let chosen = selector.select(
            scores: [1.0, 0.9, 0.6], document: try nearDuplicates(), limit: ResolvedLength(.sentences(2), sentenceCount: 3))
        #expect(chosen.map(\.sentence).sorted() == picks)
    }

    @Test("a word budget skips a sentence that no longer fits and takes a shorter one")
    func budget() throws {
        // Word counts 4, 5, 5: after sentence 0 a budget of 9 leaves 5 words.
        let document = try nearDuplicates()
        let chosen = SentenceSelector(redundancyWeight: 0).select(
            scores: [1.0, 0.9, 0.6], document: document, limit: ResolvedLength(.words(8), sentenceCount: 3))
        #expect(chosen.map(\.sentence) == [0])
        let wider = SentenceSelector(redundancyWeight: 0).select(
            scores: [0.5, 1.0, 0.6], document: document, limit: ResolvedLength(.words(9), sentenceCount: 3))
        #expect(wider.map(\.sentence) == [1, 0])
    }
}
