/// A parsed XML document as plain Swift values: what the rest of the project sees instead of libxml2.
package enum XMLTree {
    package struct Element: Sendable, Hashable {
        /// The local name, without prefix.
        package let name: String
        /// The namespace URI, if the element is in one.
        package let namespace: String?
        package let attributes: [Attribute]
        package let children: [Node]
        /// 1-based line in the source file, for error messages.
        package let line: Int

        package init(name: String, namespace: String? = nil, attributes: [Attribute] = [], children: [Node] = [], line: Int = 0) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
            self.children = children
            self.line = line
        }

        /// The value of an attribute by local name, optionally restricted to a namespace.
        package func attribute(_ name: String, namespace: String? = nil) -> String? {
            attributes.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }?.value
        }

        package var elements: [Element] {
            children.compactMap { if case .element(let element) = $0 { element } else { nil } }
        }

        package func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

        package func firstElement(named name: String) -> Element? { elements.first { $0.name == name } }

        /// Every descendant element with this local name, in document order.
        package func descendants(named name: String) -> [Element] {
            var found: [Element] = []
            func walk(_ element: Element) {
                for child in element.elements {
                    if child.name == name { found.append(child) }
                    walk(child)
                }
            }
            walk(self)
            return found
        }

        /// All text inside the element, markup removed.
        package var textContent: String {
            children.map {
                switch $0 {
                case .text(let text): text
                case .element(let element): element.textContent
                }
            }.joined()
        }
    }

    package struct Attribute: Sendable, Hashable {
        package let name: String
        package let namespace: String?
        package let value: String

        package init(name: String, namespace: String? = nil, value: String) {
            self.name = name
            self.namespace = namespace
            self.value = value
        }
    }

    package enum Node: Sendable, Hashable {
        case element(Element)
        case text(String)
    }

    /// The `xml:` namespace, for `xml:lang` and `xml:space`.
    package static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
}
