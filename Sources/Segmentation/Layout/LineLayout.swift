import PipelineCore

/// Finds paragraphs and the line breaks that end a sentence on their own, before any rule runs.
///
/// A blank line (or a form feed, PARAGRAPH SEPARATOR, or information separator) always ends a
/// paragraph. Inside a block of lines, a line break is *hard* — it ends the sentence and starts a
/// new paragraph — for list items, headings and datelines, and in blocks whose lines are not wrapped
/// prose (word lists, exercises, one paragraph per line). Otherwise it is *soft*: a hard-wrapped
/// sentence continues, and the line break is just whitespace for the SRX rules.
struct LineLayout: Sendable {
    let profile: LanguageProfile

    /// Below this width a block of lines is not wrapped prose: nobody wraps sentences that narrowly.
    static let narrowestWrap = 25
    /// A line shorter than this share of the block's width is "short".
    static let shortLineShare = 0.6
    /// A line that leaves more room than this share, even counting the next word, was broken on purpose.
    static let intentionalBreakShare = 0.75
    /// Blocks narrower than this, without any sentence end, are headings rather than prose.
    static let headingWidth = 80

    /// The paragraphs of a text, as spans trimmed of whitespace, in order.
    func paragraphs(in bytes: UnsafeBufferPointer<UInt8>) -> [TextSpan] {
        var result: [TextSpan] = []
        var block: [Line] = []
        for line in Self.lines(in: bytes) {
            if line.isBlank {
                flush(&block, into: &result, bytes)
            } else {
                block.append(line)
                if line.endsParagraph { flush(&block, into: &result, bytes) }
            }
        }
        flush(&block, into: &result, bytes)
        return result
    }

    private func flush(_ block: inout [Line], into result: inout [TextSpan], _ bytes: UnsafeBufferPointer<UInt8>) {
        guard !block.isEmpty else { return }
        defer { block.removeAll(keepingCapacity: true) }
        if block.count == 1 {
            result.append(TextSpan(start: block[0].contentStart, end: block[0].contentEnd))
            return
        }
        let features = block.map { LineFeatures($0, bytes, profile) }
        let shape = BlockShape(features)
        var start = block[0].contentStart
        for index in 0..<(block.count - 1)
        where isHard(after: features[index], before: features[index + 1], nextIsLast: index + 2 == block.count, shape) {
            result.append(TextSpan(start: start, end: block[index].contentEnd))
            start = block[index + 1].contentStart
        }
        result.append(TextSpan(start: start, end: block[block.count - 1].contentEnd))
    }

    /// Whether the line break between two lines of a block ends the sentence by itself.
    private func isHard(after line: LineFeatures, before next: LineFeatures, nextIsLast: Bool, _ shape: BlockShape) -> Bool {
        if next.marker == .bullet || next.marker == .heading { return true }
        if line.marker == .heading { return true }
        if line.endsWithContinuationWord { return false } // "am\n3. Oktober" is a date, not a list
        if next.marker == .enumerator { return true }
        if line.endsWithContinuingPunctuation { return false }
        if line.marker != nil { return next.indent <= line.indent }
        if line.hasTrailingSpace { return false } // "format=flowed": a soft line break
        if shape.isLineStructured { return true }
        // A last line without a sentence end after a line that ends in a bracket: a headline under
        // its photo caption and credit ("… Innenstadt. (Foto: APA)"), a byline under the text.
        if nextIsLast, line.endsWithClosingBracket, !next.endsWithTerminalPunctuation, !next.startsLowercase { return true }
        if line.endsWithTerminalPunctuation { return false } // the rules decide
        if next.startsLowercase { return false }
        if shape.lacksSentenceEnds { return true }
        if line.isAllCaps { return true }
        let room = Double(shape.width) * Self.intentionalBreakShare
        return Double(line.length + 1 + next.firstWordLength) < room
    }

    // MARK: lines

    struct Line {
        /// Trimmed content, as byte offsets.
        var contentStart: Int
        var contentEnd: Int
        /// Leading whitespace, in scalars.
        var indent: Int
        /// Whitespace between the content and the line break.
        var hasTrailingSpace: Bool
        var isBlank: Bool
        /// The line ends with a paragraph separator rather than a line break.
        var endsParagraph: Bool
    }

    /// Splits the text at line breaks: `\n`, `\r\n`, `\r`, VT, NEL, LINE SEPARATOR; and at
    /// paragraph separators: FF, U+001C–U+001E, PARAGRAPH SEPARATOR.
    static func lines(in bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var lineStart = 0
        var index = 0
        let count = bytes.count
        func finish(at end: Int, next: Int, paragraph: Bool) {
            lines.append(makeLine(bytes, start: lineStart, end: end, endsParagraph: paragraph))
            lineStart = next
            index = next
        }
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x0A, 0x0B: finish(at: index, next: index + 1, paragraph: false)
            case 0x0D: finish(at: index, next: index + 1 < count && bytes[index + 1] == 0x0A ? index + 2 : index + 1, paragraph: false)
            case 0x0C, 0x1C, 0x1D, 0x1E: finish(at: index, next: index + 1, paragraph: true)
            case 0xC2 where index + 1 < count && bytes[index + 1] == 0x85:
                finish(at: index, next: index + 2, paragraph: false)
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                finish(at: index, next: index + 3, paragraph: bytes[index + 2] == 0xA9)
            default: index += 1
            }
        }
        if lineStart < count { lines.append(makeLine(bytes, start: lineStart, end: count, endsParagraph: false)) }
        return lines
    }

    private static func makeLine(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, endsParagraph: Bool) -> Line {
        var contentStart = start
        var indent = 0
        while contentStart < end, let width = Whitespace.width(in: bytes, at: contentStart, limit: end) {
            contentStart += width
            indent += 1
        }
        var contentEnd = end
        while contentEnd > contentStart, let width = Whitespace.width(in: bytes, endingAt: contentEnd, floor: contentStart) {
            contentEnd -= width
        }
        return Line(contentStart: contentStart, contentEnd: contentEnd, indent: indent,
                    hasTrailingSpace: contentEnd < end, isBlank: contentStart == contentEnd, endsParagraph: endsParagraph)
    }
}

/// How a block's lines are shaped: its width, and whether it is wrapped prose at all.
private struct BlockShape {
    /// The longest line, in scalars: the wrap width if the block is wrapped prose.
    let width: Int
    /// Each line stands alone: the block is narrow, or most of its lines (but the last) end
    /// early or at the end of a sentence, which wrapped prose does only now and then.
    let isLineStructured: Bool
    /// No line ends a sentence and the lines are short: a headline with its subtitle, a dateline
    /// with a byline — not a wrapped paragraph, whose last line would end with a period.
    let lacksSentenceEnds: Bool

    init(_ lines: [LineFeatures]) {
        width = lines.map(\.length).max() ?? 0
        lacksSentenceEnds = width < LineLayout.headingWidth && !lines.contains { $0.endsWithTerminalPunctuation }
        guard lines.count >= 3 else {
            isLineStructured = false
            return
        }
        let shortLimit = Double(width) * LineLayout.shortLineShare
        let inner = lines.dropLast()
        let standalone = inner.filter { Double($0.length) < shortLimit || $0.endsWithTerminalPunctuation }.count
        isLineStructured = width < LineLayout.narrowestWrap || standalone * 2 > inner.count
    }
}

/// What the layout looks at in one line, read from its bytes.
private struct LineFeatures {
    enum Marker { case bullet, enumerator, heading }

    /// In scalars, trimmed.
    let length: Int
    let indent: Int
    let hasTrailingSpace: Bool
    let marker: Marker?
    let firstWordLength: Int
    /// Ends in a word that cannot end a sentence: `und`, `der`, `am` …
    let endsWithContinuationWord: Bool
    /// Ends in punctuation that cannot end a sentence: `,` `(` `„` a hyphen after a letter …
    let endsWithContinuingPunctuation: Bool
    let endsWithTerminalPunctuation: Bool
    /// Ends in `)` or `]`.
    let endsWithClosingBracket: Bool
    let startsLowercase: Bool
    /// Letters, but no lower-case ones: a heading such as `RECHTLICHE HINWEISE`.
    let isAllCaps: Bool

    private static let bullets = Set("-–—•·*+▪▫◦‣●○■□►▶➢✓✔→".unicodeScalars.map(\.value))
    private static let continuingPunctuation = Set("„‚,;([{/&+=–—".unicodeScalars.map(\.value))
    private static let terminalPunctuation = Set(".!?…:;".unicodeScalars.map(\.value))
    private static let closers = Set("\"'”“»«’‘)]".unicodeScalars.map(\.value))

    init(_ line: LineLayout.Line, _ bytes: UnsafeBufferPointer<UInt8>, _ profile: LanguageProfile) {
        let start = line.contentStart
        let end = line.contentEnd
        indent = line.indent
        hasTrailingSpace = line.hasTrailingSpace

        var length = 0
        var letters = 0
        var lowercase = 0
        var index = start
        while index < end {
            let (value, width) = UTF8Decoding.decode(bytes, at: index, limit: end)
            length += 1
            if value < 0x80 {
                let byte = UInt8(value)
                if (0x41...0x5A).contains(byte) { letters += 1 }
                if (0x61...0x7A).contains(byte) { letters += 1; lowercase += 1 }
            } else if Letters.isLetter(value) {
                letters += 1
                if Letters.isLowercase(value) { lowercase += 1 }
            }
            index += width
        }
        self.length = length
        isAllCaps = letters >= 2 && lowercase == 0

        let first = Self.word(bytes, from: start, end)
        firstWordLength = first.scalars
        startsLowercase = start < end && Letters.isLowercase(UTF8Decoding.decode(bytes, at: start, limit: end).0)
        marker = Self.marker(bytes, start: start, first: first, end: end, profile)

        // The end of the line: continuing punctuation, a hyphenated word, or a continuation word.
        var continuingPunctuation = false
        var continuationWord = false
        var terminal = false
        var closingBracket = false
        if start < end {
            let (last, lastWidth) = UTF8Decoding.decode(bytes, endingAt: end, floor: start)
            let beforeLast = end - lastWidth > start ? UTF8Decoding.decode(bytes, endingAt: end - lastWidth, floor: start).0 : nil
            let letterBefore = beforeLast.map(Letters.isLetter) ?? false
            closingBracket = last == 0x29 || last == 0x5D
            if Self.continuingPunctuation.contains(last) || (last == 0x2D && letterBefore) {
                continuingPunctuation = true
            } else if Letters.isLetter(last) {
                var wordStart = end
                while wordStart > start {
                    let (value, width) = UTF8Decoding.decode(bytes, endingAt: wordStart, floor: start)
                    guard Letters.isLetter(value) else { break }
                    wordStart -= width
                }
                continuationWord = profile.isContinuationWord(UnsafeBufferPointer(rebasing: bytes[wordStart..<end]))
            }
            var cursor = end
            while cursor > start {
                let (value, width) = UTF8Decoding.decode(bytes, endingAt: cursor, floor: start)
                if Self.closers.contains(value) {
                    cursor -= width
                    continue
                }
                terminal = Self.terminalPunctuation.contains(value)
                break
            }
        }
        endsWithContinuingPunctuation = continuingPunctuation
        endsWithContinuationWord = continuationWord
        endsWithTerminalPunctuation = terminal
        endsWithClosingBracket = closingBracket
    }

    /// The word (run of non-whitespace) starting at `index`: its end offset and length in scalars.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, _ end: Int) -> (end: Int, scalars: Int) {
        var cursor = index
        var scalars = 0
        while cursor < end, Whitespace.width(in: bytes, at: cursor, limit: end) == nil {
            cursor += UTF8Decoding.decode(bytes, at: cursor, limit: end).1
            scalars += 1
        }
        return (cursor, scalars)
    }

    /// `- `, `• `, `# `, `1. `, `2) `, `(a) `, `a) ` at the start of a line, followed by more text.
    private static func marker(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, first: (end: Int, scalars: Int), end: Int,
                               _ profile: LanguageProfile) -> Marker? {
        guard first.end < end, first.scalars > 0 else { return nil }
        if first.scalars == 1, bullets.contains(UTF8Decoding.decode(bytes, at: start, limit: end).0) { return .bullet }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<first.end])
        if word.count <= 6, word.allSatisfy({ $0 == UInt8(ascii: "#") }) { return .heading }
        // 1. 2) (3) a) (b)
        let body = word.first == UInt8(ascii: "(") ? word.dropFirst() : word[...]
        guard let close = body.last, close == UInt8(ascii: ".") || close == UInt8(ascii: ")") else { return nil }
        let label = body.dropLast()
        let isNumber = (1...3).contains(label.count) && label.allSatisfy { (0x30...0x39).contains($0) }
        let isLetter = close == UInt8(ascii: ")") && label.count == 1 && label.allSatisfy { (0x61...0x7A).contains($0) }
        guard isNumber || isLetter else { return nil }
        if close == UInt8(ascii: ".") {
            // `3. Oktober` at the start of a line continues a date, it does not number an item.
            var nextStart = first.end
            while nextStart < end, let width = Whitespace.width(in: bytes, at: nextStart, limit: end) { nextStart += width }
            let next = Self.word(bytes, from: nextStart, end)
            let nextWord = String(decoding: UnsafeBufferPointer(rebasing: bytes[nextStart..<next.end]), as: UTF8.self)
            if profile.isOrdinalNoun(Substring(nextWord)) { return nil }
        }
        return .enumerator
    }
}

/// Letter tests with an ASCII fast path: the layout asks them for every character of a line.
enum Letters {
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        return Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }

    @inline(__always)
    static func isLowercase(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x61...0x7A).contains(value) }
        return Unicode.Scalar(value)?.properties.isLowercase ?? false
    }
}

/// Whitespace as the layout and the trimming of sentences see it: Unicode White_Space plus the
/// zero-width and byte-order marks that only pad text.
enum Whitespace {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x200B || scalar.value == 0xFEFF
            || (0x1C...0x1F).contains(scalar.value)
    }

    /// The byte length of a whitespace scalar starting at `index`, or nil.
    @inline(__always)
    static func width(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 { return isASCIIWhitespace(byte) ? 1 : nil }
        let (scalar, length) = UTF8Decoding.decode(bytes, at: index, limit: limit)
        return Unicode.Scalar(scalar).map(contains) == true ? length : nil
    }

    /// The byte length of a whitespace scalar ending just before `index`, or nil.
    @inline(__always)
    static func width(in bytes: UnsafeBufferPointer<UInt8>, endingAt index: Int, floor: Int) -> Int? {
        let byte = bytes[index - 1]
        if byte < 0x80 { return isASCIIWhitespace(byte) ? 1 : nil }
        let (scalar, length) = UTF8Decoding.decode(bytes, endingAt: index, floor: floor)
        return Unicode.Scalar(scalar).map(contains) == true ? length : nil
    }

    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte)
    }
}
