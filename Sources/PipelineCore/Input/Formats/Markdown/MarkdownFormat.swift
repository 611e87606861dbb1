import Foundation
import Markdown

/// A `.md` file is one document, parsed as CommonMark with GitHub's tables, strikethrough and
/// autolinks (cmark-gfm): paragraphs, headings and table cells are the text; emphasis, strong,
/// code spans, links and images are inline codes (link text and alt text stay translatable, URLs
/// do not); block markers, code blocks and front matter stay in the skeleton. The title is the
/// first heading, else the first line of the text.
public struct MarkdownFormat: InputFormat {
    public let name = "Markdown"
    public let extensions = ["md"]

    /// Larger files are refused before they are read.
    static let maximumBytes = 32 * 1024 * 1024

    public init() {}

    public func reader(for file: URL) throws(InputError) -> any DocumentReader {
        ParsedFileReader(file: file, maximumBytes: Self.maximumBytes) { data, id throws(InputError) in
            try MarkdownFormat.document(from: data, id: id, file: file)
        }
    }

    static func document(from data: Data, id: String, file: URL) throws(InputError) -> Document {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .notUTF8(path: file.path, byteOffset: UTF8Validation.firstInvalidByte(in: data))
        }
        var extractor = MarkdownExtractor(text: text)
        let extracted: (text: String, codes: [InlineCode], skeleton: Skeleton)
        do { extracted = try extractor.extract() } catch {
            throw .malformed(path: file.path, reason: error.reason)
        }
        guard !TextTitle.isBlank(extracted.text) else { throw .empty(path: file.path) }
        return Document(
            id: id, title: extractor.title ?? TextTitle.firstLine(of: extracted.text), text: extracted.text, source: file.path,
            metadata: [MetadataEntry("file", file.lastPathComponent)], codes: extracted.codes, skeleton: extracted.skeleton)
    }

    /// The file with translated blocks written as Markdown: their text escaped where it would
    /// otherwise become markup, their codes as the file had them.
    public func write(_ translated: TranslatedDocument) throws -> Data {
        guard let skeleton = translated.document.skeleton else { return Data(translated.text.utf8) }
        let newline = Self.lineEnding(of: skeleton)
        var output = ""
        for part in skeleton.parts {
            switch part {
            case .markup(let markup): output += markup
            case .language(let original): output += original
            case .text(let block, let original):
                guard translated.replacements.contains(where: { $0.span.overlaps(block) }) else {
                    output += original
                    continue
                }
                var lineStart = true
                var afterBreak = false
                for run in translated.runs(in: block) {
                    switch run {
                    case .text(var text):
                        // A line-break code carries its line ending; the text's newline is its stand-in.
                        if afterBreak, text.hasPrefix("\n") { text.removeFirst() }
                        output += MarkdownEscaping.escape(text, newline: newline, atLineStart: lineStart)
                        lineStart = false
                        afterBreak = false
                    case .code(let code):
                        output += code.original
                        afterBreak = code.role == .lineBreak
                        lineStart = afterBreak
                    }
                }
            }
        }
        return Data(output.utf8)
    }

    /// CR LF when the file uses it, so translated blocks keep the file's line endings.
    static func lineEnding(of skeleton: Skeleton) -> String {
        for part in skeleton.parts {
            let value: String = switch part {
            case .markup(let markup): markup
            case .text(_, let original): original
            case .language: ""
            }
            if value.utf8.contains(0x0D) { return "\r\n" }
            if value.utf8.contains(0x0A) { return "\n" }
        }
        return "\n"
    }
}

/// Plain text written into Markdown so it stays text: characters that would start inline markup
/// get a backslash, and so do block markers at the start of a line.
enum MarkdownEscaping {
    static let inline: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#"]

    static func escape(_ text: String, newline: String, atLineStart: Bool) -> String {
        var output = ""
        var lineStart = atLineStart
        var characters = text[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "\n" {
                output += newline
                lineStart = true
                continue
            }
            if lineStart {
                if character == " " || character == "\t" { continue }
                if "#-+=".contains(character) {
                    output += "\\"
                    output.append(character)
                    lineStart = false
                    continue
                } else if character.isASCII, character.isNumber {
                    let digits = characters.prefix { $0.isASCII && $0.isNumber }
                    let after = characters.dropFirst(digits.count).first
                    if after == "." || after == ")" {
                        output.append(character)
                        output += digits
                        output += "\\"
                        characters = characters.dropFirst(digits.count)
                        lineStart = false
                        continue
                    }
                }
            }
            lineStart = false
            if inline.contains(character) {
                output += "\\"
            } else if character == "&", let next = characters.first, next.isLetter || next == "#" {
                output += "\\"
            } else if character == "!", characters.isEmpty {
                // A link's `[` code may follow, which would make it an image.
                output += "\\"
            }
            output.append(character)
        }
        return output
    }
}

extension MarkdownError {
    /// The message without the file name, which `InputError` adds itself.
    var reason: String {
        switch self {
        case .tooDeep(let line, let limit): "line \(line): blocks or links nested more than \(limit) levels deep"
        case .unparsable: "cmark could not parse it"
        }
    }
}
