import PipelineCore
import Testing
@testable import Summarization

@Suite("Summarizer")
struct SummarizerTests {
    static let input = SummaryInput(sentences: Fixtures.article, title: Fixtures.articleTitle)

    @Test("each method returns the requested number of picks, in document order, ranked 1…K",
          arguments: SummaryMethod.allCases)
    func picks(method: SummaryMethod) throws {
        let summary = try Summarizer(method: method, language: "de").summarize(Self.input, length: .sentences(3))
        #expect(summary.method == method.rawValue)
        #expect(summary.picks.count == 3)
        #expect(summary.picks.map(\.sentence) == summary.picks.map(\.sentence).sorted())
        #expect(Set(summary.picks.map(\.rank)) == [1, 2, 3])
    }

    @Test("lead takes the first sentences")
    func lead() throws {
        let summary = try Summarizer(method: .lead, language: "de").summarize(Self.input, length: .sentences(2))
        #expect(summary.picks.map(\.sentence) == [0, 1])
        #expect(summary.picks.map(\.rank) == [1, 2])
    }

    @Test("the default method passes over the question and the digression")
    func defaultAvoidsPoorPoints() throws {
        let summary = try Summarizer(language: "de").summarize(Self.input, length: .sentences(3))
        let chosen = summary.picks.map { Fixtures.article[$0.sentence] }
        #expect(!chosen.contains("Wie viel Geld fließt?"))
        #expect(!chosen.contains("Am Abend regnete es in Berlin."))
        #expect(summary.picks.first { $0.rank == 1 }?.sentence == 0)
    }

    static let lengthCases: [(length: SummaryLength, count: Int)] = [
        (.sentences(1), 1),
        (.sentences(50), Fixtures.article.count),
        (.ratio(0.3), 2),   // 0.3 × 7 = 2.1
        (.ratio(0.01), 1),  // never empty
        (.ratio(1), Fixtures.article.count),
    ]

    @Test("sentence counts and ratios resolve per document", arguments: lengthCases)
    func lengths(length: SummaryLength, count: Int) throws {
        let summary = try Summarizer(language: "de").summarize(Self.input, length: length)
        #expect(summary.picks.count == count)
    }

    @Test("a word budget is never exceeded and never cuts a sentence", arguments: [8, 15, 25, 40, 1_000])
    func wordBudget(budget: Int) throws {
        let summary = try Summarizer(language: "de").summarize(Self.input, length: .words(budget))
        let words = summary.picks.map { Self.wordCount(Fixtures.article[$0.sentence]) }
        #expect(words.reduce(0, +) <= budget)
        let shortest = Fixtures.article.map(Self.wordCount).min()!
        if budget >= shortest { #expect(!summary.picks.isEmpty) }
    }

    @Test("identical sentences tie, and the tie goes to the earlier one")
    func ties() throws {
        let sentences = Array(repeating: "Die Regierung fördert Rechenzentren.", count: 4)
        for method in SummaryMethod.allCases {
            let summary = try Summarizer(method: method, language: "de")
                .summarize(SummaryInput(sentences: sentences), length: .sentences(2))
            #expect(summary.picks.map(\.sentence) == [0, 1], "\(method)")
        }
    }

    @Test("a sentence that repeats the title is no key point", arguments: SummaryMethod.allCases)
    func titleLine(method: SummaryMethod) throws {
        let input = SummaryInput(
            sentences: [Fixtures.articleTitle] + Fixtures.article, paragraphs: [0] + Array(repeating: 1, count: Fixtures.article.count),
            title: Fixtures.articleTitle)
        let summary = try Summarizer(method: method, language: "de").summarize(input, length: .sentences(2))
        #expect(!summary.picks.contains { $0.sentence == 0 })
        #expect(summary.picks.count == 2)
    }

    @Test("empty documents and empty sentences give no picks", arguments: [[], ["", " – "]])
    func empty(sentences: [String]) throws {
        let summary = try Summarizer(language: "de").summarize(SummaryInput(sentences: sentences), length: .sentences(3))
        #expect(summary.picks.isEmpty)
    }

    @Test("sentences with glossary concepts rank higher under the default method")
    func termBoost() throws {
        // Without concepts sentence 0 leads (density 0.137 against 0.113); two concepts raise
        // sentence 1 by a third.
        let sentences = ["Der Verband lobt das neue Gesetz in Berlin.", "Das Gesetz regelt offene Modelle.", "Das Gesetz gilt ab Mai."]
        let plain = try Summarizer(language: "de").summarize(SummaryInput(sentences: sentences), length: .sentences(1))
        let boosted = try Summarizer(language: "de").summarize(
            SummaryInput(sentences: sentences, conceptCounts: [0, 2, 0]), length: .sentences(1))
        #expect(plain.picks.map(\.sentence) == [0])
        #expect(boosted.picks.map(\.sentence) == [1])
    }

    /// Past TextRank's complete-graph limit, so the sparse graph is built; the benchmark times
    /// 1,000 against 10,000 sentences.
    @Test("a long document is summarized by every method", arguments: SummaryMethod.allCases)
    func longDocument(method: SummaryMethod) throws {
        let sentences = Fixtures.longDocument(sentences: 3 * TextRankScorer.completeGraphLimit)
        let summary = try Summarizer(method: method, language: "de")
            .summarize(SummaryInput(sentences: sentences), length: .ratio(0.1))
        #expect(summary.picks.count == sentences.count / 10)
    }

    @Test("the same input gives the same summary, summarized concurrently or not")
    func deterministic() async throws {
        let summarizer = try Summarizer(language: "de")
        let inputs = (0..<8).map { offset in SummaryInput(sentences: Array(Fixtures.longDocument(sentences: 200 + offset))) }
        let sequential = inputs.map { summarizer.summarize($0, length: .sentences(5)) }
        let concurrent = await withTaskGroup(of: (Int, Summary).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, summarizer.summarize(input, length: .sentences(5))) }
            }
            var results = [Summary?](repeating: nil, count: inputs.count)
            for await (index, summary) in group { results[index] = summary }
            return results.compactMap { $0 }
        }
        #expect(concurrent == sequential)
    }

    static func wordCount(_ sentence: String) -> Int {
        var scanner = WordScanner()
        var count = 0
        scanner.forEachWord(in: sentence) { _ in count += 1 }
        return count
    }
}
