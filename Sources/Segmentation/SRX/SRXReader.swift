import Foundation
import XML

/// Reads SRX 2.0 files (and the 1.0 layout, which wraps language maps in named `maprule`s) through
/// the project's safe XML reader. Elements and attributes of other namespaces — vendor extensions
/// such as Okapi's options — are skipped; our word-list declarations are read.
enum SRXReader {
    static let namespaces: Set<String> = ["http://www.lisa.org/srx20", "http://www.lisa.org/srx10"]

    static func read(contentsOf url: URL) throws(SRXError) -> SRXDocument {
        let root = try SafeXMLReader.read(contentsOf: url, reportingAs: SRXError.self)
        return try document(from: root, url: url)
    }

    static func document(from root: XMLTree.Element, url: URL) throws(SRXError) -> SRXDocument {
        let file = url.path
        guard root.name == "srx", isSRX(root) else { throw .notSRX(file: file, line: root.line, found: root.name) }
        let header = srxChildren(of: root, named: "header").first
        let body = srxChildren(of: root, named: "body").first
        let cascade = try header.map { element throws(SRXError) in
            try yesNo(element, "cascade", file: file, default: false)
        } ?? false

        var wordLists: [String: WordList] = [:]
        for declaration in header?.elements ?? [] where declaration.namespace == WordList.namespace && declaration.name == "wordlist" {
            let name = try required(declaration, "name", file: file)
            let path = try required(declaration, "file", file: file)
            wordLists[name] = try WordList(declaredPath: path, in: url, line: declaration.line)
        }

        var languageRules: [SRXDocument.LanguageRule] = []
        for container in body.map({ srxChildren(of: $0, named: "languagerules") }) ?? [] {
            for element in srxChildren(of: container, named: "languagerule") {
                let name = try required(element, "languagerulename", file: file)
                if let first = languageRules.first(where: { $0.name == name }) {
                    throw .duplicateLanguageRule(file: file, line: element.line, name: name, firstLine: first.line)
                }
                var rules: [SRXDocument.Rule] = []
                for ruleElement in srxChildren(of: element, named: "rule") {
                    rules.append(SRXDocument.Rule(
                        isBreak: try yesNo(ruleElement, "break", file: file, default: true),
                        before: srxChildren(of: ruleElement, named: "beforebreak").first?.textContent ?? "",
                        after: srxChildren(of: ruleElement, named: "afterbreak").first?.textContent ?? "",
                        number: rules.count + 1,
                        line: ruleElement.line))
                }
                languageRules.append(SRXDocument.LanguageRule(name: name, rules: rules, line: element.line))
            }
        }

        var languageMaps: [SRXDocument.LanguageMap] = []
        for container in body.map({ srxChildren(of: $0, named: "maprules") }) ?? [] {
            // SRX 1.0 groups maps in <maprule>; 2.0 lists them directly.
            let groups = [container] + srxChildren(of: container, named: "maprule")
            for group in groups {
                for map in srxChildren(of: group, named: "languagemap") {
                    languageMaps.append(SRXDocument.LanguageMap(
                        pattern: try required(map, "languagepattern", file: file),
                        ruleName: try required(map, "languagerulename", file: file),
                        line: map.line))
                }
            }
        }
        return SRXDocument(file: file, cascade: cascade, languageRules: languageRules, languageMaps: languageMaps,
                           wordLists: wordLists)
    }

    private static func isSRX(_ element: XMLTree.Element) -> Bool {
        element.namespace.map(namespaces.contains) ?? true
    }

    private static func srxChildren(of element: XMLTree.Element, named name: String) -> [XMLTree.Element] {
        element.elements.filter { $0.name == name && isSRX($0) }
    }

    private static func required(_ element: XMLTree.Element, _ attribute: String, file: String) throws(SRXError) -> String {
        guard let value = element.attribute(attribute) else {
            throw .missingAttribute(file: file, line: element.line, element: element.name, attribute: attribute)
        }
        return value
    }

    private static func yesNo(_ element: XMLTree.Element, _ attribute: String, file: String, default value: Bool) throws(SRXError) -> Bool {
        guard let raw = element.attribute(attribute) else { return value }
        switch raw.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes": return true
        case "no": return false
        default: throw .invalidAttribute(file: file, line: element.line, element: element.name, attribute: attribute, value: raw)
        }
    }
}
