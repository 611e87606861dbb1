import Foundation
import PipelineCore
import TestSupport
import Testing
@testable import Briefing

@Suite struct BriefingStageTests {
    static let context = StageContext(pipelineName: "de-en", languages: DocumentFixture.languages, baseDirectory: URL(fileURLWithPath: "/tmp"))

    static func documents() -> [AnnotatedDocument] {
        (0..<4).map { ordinal in
            var document = DocumentFixture.document(
                id: "doc\(ordinal)", ordinal: ordinal, title: "Artikel \(ordinal)",
                sentences: BriefingBuilderTests.sentences, terms: [DocumentFixture.openAI, DocumentFixture.chip], summary: [3, 0, 2])
            if ordinal.isMultiple(of: 2) {
                document.translations[0] = Translation(sentence: 0, text: "OpenAI plans new data centres in Europe.", origin: .translator)
            }
            return document
        }
    }

    /// Runs the stage over the documents in the given processing order, delivers them to the batch
    /// in input order as the runner does, and returns every file written.
    static func run(_ options: BriefingStage.Options, order: [Int]) async throws -> [String: Data] {
        let stage = try BriefingStage(options: options, context: context)
        var batch = try stage.makeBatch(context: context)
        let documents = documents()
        var processed: [Int: AnnotatedDocument] = [:]
        var files: [String: Data] = [:]
        for index in order {
            var document = documents[index]
            try await stage.process(&document, context: context)
            for output in document.outputs { files[output.path] = output.contents }
            processed[index] = document
        }
        for index in processed.keys.sorted() { try batch?.add(processed[index]!) }
        for output in try batch?.finish() ?? [] { files[output.path] = output.contents }
        return files
    }

    @Test func writesEachFormatTheQAReportAndTheDigest() async throws {
        let files = try await Self.run(BriefingStage.Options(), order: [0, 1, 2, 3])
        let expected = (0..<4).flatMap { ["doc\($0).briefing.md", "doc\($0).briefing.html", "doc\($0).briefing.json", "doc\($0).qa.json"] }
            + ["digest.md", "digest.html", "digest.json"]
        #expect(Set(files.keys) == Set(expected))
    }

    @Test func outputDoesNotDependOnTheOrderDocumentsFinish() async throws {
        let inOrder = try await Self.run(BriefingStage.Options(), order: [0, 1, 2, 3])
        let shuffled = try await Self.run(BriefingStage.Options(), order: [2, 0, 3, 1])
        #expect(inOrder == shuffled)
        let digest = String(decoding: try #require(inOrder["digest.md"]), as: UTF8.self)
        let positions = (0..<4).map { digest.range(of: "## Artikel \($0)")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(digest.contains("- Artikel 1 (*doc1*): 3 of 3 key points"))
        #expect(digest.contains("| OpenAI | OpenAI | 8 | 4 |"))
    }

    @Test func theDigestKeepsTheTopRankedPointsInDocumentOrder() async throws {
        var options = BriefingStage.Options()
        options.digestPoints = 2
        let files = try await Self.run(options, order: [0, 1, 2, 3])
        let digest = try JSONDecoder().decode(Digest.self, from: try #require(files["digest.json"]))
        // Ranks: sentence 3 → 1, sentence 0 → 2, sentence 2 → 3.
        #expect(digest.documents.map { $0.topPoints.map(\.sentence) } == Array(repeating: [0, 3], count: 4))
        #expect(digest.awaiting.map(\.id) == ["doc0", "doc1", "doc2", "doc3"])
    }

    @Test func formatsAndDigestAreOptional() async throws {
        var options = BriefingStage.Options()
        options.formats = [.json]
        options.digest = false
        options.qaReport = false
        let files = try await Self.run(options, order: [0])
        #expect(files.keys.sorted() == ["doc0.briefing.json"])
    }

    @Test(arguments: [
        (#"{"formats": ["markdown"], "digest-points": 2}"#, nil),
        (#"{"format": ["markdown"]}"#, "unknown key 'format'"),
        (#"{"formats": []}"#, "name at least one format"),
        (#"{"formats": ["pdf"]}"#, "pdf"),
        (#"{"digest-points": 0}"#, "must be at least 1"),
        (#"{"digest-documents": 0}"#, "must be at least 1"),
    ] as [(String, String?)])
    func optionsAreStrict(json: String, expectedError: String?) {
        do {
            let options = try JSONDecoder().decode(StrictOptions<BriefingStage.Options>.self, from: Data(json.utf8)).options
            #expect(expectedError == nil)
            #expect(options.formats == [.markdown] && options.digestPoints == 2 && options.digest)
        } catch {
            #expect(expectedError.map { "\(error)".contains($0) } == true, "\(error)")
        }
    }
}

@Suite struct DigestBuilderTests {
    /// Three documents naming the same concept in different words, added in every order.
    @Test(arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0]])
    func theDigestIsTheSameWhateverTheOrderOfArrival(order: [Int]) {
        let wordings = [["Rechenzentren"], ["Datenzentrum", "Rechenzentrum"], ["Datenzentrum"]]
        let briefings = wordings.enumerated().map { ordinal, forms in
            var term = DocumentFixture.rechenzentrum
            term.forms = forms
            term.lemma = forms.last!
            let document = DocumentFixture.document(
                id: "d\(ordinal)", ordinal: ordinal, sentences: ["Ein \(forms[0]) hier.", "Noch ein \(forms.last!) da."],
                terms: [term], summary: [0])
            return BriefingBuilder(languages: DocumentFixture.languages).briefing(for: document)
        }
        var builder = DigestBuilder(points: 1)
        for index in order { builder.add(briefings[index]) }
        let digest = builder.digest(pipeline: "p", languages: DocumentFixture.languages)
        #expect(digest.documents.map(\.id) == ["d0", "d1", "d2"])
        #expect(digest.keyTerms.count == 1)
        #expect(digest.keyTerms.first?.source == "Rechenzentren")
        #expect(digest.keyTerms.first?.count == 6)
        #expect(digest.keyTerms.first?.documents == 3)
    }

    /// Only the first documents in input order are listed, whatever order they arrive in; the
    /// totals still count every document.
    @Test(arguments: [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]])
    func theListsAreBoundedAndTheTotalsComplete(order: [Int]) {
        let documents = BriefingStageTests.documents()
        var builder = DigestBuilder(points: 1, limit: 2)
        for index in order {
            builder.add(BriefingBuilder(languages: DocumentFixture.languages).briefing(for: documents[index]))
        }
        let digest = builder.digest(pipeline: "p", languages: DocumentFixture.languages)
        #expect(digest.documents.map(\.id) == ["doc0", "doc1"])
        #expect(digest.awaiting.map(\.id) == ["doc0", "doc1"])
        #expect((digest.documentCount, digest.unlistedDocuments, digest.awaitingCount, digest.unlistedAwaiting) == (4, 2, 4, 2))
        #expect(digest.status.detailedLine == "2 of 12 key points translated (translator 2, TM 0, awaiting 10)")
        #expect(digest.keyTerms.map(\.documents) == [4, 4])
        let markdown = MarkdownRenderer().render(digest)
        #expect(markdown.contains("*2 more documents not listed here; each has its own briefing.*"))
        #expect(markdown.contains("- and 2 more"))
        #expect(HTMLRenderer().render(digest).contains("<li>and 2 more</li>"))
    }
}
