import Foundation
import XML

/// Web pages (`.html`, `.htm`, `.xhtml`), read with libxml2's HTML parser: the article's main
/// content becomes the document (blocks as paragraphs, inline elements as inline codes), and the
/// rest of the page is kept in the skeleton, so the page is written back whole with its text translated.
public struct HTMLFormat: InputFormat {
    public let name = "web pages"
    public let extensions = ["html", "htm", "xhtml"]

    public init() {}

    public func reader(for file: URL) throws(InputError) -> any DocumentReader {
        ParsedFileReader(file: file, maximumBytes: HTMLReader.defaultMaximumBytes) { data, id throws(InputError) in
            try HTMLFormat.document(from: data, id: id, file: file)
        }
    }

    /// The page with translated text; its `lang` attributes name the target language.
    public func write(_ translated: TranslatedDocument) throws -> Data {
        Data((translated.rendered(escape: HTMLMarkup.escapeText) ?? HTMLMarkup.escapeText(translated.text)).utf8)
    }

    static func document(from data: Data, id: String, file: URL) throws(InputError) -> Document {
        let page: HTMLPage
        do { page = try HTMLReader.parse(data, fileName: file.path) } catch {
            throw .malformed(path: file.path, reason: error.reason)
        }
        var extractor = HTMLExtractor(page: page)
        let (text, codes, skeleton) = extractor.extract()
        guard !TextTitle.isBlank(text) else { throw .empty(path: file.path) }
        return Document(
            id: id, title: extractor.title ?? TextTitle.firstLine(of: text), text: text, source: file.path,
            metadata: [MetadataEntry("file", file.lastPathComponent)] + extractor.metadata,
            codes: codes, skeleton: skeleton)
    }
}

extension XMLReadError {
    /// The message without the file name, which `InputError` adds itself.
    var reason: String {
        switch self {
        case .unreadable(_, let reason): reason
        case .tooLarge(_, let bytes, let limit): "\(bytes) bytes is more than the limit of \(limit) bytes"
        case .notWellFormed(_, let line, let message): "line \(line): \(message)"
        case .doctypeForbidden(_, let line): "line \(line): a DOCTYPE is not allowed"
        }
    }
}
