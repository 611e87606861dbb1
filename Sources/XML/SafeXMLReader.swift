internal import CLibXML2
import Foundation

/// Reads XML from untrusted files: no DTD, no external entities, no network, bounded size.
///
/// Debian's libxml2 2.9.14 predates `XML_PARSE_NO_XXE`, so defence is layered: a deny-all external
/// entity loader, parse options without entity substitution or DTD loading, and refusal of any
/// document that carries a DOCTYPE at all.
package enum SafeXMLReader {
    /// Larger inputs are refused before parsing.
    package static let defaultMaximumBytes = 256 * 1024 * 1024

    /// No network, no entity substitution, no DTD loading or validation, no size override.
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue)

    /// What to do with a DOCTYPE. Its DTD is never loaded and no entity is ever expanded, whichever is chosen.
    package enum DoctypePolicy: Sendable {
        /// Any DOCTYPE makes the document unreadable.
        case refuse
        /// A DOCTYPE that only names an external DTD and declares nothing itself is ignored, since older
        /// formats carry one (TBX 2008: `<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">`); a DOCTYPE
        /// with an internal subset (where entities would be declared) is still refused.
        case ignoreExternalReference
    }

    package static func read(
        contentsOf url: URL, maximumBytes: Int = defaultMaximumBytes, doctype: DoctypePolicy = .ignoreExternalReference
    ) throws(XMLReadError) -> XMLTree.Element {
        let file = url.path
        let size: Int
        do {
            size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw XMLReadError.unreadable(file: file, reason: error.localizedDescription)
        }
        guard size <= maximumBytes else { throw XMLReadError.tooLarge(file: file, bytes: size, limit: maximumBytes) }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw XMLReadError.unreadable(file: file, reason: error.localizedDescription)
        }
        return try parse(data, fileName: file, maximumBytes: maximumBytes, doctype: doctype)
    }

    package static func parse(
        _ data: Data, fileName: String, maximumBytes: Int = defaultMaximumBytes, doctype: DoctypePolicy = .ignoreExternalReference
    ) throws(XMLReadError) -> XMLTree.Element {
        guard data.count <= maximumBytes else {
            throw XMLReadError.tooLarge(file: fileName, bytes: data.count, limit: maximumBytes)
        }
        LibXML.initialize()
        guard let context = xmlNewParserCtxt() else {
            throw XMLReadError.unreadable(file: fileName, reason: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        // Stop at the first fatal error: it names the real problem (an unclosed tag), whereas the errors
        // libxml2 goes on to report are its consequences (premature end of data at the last line).
        context.pointee.sax.pointee.serror = { parserContext, error in
            guard let parserContext, let error, error.pointee.level == XML_ERR_FATAL else { return }
            xmlStopParser(parserContext.assumingMemoryBound(to: xmlParserCtxt.self))
        }
        // Refused declarations stop the parse where they stand: even unexpanded, libxml2 builds the
        // content of each declared entity, and a billion-laughs nest takes it tens of seconds.
        context.pointee.sax.pointee.entityDecl = { parserContext, _, _, _, _, _ in
            DoctypeStop.stop(parserContext)
        }
        if doctype == .refuse {
            context.pointee.sax.pointee.internalSubset = { parserContext, _, _, _ in DoctypeStop.stop(parserContext) }
        }
        let document = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return xmlCtxtReadMemory(context, base, Int32(raw.count), fileName, nil, parseOptions)
        }
        if DoctypeStop.happened(in: context) {
            if let document { xmlFreeDoc(document) }
            throw XMLReadError.doctypeForbidden(file: fileName, line: line(of: "<!DOCTYPE", in: data))
        }
        guard let document else {
            if data.isEmpty { throw XMLReadError.notWellFormed(file: fileName, line: 1, message: "the file is empty") }
            throw LibXML.lastError(of: context, file: fileName)
        }
        defer { xmlFreeDoc(document) }
        if let subset = document.pointee.intSubset,
           doctype == .refuse || subset.pointee.children != nil || subset.pointee.entities != nil {
            throw XMLReadError.doctypeForbidden(file: fileName, line: line(of: "<!DOCTYPE", in: data))
        }
        if context.pointee.wellFormed == 0 { throw LibXML.lastError(of: context, file: fileName) }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLReadError.notWellFormed(file: fileName, line: 1, message: "there is no root element")
        }
        return try convert(root, file: fileName)
    }

    /// Halts a parse at a refused DOCTYPE or entity declaration, and leaves a mark in the parser's
    /// `_private` slot (unused otherwise) so the refusal is told apart from a fatal error.
    private enum DoctypeStop {
        private static let mark = 0xD0C7

        static func stop(_ parserContext: UnsafeMutableRawPointer?) {
            guard let parser = parserContext?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
            parser.pointee._private = UnsafeMutableRawPointer(bitPattern: mark)
            xmlStopParser(parser)
        }

        static func happened(in parser: xmlParserCtxtPtr) -> Bool {
            Int(bitPattern: parser.pointee._private) == mark
        }
    }

    /// The 1-based line where `marker` first occurs (libxml2 keeps no line for a DTD node).
    private static func line(of marker: String, in data: Data) -> Int {
        guard let range = data.range(of: Data(marker.utf8)) else { return 1 }
        return 1 + data[..<range.lowerBound].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    private static func convert(_ node: xmlNodePtr, file: String) throws(XMLReadError) -> XMLTree.Element {
        var attributes: [XMLTree.Attribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            attributes.append(XMLTree.Attribute(
                name: LibXML.string(current.pointee.name),
                namespace: current.pointee.ns.map { LibXML.string($0.pointee.href) },
                value: LibXML.takeString(value)))
            attribute = current.pointee.next
        }
        var children: [XMLTree.Node] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(try convert(current, file: file)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                children.append(.text(LibXML.string(current.pointee.content)))
            case XML_ENTITY_REF_NODE:
                // Only the predefined entities can get here (there is no DTD); anything else is refused.
                throw XMLReadError.notWellFormed(
                    file: file, line: Int(xmlGetLineNo(current)),
                    message: "entity reference '&\(LibXML.string(current.pointee.name));' is not allowed")
            default:
                break // comments and processing instructions carry no content we use
            }
            child = current.pointee.next
        }
        return XMLTree.Element(
            name: LibXML.string(node.pointee.name),
            namespace: node.pointee.ns.map { LibXML.string($0.pointee.href) },
            attributes: attributes, children: children, line: Int(xmlGetLineNo(node)))
    }
}

/// A reader's own error type, which carries what the XML layer found as one case (`case xml(XMLReadError)`),
/// so every reader maps XML errors the same way and every message reads the same.
public protocol XMLReadErrorWrapping: Error {
    static func xml(_ error: XMLReadError) -> Self
}

extension SafeXMLReader {
    /// `read(contentsOf:maximumBytes:doctype:)`, with its errors wrapped in the caller's error type.
    package static func read<Failure: XMLReadErrorWrapping>(
        contentsOf url: URL, maximumBytes: Int = defaultMaximumBytes, doctype: DoctypePolicy = .ignoreExternalReference,
        reportingAs _: Failure.Type
    ) throws(Failure) -> XMLTree.Element {
        do { return try read(contentsOf: url, maximumBytes: maximumBytes, doctype: doctype) } catch {
            throw .xml(error)
        }
    }

    /// `parse(_:fileName:maximumBytes:doctype:)`, with its errors wrapped in the caller's error type.
    package static func parse<Failure: XMLReadErrorWrapping>(
        _ data: Data, fileName: String, maximumBytes: Int = defaultMaximumBytes, doctype: DoctypePolicy = .ignoreExternalReference,
        reportingAs _: Failure.Type
    ) throws(Failure) -> XMLTree.Element {
        do { return try parse(data, fileName: fileName, maximumBytes: maximumBytes, doctype: doctype) } catch {
            throw .xml(error)
        }
    }
}

public enum XMLReadError: LocalizedError, Equatable {
    case unreadable(file: String, reason: String)
    case tooLarge(file: String, bytes: Int, limit: Int)
    case notWellFormed(file: String, line: Int, message: String)
    case doctypeForbidden(file: String, line: Int)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .tooLarge(let file, let bytes, let limit): "\(file): \(bytes) bytes is more than the limit of \(limit) bytes"
        case .notWellFormed(let file, let line, let message): "\(file):\(line): not well-formed XML: \(message)"
        case .doctypeForbidden(let file, let line):
            "\(file):\(line): a DOCTYPE is not allowed (DTDs and entities are never loaded, for safety)"
        }
    }
}
