import Foundation

/// Why a document cannot be exported as the options ask.
public enum XLIFFExportError: LocalizedError, Equatable {
    case noSummary(document: String)
    case nothingToExport(document: String)
    case invalidSpan(document: String, sentence: Int, start: Int, end: Int, textBytes: Int)
    case paragraphOutOfOrder(document: String, sentence: Int, paragraph: Int)

    public var errorDescription: String? {
        switch self {
        case .noSummary(let document):
            "\(document): the xliff stage is set to export the summary, but no summary exists; run the summarize stage first"
        case .nothingToExport(let document):
            "\(document): there are no sentences to export to XLIFF (is a segment stage missing before xliff?)"
        case .invalidSpan(let document, let sentence, let start, let end, let bytes):
            "\(document): sentence \(sentence + 1) spans bytes \(start)..<\(end), outside the text's \(bytes) bytes or out of order"
        case .paragraphOutOfOrder(let document, let sentence, let paragraph):
            "\(document): sentence \(sentence + 1) is in paragraph \(paragraph + 1), before the paragraph of the sentence ahead of it"
        }
    }
}
