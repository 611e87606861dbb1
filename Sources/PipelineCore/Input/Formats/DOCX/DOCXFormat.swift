import Foundation
import XML

/// Word documents (`.docx`): a zip of WordprocessingML, unzipped with bounds and parsed with the
/// safe XML reader. Paragraphs, headings and table cells are the text, footnotes and endnotes
/// paragraphs of their own after it; bold, italic and linked runs are inline codes. Written back
/// as the same zip with only the text of runs changed.
public struct DOCXFormat: InputFormat {
    public let name = "Word documents"
    public let extensions = ["docx"]

    /// Larger files are refused before they are read.
    static let maximumBytes = 64 * 1024 * 1024
    static let body = "word/document.xml"
    /// Parts read after the body, when the file has them.
    static let notes = ["word/footnotes.xml", "word/endnotes.xml"]

    public init() {}

    public func reader(for file: URL) throws(InputError) -> any DocumentReader {
        ParsedFileReader(file: file, maximumBytes: Self.maximumBytes) { data, id throws(InputError) in
            try DOCXFormat.document(from: data, id: id, file: file)
        }
    }

    static func document(from data: Data, id: String, file: URL) throws(InputError) -> Document {
        let archive = try DOCXArchive(data: data, path: file.path)
        guard let body = try archive.read(Self.body) else {
            throw .malformed(path: file.path, reason: "the zip archive has no \(Self.body), so it is not a Word document")
        }
        var styles: XMLTree.Element?
        if let data = try archive.read("word/styles.xml") {
            styles = try? SafeXMLReader.parse(data, fileName: file.path + "#word/styles.xml")
        }
        var extractor = WordprocessingExtractor(styles: styles)
        try extractor.add(part: Self.body, data: body, fileName: file.path)
        for part in Self.notes {
            if let data = try archive.read(part) { try extractor.add(part: part, data: data, fileName: file.path) }
        }
        let text = extractor.builder.text
        guard !TextTitle.isBlank(text) else { throw .empty(path: file.path) }
        let codes = extractor.builder.codes
        return Document(
            id: id, title: extractor.documentTitle ?? TextTitle.firstLine(of: text), text: text, source: file.path,
            metadata: [MetadataEntry("file", file.lastPathComponent)], codes: codes, skeleton: extractor.skeleton())
    }

    /// The original zip, read again from the input file, with the translated parts in it.
    public func write(_ translated: TranslatedDocument) throws -> Data {
        guard let skeleton = translated.document.skeleton else { return Data(translated.text.utf8) }
        let rendered = Self.render(translated, skeleton: skeleton)
        var parts: [String: Data] = [:]
        let pieces = rendered.components(separatedBy: WordprocessingExtractor.partMarker)
        var index = 1
        while index + 1 < pieces.count {
            parts[pieces[index]] = Data(pieces[index + 1].utf8)
            index += 2
        }
        let path = translated.document.path
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let archive = try DOCXArchive(data: data, path: path)
        // The skeleton is the file as it was read: a changed file would be written back wrong.
        let untouched = TranslatedDocument(document: translated.document, replacements: [])
        let original = Self.render(untouched, skeleton: skeleton).components(separatedBy: WordprocessingExtractor.partMarker)
        guard original.count > 2, try archive.read(DOCXFormat.body) == Data(original[2].utf8) else {
            throw DOCXWriteError.originalChanged(path: path)
        }
        return try archive.replacing(parts)
    }

    /// The parts' XML with translated blocks' text escaped into the runs; a tab or line break the
    /// text has after a run boundary is the `w:tab`/`w:br` the boundary's code already carries.
    static func render(_ translated: TranslatedDocument, skeleton: Skeleton) -> String {
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
                var afterCode: InlineCode?
                for run in translated.runs(in: block) {
                    switch run {
                    case .text(var text):
                        if let code = afterCode, let first = text.first,
                           (first == "\t" && code.original.contains(":tab")) || (first == "\n" && code.original.contains(":br")) {
                            text.removeFirst()
                        }
                        preserveSpaces(of: text, in: &output)
                        output += escape(text)
                        afterCode = nil
                    case .code(let code):
                        output += code.original
                        afterCode = code
                    }
                }
            }
        }
        return output
    }

    /// Word drops spaces at the edges of a `<w:t>` unless it says `xml:space="preserve"`; a
    /// translation may put them where the source had none, so the bare start tag it lands in says it.
    static func preserveSpaces(of text: String, in output: inout String) {
        guard text.first == " " || text.last == " ", output.hasSuffix("t>") else { return }
        guard let tagStart = output.lastIndex(of: "<") else { return }
        let tag = output[tagStart...]
        guard tag == "<w:t>" || tag == "<t>" || (tag.hasSuffix(":t>") && !tag.contains(" ")) else { return }
        output.removeLast()
        output += " xml:space=\"preserve\">"
    }

    /// Text inside `<w:t>`: markup characters escaped, characters XML cannot hold left out.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\t", "\n", "\r": output.unicodeScalars.append(" ")
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }
}
