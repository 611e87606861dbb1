/// Markup inside translatable text (a bold run, a link, a line break, an image), kept beside the
/// plain text instead of in it, as Okapi's filters do: segmentation, term matching and summaries
/// see only words, while XLIFF shows the markup as tags and `merge` puts it back around the
/// translation.
public struct InlineCode: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Starts a span (`<strong>`, `**`, `[`); its closing code has the same `id`.
        case opening
        case closing
        /// Stands alone (`<br>`, an image, a code span).
        case isolated
    }

    /// What the markup does, as CAT tools name it (XLIFF 1.2 `ctype`, 2.1 `type`/`subType`).
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case bold, italic, underline, link, image, code, lineBreak, superscript, `subscript`, span, html
    }

    /// Shared by the two halves of a pair; unique within the document.
    public let id: Int
    public let kind: Kind
    public let role: Role
    /// UTF-8 offset into the document's plain text where the markup stands.
    public let offset: Int
    /// The markup exactly as the file has it (`<a href="https://…">`, `**`, `](https://…)`).
    public let original: String
    /// A short form for translators (`<a>`, `**`, the code of a code span).
    public let display: String
    /// Whether a translation may leave it out (emphasis may go; a link or an image may not).
    public let deletable: Bool

    public init(id: Int, kind: Kind, role: Role, offset: Int, original: String, display: String, deletable: Bool) {
        self.id = id
        self.kind = kind
        self.role = role
        self.offset = offset
        self.original = original
        self.display = display
        self.deletable = deletable
    }

    /// The same code at another offset.
    public func moved(to offset: Int) -> InlineCode {
        InlineCode(id: id, kind: kind, role: role, offset: offset, original: original, display: display, deletable: deletable)
    }
}

/// Where one of the document's codes stands in a translation: `code` indexes `Document.codes`,
/// `offset` is a UTF-8 offset into the translated text.
public struct CodePlacement: Sendable, Hashable, Codable {
    public let code: Int
    public let offset: Int

    public init(code: Int, offset: Int) {
        self.code = code
        self.offset = offset
    }
}

extension Document {
    /// The codes a sentence's span owns, as indexes into `codes`, in order: those strictly inside,
    /// and a code on its edge whose partner is inside (`<b>Fett</b> und normal.` owns both halves of
    /// the bold). Codes on the edges that wrap the whole span, or that belong to neighbours, stay
    /// outside: translators never see them, and `merge` keeps them where they were.
    public func codes(ownedBy span: TextSpan) -> [Int] {
        guard !codes.isEmpty else { return [] }
        let first = codes.partitioningIndex { $0.offset >= span.start }
        var inside: Set<Int> = []
        var index = first
        while index < codes.count, codes[index].offset <= span.end {
            let offset = codes[index].offset
            if offset > span.start, offset < span.end { inside.insert(codes[index].id) }
            index += 1
        }
        var owned: [Int] = []
        for position in first..<index {
            let code = codes[position]
            if code.offset > span.start, code.offset < span.end {
                owned.append(position)
            } else if code.kind != .isolated, inside.contains(code.id) {
                owned.append(position)
            }
        }
        return owned
    }

    /// Placements for `owned` codes in a translation: those the translation places (pairs kept
    /// whole), and for the rest a place in proportion to where they stood in the source span,
    /// moved to a word edge. A translation that places no code at all (machine translation, a
    /// memory) gets every code this way; one that places some has left the others out on purpose,
    /// which only deletable codes may be.
    public func completePlacements(
        _ given: [CodePlacement], owned: [Int], source span: TextSpan, translation: String
    ) -> [CodePlacement] {
        let ownedSet = Set(owned)
        let length = translation.utf8.count
        var placed: [Int: Int] = [:]
        for placement in given where ownedSet.contains(placement.code) && placed[placement.code] == nil {
            placed[placement.code] = min(max(0, placement.offset), length)
        }
        let placedIDs = Set(placed.keys.map { codes[$0].id })
        let bytes = Array(translation.utf8)
        var result = placed.map { CodePlacement(code: $0.key, offset: $0.value) }
        var floor = 0
        for index in owned {
            if let offset = placed[index] {
                floor = max(floor, offset)
                continue
            }
            let code = codes[index]
            let dropped = !placed.isEmpty && code.deletable && !placedIDs.contains(code.id)
            if dropped { continue }
            let share = span.length == 0 ? 0 : Double(code.offset - span.start) / Double(span.length)
            var offset = Self.wordEdge(in: bytes, near: Int((share * Double(length)).rounded()), kind: code.kind)
            offset = max(offset, floor)
            floor = offset
            result.append(CodePlacement(code: index, offset: offset))
        }
        return result.sorted { ($0.offset, $0.code) < ($1.offset, $1.code) }
    }

    /// The nearest place a code of this kind may stand: an opening code before a word, a closing
    /// code after one, an isolated code between words; never inside a word or a character.
    static let trailingPunctuation: Set<UInt8> = Set(".,;:!?)'\"".utf8)

    static func wordEdge(in bytes: [UInt8], near target: Int, kind: InlineCode.Kind) -> Int {
        let length = bytes.count
        let target = min(max(0, target), length)
        func isSpace(_ index: Int) -> Bool { bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 }
        /// Closing punctuation a word's end may stand before (`[Verband](…).`, `<b>fett</b>,`).
        func punctuationToWordEnd(_ offset: Int) -> Bool {
            var index = offset
            while index < length, !isSpace(index) {
                guard Self.trailingPunctuation.contains(bytes[index]) else { return false }
                index += 1
            }
            return index > offset
        }
        /// Word starts follow a space (or begin the text), word ends precede one (or end it).
        func fits(_ offset: Int) -> Bool {
            let spaceBefore = offset == 0 || isSpace(offset - 1)
            let spaceAfter = offset == length || isSpace(offset) || (kind == .closing && punctuationToWordEnd(offset))
            switch kind {
            case .opening: return spaceBefore && !(offset < length && isSpace(offset))
            case .closing: return spaceAfter && !(offset > 0 && isSpace(offset - 1))
            case .isolated: return spaceBefore || spaceAfter
            }
        }
        for distance in 0...length {
            if target - distance >= 0, fits(target - distance) { return target - distance }
            if target + distance <= length, fits(target + distance) { return target + distance }
        }
        return target
    }
}
