import ArgumentParser
import Foundation
import PipelineCore
import Segmentation

/// `pipeline segment`: sentences of a text, by the built-in rules or an SRX file.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split text into sentences.",
        discussion: """
            Rules: built-in German and English rules (other languages get language-neutral ones), or any \
            SRX 2.0 file given with --rules, selected for --lang by its maprules. With --jsonl, reads one JSON \
            object with a "text" field per line and writes it back with "sentences" (the trimmed text of \
            each) and "spans" ([start, end], end-exclusive Unicode code point offsets) added. Without it, \
            reads plain text from FILE or stdin and prints one sentence per line.
            """)

    @Option(name: .customLong("lang"), help: "Language of the text (BCP-47), e.g. de or de-DE.")
    var language: String

    @Option(help: "An SRX 2.0 file to use instead of the built-in rules.")
    var rules: String?

    @Flag(help: "Read and write JSON Lines.")
    var jsonl = false

    @Argument(help: "A plain-text file to read instead of stdin (not with --jsonl).")
    var file: String?

    func validate() throws {
        if LanguageTag(language) == nil { throw ValidationError("--lang '\(language)' is not a BCP-47 language tag") }
        if jsonl, file != nil { throw ValidationError("--jsonl reads stdin; drop the file argument") }
    }

    func run() throws {
        try Failure.reporting {
            let tag = LanguageTag(language)!
            let segmenter = try rules.map { try Segmenter(rules: URL(fileURLWithPath: $0), language: tag) }
                ?? Segmenter(language: tag)
            if jsonl {
                try JSONLines.process { object, lineNumber in
                    Output(try JSONLines.text(in: object, lineNumber: lineNumber), segmenter)
                }
            } else {
                let data = try file.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
                    ?? FileHandle.standardInput.readDataToEndOfFile()
                let text = String(decoding: data, as: UTF8.self)
                var output = ""
                for sentence in segmenter.segment(text).sentences {
                    // One sentence a line: line breaks inside a sentence become spaces.
                    output += text.slice(sentence.span).split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
                }
                FileHandle.standardOutput.write(Data(output.utf8))
            }
        }
    }

    /// The fields the JSONL contract adds.
    struct Output: Encodable {
        let sentences: [String]
        let spans: [[Int]]

        init(_ text: String, _ segmenter: Segmenter) {
            let segmented = segmenter.segment(text)
            let offsets = CodePointOffsets(text)
            sentences = segmented.sentences.map { text.slice($0.span) }
            spans = segmented.sentences.map { sentence in
                let (start, end) = offsets.codePoints(of: sentence.span)
                return [start, end]
            }
        }
    }
}
