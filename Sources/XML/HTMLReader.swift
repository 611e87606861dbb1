internal import CLibXML2
import Foundation

/// Reads web pages with libxml2's HTML parser, which repairs tag soup the way browsers do, into
/// plain Swift values. Untrusted input: no network, no external entities (the deny-all loader of
/// `LibXML`), bounded size, and a nesting depth libxml2 itself bounds.
package enum HTMLReader {
    /// Larger pages are refused before parsing: a news page is well under a megabyte.
    package static let defaultMaximumBytes = 16 * 1024 * 1024

    static let parseOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue)

    package static func parse(_ data: Data, fileName: String, maximumBytes: Int = defaultMaximumBytes) throws(XMLReadError) -> HTMLPage {
        guard data.count <= maximumBytes else { throw .tooLarge(file: fileName, bytes: data.count, limit: maximumBytes) }
        guard !data.isEmpty else { throw .unreadable(file: fileName, reason: "the file is empty") }
        LibXML.initialize()
        // Valid UTF-8 is read as UTF-8 whatever the page claims; anything else as its <meta> says
        // (libxml2 falls back to Latin-1, as browsers of old did).
        let encoding: String? = String(validating: data, as: UTF8.self) != nil ? "UTF-8" : nil
        let document = data.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(raw.count), fileName, encoding, parseOptions)
        }
        guard let document else { throw .unreadable(file: fileName, reason: "libxml2 could not parse it as HTML") }
        defer { xmlFreeDoc(document) }
        var doctype: String?
        if let subset = document.pointee.intSubset {
            let name = LibXML.string(subset.pointee.name)
            let publicID = LibXML.string(subset.pointee.ExternalID)
            let systemID = LibXML.string(subset.pointee.SystemID)
            doctype = "<!DOCTYPE \(name)"
                + (publicID.isEmpty ? "" : " PUBLIC \"\(publicID)\"")
                + (systemID.isEmpty ? "" : (publicID.isEmpty ? " SYSTEM" : "") + " \"\(systemID)\"") + ">"
        }
        return HTMLPage(doctype: doctype, nodes: nodes(from: document.pointee.children))
    }

    private static func nodes(from first: xmlNodePtr?) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var child = first
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                var attributes: [HTMLAttribute] = []
                var attribute = current.pointee.properties
                while let property = attribute {
                    let value = xmlNodeGetContent(UnsafeMutableRawPointer(property).assumingMemoryBound(to: xmlNode.self))
                    attributes.append(HTMLAttribute(name: LibXML.string(property.pointee.name), value: LibXML.takeString(value)))
                    attribute = property.pointee.next
                }
                result.append(.element(HTMLElement(
                    name: LibXML.string(current.pointee.name).lowercased(), attributes: attributes,
                    children: nodes(from: current.pointee.children))))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                result.append(.text(LibXML.string(current.pointee.content)))
            case XML_COMMENT_NODE:
                result.append(.comment(LibXML.string(current.pointee.content)))
            default:
                break // the DTD node (kept as `doctype`), processing instructions
            }
            child = current.pointee.next
        }
        return result
    }
}

/// A parsed page: its DOCTYPE as written back, and its top-level nodes (comments, `<html>`).
package struct HTMLPage: Sendable, Hashable {
    package let doctype: String?
    package let nodes: [HTMLNode]

    /// The `<html>` element, which libxml2 always supplies.
    package var root: HTMLElement? {
        for case .element(let element) in nodes where element.name == "html" { return element }
        return nil
    }
}

package enum HTMLNode: Sendable, Hashable {
    case element(HTMLElement)
    case text(String)
    case comment(String)
}

package struct HTMLAttribute: Sendable, Hashable {
    package let name: String
    package let value: String

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

package struct HTMLElement: Sendable, Hashable {
    /// Lower case.
    package let name: String
    package let attributes: [HTMLAttribute]
    package let children: [HTMLNode]

    package init(name: String, attributes: [HTMLAttribute] = [], children: [HTMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    package func attribute(_ name: String) -> String? {
        attributes.first { $0.name.lowercased() == name }?.value
    }

    package var elements: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// Every text inside, markup removed, as a browser would collect it (scripts and styles included).
    package var textContent: String {
        children.map {
            switch $0 {
            case .text(let text): text
            case .element(let element): element.textContent
            case .comment: ""
            }
        }.joined()
    }
}

/// Writes HTML back from parsed values: what a page's skeleton is made of.
package enum HTMLMarkup {
    /// Elements without content or end tag.
    package static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    /// Elements whose content is written as it is, never escaped.
    package static let rawTextElements: Set<String> = ["script", "style"]

    /// `<a href="…">`, with `attributes` in place of the element's own when given. Void elements
    /// end in ` />`, which HTML and XHTML read alike.
    package static func startTag(_ element: HTMLElement, attributes: [HTMLAttribute]? = nil) -> String {
        var tag = "<" + element.name
        for attribute in attributes ?? element.attributes {
            tag += " \(attribute.name)=\"\(escapeAttribute(attribute.value))\""
        }
        return tag + (voidElements.contains(element.name) ? " />" : ">")
    }

    package static func endTag(_ element: HTMLElement) -> String {
        voidElements.contains(element.name) ? "" : "</\(element.name)>"
    }

    package static func escapeText(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\u{A0}": escaped += "&nbsp;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    package static func escapeAttribute(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }

    package static func comment(_ text: String) -> String { "<!--\(text)-->" }

    /// A whole node as HTML.
    package static func serialize(_ node: HTMLNode, rawText: Bool = false) -> String {
        switch node {
        case .text(let text): return rawText ? text : escapeText(text)
        case .comment(let text): return comment(text)
        case .element(let element):
            let raw = rawTextElements.contains(element.name)
            return startTag(element) + element.children.map { serialize($0, rawText: raw) }.joined() + endTag(element)
        }
    }
}
