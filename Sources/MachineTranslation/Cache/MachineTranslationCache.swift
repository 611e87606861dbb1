import Foundation
import PipelineCore
import XML
#if canImport(Glibc)
import Glibc
#endif

/// Machine translations already paid for, kept as a TMX file: read before any request, and the
/// new ones appended at the end of the run. Each `<tu>` names its engine (`<prop type="x-engine">`)
/// and its source language, and holds one variant per language, so an entry is found by source
/// text, languages and engine, and other tools can open the file as an ordinary memory.
///
/// The cache holds machine output: listing it under `translation-memories:` would pass machine
/// text off as memory matches, so the stage reads it only itself.
struct MachineTranslationCache: Sendable, Equatable {
    struct Key: Hashable, Sendable, Comparable {
        let engine: String
        let source: String
        let target: String
        let text: String

        init(engine: String, languages: LanguagePair, text: String) {
            self.init(engine: engine, source: languages.source.tag, target: languages.target.tag, text: text)
        }

        init(engine: String, source: String, target: String, text: String) {
            self.engine = engine
            self.source = source.lowercased()
            self.target = target.lowercased()
            self.text = text
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.engine, lhs.source, lhs.target, lhs.text) < (rhs.engine, rhs.source, rhs.target, rhs.text)
        }
    }

    struct Entry: Sendable, Equatable {
        let key: Key
        let translation: String
    }

    /// In file order; later entries for the same key are ignored.
    private(set) var entries: [Entry] = []
    private var index: [Key: Int] = [:]

    init() {}

    subscript(key: Key) -> String? { index[key].map { entries[$0].translation } }

    var count: Int { entries.count }

    /// Adds an entry unless the key is already there; true if it was added.
    @discardableResult
    mutating func add(_ key: Key, _ translation: String) -> Bool {
        guard index[key] == nil else { return false }
        index[key] = entries.count
        entries.append(Entry(key: key, translation: translation))
        return true
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.entries == rhs.entries }

    // MARK: Reading

    /// The cache in `url`; empty when the file does not exist yet.
    static func read(_ url: URL) throws -> MachineTranslationCache {
        guard FileManager.default.fileExists(atPath: url.path) else { return MachineTranslationCache() }
        let root = try SafeXMLReader.read(contentsOf: url, reportingAs: MachineTranslationCacheError.self)
        return try parse(root, file: url.path)
    }

    static func parse(_ root: XMLTree.Element, file: String) throws -> MachineTranslationCache {
        guard root.name == "tmx" else { throw MachineTranslationCacheError.malformed(file: file, line: root.line, problem: "the root element is <\(root.name)>, expected <tmx>") }
        guard let body = root.firstElement(named: "body") else {
            throw MachineTranslationCacheError.malformed(file: file, line: root.line, problem: "<tmx> has no <body>")
        }
        let headerSource = root.firstElement(named: "header")?.attribute("srclang")
        var cache = MachineTranslationCache()
        for unit in body.elements(named: "tu") {
            let engine = unit.elements(named: "prop").first { $0.attribute("type") == "x-engine" }?.textContent
            guard let engine, !engine.isEmpty else {
                throw MachineTranslationCacheError.malformed(file: file, line: unit.line, problem: "<tu> has no <prop type=\"x-engine\">")
            }
            guard let sourceLanguage = unit.attribute("srclang") ?? headerSource else {
                throw MachineTranslationCacheError.malformed(file: file, line: unit.line, problem: "<tu> names no srclang")
            }
            let variants = try unit.elements(named: "tuv").map { variant -> (language: String, text: String) in
                guard let language = variant.attribute("lang", namespace: XMLTree.xmlNamespace) ?? variant.attribute("lang") else {
                    throw MachineTranslationCacheError.malformed(file: file, line: variant.line, problem: "<tuv> has no xml:lang")
                }
                return (language, variant.firstElement(named: "seg")?.textContent ?? "")
            }
            guard variants.count == 2, let source = variants.first(where: { $0.language.lowercased() == sourceLanguage.lowercased() }),
                  let target = variants.first(where: { $0.language.lowercased() != sourceLanguage.lowercased() }),
                  !source.text.isEmpty, !target.text.isEmpty
            else {
                throw MachineTranslationCacheError.malformed(
                    file: file, line: unit.line, problem: "<tu> needs a non-empty <tuv> in \(sourceLanguage) and one in the target language")
            }
            cache.add(Key(engine: engine, source: sourceLanguage, target: target.language, text: source.text), target.text)
        }
        return cache
    }

    // MARK: Writing

    /// TMX 1.4b with every entry, in order.
    func tmx() throws -> Data {
        let xml = try XMLWriter()
        try xml.element("tmx", ["version": "1.4"]) {
            try xml.element("header", [
                "creationtool": "pipeline", "creationtoolversion": PipelineVersion.current, "segtype": "sentence",
                "o-tmf": "pipeline machine-translation cache", "adminlang": "en", "srclang": entries.first?.key.source ?? "*all*",
                "datatype": "plaintext",
            ])
            try xml.element("body") {
                for entry in entries {
                    try xml.element("tu", ["srclang": entry.key.source]) {
                        try xml.textElement("prop", ["type": "x-engine"], text: entry.key.engine)
                        for (language, text) in [(entry.key.source, entry.key.text), (entry.key.target, entry.translation)] {
                            try xml.element("tuv", ["xml:lang": language]) { try xml.textElement("seg", text: text) }
                        }
                    }
                }
            }
        }
        return try xml.finish()
    }

    /// Writes the file whole or not at all: a temporary file beside it, then a rename.
    func write(to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw MachineTranslationCacheError.cannotWrite(file: url.path, reason: error.localizedDescription)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        do {
            try tmx().write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw MachineTranslationCacheError.cannotWrite(file: url.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as MachineTranslationCacheError {
            unlink(temporary.path)
            throw error
        } catch {
            unlink(temporary.path)
            throw MachineTranslationCacheError.cannotWrite(file: url.path, reason: error.localizedDescription)
        }
    }
}

public enum MachineTranslationCacheError: LocalizedError, Equatable, XMLReadErrorWrapping {
    case xml(XMLReadError)
    case malformed(file: String, line: Int, problem: String)
    case cannotWrite(file: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .xml(let error): error.errorDescription
        case .malformed(let file, let line, let problem): "\(file):\(line): not a machine-translation cache: \(problem)"
        case .cannotWrite(let file, let reason): "\(file): cannot write the machine-translation cache: \(reason)"
        }
    }
}
