import Foundation
import PipelineCore
import Testing
@testable import Summarization

@Suite("SummarizeStage")
struct SummarizeStageTests {
    static let decodingCases: [(json: String, expected: SummarizeOptions)] = [
        ("{}", SummarizeOptions()),
        (#"{"sentences": 2}"#, SummarizeOptions(method: .default, length: .sentences(2))),
        (#"{"ratio": 0.25, "method": "textrank"}"#, SummarizeOptions(method: .textrank, length: .ratio(0.25))),
        (#"{"words": 60, "method": "lead"}"#, SummarizeOptions(method: .lead, length: .words(60))),
    ]

    @Test("options decode with defaults", arguments: decodingCases)
    func decoding(json: String, expected: SummarizeOptions) throws {
        let options = try JSONDecoder().decode(SummarizeOptions.self, from: Data(json.utf8))
        #expect(options == expected)
        let roundTrip = try JSONDecoder().decode(SummarizeOptions.self, from: JSONEncoder().encode(options))
        #expect(roundTrip == options)
    }

    static let rejectedCases: [(json: String, message: String)] = [
        (#"{"sentence": 2}"#, "unknown key 'sentence'"),
        (#"{"sentences": 2, "words": 40}"#, "give one length only"),
        (#"{"ratio": 1.5}"#, "ratio must be greater than 0 and at most 1"),
        (#"{"sentences": 0}"#, "sentences must be at least 1"),
        (#"{"method": "magic"}"#, "unknown method 'magic'"),
    ]

    @Test("unknown keys, two lengths and bad values are rejected with a reason", arguments: rejectedCases)
    func rejected(json: String, message: String) {
        do {
            _ = try JSONDecoder().decode(StrictOptions<SummarizeOptions>.self, from: Data(json.utf8))
            Issue.record("decoded \(json)")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains(message))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// The sentences as one paragraph each (`paragraphs`), joined by a space or a blank line.
    static func annotated(_ paragraphs: [[String]], title: String) -> AnnotatedDocument {
        let text = paragraphs.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
        var document = AnnotatedDocument(document: Document(id: "a", title: title, text: text, source: "fixture"), ordinal: 0)
        var offset = 0
        for (index, paragraph) in paragraphs.enumerated() {
            let start = offset
            for sentence in paragraph {
                let length = sentence.utf8.count
                document.sentences.append(Sentence(span: TextSpan(start: offset, end: offset + length), paragraph: index))
                offset += length + 1
            }
            document.paragraphs.append(TextSpan(start: start, end: offset - 1))
            offset += 1
        }
        return document
    }

    static let titleCases: [(paragraphs: [[String]], title: String, kept: String)] = [
        ([[Fixtures.articleTitle], Fixtures.article], Fixtures.articleTitle, Fixtures.articleTitle),
        ([Fixtures.article], Fixtures.articleTitle, Fixtures.articleTitle),
        ([Fixtures.article], Fixtures.article.joined(separator: " "), ""),
    ]

    @Test("a title that is the whole first paragraph is a stand-in, not a heading", arguments: titleCases)
    func title(paragraphs: [[String]], title: String, kept: String) {
        let document = Self.annotated(paragraphs, title: title)
        #expect(SummaryInput(document).title == kept)
        #expect(SummaryInput(document).sentences == paragraphs.flatMap { $0 })
    }

    @Test("a caption or kicker above the title is never a key point, nor is the title")
    func captionAboveTitle() throws {
        let caption = "Polizisten sichern am Abend den Tatort vor einem der neuen Rechenzentren in Berlin."
        let document = Self.annotated([[caption], [Fixtures.articleTitle], Fixtures.article], title: Fixtures.articleTitle)
        let input = SummaryInput(document)
        for method in SummaryMethod.allCases {
            let picks = try Summarizer(method: method, language: "de").summarize(input, length: .sentences(4)).picks
            #expect(picks.count == 4)
            #expect(!picks.contains { $0.sentence < 2 }, "\(method)")
        }
    }

    @Test("a sentence that repeats the title further down is no front matter")
    func titleFurtherDown() throws {
        let sentences = Fixtures.article + [Fixtures.articleTitle]
        let input = SummaryInput(sentences: sentences, title: Fixtures.articleTitle)
        let picks = try Summarizer(method: .lead, language: "de").summarize(input, length: .sentences(2)).picks
        #expect(picks.map(\.sentence) == [0, 1])
    }

    @Test("the stage fills the document's summary from its sentences")
    func process() async throws {
        var document = Self.annotated([Fixtures.article], title: Fixtures.articleTitle)
        let context = StageContext(
            pipelineName: "test", languages: LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!),
            baseDirectory: URL(fileURLWithPath: "/tmp"))
        let stage = try SummarizeStage(options: SummarizeOptions(method: .default, length: .sentences(2)), context: context)
        try await stage.process(&document, context: context)
        let summary = try #require(document.summary)
        #expect(summary.picks.count == 2)
        #expect(summary.method == "default")
        #expect(SummarizeStage.requirements(for: .init()) == [StageRequirement("segment")])
    }
}
