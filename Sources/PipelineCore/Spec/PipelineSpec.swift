import Foundation

/// A pipeline file, decoded and checked: what to read, which glossaries, and which stages in order.
public struct PipelineSpec: Sendable {
    /// The file it was read from; relative paths in it resolve against its folder.
    public let file: URL
    public let name: String
    public let languages: LanguagePair
    public let inputs: [String]
    public let glossaries: [String]
    public let translations: [String]
    public let translationMemories: [String]
    /// Fields of JSON-lines inputs copied into outputs (`author`, `url`); none unless named, since a
    /// record may carry what translators must not see (an editor's e-mail).
    public let metadata: [String]
    public let output: OutputSpec
    public let stages: [StageSpec]
    /// What is allowed but probably not meant: lists no stage reads, stages with nothing to read.
    public let warnings: [String]
    /// The glossaries, translations and memories the file lists, with where each is listed.
    public let listedFiles: [ListedFile]

    public var baseDirectory: URL { file.deletingLastPathComponent() }

    public func resolve(_ path: String) -> URL { PathResolution.resolve(path, against: baseDirectory) }

    public init(
        file: URL, name: String, languages: LanguagePair, inputs: [String], glossaries: [String] = [],
        translations: [String] = [], translationMemories: [String] = [], metadata: [String] = [], output: OutputSpec = OutputSpec(),
        stages: [StageSpec], warnings: [String] = [], listedFiles: [ListedFile] = []
    ) {
        self.file = file
        self.name = name
        self.languages = languages
        self.inputs = inputs
        self.glossaries = glossaries
        self.translations = translations
        self.translationMemories = translationMemories
        self.metadata = metadata
        self.output = output
        self.stages = stages
        self.warnings = warnings
        self.listedFiles = listedFiles
    }

    /// Every listed glossary, translation or memory that is not there, as an error at the line that
    /// lists it: found before any stage starts, where the user wrote the path.
    public func missingFiles() -> [PipelineSpecError] {
        listedFiles.compactMap { listed in
            let url = resolve(listed.path)
            guard !FileManager.default.fileExists(atPath: url.path) else { return nil }
            return .invalid(
                file: file.path, line: listed.line, column: listed.column, keyPath: "\(listed.resource.rawValue)[\(listed.index)]",
                message: "no such file or folder: \(url.path)")
        }
    }
}

/// One entry of `glossaries:`, `translations:` or `translation-memories:`, and where it stands.
public struct ListedFile: Sendable, Equatable {
    public let resource: PipelineResource
    public let index: Int
    public let path: String
    public let line: Int
    public let column: Int
}

/// Where outputs go and how each document's files are named.
public struct OutputSpec: Sendable, Codable, Equatable {
    /// The output folder, relative to the pipeline file.
    public var folder: String
    /// The base name of each document's output files. Placeholders: `{stem}` (input file name without
    /// extension, or the JSONL id), `{name}` (pipeline name), `{source}` and `{target}` (language tags).
    public var name: String

    public init(folder: String = "Output", name: String = "{stem}") {
        self.folder = folder
        self.name = name
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case folder, name }

    /// Why a name template could lead outside the output folder, if it could: outputs may go into
    /// subfolders (`{target}/{stem}`), never above or beside the folder. Placeholder values are made
    /// safe by `DocumentNamer`, so the template's own text decides.
    static func escapeProblem(in template: String) -> String? {
        if template.hasPrefix("/") { return "the name template '\(template)' is an absolute path; names are relative to the output folder" }
        if template.contains("\\") { return "the name template '\(template)' contains a backslash" }
        let components = template.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) {
            return "the name template '\(template)' would leave the output folder or name an empty folder; use plain names, optionally in subfolders"
        }
        return nil
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = OutputSpec()
        folder = try container.decode(.folder, default: defaults.folder)
        name = try container.decode(.name, default: defaults.name)
        guard name.contains("{stem}") else {
            throw DecodingError.dataCorruptedError(
                forKey: .name, in: container,
                debugDescription: "the name template must contain {stem}, or documents would overwrite each other")
        }
        if let problem = Self.escapeProblem(in: name) {
            throw DecodingError.dataCorruptedError(forKey: .name, in: container, debugDescription: problem)
        }
    }
}

/// One entry of the `stages:` list: which stage, with which options, and how to build it.
public struct StageSpec: Sendable {
    public let name: String
    public let options: any StageOptions
    /// 1-based line of the entry in the pipeline file, for errors found after decoding.
    public let line: Int
    /// The stages these options need earlier, and the lists they read.
    public let requirements: [StageRequirement]
    public let resources: Set<PipelineResource>
    private let factory: @Sendable (StageContext) throws -> any Stage

    public init<S: Stage>(stage: S.Type, options: S.Options, line: Int = 0) {
        name = S.name
        self.options = options
        self.line = line
        requirements = S.requirements(for: options)
        resources = S.resources(for: options)
        factory = { context in try S(options: options, context: context) }
    }

    /// Creates the stage for a run; this is where it loads rules, glossaries or memories.
    public func makeStage(context: StageContext) throws -> any Stage { try factory(context) }
}
