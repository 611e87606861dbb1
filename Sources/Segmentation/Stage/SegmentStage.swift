import Foundation
import PipelineCore

/// The `segment` stage: fills a document's paragraphs and sentences with a `Segmenter` for the
/// pipeline's source language.
public struct SegmentStage: Stage {
    public static let name = "segment"
    public static let purpose = "paragraphs and sentences as spans of the original text (SRX 2.0 rules)"

    private let segmenter: Segmenter

    public init(options: SegmentOptions, context: StageContext) throws {
        let language = context.languages.source
        if let rules = options.rules {
            segmenter = try Segmenter(rules: context.resolve(rules), language: language)
        } else {
            segmenter = try Segmenter(language: language)
        }
    }

    /// Longer paragraphs fail their document: an XLIFF unit that large is more than libxml2-based
    /// tools (this one included) read back, and no news paragraph comes near it.
    public static let maximumParagraphBytes = 1 << 20

    public func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        let segmented = segmenter.segment(document.text)
        if let (index, paragraph) = segmented.paragraphs.enumerated().first(where: { $0.element.length > Self.maximumParagraphBytes }) {
            let line = 1 + document.text.utf8.prefix(paragraph.start).count(where: { $0 == UInt8(ascii: "\n") })
            throw SegmentStageError.paragraphTooLong(number: index + 1, line: line, bytes: paragraph.length, limit: Self.maximumParagraphBytes)
        }
        document.paragraphs = segmented.paragraphs
        document.sentences = segmented.sentences
    }
}

public enum SegmentStageError: LocalizedError, Equatable {
    case paragraphTooLong(number: Int, line: Int, bytes: Int, limit: Int)

    public var errorDescription: String? {
        switch self {
        case .paragraphTooLong(let number, let line, let bytes, let limit):
            "paragraph \(number) (line \(line)) is \(bytes) bytes, more than the limit of \(limit); split it with blank lines"
        }
    }
}

/// Options of the `segment` stage.
public struct SegmentOptions: StageOptions {
    /// An SRX file to use instead of the built-in rules, relative to the pipeline file.
    public var rules: String?

    public init() {}

    public init(rules: String?) {
        self.rules = rules
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case rules
    }

    public static let help: [(key: String, help: String)] = [
        ("rules", "an SRX 2.0 file with segmentation rules for the source language; none means the built-in rules"),
    ]

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rules = try container.decode(.rules, default: nil)
    }
}
