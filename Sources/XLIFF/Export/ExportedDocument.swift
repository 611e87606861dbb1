import Foundation
import XML
import PipelineCore

/// What one document contributes to an XLIFF file, in terms both XLIFF versions share: units
/// (paragraphs) of segments (sentences) and the text between them, with term marks, targets and
/// summary picks. Small on purpose: a per-batch export keeps only this per document.
///
/// Text before a paragraph's first sentence or after its last, and block markers that open a
/// sentence (`# `, `- `, `1. `; see `BlockMarkup`), are layout of the input, not content, and are
/// left out: OmegaT would show them as segments, and translators would have to carry them over.
public struct ExportedDocument: Sendable, Hashable {
    public let documentID: String
    public let ordinal: Int
    public let title: String
    public let source: String
    public let metadata: [MetadataEntry]
    public let content: XLIFFOptions.Content
    public let summaryMethod: String?
    /// How many sentences the summary picked; ranks run from 1 to this.
    public let summaryLength: Int
    public let units: [Unit]
    /// The glossary concepts the exported text uses, in order of first use; term runs point into it.
    public let concepts: [ConceptUse]

    public struct Unit: Sendable, Hashable {
        public let id: String
        public let paragraph: Int
        public let parts: [Part]

        public var segments: [Segment] {
            parts.compactMap { if case .segment(let segment) = $0 { segment } else { nil } }
        }

        /// The first mark of each distinct glossary term in the unit, in order of use.
        public var firstTermMarks: [TermMark] {
            var seen: Set<[String]> = []
            return segments.flatMap(\.termMarks).filter { seen.insert(["\($0.concept)", $0.glossaryTerm]).inserted }
        }

        /// The unit's concepts in order of first use, each with the glossary terms that matched here.
        /// Read from the term runs directly: the marks' ids are not needed here.
        public var conceptTerms: [(concept: Int, terms: [String])] {
            var result: [(concept: Int, terms: [String])] = []
            for case .segment(let segment) in parts {
                for case .term(_, let concept, let term) in segment.source {
                    if let index = result.firstIndex(where: { $0.concept == concept }) {
                        if !result[index].terms.contains(term) { result[index].terms.append(term) }
                    } else {
                        result.append((concept, [term]))
                    }
                }
            }
            return result
        }

        /// Whether any segment shows inline codes.
        public var hasCodes: Bool {
            segments.contains { $0.source.contains { if case .code = $0 { true } else { false } } }
        }

        /// The unit's whole source text, segments and gaps alike.
        public var sourceText: String {
            var text = ""
            for part in parts {
                switch part {
                case .segment(let segment):
                    for run in segment.source { text += run.text }
                case .gap(let gap):
                    text += gap
                }
            }
            return text
        }
    }

    public enum Part: Sendable, Hashable {
        case segment(Segment)
        /// Text between sentences (usually whitespace): XLIFF 2 `<ignorable>`, XLIFF 1.2 text between markers.
        case gap(String)
    }

    public struct Segment: Sendable, Hashable {
        public let id: String
        public let sentence: Int
        public let source: [Run]
        public let target: String?
        /// Where the segment's codes stand in `target`, by offset; empty without codes.
        public let targetCodes: [PlacedCode]
        public let state: XLIFFState
        /// Where a pre-filled target came from, when it came from `document.translations`.
        public let origin: Translation.Origin?
        public let pick: Summary.Pick?
        /// Known translations offered beside the target, never in it: fuzzy memory matches always;
        /// exact matches, earlier translators' work and machine output when the prefill leaves them
        /// out (1.2 `alt-trans`, 2.1 `mtc:match`).
        public let suggestions: [Suggestion]

        public var sourceText: String { source.map(\.text).joined() }

        /// The term runs with their ids (`s3-t1`), unique within the unit.
        public var termMarks: [TermMark] {
            var marks: [TermMark] = []
            for case .term(_, let concept, let term) in source {
                marks.append(TermMark(id: "\(id)-t\(marks.count + 1)", concept: concept, glossaryTerm: term))
            }
            return marks
        }
    }

    /// A translation offered for a segment, with the source it translates (a memory's own sentence,
    /// or the segment's source for machine output).
    public struct Suggestion: Sendable, Hashable {
        public let source: String
        public let target: String
        public let origin: Translation.Origin
        /// Where it came from, as CAT tools show it: the memory file, or the engine.
        public let originName: String

        /// The match percentage, 100 for machine output (which translates this very source).
        public var matchQuality: Int {
            if case .memory(let percent) = origin { percent } else { 100 }
        }
    }

    public struct TermMark: Sendable, Hashable {
        public let id: String
        public let concept: Int
        public let glossaryTerm: String
    }

    public enum Run: Sendable, Hashable {
        case text(String)
        /// A glossary match: its text, an index into `concepts`, and the glossary term that matched.
        case term(String, concept: Int, glossaryTerm: String)
        /// Inline markup: no text of its own.
        case code(ExportedCode)

        public var text: String {
            switch self {
            case .text(let text), .term(let text, _, _): text
            case .code: ""
            }
        }
    }

    /// An inline code as one segment shows it: whole pairs inside the segment become one element
    /// (`<g>`, `<pc>`), halves whose partner lies elsewhere stand alone (`<bx/>`/`<ex/>`, `<sc/>`/`<ec/>`).
    public struct ExportedCode: Sendable, Hashable {
        /// The code, its original and display text made safe for XML.
        public let code: InlineCode
        public let form: Form

        public enum Form: Sendable, Hashable {
            case placeholder
            /// A half whose partner is in the same segment, properly nested; the start knows its end.
            case pairStart(end: InlineCode), pairEnd
            /// A half whose partner is not in the segment; `partnerInUnit` tells XLIFF 2 whether it is isolated.
            case start(partnerInUnit: Bool), end(partnerInUnit: Bool)
        }
    }

    /// A code at a UTF-8 offset of a target text.
    public struct PlacedCode: Sendable, Hashable {
        public let offset: Int
        public let code: ExportedCode
    }

    /// A suggestion's `origin` when no memory file names it: `translation memory`, `DeepL`.
    static func suggestionOrigin(_ origin: Translation.Origin) -> String {
        switch origin {
        case .translator: origin.label
        case .memory: "translation memory"
        case .machine(let engine): engine
        }
    }

    /// Forms for a sequence of codes: a pair is whole when its halves come in order and nest.
    static func forms(_ codes: [InlineCode], partnersInUnit: Set<Int>) -> [ExportedCode] {
        var forms = codes.map { $0.kind == .isolated ? ExportedCode.Form.placeholder
            : $0.kind == .opening ? .start(partnerInUnit: partnersInUnit.contains($0.id))
            : .end(partnerInUnit: partnersInUnit.contains($0.id)) }
        var open: [Int] = []
        for (position, code) in codes.enumerated() {
            switch code.kind {
            case .opening: open.append(position)
            case .closing:
                if let top = open.last, codes[top].id == code.id {
                    open.removeLast()
                    forms[top] = .pairStart(end: code)
                    forms[position] = .pairEnd
                }
            case .isolated: break
            }
        }
        return zip(codes, forms).map { ExportedCode(code: $0.0, form: $0.1) }
    }

    /// One glossary concept as the document uses it.
    public struct ConceptUse: Sendable, Hashable {
        public let conceptID: String
        /// Source terms that matched, in order of first use.
        public var sourceTerms: [SourceTerm]
        public let target: String
        public let deprecatedTargets: [String]
        public let partOfSpeech: String?
        /// The first sentence the concept occurs in, as context for translators.
        public let context: String
    }

    public struct SourceTerm: Sendable, Hashable {
        public let term: String
        public let status: TermStatus
    }
}

extension ExportedDocument {
    /// Selects and slices what the options ask for. Throws on spans that do not fit the text,
    /// so bad annotations never crash the export.
    public init(_ document: AnnotatedDocument, options: XLIFFOptions) throws {
        let id = document.document.id
        let bytes = Array(document.text.utf8)
        var previous = (end: 0, paragraph: 0)
        for (index, sentence) in document.sentences.enumerated() {
            let span = sentence.span
            guard span.start >= previous.end, span.end <= bytes.count else {
                throw XLIFFExportError.invalidSpan(
                    document: id, sentence: index, start: span.start, end: span.end, textBytes: bytes.count)
            }
            // Units are made of consecutive sentences; a paragraph that came back would repeat a unit id.
            guard sentence.paragraph >= previous.paragraph else {
                throw XLIFFExportError.paragraphOutOfOrder(document: id, sentence: index, paragraph: sentence.paragraph)
            }
            previous = (span.end, sentence.paragraph)
        }
        /// A slice of the text that starts and ends on scalar boundaries is well-formed, as the whole
        /// text is: it skips the generic validation that a slice cut inside a scalar needs.
        func isScalarBoundary(_ offset: Int) -> Bool {
            offset == bytes.count || bytes[offset] & 0xC0 != 0x80
        }
        func text(_ start: Int, _ end: Int) -> String {
            let lower = min(max(0, start), bytes.count)
            let upper = min(max(lower, end), bytes.count)
            guard isScalarBoundary(lower), isScalarBoundary(upper) else {
                return XMLCharacters.sanitized(utf8: bytes[lower..<upper])
            }
            return bytes.withUnsafeBufferPointer { buffer in
                XMLCharacters.sanitized(String(decoding: UnsafeBufferPointer(rebasing: buffer[lower..<upper]), as: UTF8.self))
            }
        }

        let picks = Dictionary((document.summary?.picks ?? []).map { ($0.sentence, $0) }, uniquingKeysWith: { a, _ in a })
        let chosen: [Int]
        switch options.content {
        case .all:
            chosen = Array(document.sentences.indices)
        case .summary:
            guard let summary = document.summary else { throw XLIFFExportError.noSummary(document: id) }
            chosen = Set(summary.picks.map(\.sentence)).filter { document.sentences.indices.contains($0) }.sorted()
        }
        guard !chosen.isEmpty else { throw XLIFFExportError.nothingToExport(document: id) }

        var concepts: [ConceptUse] = []
        var conceptIndex: [String: Int] = [:]
        let codes = document.document.codes
        /// Codes made safe for XML once: the original and display text come from the input file.
        func safe(_ code: InlineCode) -> InlineCode {
            InlineCode(id: code.id, kind: code.kind, role: code.role, offset: code.offset,
                       original: XMLCharacters.sanitized(code.original), display: XMLCharacters.sanitized(code.display),
                       deletable: code.deletable)
        }
        func span(of sentence: Int) -> TextSpan { BlockMarkup.translatableSpan(document.sentences[sentence].span, in: bytes) }

        func runs(of sentence: Int, owned: [Int], partners: Set<Int>) -> [Run] {
            let span = span(of: sentence)
            let forms = Self.forms(owned.map { safe(codes[$0]) }, partnersInUnit: partners)
            var pendingCodes = forms[...]
            var result: [Run] = []
            var cursor = span.start
            /// Text up to `end`, with the codes that stand in it.
            func plain(upTo end: Int) {
                while let code = pendingCodes.first, code.code.offset <= end {
                    let before = text(cursor, max(cursor, code.code.offset))
                    if !before.isEmpty { result.append(.text(before)) }
                    cursor = max(cursor, code.code.offset)
                    result.append(.code(code))
                    pendingCodes.removeFirst()
                }
                let rest = text(cursor, end)
                if !rest.isEmpty { result.append(.text(rest)) }
                cursor = max(cursor, end)
            }
            for match in document.terms(in: sentence) where match.span.start >= cursor && match.span.end <= span.end {
                // A term with markup inside (`<b>Bundes</b>tag`) stays text: a mark cannot split a tag.
                let codeInside = pendingCodes.contains { $0.code.offset > match.span.start && $0.code.offset < match.span.end }
                if codeInside { continue }
                plain(upTo: match.span.start)
                let surface = text(match.span.start, match.span.end)
                cursor = match.span.end
                guard !surface.isEmpty, !XMLCharacters.sanitized(match.target).isEmpty else {
                    result.append(.text(surface))
                    continue
                }
                let glossaryTerm = XMLCharacters.sanitized(match.source)
                let index: Int
                if let known = conceptIndex[match.conceptID] {
                    index = known
                    let term = SourceTerm(term: glossaryTerm, status: match.status)
                    if !concepts[index].sourceTerms.contains(where: { $0.term == term.term }) {
                        concepts[index].sourceTerms.append(term)
                    }
                } else {
                    index = concepts.count
                    conceptIndex[match.conceptID] = index
                    concepts.append(ConceptUse(
                        conceptID: match.conceptID,
                        sourceTerms: [SourceTerm(term: glossaryTerm, status: match.status)],
                        target: XMLCharacters.sanitized(match.target),
                        deprecatedTargets: match.deprecatedTargets.map(XMLCharacters.sanitized),
                        partOfSpeech: match.partOfSpeech, context: text(span.start, span.end)))
                }
                result.append(.term(surface, concept: index, glossaryTerm: glossaryTerm))
            }
            plain(upTo: span.end)
            return result
        }

        /// The source's codes with their offsets in `copy`, the source text without markup.
        func copiedCodes(_ source: [Run]) -> [PlacedCode] {
            var offset = 0
            var placed: [PlacedCode] = []
            for run in source {
                if case .code(let code) = run { placed.append(PlacedCode(offset: offset, code: code)) }
                offset += run.text.utf8.count
            }
            return placed
        }

        /// A translation's codes in the target: as it places them, the rest in proportion.
        func translatedCodes(_ translation: Translation, text target: String, sentence: Int, owned: [Int], partners: Set<Int>) -> [PlacedCode] {
            guard !owned.isEmpty else { return [] }
            let placements = document.document.completePlacements(
                translation.codes, owned: owned, source: span(of: sentence), translation: target)
            let forms = Self.forms(placements.map { safe(codes[$0.code]) }, partnersInUnit: partners)
            return zip(placements, forms).map { PlacedCode(offset: $0.0.offset, code: $0.1) }
        }

        func segment(_ sentence: Int, partners: Set<Int>) -> Segment {
            let owned = document.document.codes(ownedBy: span(of: sentence))
            let source = runs(of: sentence, owned: owned, partners: partners)
            let copy = source.map(\.text).joined()
            var target: String?
            var targetCodes: [PlacedCode] = []
            var origin: Translation.Origin?
            let known = document.translations[sentence].flatMap { $0.text.isEmpty ? nil : $0 }
            switch options.prefill {
            case .empty: break
            case .source:
                target = copy
                targetCodes = copiedCodes(source)
            case .memory, .memoryOrSource:
                // A fuzzy match translates another sentence: a suggestion beside the target, never in it.
                if let translation = known, !translation.origin.isFuzzyMemory {
                    let text = XMLCharacters.sanitized(translation.text)
                    target = text
                    targetCodes = translatedCodes(translation, text: text, sentence: sentence, owned: owned, partners: partners)
                    origin = translation.origin
                }
            }
            if target?.isEmpty == true { target = nil; targetCodes = []; origin = nil }
            var suggestions: [Suggestion] = []
            if let translation = known, origin == nil {
                let memory = translation.memoryUnit
                suggestions.append(Suggestion(
                    source: XMLCharacters.sanitized(memory?.source ?? copy), target: XMLCharacters.sanitized(translation.text),
                    origin: translation.origin,
                    originName: XMLCharacters.sanitized(memory?.file ?? Self.suggestionOrigin(translation.origin))))
            }
            let state: XLIFFState
            if target == nil, options.prefill == .memoryOrSource {
                target = copy
                targetCodes = copiedCodes(source)
                state = .initial // a copy to overwrite, not a translation
            } else if target == nil || options.prefill == .source {
                state = .initial // a copy of the source is there to be overwritten
            } else if origin?.isFuzzyMemory == true || origin?.isMachine == true {
                state = .initial // a fuzzy match or machine output is a suggestion, not a translation
            } else {
                state = options.state
            }
            return Segment(
                id: XLIFFIdentifiers.segment(sentence: sentence), sentence: sentence, source: source,
                target: target, targetCodes: targetCodes, state: state, origin: origin, pick: picks[sentence],
                suggestions: suggestions)
        }

        var units: [Unit] = []
        var start = 0
        while start < chosen.count {
            let paragraph = document.sentences[chosen[start]].paragraph
            var end = start
            while end < chosen.count, document.sentences[chosen[end]].paragraph == paragraph { end += 1 }
            let members = chosen[start..<end]
            var parts: [Part] = []
            var previous: Int?
            // Pair ids with a half in more than one of the unit's segments: XLIFF 2 calls such halves not isolated.
            var halves: [Int: Int] = [:]
            if !codes.isEmpty {
                for sentence in members {
                    for index in document.document.codes(ownedBy: span(of: sentence)) where codes[index].kind != .isolated {
                        halves[codes[index].id, default: 0] += 1
                    }
                }
            }
            let partners = Set(halves.filter { $0.value > 1 }.keys)
            for sentence in members {
                if let previous {
                    let between = previous + 1 == sentence
                        ? text(document.sentences[previous].span.end, document.sentences[sentence].span.start)
                        : " " // summary export: the sentences in between are left out
                    if !between.isEmpty { parts.append(.gap(between)) }
                }
                parts.append(.segment(segment(sentence, partners: partners)))
                previous = sentence
            }
            units.append(Unit(id: XLIFFIdentifiers.unit(paragraph: paragraph), paragraph: paragraph, parts: parts))
            start = end
        }

        self.documentID = id
        self.ordinal = document.ordinal
        self.title = XMLCharacters.sanitized(document.document.title)
        self.source = XMLCharacters.sanitized(document.document.source)
        self.metadata = document.document.metadata.map {
            MetadataEntry(XMLCharacters.sanitized($0.key), XMLCharacters.sanitized($0.value))
        }
        self.content = options.content
        self.summaryMethod = document.summary?.method
        self.summaryLength = document.summary?.picks.count ?? 0
        self.units = units
        self.concepts = concepts
    }
}
