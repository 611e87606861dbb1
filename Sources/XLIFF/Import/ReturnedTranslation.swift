import PipelineCore

/// A translation the file returns for one sentence.
public struct ReturnedTranslation: Sendable, Hashable {
    /// Index into `AnnotatedDocument.sentences`.
    public let sentence: Int
    public let text: String
    /// The state the file gives, or `translated` when it gives none but the target differs from the source.
    public let state: XLIFFState
    /// Where the target places the sentence's inline codes, as indexes into `Document.codes`.
    public let codes: [CodePlacement]

    public init(sentence: Int, text: String, state: XLIFFState, codes: [CodePlacement] = []) {
        self.sentence = sentence
        self.text = text
        self.state = state
        self.codes = codes
    }
}
