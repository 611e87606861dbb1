/// A rule of the XLIFF specification that a file breaks.
public struct XLIFFFinding: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let rule: Rule
    public let message: String

    public enum Rule: String, Sendable, Hashable, CaseIterable {
        case duplicateFileID = "duplicate-file-id"
        case duplicateUnitID = "duplicate-unit-id"
        case duplicateSegmentID = "duplicate-segment-id"
        case duplicateInlineID = "duplicate-inline-id"
        case duplicateNoteID = "duplicate-note-id"
        case missingTargetLanguage = "missing-trgLang"
        case sourceLanguageMismatch = "source-language-mismatch"
        case targetLanguageMismatch = "target-language-mismatch"
        case endBeforeStart = "end-before-start"
        case endWithoutStart = "end-without-start"
        case invalidOrder = "invalid-order"
        case subStateWithoutState = "subState-without-state"
        case glossEntryIncomplete = "glossEntry-without-translation-or-definition"
        case duplicateGlossaryID = "duplicate-glossary-id"
        case danglingReference = "dangling-reference"
        case targetMarkerWithoutSource = "target-marker-without-source"
    }

    public var description: String { "\(file):\(line): \(message) [\(rule.rawValue)]" }
}
