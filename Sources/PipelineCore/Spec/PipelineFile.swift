import Foundation
import Yams

/// Reads pipeline files (YAML, version 1) into a `PipelineSpec`, with errors that name the file,
/// line, column and key path of the problem.
public struct PipelineFileReader: Sendable {
    public let catalog: StageCatalog

    public init(catalog: StageCatalog) {
        self.catalog = catalog
    }

    public func read(_ file: URL) throws -> PipelineSpec {
        let path = file.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PipelineSpecError.unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw PipelineSpecError.unreadable(file: path, reason: "this is a folder, not a pipeline file") }
        let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
        guard type == .typeRegular else {
            throw PipelineSpecError.unreadable(file: path, reason: "not a regular file (a pipe, device or socket)")
        }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw PipelineSpecError.unreadable(file: path, reason: error.localizedDescription)
        }
        guard data.count <= YAMLBounds.maximumBytes else {
            throw PipelineSpecError.syntax(file: path, message: "\(data.count) bytes is more than a pipeline file may hold (\(YAMLBounds.maximumBytes))")
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            let offset = UTF8Validation.firstInvalidByte(in: data)
            let line = 1 + data.prefix(offset).count(where: { $0 == UInt8(ascii: "\n") })
            throw PipelineSpecError.invalid(file: path, line: line, column: 0, keyPath: "", message: "byte \(offset) is not valid UTF-8; save the file as UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(text, file: file)
    }

    public func parse(_ text: String, file: URL) throws -> PipelineSpec {
        let path = file.path
        switch YAMLBounds.check(text) {
        case nil: break
        case .tooLarge(let bytes):
            throw PipelineSpecError.syntax(file: path, message: "\(bytes) bytes is more than a pipeline file may hold (\(YAMLBounds.maximumBytes))")
        case .tooManyAliases(let line, let column):
            throw PipelineSpecError.invalid(file: path, line: line, column: column, keyPath: "",
                message: "more than \(YAMLBounds.maximumAliases) YAML aliases; a pipeline file needs few, and many can expand without bound")
        case .tooDeep(let line, let column):
            throw PipelineSpecError.invalid(file: path, line: line, column: column, keyPath: "",
                message: "nested more than \(YAMLBounds.maximumDepth) levels deep")
        case .complexKey(let line, let column):
            throw PipelineSpecError.invalid(file: path, line: line, column: column, keyPath: "",
                message: "a mapping key that is not a plain scalar ('? ' or a [..]/{..} key); a pipeline file's keys are names")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw PipelineSpecError.empty(file: path) }
            root = node
        } catch let error as YamlError {
            throw PipelineSpecError(error, file: path)
        }
        let contents: PipelineFileV1
        do {
            contents = try YAMLDecoder().decode(PipelineFileV1.self, from: root, userInfo: [.stageCatalog: catalog])
        } catch let error as DecodingError {
            throw PipelineSpecError(error, file: path, root: root)
        }
        return try contents.spec(file: file, catalog: catalog, listed: Self.listedFiles(of: contents, in: root))
    }

    /// Where each entry of the file lists stands, so a missing file is reported at its own line.
    private static func listedFiles(of contents: PipelineFileV1, in root: Node) -> [ListedFile] {
        let lists: [(PipelineResource, PipelineFileV1.CodingKeys, [String])] = [
            (.glossaries, .glossaries, contents.glossaries), (.translations, .translations, contents.translations),
            (.translationMemories, .translationMemories, contents.translationMemories),
        ]
        return lists.flatMap { resource, key, paths in
            paths.enumerated().map { index, path in
                let mark = PipelineSpecError.locate([key, AnyCodingKey(intValue: index)], in: root)
                return ListedFile(resource: resource, index: index, path: path, line: mark?.line ?? 0, column: mark?.column ?? 0)
            }
        }
    }
}

extension CodingUserInfoKey {
    static let stageCatalog = CodingUserInfoKey(rawValue: "pipeline.stageCatalog")!
}

/// The YAML layout of version 1, key for key.
struct PipelineFileV1: Decodable {
    var version: Int
    var name: String
    var languages: LanguagePair
    var inputs: [String]
    var glossaries: [String]
    var translations: [String]
    var translationMemories: [String]
    var metadata: [String]
    var output: OutputSpec
    var stages: [StageEntry]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, name, languages, inputs, glossaries, translations
        case translationMemories = "translation-memories"
        case metadata
        case output, stages
    }

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        guard version == 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container, debugDescription: "version \(version) is not supported; this pipeline reads version 1")
        }
        name = try container.decode(String.self, forKey: .name)
        languages = try container.decode(LanguagePair.self, forKey: .languages)
        inputs = try container.decode(OneOrMany.self, forKey: .inputs).values
        glossaries = try container.decode(.glossaries, default: OneOrMany(values: [])).values
        translations = try container.decode(.translations, default: OneOrMany(values: [])).values
        translationMemories = try container.decode(.translationMemories, default: OneOrMany(values: [])).values
        metadata = try container.decode(.metadata, default: OneOrMany(values: [])).values
        output = try container.decode(.output, default: OutputSpec())
        stages = try container.decode([StageEntry].self, forKey: .stages)
        guard !stages.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .stages, in: container, debugDescription: "the list of stages is empty")
        }
    }

    /// Checks the list of stages as a whole: each stage once, in the catalog's order, after the
    /// stages its options need; and warns about lists no stage reads.
    func spec(file: URL, catalog: StageCatalog, listed: [ListedFile] = []) throws -> PipelineSpec {
        var seen: [String] = []
        for (index, entry) in stages.enumerated() {
            let name = entry.spec.name
            func invalid(_ message: String) -> PipelineSpecError {
                .invalid(file: file.path, line: entry.spec.line, column: 0, keyPath: "stages[\(index)].\(name)", message: message)
            }
            if seen.contains(name) { throw invalid("the \(name) stage is listed twice; list each stage once") }
            let position = catalog.names.firstIndex(of: name) ?? 0
            if let later = seen.first(where: { (catalog.names.firstIndex(of: $0) ?? 0) > position }) {
                throw invalid("the \(name) stage must come before \(later); stages run in the order \(catalog.names.joined(separator: ", "))")
            }
            for needed in entry.spec.requirements where !seen.contains(needed.stage) {
                throw invalid("the \(name) stage needs a \(needed.stage) stage before it"
                    + (needed.because.map { " (because of \($0))" } ?? ""))
            }
            seen.append(name)
        }
        return PipelineSpec(
            file: file, name: name, languages: languages, inputs: inputs, glossaries: glossaries,
            translations: translations, translationMemories: translationMemories, metadata: metadata, output: output,
            stages: stages.map(\.spec), warnings: warnings(file: file), listedFiles: listed)
    }

    /// A list that no stage reads, or a reading stage with nothing to read, is not an error (a
    /// pipeline may be trimmed for one run) but is never silent.
    private func warnings(file: URL) -> [String] {
        let read = stages.reduce(into: Set<PipelineResource>()) { $0.formUnion($1.spec.resources) }
        let given: [(PipelineResource, [String])] = [
            (.glossaries, glossaries), (.translations, translations), (.translationMemories, translationMemories),
        ]
        var warnings: [String] = []
        for (resource, list) in given where !list.isEmpty && !read.contains(resource) {
            warnings.append("\(file.path): '\(resource.rawValue)' lists \(list.count) file\(list.count == 1 ? "" : "s"), but no stage reads them")
        }
        for entry in stages where !entry.spec.resources.isEmpty {
            let available = given.filter { entry.spec.resources.contains($0.0) && !$0.1.isEmpty }
            if available.isEmpty {
                let names = entry.spec.resources.map(\.rawValue).sorted().joined(separator: " or ")
                warnings.append("\(file.path):\(entry.spec.line): the \(entry.spec.name) stage has no \(names) to read; it will add nothing")
            }
        }
        return warnings
    }
}

extension LanguagePair {
    enum CodingKeys: String, CodingKey, CaseIterable { case source, target }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            source: try container.decode(LanguageTag.self, forKey: .source),
            target: try container.decode(LanguageTag.self, forKey: .target))
    }
}

/// A list that may also be written as a single string (`inputs: Samples/`).
struct OneOrMany: Decodable {
    var values: [String]

    init(values: [String]) { self.values = values }

    init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer().decode(String.self) {
            values = [single]
        } else {
            values = try decoder.singleValueContainer().decode([String].self)
        }
    }
}

/// One `- name: {options}` item of the `stages:` list.
struct StageEntry: Decodable {
    var spec: StageSpec

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        guard let catalog = decoder.userInfo[.stageCatalog] as? StageCatalog else {
            preconditionFailure("PipelineFileReader always passes its catalog")
        }
        let keys = container.allKeys
        guard keys.count == 1, let key = keys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a stage entry is one stage name with its options, e.g. '- segment: {}'; found \(keys.count) keys"))
        }
        guard let stage = catalog.stage(named: key.stringValue) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [key],
                debugDescription: "unknown stage '\(key.stringValue)'; known stages: \(catalog.names.joined(separator: ", "))"))
        }
        spec = try Self.decode(stage, key: key, from: container, line: decoder.mark?.line ?? 0)
    }

    private static func decode<S: Stage>(
        _ stage: S.Type, key: AnyCodingKey, from container: KeyedDecodingContainer<AnyCodingKey>, line: Int
    ) throws -> StageSpec {
        let options = try container.decodeNil(forKey: key)
            ? S.Options() : try container.decode(StrictOptions<S.Options>.self, forKey: key).options
        return StageSpec(stage: stage, options: options, line: line)
    }
}
