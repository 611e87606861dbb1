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

    public init(version: XLIFFVersion, languages: LanguagePair, provenance: String) {
        self.version = version
        self.languages = languages
        self.provenance = provenance
    }

    public func write(_ documents: [ExportedDocument]) throws -> Data {
        let xml = try XMLWriter()
        switch version {
        case .v1_2: try XLIFF12Format(languages: languages, provenance: provenance).write(documents, to: xml)
        case .v2_1: try XLIFF21Format(languages: languages, provenance: provenance).write(documents, to: xml)
        }
        return try xml.finish()
    }

    /// Exports one annotated document with the given options.
    public func write(_ document: AnnotatedDocument, options: XLIFFOptions) throws -> Data {
        try write([ExportedDocument(document, options: options)])
    }
}
