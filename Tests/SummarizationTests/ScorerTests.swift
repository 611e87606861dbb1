import Testing
@testable import Summarization

@Suite("Scorers")
struct ScorerTests {
    func document(_ sentences: [String], title: String = "") throws -> TermDocument {
        TermDocument(sentences: sentences, title: title, profile: try Fixtures.german())
    }

    @Test("directed centrality favours the sentence whose words later sentences take up")
    func directedCentrality() throws {
        let scores = DirectedCentrality.scores(try document(Fixtures.article))
        let digression = Fixtures.article.firstIndex(of: "Am Abend regnete es in Berlin.")!
        #expect(scores[0] > scores[digression])
        #expect(scores.last == 0, "nothing follows the last sentence")
    }

    @Test("a title counts as one more following sentence")
    func titleOverlap() throws {
        let sentences = ["Der Verband fordert neue Regeln.", "Das Wetter bleibt trocken."]
        let plain = DirectedCentrality.scores(try document(sentences))
        let titled = DirectedCentrality.scores(try document(sentences, title: "Neue Regeln"))
        #expect(plain[0] == 0)
        #expect(titled[0] > 0)
        #expect(titled[1] == 0)
    }

    @Test("centroid similarity ranks the sentence sharing most vocabulary first")
    func centroid() throws {
        let sentences = [
            "Chips für Rechenzentren werden knapp.",
            "Rechenzentren brauchen Chips, Strom und Kühlung.",
            "Strom für Rechenzentren wird teurer.",
            "Der Zoo bekommt einen Elefanten.",
        ]
        let scores = CentroidScorer.scores(try document(sentences))
        #expect(scores.indices.max { scores[$0] < scores[$1] } == 1)
        #expect(scores[3] < scores[0])
    }

    @Test("TextRank ranks the hub of a star-shaped similarity graph first")
    func textRank() throws {
        let sentences = [
            "Der Zoo bekommt Elefanten.",
            "Die Regierung fördert Chips, Rechenzentren, Strom und Kühlung.",
            "Chips werden knapp.",
            "Rechenzentren wachsen.",
            "Strom wird teurer.",
            "Kühlung braucht Wasser.",
        ]
        let scores = TextRankScorer.scores(try document(sentences))
        #expect(scores.indices.max { scores[$0] < scores[$1] } == 1)
        #expect(abs(scores.reduce(0, +) - 1) < 1e-6, "PageRank keeps a probability distribution")
    }

    @Test("past the complete-graph limit each sentence keeps a bounded number of edges")
    func sparseGraph() throws {
        let count = TextRankScorer.completeGraphLimit * 3
        let graph = TextRankScorer.Graph(try document(Fixtures.longDocument(sentences: count)))
        let edges = graph.neighbours.reduce(0) { $0 + $1.count }
        #expect(edges <= 2 * count * TextRankScorer.neighbourLimit)
        #expect(edges > 0)
    }
}
