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
        public let state: XLIFFState
        /// Where a pre-filled target came from, when it came from `document.translations`.
        public let origin: Translation.Origin?
        public let pick: Summary.Pick?

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

    public struct TermMark: Sendable, Hashable {
        public let id: String
        public let concept: Int
        public let glossaryTerm: String
    }

    public enum Run: Sendable, Hashable {
        case text(String)
        /// A glossary match: its text, an index into `concepts`, and the glossary term that matched.
        case term(String, concept: Int, glossaryTerm: String)

        public var text: String {
            switch self {
            case .text(let text), .term(let text, _, _): text
            }
        }
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
        func runs(of sentence: Int) -> [Run] {
            let whole = document.sentences[sentence].span
            let markup = BlockMarkup.prefixLength(in: bytes, sentenceStart: whole.start, end: whole.end)
            let span = TextSpan(start: whole.start + markup, end: whole.end)
            var result: [Run] = []
            var cursor = span.start
            for match in document.terms(in: sentence) where match.span.start >= cursor && match.span.end <= span.end {
                let before = text(cursor, match.span.start)
                if !before.isEmpty { result.append(.text(before)) }
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
            let rest = text(cursor, span.end)
            if !rest.isEmpty { result.append(.text(rest)) }
            return result
        }

        func segment(_ sentence: Int) -> Segment {
            let source = runs(of: sentence)
            let copy = source.map(\.text).joined()
            var target: String?
            var origin: Translation.Origin?
            switch options.prefill {
            case .empty: break
            case .source: target = copy
            case .memory, .memoryOrSource:
                if let translation = document.translations[sentence] {
                    target = XMLCharacters.sanitized(translation.text)
                    origin = translation.origin
                }
            }
            if target?.isEmpty == true { target = nil; origin = nil }
            let state: XLIFFState
            if target == nil, options.prefill == .memoryOrSource {
                target = copy
                state = .initial // a copy to overwrite, not a translation
            } else if target == nil {
                state = .initial
            } else if origin?.isFuzzyMemory == true || origin?.isMachine == true {
                state = .initial // a fuzzy match or machine output is a suggestion, not a translation
            } else {
                state = options.state
            }
            return Segment(
                id: XLIFFIdentifiers.segment(sentence: sentence), sentence: sentence, source: source,
                target: target, state: state, origin: origin, pick: picks[sentence])
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
            for sentence in members {
                if let previous {
                    let between = previous + 1 == sentence
                        ? text(document.sentences[previous].span.end, document.sentences[sentence].span.start)
                        : " " // summary export: the sentences in between are left out
                    if !between.isEmpty { parts.append(.gap(between)) }
                }
                parts.append(.segment(segment(sentence)))
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
