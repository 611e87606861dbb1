import Foundation
import PipelineCore

/// What one returned file gives a document: the translations, and the segments skipped with why.
public struct ReturnedWork: Sendable, Equatable {
    public let translations: [ReturnedTranslation]
    public let skipped: [XLIFFImportError]
}

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

    /// As `returnedWork(for:languages:)`, strictly: any segment that would be skipped is an error.
    public func returnedTranslations(for document: AnnotatedDocument, languages: LanguagePair) throws -> [ReturnedTranslation] {
        let work = try returnedWork(for: document, languages: languages)
        if let first = work.skipped.first { throw first }
        return work.translations
    }

    /// Maps the file onto `document` and returns the translated segments, in sentence order, with
    /// what had to be skipped: a segment whose source changed, a unit or segment the document no
    /// longer has, a target that glues new text to the pre-filled source, missing units. The rest
    /// of the file's work is used. Wrong languages, a document twice in the file and duplicate ids
    /// make the whole file unusable and throw.
    ///
    /// A segment counts as translated when its target is not empty and either its state says so
    /// or its text differs from the source (tools such as OmegaT do not always update states).
    /// The file must hold every unit of the document, or exactly the summary's when it was
    /// exported with `content: summary`.
    public func returnedWork(for document: AnnotatedDocument, languages: LanguagePair) throws -> ReturnedWork {
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
        var skipped: [XLIFFImportError] = []
        for unit in file.units {
            guard unitIDs.contains(unit.id) else {
                skipped.append(.unknownUnit(file: fileName, line: unit.line, document: documentID, unit: unit.id))
                continue
            }
            guard seenUnits.insert(unit.id).inserted else {
                throw XLIFFImportError.duplicateUnit(file: fileName, line: unit.line, unit: unit.id)
            }
            let unitSegments = expected.units.first { $0.id == unit.id }!.segments
            if let flattened = unit.unmarkedTarget, !flattened.allSatisfy(\.isWhitespace) {
                skipped.append(.segmentMarkersLost(file: fileName, line: unit.line, unit: unit.id))
                present.formUnion(unitSegments.map(\.id))
                continue
            }
            for segment in unit.segments {
                // A 1.2 unit without seg-source is one segment; it maps only onto a one-sentence paragraph.
                guard let id = segment.id ?? (unitSegments.count == 1 ? unitSegments[0].id : nil) else {
                    skipped.append(.segmentMarkersLost(file: fileName, line: unit.line, unit: unit.id))
                    present.formUnion(unitSegments.map(\.id))
                    continue
                }
                guard let want = expectedSegments[id], want.unit == unit.id else {
                    skipped.append(.unknownSegment(file: fileName, line: segment.line, unit: unit.id, segment: id))
                    continue
                }
                guard present.insert(id).inserted else {
                    throw XLIFFImportError.duplicateSegment(file: fileName, line: segment.line, segment: id)
                }
                do {
                    let segment = try Self.withoutBlockMarker(segment, expected: want.source, id: id, file: fileName)
                    if let translation = try Self.translation(of: segment, id: id, sentence: want.sentence, codes: codeIndex, file: fileName) {
                        translations.append(translation)
                    }
                } catch let error as XLIFFImportError {
                    skipped.append(error)
                }
            }
        }
        if let missing = missingUnits(present, expected: expected, summary: document.summary, document: documentID) {
            skipped.append(missing)
        }
        return ReturnedWork(translations: translations.sorted { $0.sentence < $1.sentence }, skipped: skipped)
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

    /// Every exported unit should be there: all of the document's, or all of the summary's.
    private func missingUnits(_ present: Set<String>, expected: ExportedDocument, summary: Summary?, document: String) -> XLIFFImportError? {
        let all = Set(expected.units.flatMap { $0.segments.map(\.id) })
        let summaryIDs = Set((summary?.picks ?? []).map { XLIFFIdentifiers.segment(sentence: $0.sentence) }).intersection(all)
        if present == all || (!summaryIDs.isEmpty && present == summaryIDs) { return nil }
        let wanted = !summaryIDs.isEmpty && present.isSubset(of: summaryIDs) ? summaryIDs : all
        let missing = expected.units.compactMap { unit -> String? in
            let absent = unit.segments.map(\.id).filter { wanted.contains($0) && !present.contains($0) }
            return absent.isEmpty ? nil : "\(unit.id) (\(absent.joined(separator: ", ")))"
        }
        return .missingUnits(file: fileName, document: document, units: missing)
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

    private static func translation(
        of segment: Segment, id: String, sentence: Int, codes: [CodeKey: Int], file: String
    ) throws(XLIFFImportError) -> ReturnedTranslation? {
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
        // A tool that writes the new text beside the pre-filled copy of the source leaves both:
        // neither half can be trusted as the translation.
        let source = normalized(segment.source)
        let text = normalized(target)
        if changed, !source.isEmpty, text.hasPrefix(source) || text.hasSuffix(source) {
            throw .sourceGluedToTarget(file: file, line: segment.line, segment: id)
        }
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
