import Foundation

/// A `.md` file is one document, its markup kept as text; the title is the first heading, else the
/// first non-blank line.
public struct MarkdownFormat: InputFormat {
    public let name = "Markdown"
    public let extensions = ["md"]

    public init() {}

    public func reader(for file: URL) throws(InputError) -> any DocumentReader {
        WholeFileReader(file: file, title: { Self.title(of: $0) })
    }

    public func write(_ translated: TranslatedDocument) throws -> Data { Data(translated.text.utf8) }

    static func title(of text: String) -> String {
        if let heading = TextTitle.lines(of: text).first(where: { $0.hasPrefix("#") }) {
            return heading.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        }
        return TextTitle.firstLine(of: text)
    }
}
