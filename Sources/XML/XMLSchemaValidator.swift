internal import CLibXML2
import Foundation

/// Validates documents against a W3C XML Schema with libxml2, offline.
///
/// The compiled schema is shared read-only; each validation gets its own parser and validation
/// context. The schema's imports may load files only under `root` (see `EntityLoaderPolicy`), and the
/// documents themselves are parsed with the same refusals as `SafeXMLReader`.
package final class XMLSchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    package let schemaFile: URL

    /// - Parameters:
    ///   - schemaFile: the main `.xsd`.
    ///   - root: the folder holding it and everything it imports.
    package init(schemaFile: URL, importsUnder root: URL) throws {
        LibXML.initialize()
        EntityLoaderPolicy.trust(directory: root)
        self.schemaFile = schemaFile
        guard let parser = xmlSchemaNewParserCtxt(schemaFile.path) else {
            throw XMLSchemaError.unusableSchema(file: schemaFile.path, messages: ["cannot create a schema parser"])
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let collector = ErrorCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetParserStructuredErrors(parser, ErrorCollector.handler, box.toOpaque())
        guard let compiled = xmlSchemaParse(parser) else {
            throw XMLSchemaError.unusableSchema(file: schemaFile.path, messages: collector.messages)
        }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    /// The schema violations in `data`, as "line N: message"; empty when the document is valid.
    /// Throws when the data is not well-formed XML or carries a DOCTYPE.
    package func violations(in data: Data, fileName: String) throws -> [String] {
        _ = try SafeXMLReader.parse(data, fileName: fileName)
        guard let context = xmlNewParserCtxt() else {
            throw XMLReadError.unreadable(file: fileName, reason: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let document = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return xmlCtxtReadMemory(context, base, Int32(raw.count), fileName, nil, SafeXMLReader.parseOptions)
        }
        guard let document else { throw LibXML.lastError(of: context, file: fileName) }
        defer { xmlFreeDoc(document) }
        guard let validation = xmlSchemaNewValidCtxt(schema) else {
            throw XMLSchemaError.unusableSchema(file: schemaFile.path, messages: ["cannot create a validation context"])
        }
        defer { xmlSchemaFreeValidCtxt(validation) }
        let collector = ErrorCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetValidStructuredErrors(validation, ErrorCollector.handler, box.toOpaque())
        let result = xmlSchemaValidateDoc(validation, document)
        if result != 0, collector.messages.isEmpty { return ["libxml2 reported the document invalid (code \(result))"] }
        return collector.messages
    }

    /// Gathers libxml2's structured errors for one parse or validation.
    private final class ErrorCollector {
        var messages: [String] = []

        static let handler: xmlStructuredErrorFunc = { userData, error in
            guard let userData, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
            collector.messages.append("line \(error.pointee.line): \(LibXML.message(of: error))")
        }
    }
}

package enum XMLSchemaError: LocalizedError, Equatable {
    case unusableSchema(file: String, messages: [String])

    package var errorDescription: String? {
        switch self {
        case .unusableSchema(let file, let messages):
            "\(file): cannot use this schema: \(messages.prefix(3).joined(separator: "; "))"
        }
    }
}
