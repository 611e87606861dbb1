import Foundation
import XML
import PipelineCore

/// Writes exported documents as one XLIFF file, version 1.2 or 2.1, through libxml2.
///
/// One `<file>` per document, in the order given (a batch passes them sorted by ordinal).
public struct XLIFFWriter: Sendable {
    public let version: XLIFFVersion
    public let languages: LanguagePair
    /// Describes the run in the file's provenance notes, e.g. `pipeline de-en`.
    public let provenance: String
    /// XLIFF 1.2's trans-unit per sentence or per paragraph.
    public let units: XLIFFOptions.Units

    public init(version: XLIFFVersion, languages: LanguagePair, provenance: String, units: XLIFFOptions.Units = .sentence) {
        self.version = version
        self.languages = languages
        self.provenance = provenance
        self.units = units
    }

    public func write(_ documents: [ExportedDocument]) throws -> Data {
        let xml = try XMLWriter()
        try open(xml)
        for (position, document) in documents.enumerated() { try write(document, position: position, to: xml) }
        try xml.endElement()
        return try xml.finish()
    }

    /// Starts the root element; the documents follow one `<file>` at a time, then `endElement()`.
    func open(_ xml: XMLWriter) throws {
        switch version {
        case .v1_2: try XLIFF12Format(languages: languages, provenance: provenance, units: units).open(xml)
        case .v2_1: try XLIFF21Format(languages: languages, provenance: provenance).open(xml)
        }
    }

    /// One document's `<file>`; `position` numbers the files of 2.1 (`f1`, `f2`…).
    func write(_ document: ExportedDocument, position: Int, to xml: XMLWriter) throws {
        switch version {
        case .v1_2: try XLIFF12Format(languages: languages, provenance: provenance, units: units).file(document, position: position, xml)
        case .v2_1: try XLIFF21Format(languages: languages, provenance: provenance).file(document, position: position, xml)
        }
    }

    /// Exports one annotated document with the given options.
    public func write(_ document: AnnotatedDocument, options: XLIFFOptions) throws -> Data {
        try XLIFFWriter(version: version, languages: languages, provenance: provenance, units: options.units)
            .write([ExportedDocument(document, options: options)])
    }
}
