/// Surface facts that make a sentence a poor briefing point on its own, read from its bytes.
struct SentenceTraits: Sendable, Equatable {
    /// Ends with a question mark: news questions are rhetorical or lead into the answer.
    var isQuestion = false
    /// Wholly a quotation, opening and closing with quote marks: without its speaker it lacks context.
    var isBareQuote = false
    /// A paragraph of its own without final punctuation: a heading, a dateline, a byline, a caption.
    var isFragment = false

    init(isQuestion: Bool = false, isBareQuote: Bool = false, isFragment: Bool = false) {
        self.isQuestion = isQuestion
        self.isBareQuote = isBareQuote
        self.isFragment = isFragment
    }

    init(sentence: String, isAloneInParagraph: Bool) {
        var text = sentence
        let (first, last, beforeLast) = text.withUTF8 { bytes in
            Self.edgeScalars(of: bytes)
        }
        guard let last else { return }
        // A closing quote or bracket after the punctuation hides the sentence's real end.
        let final = Self.isClosingMark(last) ? (beforeLast ?? last) : last
        isQuestion = final == "?"
        if let first, Self.isOpeningQuote(first), Self.isQuote(last) || (Self.isSentenceEnd(last) && beforeLast.map(Self.isQuote) == true) {
            isBareQuote = true
        }
        isFragment = isAloneInParagraph && !Self.isSentenceEnd(final) && !Self.isQuote(final)
    }

    /// The first scalar and the last two, skipping surrounding whitespace; reads only the edges.
    private static func edgeScalars(of bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar?, Unicode.Scalar?, Unicode.Scalar?) {
        var first: Unicode.Scalar?
        var index = 0
        while index < bytes.count, first == nil {
            let (scalar, width) = scalar(in: bytes, startingAt: index)
            if let scalar, !scalar.properties.isWhitespace { first = scalar }
            index += width
        }
        var trailing: [Unicode.Scalar] = []
        var end = bytes.count
        while end > 0, trailing.count < 2 {
            var start = end - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            if let scalar = scalar(in: bytes, startingAt: start).0, !(trailing.isEmpty && scalar.properties.isWhitespace) {
                trailing.append(scalar)
            }
            end = start
        }
        return (first, trailing.first, trailing.count > 1 ? trailing[1] : nil)
    }

    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, startingAt index: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width = WordScanner.sequenceWidth(lead)
        guard index + width <= bytes.count else { return (nil, 1) }
        return (WordScanner.decode(bytes, at: index, width: width), width)
    }

    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?" || scalar == "…"
    }

    private static func isOpeningQuote(_ scalar: Unicode.Scalar) -> Bool {
        ["\"", "„", "“", "«", "»", "‚", "‘", "'"].contains(scalar)
    }

    private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        ["\"", "“", "”", "«", "»", "‘", "’", "'"].contains(scalar)
    }

    private static func isClosingMark(_ scalar: Unicode.Scalar) -> Bool {
        isQuote(scalar) || scalar == ")" || scalar == "]"
    }
}
