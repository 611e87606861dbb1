import Foundation
import PipelineCore

/// A translated XLIFF file as read back: the units and segments it holds, version-neutral, plus
/// what `XLIFFConformance` found wrong with it. Map it onto a document with `translations(for:languages:)`.
public struct ReturnedXLIFF: Sendable, Hashable {
    public let fileName: String
    /// `1.2`, `2.0`, `2.1` or `2.2`.
    public let version: String
    public let files: [File]
    /// Spec rules the file breaks that a schema cannot check. Data, not errors: the caller decides.
    public let findings: [XLIFFFinding]

    public struct File: Sendable, Hashable {
        /// XLIFF 2 `<file id>`; XLIFF 1.2 files have none.
        public let id: String?
        /// The document id our exports put in `original`.
        public let original: String?
        public let sourceLanguage: String?
        public let targetLanguage: String?
        public let line: Int
        public let units: [Unit]
    }

    public struct Unit: Sendable, Hashable {
        public let id: String
        public let line: Int
        public let segments: [Segment]
        /// XLIFF 1.2 only: target text of a unit with several segments whose translation stands
        /// outside the segment markers (a tool flattened it); it cannot be split back safely.
        public let unmarkedTarget: String?
    }

    public struct Segment: Sendable, Hashable {
        /// Nil for an XLIFF 1.2 unit without `<seg-source>`: the whole unit is one segment.
        public let id: String?
        public let source: String
        public let target: String?
        /// Nil when the file gives no (recognisable) state.
        public let state: XLIFFState?
        public let line: Int
        /// The target is machine output nobody has reviewed yet, as our export marks it (1.2:
        /// `state-qualifier="mt-suggestion"` with `needs-review-translation`; 2.x: `initial` with
        /// `subState="pipeline:mt-suggestion"`): a suggestion, not a translator's translation.
        public let machineSuggestion: Bool
        /// The inline codes of `target`, by the code ids our exports write.
        public let targetCodes: [CodeMark]

        public init(
            id: String?, source: String, target: String?, state: XLIFFState?, line: Int, machineSuggestion: Bool = false,
            targetCodes: [CodeMark] = []
        ) {
            self.id = id
            self.source = source
            self.target = target
            self.state = state
            self.line = line
            self.machineSuggestion = machineSuggestion
            self.targetCodes = targetCodes
        }
    }

    /// An inline code in a target: which code (`InlineCode.id`), which half, and its UTF-8 offset.
    public struct CodeMark: Sendable, Hashable {
        public let id: Int
        public let kind: InlineCode.Kind
        public let offset: Int
    }

    /// The document ids (`original`) the file holds, in file order.
    public var documentIDs: [String] { files.compactMap(\.original) }
}

extension ReturnedXLIFF {
    /// Target text per sentence index, for the sentences this file translates.
    public func translations(for document: AnnotatedDocument, languages: LanguagePair) throws -> [Int: String] {
        Dictionary(try returnedTranslations(for: document, languages: languages).map { ($0.sentence, $0.text) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// Checks that the file is the export of `document` (its languages, units and source texts)
    /// and returns the translated segments, in sentence order.
    ///
    /// A segment counts as translated when its target is not empty and either its state says so
    /// or its text differs from the source (tools such as OmegaT do not always update states).
    /// The file must hold every unit of the document, or exactly the summary's when it was
    /// exported with `content: summary`.
    public func returnedTranslations(for document: AnnotatedDocument, languages: LanguagePair) throws -> [ReturnedTranslation] {
        let documentID = document.document.id
        let matching = files.filter { $0.original == documentID }
        guard let file = matching.first else {
            throw XLIFFImportError.documentMissing(file: fileName, document: documentID, found: documentIDs)
        }
        guard matching.count == 1 else {
            throw XLIFFImportError.documentTwice(file: fileName, document: documentID, lines: matching.prefix(2).map(\.line))
        }
        try checkLanguages(of: file, against: languages)

        let expected = try ExportedDocument(document, options: XLIFFOptions(content: .all))
        var expectedSegments: [String: (unit: String, sentence: Int, source: String)] = [:]
        for unit in expected.units {
            for segment in unit.segments {
                expectedSegments[segment.id] = (unit.id, segment.sentence, segment.sourceText)
            }
        }
        let unitIDs = Set(expected.units.map(\.id))
        var codeIndex: [CodeKey: Int] = [:]
        for (index, code) in document.document.codes.enumerated() { codeIndex[CodeKey(id: code.id, kind: code.kind)] = index }

        var seenUnits: Set<String> = []
        var present: Set<String> = []
        var translations: [ReturnedTranslation] = []
        for unit in file.units {
            guard unitIDs.contains(unit.id) else {
                throw XLIFFImportError.unknownUnit(file: fileName, line: unit.line, document: documentID, unit: unit.id)
            }
            guard seenUnits.insert(unit.id).inserted else {
                throw XLIFFImportError.duplicateUnit(file: fileName, line: unit.line, unit: unit.id)
            }
            let unitSegments = expected.units.first { $0.id == unit.id }!.segments
            if let flattened = unit.unmarkedTarget, !flattened.allSatisfy(\.isWhitespace) {
                throw XLIFFImportError.segmentMarkersLost(file: fileName, line: unit.line, unit: unit.id)
            }
            for segment in unit.segments {
                // A 1.2 unit without seg-source is one segment; it maps only onto a one-sentence paragraph.
                guard let id = segment.id ?? (unitSegments.count == 1 ? unitSegments[0].id : nil) else {
                    throw XLIFFImportError.segmentMarkersLost(file: fileName, line: unit.line, unit: unit.id)
                }
                guard let want = expectedSegments[id], want.unit == unit.id else {
                    throw XLIFFImportError.unknownSegment(file: fileName, line: segment.line, unit: unit.id, segment: id)
                }
                guard present.insert(id).inserted else {
                    throw XLIFFImportError.duplicateSegment(file: fileName, line: segment.line, segment: id)
                }
                let segment = try Self.withoutBlockMarker(segment, expected: want.source, id: id, file: fileName)
                if let translation = Self.translation(of: segment, sentence: want.sentence, codes: codeIndex) {
                    translations.append(translation)
                }
            }
        }
        try checkComplete(present, expected: expected, summary: document.summary, document: documentID)
        return translations.sorted { $0.sentence < $1.sentence }
    }

    private func checkLanguages(of file: File, against languages: LanguagePair) throws {
        let found = (file.sourceLanguage ?? "", file.targetLanguage ?? "")
        let sourceMatches = LanguageTag(found.0).map { $0 == languages.source } ?? false
        let targetMatches = LanguageTag(found.1).map { $0 == languages.target } ?? false
        guard sourceMatches, targetMatches else {
            throw XLIFFImportError.wrongLanguages(
                file: fileName, line: file.line, expected: "\(languages.source) → \(languages.target)",
                found: "\(found.0.isEmpty ? "none" : found.0) → \(found.1.isEmpty ? "none" : found.1)")
        }
    }

    /// Every exported unit must be there: all of the document's, or all of the summary's.
    private func checkComplete(_ present: Set<String>, expected: ExportedDocument, summary: Summary?, document: String) throws {
        let all = Set(expected.units.flatMap { $0.segments.map(\.id) })
        let summaryIDs = Set((summary?.picks ?? []).map { XLIFFIdentifiers.segment(sentence: $0.sentence) }).intersection(all)
        if present == all || (!summaryIDs.isEmpty && present == summaryIDs) { return }
        let wanted = !summaryIDs.isEmpty && present.isSubset(of: summaryIDs) ? summaryIDs : all
        let missing = expected.units.compactMap { unit -> String? in
            let absent = unit.segments.map(\.id).filter { wanted.contains($0) && !present.contains($0) }
            return absent.isEmpty ? nil : "\(unit.id) (\(absent.joined(separator: ", ")))"
        }
        throw XLIFFImportError.missingUnits(file: fileName, document: document, units: missing)
    }

    /// Checks the segment's source against the expected text. Files exported before block markers
    /// (`- `, `# `) were left out of segments carry them in source and target: the marker is accepted
    /// and dropped from both, so such files still map and their translations come back clean.
    private static func withoutBlockMarker(_ segment: Segment, expected: String, id: String, file: String) throws -> Segment {
        let found = normalized(segment.source)
        let wanted = normalized(expected)
        if found == wanted { return segment }
        let marker = found.dropLast(wanted.count)
        guard found.hasSuffix(wanted), marker.last == " ", marker.allSatisfy({ "#-*+>0123456789.) ".contains($0) }) else {
            throw XLIFFImportError.sourceChanged(
                file: file, line: segment.line, segment: id, expected: expected, found: segment.source)
        }
        let target = segment.target.map { text -> String in
            let trimmed = text.drop { $0.isWhitespace }
            return trimmed.hasPrefix(marker) ? String(trimmed.dropFirst(marker.count)) : text
        }
        // Such old files carry no inline codes.
        return Segment(id: segment.id, source: expected, target: target, state: segment.state, line: segment.line,
                       machineSuggestion: segment.machineSuggestion)
    }

    struct CodeKey: Hashable {
        let id: Int
        let kind: InlineCode.Kind
    }

    private static func translation(of segment: Segment, sentence: Int, codes: [CodeKey: Int]) -> ReturnedTranslation? {
        guard !segment.machineSuggestion else { return nil }
        guard let raw = segment.target else { return nil }
        let target = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !target.isEmpty else { return nil }
        // Offsets move with the whitespace trimmed off the front; codes the document lacks are dropped.
        let leading = raw.utf8.count - raw.drop { $0.isWhitespace }.utf8.count
        let length = target.utf8.count
        let placements = segment.targetCodes.compactMap { mark -> CodePlacement? in
            codes[CodeKey(id: mark.id, kind: mark.kind)].map {
                CodePlacement(code: $0, offset: min(max(0, mark.offset - leading), length))
            }
        }
        let changed = normalized(target) != normalized(segment.source)
        switch segment.state {
        case .some(let state) where state > .initial:
            return ReturnedTranslation(sentence: sentence, text: target, state: state, codes: placements)
        case _ where changed:
            return ReturnedTranslation(sentence: sentence, text: target, state: .translated, codes: placements)
        default:
            return nil // an untouched copy of the source is not a translation
        }
    }

    /// Whitespace runs collapsed to one space: CAT tools may reflow text.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
