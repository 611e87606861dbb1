import Foundation
import PipelineCore
import XML

/// Reads TMX 1.4b translation memories (and the older 1.1–1.3, which differ only in `lang`) through
/// `SafeXMLReader`: no DOCTYPE, no entities, no network.
///
/// TMX is symmetric, so a unit serves any direction: for a language pair it yields the units that
/// have a variant in both languages, whatever the header's `srclang` says.
public enum TMXReader {
    /// Every file in `urls`; a folder contributes its `.tmx` files in path order.
    /// `warn` hears of a memory that holds units but none in the run's two languages.
    public static func read(
        _ urls: [URL], languages: LanguagePair, warn: (String) -> Void = { _ in }
    ) throws -> [TranslationMemory.Unit] {
        var units: [TranslationMemory.Unit] = []
        for file in try FolderFiles.expand(urls, extensions: ["tmx"], missing: { TMXError.xml(.unreadable(file: $0.path, reason: "no such file or folder")) }) {
            units += try read(contentsOf: file, languages: languages, warn: warn)
        }
        return units
    }

    public static func read(
        contentsOf url: URL, languages: LanguagePair, warn: (String) -> Void = { _ in }
    ) throws -> [TranslationMemory.Unit] {
        try units(in: SafeXMLReader.read(contentsOf: url, reportingAs: TMXError.self), file: url.path, languages: languages, warn: warn)
    }

    public static func parse(_ data: Data, fileName: String, languages: LanguagePair) throws -> [TranslationMemory.Unit] {
        try units(in: SafeXMLReader.parse(data, fileName: fileName, reportingAs: TMXError.self), file: fileName, languages: languages)
    }

    static func units(
        in root: XMLTree.Element, file: String, languages: LanguagePair, warn: (String) -> Void = { _ in }
    ) throws -> [TranslationMemory.Unit] {
        guard root.name == "tmx" else {
            throw TMXError.notTMX(file: file, line: root.line, root: root.name)
        }
        guard let body = root.firstElement(named: "body") else {
            throw TMXError.malformed(file: file, line: root.line, problem: "<tmx> has no <body>")
        }
        var units: [TranslationMemory.Unit] = []
        var held: Set<String> = []
        let all = body.elements(named: "tu")
        defer {
            if units.isEmpty, !all.isEmpty {
                warn("\(file):\(body.line): none of its \(all.count) units has both \(languages.source) and \(languages.target) (it holds \(held.sorted().joined(separator: ", "))); the memory adds nothing to this run")
            }
        }
        for unit in all {
            var variants: [(language: String, text: String)] = []
            for variant in unit.elements(named: "tuv") {
                guard let language = variant.attribute("lang", namespace: XMLTree.xmlNamespace) ?? variant.attribute("lang") else {
                    throw TMXError.malformed(file: file, line: variant.line, problem: "<tuv> has no xml:lang")
                }
                guard let segment = variant.firstElement(named: "seg") else {
                    throw TMXError.malformed(file: file, line: variant.line, problem: "<tuv xml:lang=\"\(language)\"> has no <seg>")
                }
                variants.append((language, MatchTokens.normalizeSpace(text(of: segment))))
                held.insert(language)
            }
            guard let source = pick(languages.source, from: variants),
                  let target = pick(languages.target, from: variants),
                  !source.isEmpty, !target.isEmpty
            else { continue }
            units.append(TranslationMemory.Unit(source: source, target: target, file: file, line: unit.line))
        }
        return units
    }

    /// The variant whose tag equals `language`, else the first with the same primary language.
    private static func pick(_ language: LanguageTag, from variants: [(language: String, text: String)]) -> String? {
        if let exact = variants.first(where: { LanguageTag($0.language) == language }) { return exact.text }
        return variants.first { LanguageTag($0.language)?.language == language.language }?.text
    }

    /// The text of a `<seg>`: `<hi>` holds text, while `<bpt>`, `<ept>`, `<it>`, `<ph>` and `<ut>`
    /// hold the original format's codes, which are not words of the sentence.
    private static func text(of element: XMLTree.Element) -> String {
        element.children.map { node -> String in
            switch node {
            case .text(let text): text
            case .element(let child): child.name == "hi" ? text(of: child) : ""
            }
        }.joined()
    }
}

public enum TMXError: LocalizedError, Equatable, XMLReadErrorWrapping {
    /// The file is not readable, well-formed, DOCTYPE-free XML of a bounded size.
    case xml(XMLReadError)
    case notTMX(file: String, line: Int, root: String)
    case malformed(file: String, line: Int, problem: String)

    public var errorDescription: String? {
        switch self {
        case .xml(let error): error.errorDescription
        case .notTMX(let file, let line, let root): "\(file):\(line): not a TMX file: the root element is <\(root)>, expected <tmx>"
        case .malformed(let file, let line, let problem): "\(file):\(line): malformed TMX: \(problem)"
        }
    }
}
