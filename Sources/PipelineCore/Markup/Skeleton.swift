/// How a document read from a file with markup is written back, as Okapi's skeletons: the file as a
/// sequence of markup kept verbatim and blocks of the plain text. Each block is a span of
/// `Document.text` with the codes inside it; blocks are separated by blank lines in the plain text,
/// so paragraphs and sentences never cross them.
public struct Skeleton: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        /// Written as it is: tags, block markers, code blocks, everything that is not text.
        case markup(String)
        /// A block of the plain text, and the block as the file has it, written unchanged when
        /// nothing in it is translated (so a document without translations comes back as it was).
        case text(TextSpan, original: String)
        /// The value of a language attribute (`<html lang="de">`): the target language once
        /// anything is translated.
        case language(original: String)
    }

    public let parts: [Part]

    public init(parts: [Part]) {
        self.parts = parts
    }
}

/// A piece of a translated block: text (translated or still in the source language) or a code.
public enum TranslatedRun: Sendable, Hashable {
    case text(String)
    case code(InlineCode)
}
