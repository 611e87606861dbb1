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
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw PipelineSpecError.unreadable(file: path, reason: error.localizedDescription)
        }
        return try parse(text, file: file)
    }

    public func parse(_ text: String, file: URL) throws -> PipelineSpec {
        let path = file.path
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw PipelineSpecError.empty(file: path) }
            root = node
        } catch let error as YamlError {
            throw PipelineSpecError.syntax(file: path, message: "\(error)")
        }
        let contents: PipelineFileV1
        do {
            contents = try YAMLDecoder().decode(PipelineFileV1.self, from: root, userInfo: [.stageCatalog: catalog])
        } catch let error as DecodingError {
            throw PipelineSpecError(error, file: path, root: root)
        }
        return try contents.spec(file: file, catalog: catalog)
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
    var output: OutputSpec
    var stages: [StageEntry]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, name, languages, inputs, glossaries, translations
        case translationMemories = "translation-memories"
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
        output = try container.decode(.output, default: OutputSpec())
        stages = try container.decode([StageEntry].self, forKey: .stages)
        guard !stages.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .stages, in: container, debugDescription: "the list of stages is empty")
        }
    }

    func spec(file: URL, catalog: StageCatalog) throws -> PipelineSpec {
        var seen: [String] = []
        for (index, entry) in stages.enumerated() {
            guard let type = catalog.stage(named: entry.spec.name) else { continue }
            for needed in type.requires where !seen.contains(needed) {
                throw PipelineSpecError.invalid(
                    file: file.path, line: entry.spec.line, column: 0, keyPath: "stages[\(index)].\(entry.spec.name)",
                    message: "the \(entry.spec.name) stage needs a \(needed) stage before it")
            }
            seen.append(entry.spec.name)
        }
        return PipelineSpec(
            file: file, name: name, languages: languages, inputs: inputs, glossaries: glossaries,
            translations: translations, translationMemories: translationMemories, output: output,
            stages: stages.map(\.spec))
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
        let options = try container.decodeNil(forKey: key) ? S.Options() : try container.decode(S.Options.self, forKey: key)
        return StageSpec(stage: stage, options: options, line: line)
    }
}
