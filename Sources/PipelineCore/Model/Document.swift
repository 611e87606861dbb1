import Foundation

/// One input text as it was read. Immutable: stages annotate it, never edit it.
public struct Document: Sendable, Hashable {
    /// Unique within a run; used in output file names and XLIFF ids.
    public let id: String
    public let title: String
    public let text: String
    /// Where the text came from, as outputs say it: a path relative to the pipeline file, or the
    /// id given on a JSONL stream. Never an absolute local path, which would name a user or a client.
    public let source: String
    /// Where the text came from on this machine, for messages to the person running the tool.
    public let path: String
    /// Extra facts about the source (file name, modification date, category…), in a stable order.
    public let metadata: [MetadataEntry]
    /// Markup inside the text (bold, links, line breaks), anchored at offsets of `text`, ordered by
    /// offset; empty for plain text.
    public let codes: [InlineCode]
    /// How the file is written back with translations; nil when the text is the whole file.
    public let skeleton: Skeleton?

    /// Titles longer than this are cut at a word boundary with "…": a title is copied into every
    /// output, and a 50 MB first line once made a 300 MB XLIFF no tool would open.
    public static let maximumTitleLength = 300

    public init(
        id: String, title: String, text: String, source: String, path: String? = nil, metadata: [MetadataEntry] = [],
        codes: [InlineCode] = [], skeleton: Skeleton? = nil
    ) {
        self.id = id
        self.title = Self.cleanTitle(title)
        self.text = text
        self.source = source
        self.path = path ?? source
        self.metadata = metadata
        self.codes = codes
        self.skeleton = skeleton
    }

    /// A title as outputs show it: no byte-order mark, at most `maximumTitleLength` characters.
    static func cleanTitle(_ title: String) -> String {
        var title = Substring(title)
        while title.first == "\u{FEFF}" { title = title.dropFirst() }
        guard title.count > maximumTitleLength else { return String(title) }
        let cut = title.prefix(maximumTitleLength - 1)
        let atWord = cut.lastIndex(where: \.isWhitespace).map { cut[..<$0] } ?? cut
        return String(atWord.count >= maximumTitleLength / 2 ? atWord : cut) + "…"
    }

    /// The same document, its outputs naming it by `source`.
    public func naming(source: String) -> Document {
        Document(id: id, title: title, text: text, source: source, path: path, metadata: metadata, codes: codes, skeleton: skeleton)
    }
}

public struct MetadataEntry: Sendable, Hashable, Codable {
    public let key: String
    public let value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// A sentence: a span of the original text, already trimmed of surrounding whitespace.
public struct Sentence: Sendable, Hashable, Codable {
    public let span: TextSpan
    /// Index into `AnnotatedDocument.paragraphs`.
    public let paragraph: Int

    public init(span: TextSpan, paragraph: Int) {
        self.span = span
        self.paragraph = paragraph
    }
}
