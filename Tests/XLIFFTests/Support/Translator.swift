import Foundation
@testable import XLIFF
@testable import XML

/// Plays a translator: opens an exported XLIFF, writes a target for every segment, saves it.
///
/// Works on the parsed tree and writes it back through `XMLWriter`, so the file keeps its
/// structure and only the targets (and, if asked, the states) change, as in a CAT tool.
enum Translator {
    /// The translation every test expects for a source sentence.
    static func translate(_ source: String) -> String { "EN(\(source))" }

    static func fill(_ data: Data, updateState: Bool = true, skip: Set<String> = []) throws -> Data {
        let root = try SafeXMLReader.parse(data, fileName: "export.xlf")
        let version12 = root.namespace == XLIFFNamespace.xliff12
        let xml = try XMLWriter()
        try write(root, isRoot: true, to: xml) { element in
            version12 ? fill12(element, updateState: updateState, skip: skip) : fill2(element, updateState: updateState, skip: skip)
        }
        return try xml.finish()
    }

    /// XLIFF 1.2: each `<mrk mtype="seg">` of the target gets the translation of its seg-source twin;
    /// a one-sentence trans-unit (`units: sentence`) gets its whole target replaced.
    private static func fill12(_ element: XMLTree.Element, updateState: Bool, skip: Set<String>) -> XMLTree.Element {
        guard element.name == "trans-unit" else { return element }
        guard let segSource = element.firstElement(named: "seg-source") else {
            guard let id = element.attribute("id"), let source = element.firstElement(named: "source") else { return element }
            return replacing(element, children: element.children.map { node in
                guard case .element(let child) = node, child.name == "target" else { return node }
                let text = skip.contains(id) ? "" : translate(source.textContent)
                var target = replacing(child, children: text.isEmpty ? [] : [.text(text)])
                if updateState, !text.isEmpty { target = setting("state", to: "translated", on: target) }
                return .element(target)
            })
        }
        let sources = Dictionary(segSource.descendants(named: "mrk").filter { $0.attribute("mtype") == "seg" }
            .map { ($0.attribute("mid")!, $0.textContent) }, uniquingKeysWith: { a, _ in a })
        func translated(_ node: XMLTree.Node) -> XMLTree.Node {
            guard case .element(let child) = node else { return node }
            if child.name == "mrk", child.attribute("mtype") == "seg", let mid = child.attribute("mid") {
                let text = skip.contains(mid) ? "" : translate(sources[mid] ?? "")
                return .element(replacing(child, children: text.isEmpty ? [] : [.text(text)]))
            }
            return .element(replacing(child, children: child.children.map(translated)))
        }
        return replacing(element, children: element.children.map { node in
            guard case .element(let child) = node, child.name == "target" else { return node }
            var target = replacing(child, children: child.children.map(translated))
            if updateState { target = setting("state", to: "translated", on: target) }
            return .element(target)
        })
    }

    /// XLIFF 2: each segment gets a `<target>` after its `<source>`, replacing any there was.
    private static func fill2(_ element: XMLTree.Element, updateState: Bool, skip: Set<String>) -> XMLTree.Element {
        guard element.name == "segment", let id = element.attribute("id"), !skip.contains(id) else { return element }
        let source = element.firstElement(named: "source")!
        let target = XMLTree.Element(name: "target", namespace: element.namespace,
                                     children: [.text(translate(source.textContent))])
        let updated = replacing(element, children: [.element(source), .element(target)])
        return updateState ? setting("state", to: "translated", on: updated) : updated
    }

    private static func replacing(_ element: XMLTree.Element, children: [XMLTree.Node]) -> XMLTree.Element {
        XMLTree.Element(name: element.name, namespace: element.namespace, attributes: element.attributes,
                        children: children, line: element.line)
    }

    private static func setting(_ name: String, to value: String, on element: XMLTree.Element) -> XMLTree.Element {
        var attributes = element.attributes.filter { $0.name != name }
        attributes.append(XMLTree.Attribute(name: name, value: value))
        return XMLTree.Element(name: element.name, namespace: element.namespace, attributes: attributes,
                               children: element.children, line: element.line)
    }

    private static let prefixes = [
        XLIFFNamespace.glossary: "gls", XLIFFNamespace.metadata: "mda", XLIFFNamespace.matches: "mtc", XMLTree.xmlNamespace: "xml",
    ]

    /// Writes a tree back, declaring the namespaces our exports use on the root.
    private static func write(
        _ element: XMLTree.Element, isRoot: Bool, to xml: XMLWriter, transform: (XMLTree.Element) -> XMLTree.Element
    ) throws {
        let element = transform(element)
        let name = element.namespace.flatMap { prefixes[$0] }.map { "\($0):\(element.name)" } ?? element.name
        try xml.element(name, layout: .inline) {
            if isRoot {
                try xml.attribute("xmlns", element.namespace ?? "")
                if element.namespace == XLIFFNamespace.xliff2 {
                    try xml.attribute("xmlns:gls", XLIFFNamespace.glossary)
                    try xml.attribute("xmlns:mda", XLIFFNamespace.metadata)
                    try xml.attribute("xmlns:mtc", XLIFFNamespace.matches)
                }
            }
            for attribute in element.attributes {
                let prefix = attribute.namespace.flatMap { prefixes[$0] }.map { "\($0):" } ?? ""
                try xml.attribute(prefix + attribute.name, attribute.value)
            }
            for child in element.children {
                switch child {
                case .text(let text): try xml.text(text)
                case .element(let inner): try write(inner, isRoot: false, to: xml, transform: transform)
                }
            }
        }
    }
}
