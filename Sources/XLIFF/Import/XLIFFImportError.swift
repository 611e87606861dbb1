import Foundation
import XML

/// Why a returned XLIFF file cannot be used for the document it claims to be.
public enum XLIFFImportError: LocalizedError, Equatable, XMLReadErrorWrapping {
    /// The file is not readable, well-formed, DOCTYPE-free XML of a bounded size.
    case xml(XMLReadError)
    case notXLIFF(file: String, root: String, namespace: String?)
    case missingAttribute(file: String, line: Int, element: String, attribute: String)
    case documentMissing(file: String, document: String, found: [String])
    case documentTwice(file: String, document: String, lines: [Int])
    case wrongLanguages(file: String, line: Int, expected: String, found: String)
    case unknownUnit(file: String, line: Int, document: String, unit: String)
    case duplicateUnit(file: String, line: Int, unit: String)
    case unknownSegment(file: String, line: Int, unit: String, segment: String)
    case duplicateSegment(file: String, line: Int, segment: String)
    case segmentMarkersLost(file: String, line: Int, unit: String)
    case sourceChanged(file: String, line: Int, segment: String, expected: String, found: String)
    case missingUnits(file: String, document: String, units: [String])
    case sourceGluedToTarget(file: String, line: Int, segment: String)

    public var errorDescription: String? {
        switch self {
        case .xml(let error): error.errorDescription
        case .notXLIFF(let file, let root, let namespace):
            "\(file): not XLIFF 1.2 or 2.x: the root is <\(root)> in namespace \(namespace ?? "none")"
        case .missingAttribute(let file, let line, let element, let attribute):
            "\(file):\(line): <\(element)> lacks the required attribute '\(attribute)'"
        case .documentMissing(let file, let document, let found):
            "\(file): holds no file for document '\(document)' (it holds: \(found.isEmpty ? "none" : found.joined(separator: ", ")))"
        case .documentTwice(let file, let document, let lines):
            "\(file):\(lines.last ?? 0): document '\(document)' is returned twice in \(file) (lines \(lines.map(String.init).joined(separator: " and ")))"
        case .wrongLanguages(let file, let line, let expected, let found):
            "\(file):\(line): languages are \(found), but this pipeline translates \(expected)"
        case .unknownUnit(let file, let line, let document, let unit):
            "\(file):\(line): unit '\(unit)' is not a paragraph of document '\(document)'; was the file exported from another version?"
        case .duplicateUnit(let file, let line, let unit):
            "\(file):\(line): unit '\(unit)' appears twice"
        case .unknownSegment(let file, let line, let unit, let segment):
            "\(file):\(line): segment '\(segment)' does not belong to unit '\(unit)' of this document"
        case .duplicateSegment(let file, let line, let segment):
            "\(file):\(line): segment '\(segment)' appears twice"
        case .segmentMarkersLost(let file, let line, let unit):
            "\(file):\(line): the translation of unit '\(unit)' is not inside its sentence markers (the tool kept no sentence segmentation), so it cannot be matched to sentences; export XLIFF 2.1 for such tools"
        case .sourceChanged(let file, let line, let segment, let expected, let found):
            "\(file):\(line): the source of segment '\(segment)' was changed: expected “\(expected)”, found “\(found)”"
        case .missingUnits(let file, let document, let units):
            "\(file): units of document '\(document)' are missing: \(units.joined(separator: "; "))"
        case .sourceGluedToTarget(let file, let line, let segment):
            "\(file):\(line): the target of segment '\(segment)' holds the pre-filled source glued to new text (the tool wrote beside the copy instead of replacing it), so it is not taken as a translation"
        }
    }
}
