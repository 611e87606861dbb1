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

    @Option(help: "With --jsonl, lines segmented at once; the default is this machine's core count.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Stdin as UTF-8 text; invalid bytes are an error naming the first one, never a silent U+FFFD.
    static func standardInput() throws -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(validating: data, as: UTF8.self) else {
            throw InputError.notUTF8(path: "stdin", byteOffset: firstInvalidByte(data))
        }
        return text
    }

    private static func firstInvalidByte(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset
    }

    @Argument(help: "A plain-text file to read instead of stdin (not with --jsonl).")
    var file: String?

    func validate() throws {
        if LanguageTag(language) == nil { throw ValidationError("--lang '\(language)' is not a BCP-47 language tag") }
        if jsonl, file != nil { throw ValidationError("--jsonl reads stdin; drop the file argument") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try Failure.reporting {
            let tag = LanguageTag(language)!
            let segmenter = try rules.map { try Segmenter(rules: URL(fileURLWithPath: $0), language: tag) }
                ?? Segmenter(language: tag)
            if jsonl {
                try JSONLines.process(jobs: jobs) { object in
                    try object.withRequiredStringUTF8("text") { Self.fields(for: $0, segmenter) }
                }
            } else {
                let text = try file.map { try TextFile.read(URL(fileURLWithPath: $0)) } ?? Self.standardInput()
                var output = ""
                for sentence in segmenter.segment(text).sentences {
                    // One sentence a line: line breaks inside a sentence become spaces.
                    output += text.slice(sentence.span).split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
                }
                FileHandle.standardOutput.write(Data(output.utf8))
            }
        }
    }

    /// The fields the JSONL contract adds: each sentence's text and its code point span. Works on
    /// the text's UTF-8 as it lies in the input line, so no `String` is made for it.
    static func fields(for text: UnsafeBufferPointer<UInt8>, _ segmenter: Segmenter) -> JSONAddedFields {
        let sentences = segmenter.segment(bytes: text).sentences
        var fields = JSONAddedFields(reservingCapacity: text.count + 16 * sentences.count + 64)
        fields.add("sentences") { json in
            json.appendArray(sentences) { json, sentence in
                json.appendString(utf8: UnsafeBufferPointer(rebasing: text[sentence.span.start..<sentence.span.end]))
            }
        }
        // Sentences come in text order, so one forward pass converts every offset.
        var cursor = CodePointCursor(text)
        fields.add("spans") { json in
            json.appendArray(sentences) { json, sentence in
                json.appendRaw("[")
                json.appendInt(cursor.codePoint(atByte: sentence.span.start))
                json.appendRaw(",")
                json.appendInt(cursor.codePoint(atByte: sentence.span.end))
                json.appendRaw("]")
            }
        }
        return fields
    }
}
