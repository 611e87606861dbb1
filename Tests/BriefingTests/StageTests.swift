import Foundation
import PipelineCore
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

    /// Runs the stage over the documents in the given order and returns every file it wrote.
    static func run(_ options: BriefingStage.Options, order: [Int]) async throws -> [String: Data] {
        let stage = try BriefingStage(options: options, context: context)
        let documents = documents()
        var files: [String: Data] = [:]
        for index in order {
            var document = documents[index]
            try await stage.process(&document, context: context)
            for output in document.outputs { files[output.path] = output.contents }
        }
        for output in try stage.finish(context: context) { files[output.path] = output.contents }
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
            let options = try JSONDecoder().decode(BriefingStage.Options.self, from: Data(json.utf8))
            #expect(expectedError == nil)
            #expect(options.formats == [.markdown] && options.digestPoints == 2 && options.digest)
        } catch {
            #expect(expectedError.map { "\(error)".contains($0) } == true, "\(error)")
        }
    }
}

@Suite struct LeverageTests {
    static let memory = TranslationMemory(units: [
        .init(source: "OpenAI plant neue Rechenzentren in Europa.", target: "From memory: OpenAI plans new data centres in Europe."),
        .init(source: "Die Regulierung von Chips bleibt umstritten.", target: "The regulation of chips remains contested."),
        .init(source: "Das Wetter war schlecht.", target: "The weather was bad."),
    ])

    static func document() -> AnnotatedDocument {
        DocumentFixture.document(sentences: BriefingBuilderTests.sentences, summary: [0, 2])
    }

    @Test func translatorsWinOverTheMemory() async throws {
        let leverager = Leverager(memory: Self.memory, threshold: 75, scope: .summary)
        let translations = try await leverager.translations(for: Self.document(), returned: [0: "Returned by a translator."])
        #expect(translations[0] == Translation(sentence: 0, text: "Returned by a translator.", origin: .translator))
        #expect(translations[2] == Translation(sentence: 2, text: "The regulation of chips remains contested.", origin: .memory(percent: 100)))
        #expect(translations.count == 2)
    }

    @Test(arguments: [(Leverager.Scope.summary, [0, 2]), (.all, [0, 1, 2])])
    func scopeDecidesWhichSentencesAreLookedUp(scope: Leverager.Scope, sentences: [Int]) async throws {
        // "Das Wetter war gut." against "Das Wetter war schlecht.": 4 of 5 tokens, 80%.
        let leverager = Leverager(memory: Self.memory, threshold: 80, scope: scope)
        let translations = try await leverager.translations(for: Self.document(), returned: [:])
        #expect(translations.keys.sorted() == sentences)
        if scope == .all { #expect(translations[1]?.origin == .memory(percent: 80)) }
    }

    @Test func sentencesBelowTheThresholdStayUntranslated() async throws {
        let leverager = Leverager(memory: Self.memory, threshold: 81, scope: .all)
        let translations = try await leverager.translations(for: Self.document(), returned: [:])
        #expect(translations.keys.sorted() == [0, 2])
    }

    @Test func theStageReadsMemoriesFromTheContext() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try TMXReaderTests.tmx("""
        <tu><tuv xml:lang="de-DE"><seg>OpenAI plant neue Rechenzentren in Asien.</seg></tuv><tuv xml:lang="en-GB"><seg>OpenAI plans new data centres in Asia.</seg></tuv></tu>
        """).write(to: folder.appendingPathComponent("memory.tmx"))
        let context = StageContext(pipelineName: "t", languages: DocumentFixture.languages, baseDirectory: folder,
                                   translationMemories: [folder.appendingPathComponent("memory.tmx")])
        let stage = try LeverageStage(options: .init(), context: context)
        var document = Self.document()
        try await stage.process(&document, context: context)
        #expect(document.translations[0]?.origin == .memory(percent: 85))
        #expect(document.translations[0]?.text == "OpenAI plans new data centres in Asia.")
    }

    @Test(arguments: [
        (#"{"fuzzy-threshold": 90, "apply-to": "all"}"#, nil),
        (#"{"fuzzy-threshold": 0}"#, "not a percentage"),
        (#"{"fuzzy-threshold": 101}"#, "not a percentage"),
        (#"{"apply-to": "everything"}"#, "everything"),
        (#"{"threshold": 80}"#, "unknown key 'threshold'"),
    ] as [(String, String?)])
    func optionsAreStrict(json: String, expectedError: String?) {
        do {
            let options = try JSONDecoder().decode(LeverageStage.Options.self, from: Data(json.utf8))
            #expect(expectedError == nil)
            #expect(options.fuzzyThreshold == 90 && options.applyTo == .all)
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
