import ArgumentParser
import Foundation
import PipelineCore
import Segmentation
import Summarization

/// `pipeline summarize`: the key sentences of a text, cut as `pipeline segment` cuts them.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Pick the key sentences of a text.",
        discussion: """
            Methods: \(SummaryMethod.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ")). \
            Give exactly one length: --sentences, --ratio or --words (a budget that never cuts a sentence). \
            With --jsonl, reads one JSON object with "text" (and optionally "title") per line and writes it back \
            with "summary" added: the chosen sentences in document order. Without it, reads plain text and \
            prints the chosen sentences with their rank and score.
            """)

    @Option(name: .customLong("lang"), help: "Language of the text (BCP-47), e.g. de or de-DE.")
    var language: String

    @Option(help: "Summary length in sentences.")
    var sentences: Int?

    @Option(help: "Summary length as a share of the text's sentences, in (0, 1].")
    var ratio: Double?

    @Option(help: "Word budget; sentences are never cut.")
    var words: Int?

    @Option(help: "How sentences are scored.")
    var method: SummaryMethod = .default

    @Flag(help: "Read and write JSON Lines.")
    var jsonl = false

    @Option(help: "With --jsonl, lines summarized at once; the default is this machine's core count.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if LanguageTag(language) == nil { throw ValidationError("--lang '\(language)' is not a BCP-47 language tag") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        let given = [sentences.map { _ in "--sentences" }, ratio.map { _ in "--ratio" }, words.map { _ in "--words" }].compactMap { $0 }
        guard given.count == 1 else {
            throw ValidationError(given.isEmpty
                ? "give one length: --sentences K, --ratio R or --words W"
                : "give one length only, not \(given.joined(separator: " and "))")
        }
        do { _ = try length.validated() } catch let error as SummarizationError { throw ValidationError(error.reason) }
    }

    private var length: SummaryLength {
        if let sentences { return .sentences(sentences) }
        if let ratio { return .ratio(ratio) }
        return .words(words ?? 0)
    }

    func run() throws {
        try Failure.reporting {
            let tag = LanguageTag(language)!
            let segmenter = try Segmenter(language: tag)
            let summarizer = try Summarizer(method: method, language: tag.language)
            if jsonl {
                let length = length
                try JSONLines.process(jobs: jobs) { object in
                    let text = try object.requiredString("text")
                    // The title as `run` reads a .jsonl line: the given one, else the first line.
                    let title = try object.string("title").flatMap { $0.isEmpty ? nil : $0 } ?? TextTitle.firstLine(of: text)
                    let (sentences, summary) = Self.summarize(text, title: title, segmenter: segmenter, summarizer: summarizer, length: length)
                    var fields = JSONAddedFields()
                    fields.add("summary") { json in json.appendArray(summary.picks) { $0.appendString(sentences[$1.sentence]) } }
                    return fields
                }
            } else {
                let text = try SegmentCommand.standardInput()
                // The title as `run` reads a .txt file: its headline.
                let (sentences, summary) = Self.summarize(
                    text, title: TextTitle.headline(of: text), segmenter: segmenter, summarizer: summarizer, length: length)
                print("\(summary.picks.count) of \(sentences.count) sentences, method \(summary.method), in document order:")
                for pick in summary.picks {
                    print("\n[rank \(pick.rank), sentence \(pick.sentence + 1), score \(String(format: "%.4f", pick.score))]")
                    print(sentences[pick.sentence])
                }
            }
        }
    }

    static func summarize(
        _ text: String, title: String, segmenter: Segmenter, summarizer: Summarizer, length: SummaryLength
    ) -> (sentences: [String], summary: Summary) {
        // Through the document model, as the `summarize` stage of `run` reads it, so both pick the
        // same sentences for the same text and title.
        var document = AnnotatedDocument(document: Document(id: "input", title: title, text: text, source: "input"), ordinal: 0)
        let segmented = segmenter.segment(text)
        document.paragraphs = segmented.paragraphs
        document.sentences = segmented.sentences
        let sentences = segmented.sentences.map { text.slice($0.span) }
        return (sentences, summarizer.summarize(SummaryInput(document), length: length))
    }
}

extension SummaryMethod: ExpressibleByArgument {}
