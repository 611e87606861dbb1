import FuzzDriver
import PipelineCore
import Segmentation

/// Segments arbitrary bytes (decoded as UTF-8, invalid sequences replaced, as every reader does)
/// with the built-in German and English rules, and checks what every caller relies on: spans lie
/// inside the text and on scalar boundaries, paragraphs and sentences ascend without overlap, and
/// each sentence lies inside the paragraph it names.
private let segmenters = ["de", "en", "fr"].map { try! Segmenter(language: LanguageTag($0)!) }

runFuzzer { data, size in
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    let utf8 = Array(text.utf8)
    for segmenter in segmenters {
        let result = segmenter.segment(text)
        var previousEnd = 0
        for paragraph in result.paragraphs {
            check(paragraph, in: utf8, after: previousEnd)
            previousEnd = paragraph.end
        }
        previousEnd = 0
        for sentence in result.sentences {
            check(sentence.span, in: utf8, after: previousEnd)
            precondition(result.paragraphs.indices.contains(sentence.paragraph), "sentence names paragraph \(sentence.paragraph)")
            let paragraph = result.paragraphs[sentence.paragraph]
            precondition(paragraph.start <= sentence.span.start && sentence.span.end <= paragraph.end, "sentence outside its paragraph")
            previousEnd = sentence.span.end
        }
    }
    return 0
}

private func check(_ span: TextSpan, in utf8: [UInt8], after previousEnd: Int) {
    precondition(previousEnd <= span.start && span.start < span.end && span.end <= utf8.count, "span \(span) after \(previousEnd) of \(utf8.count)")
    for offset in [span.start, span.end] where offset < utf8.count {
        precondition(utf8[offset] & 0xC0 != 0x80, "span \(span) cuts a character")
    }
}
