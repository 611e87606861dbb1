internal import CLibXML2
import Foundation

/// Writes one XML document through libxml2's `xmlTextWriter`, which does the escaping.
///
/// Owns the writer and its memory buffer and frees both in `release()`, the one place they are
/// freed. Every string passes `XMLCharacters.sanitized` first, so characters XML 1.0 forbids never
/// reach the output (a Swift `String` is always well-formed UTF-8).
///
/// Layout: a `.block` element puts each child element on its own indented line; an `.inline`
/// element (mixed content such as `<source>`) is written exactly as given, because whitespace
/// inside it is content.
package final class XMLWriter {
    package enum Layout { case block, inline }

    private var buffer: xmlBufferPtr?
    private var writer: xmlTextWriterPtr?
    /// One entry per open element: its layout and whether it has child elements yet.
    private var open: [(layout: Layout, hasChildren: Bool)] = []

    package init() throws {
        LibXML.initialize()
        buffer = xmlBufferCreate()
        if let buffer { writer = xmlNewTextWriterMemory(buffer, 0) }
        guard writer != nil else {
            release()
            throw XMLWriteError.libxml("could not allocate an xmlTextWriter")
        }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    deinit { release() }

    /// Writes `<name attributes…>`, then the body, then the end tag. Attributes with a nil value are left out.
    package func element(
        _ name: String, _ attributes: KeyValuePairs<String, String?> = [:], layout: Layout = .block,
        _ body: () throws -> Void = {}
    ) throws {
        try start(name, layout: layout)
        for (key, value) in attributes {
            if let value { try attribute(key, value) }
        }
        try body()
        try end()
    }

    /// An inline element holding just text: `<note from="x">text</note>`.
    package func textElement(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) throws {
        try element(name, attributes, layout: .inline) { try self.text(text) }
    }

    package func text(_ content: String) throws {
        let clean = XMLCharacters.sanitized(content)
        guard !clean.isEmpty else { return }
        try check(xmlTextWriterWriteString(writer, clean), "write text")
    }

    package func attribute(_ name: String, _ value: String) throws {
        try check(xmlTextWriterWriteAttribute(writer, name, XMLCharacters.sanitized(value)), "write attribute \(name)")
    }

    /// Opens an element whose content comes later, piece by piece; `endElement()` closes it. For
    /// documents written as their parts arrive (one XLIFF `<file>` per document of a batch).
    package func startElement(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], layout: Layout = .block) throws {
        try start(name, layout: layout)
        for (key, value) in attributes {
            if let value { try attribute(key, value) }
        }
    }

    package func endElement() throws { try end() }

    /// Hands back the bytes written since the last call and forgets them, so a long document can
    /// go to disk as it grows. `finish()` returns what remains.
    package func drain() throws -> Data {
        try check(xmlTextWriterFlush(writer), "flush")
        guard let buffer, let content = xmlBufferContent(buffer) else {
            throw XMLWriteError.libxml("the output buffer is missing")
        }
        let data = Data(bytes: content, count: Int(xmlBufferLength(buffer)))
        xmlBufferEmpty(buffer)
        return data
    }

    /// Ends the document and hands back its bytes; the writer cannot be used afterwards.
    package func finish() throws -> Data {
        precondition(open.isEmpty, "every element must be ended before the document")
        try text("\n")
        try check(xmlTextWriterEndDocument(writer), "end the document")
        // The writer flushes into the buffer when freed, so free it before reading.
        xmlFreeTextWriter(writer)
        writer = nil
        guard let buffer, let content = xmlBufferContent(buffer) else {
            throw XMLWriteError.libxml("the output buffer is missing")
        }
        let data = Data(bytes: content, count: Int(xmlBufferLength(buffer)))
        release()
        return data
    }

    private func start(_ name: String, layout: Layout) throws {
        let parentLayout = open.last?.layout
        if parentLayout == .block {
            open[open.count - 1].hasChildren = true
            try indent(depth: open.count)
        }
        try check(xmlTextWriterStartElement(writer, name), "start element \(name)")
        // Inside inline content everything stays inline.
        open.append((parentLayout == .inline ? .inline : layout, false))
    }

    private func end() throws {
        let closing = open.removeLast()
        if closing.layout == .block, closing.hasChildren { try indent(depth: open.count) }
        try check(xmlTextWriterEndElement(writer), "end an element")
    }

    private func indent(depth: Int) throws {
        let whitespace = "\n" + String(repeating: "  ", count: depth)
        try check(xmlTextWriterWriteString(writer, whitespace), "indent")
    }

    private func check(_ result: Int32, _ action: @autoclosure () -> String) throws {
        if result < 0 { throw XMLWriteError.libxml("libxml2 failed to \(action())") }
    }

    private func release() {
        if let writer { xmlFreeTextWriter(writer) }
        if let buffer { xmlBufferFree(buffer) }
        writer = nil
        buffer = nil
    }
}

package enum XMLWriteError: LocalizedError, Equatable {
    case libxml(String)

    package var errorDescription: String? {
        switch self {
        case .libxml(let message): "cannot write XML: \(message)"
        }
    }
}
