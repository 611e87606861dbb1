import ArgumentParser
import Foundation
import PipelineCore
import Segmentation
import Summarization

/// ROUGE of every summarization method beside Lead-K on a set of articles with reference summaries
/// (by default `../shared/corpus/summarization-dev.jsonl`, the dev set the default method is tuned
/// on). Lead-K is the `lead` method: the first K sentences as the segmenter cuts them, which is how
/// `../shared/tools/eval-summary` measures it. Prints one Markdown table per K.
struct SummaryEvaluation: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary-eval",
        abstract: "ROUGE-1/2/L of every summarization method beside Lead-K on articles with reference summaries.")

    @Option(help: "JSONL with \"text\", \"summary\" (the reference) and optionally \"title\" per line.")
    var data = "../shared/corpus/summarization-dev.jsonl"

    @Option(name: .customLong("k"), help: "Summary lengths in sentences; repeat for several.")
    var lengths: [Int] = [1, 3]

    @Option(name: .customLong("lang"), help: "Language of the articles.")
    var language = "de"

    func run() async throws {
        let articles = try Self.articles(at: data)
        guard let tag = LanguageTag(language) else { throw ValidationError("--lang '\(language)' is not a BCP-47 language tag") }
        let segmenter = try Segmenter(language: tag)
        let inputs = articles.map { article in
            let segmented = segmenter.segment(article.text)
            return SummaryInput(
                sentences: segmented.sentences.map { article.text.slice($0.span) },
                paragraphs: segmented.sentences.map(\.paragraph), title: article.title)
        }
        print("data: \(data), \(articles.count) articles with a reference summary")
        for k in lengths {
            var scores: [SummaryMethod: [Rouge]] = [:]
            for method in SummaryMethod.allCases {
                let summarizer = try Summarizer(method: method, language: tag.language)
                scores[method] = zip(inputs, articles).map { input, article in
                    let summary = summarizer.summarize(input, length: .sentences(k))
                    let text = summary.picks.map { input.sentences[$0.sentence] }.joined(separator: " ")
                    return Rouge(candidate: text, reference: article.reference)
                }
            }
            let lead = scores[.lead]!
            let leadMean = lead.reduce(.zero, +) / Double(lead.count)
            print("\nk = \(k)\n")
            print("| method | R-1 | R-2 | R-L | R-1 / Lead-\(k) | articles won / tied / lost against Lead-\(k) on R-1 |")
            print("|---|---:|---:|---:|---:|---|")
            for method in SummaryMethod.allCases {
                let rows = scores[method]!
                let mean = rows.reduce(.zero, +) / Double(rows.count)
                let won = zip(rows, lead).filter { $0.rouge1 > $1.rouge1 }.count
                let tied = zip(rows, lead).filter { $0.rouge1 == $1.rouge1 }.count
                let name = method == .lead ? "lead (Lead-\(k))" : method.rawValue
                print("| \(name) | \(Self.format(mean.rouge1)) | \(Self.format(mean.rouge2)) | \(Self.format(mean.rougeL)) | "
                    + "\(String(format: "%.3f", mean.rouge1 / leadMean.rouge1)) | \(won) / \(tied) / \(rows.count - won - tied) |")
            }
        }
    }

    struct Article {
        let title: String
        let text: String
        let reference: String
    }

    /// Articles with a non-empty reference, as `eval-summary` keeps them.
    static func articles(at path: String) throws -> [Article] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
        return try lines.compactMap { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String,
                  let reference = object["summary"] as? String,
                  !reference.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { return nil }
            return Article(title: object["title"] as? String ?? "", text: text, reference: reference)
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
