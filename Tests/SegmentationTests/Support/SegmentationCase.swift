import Foundation
import PipelineCore
import Testing
@testable import Segmentation

/// A text and the sentences it must split into. Sentences compare with whitespace runs collapsed, so
/// a hard-wrapped sentence is written on one line.
struct SegmentationCase: Sendable, CustomTestStringConvertible {
    let text: String
    let sentences: [String]

    init(_ text: String, _ sentences: [String]) {
        self.text = text
        self.sentences = sentences
    }

    var testDescription: String { String(text.prefix(60)) }

    func check(language: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let segmenter = try Segmenter(language: #require(LanguageTag(language)))
        let segmented = segmenter.segment(text)
        let found = segmented.sentences.map { Self.collapsed(text.slice($0.span)) }
        #expect(found == sentences, sourceLocation: sourceLocation)
        SpanInvariants.check(segmented, of: text, sourceLocation: sourceLocation)
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// What every segmentation must satisfy, whatever the text: spans inside the text, on scalar
/// boundaries, trimmed, in order, without overlap, each sentence inside the paragraph it names.
enum SpanInvariants {
    static func check(_ segmented: SegmentedText, of text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        func isScalarBoundary(_ offset: Int) -> Bool { offset == bytes.count || bytes[offset] & 0xC0 != 0x80 }
        func isTrimmed(_ span: TextSpan) -> Bool {
            let slice = text.slice(span)
            return !slice.isEmpty && slice.unicodeScalars.first.map(Whitespace.contains) == false
                && slice.unicodeScalars.last.map(Whitespace.contains) == false
        }
        var previous = 0
        for paragraph in segmented.paragraphs {
            #expect(paragraph.start >= previous && paragraph.end <= bytes.count, sourceLocation: sourceLocation)
            #expect(isScalarBoundary(paragraph.start) && isScalarBoundary(paragraph.end), sourceLocation: sourceLocation)
            #expect(isTrimmed(paragraph), "paragraph \(paragraph) is not trimmed", sourceLocation: sourceLocation)
            previous = paragraph.end
        }
        previous = 0
        var lastParagraph = 0
        for sentence in segmented.sentences {
            let span = sentence.span
            #expect(span.start >= previous && span.end <= bytes.count, sourceLocation: sourceLocation)
            #expect(isScalarBoundary(span.start) && isScalarBoundary(span.end), sourceLocation: sourceLocation)
            #expect(isTrimmed(span), "sentence \(span) is not trimmed", sourceLocation: sourceLocation)
            #expect(sentence.paragraph >= lastParagraph && sentence.paragraph < segmented.paragraphs.count,
                    sourceLocation: sourceLocation)
            if sentence.paragraph < segmented.paragraphs.count {
                #expect(segmented.paragraphs[sentence.paragraph].contains(span), sourceLocation: sourceLocation)
            }
            previous = span.end
            lastParagraph = sentence.paragraph
        }
    }
}
