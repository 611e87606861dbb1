import Foundation

/// A step of a pipeline: a thin adapter that reads its typed options and calls a plain algorithm
/// type (`Segmenter`, `TermMatcher`, …) that can be tested on its own.
///
/// A stage is created once per run and shared by every document task, so anything it loads
/// (rules, glossaries, memories) is immutable and loaded once, in `init`.
public protocol Stage: Sendable {
    associatedtype Options: StageOptions

    /// The key that names the stage in a pipeline file's `stages:` list.
    static var name: String { get }
    /// One line for `pipeline stages`.
    static var purpose: String { get }
    /// The stages that must come earlier in the list with these options, because this one reads
    /// what they add (an `xliff` stage with `content: summary` needs `summarize`).
    static func requirements(for options: Options) -> [StageRequirement]
    /// The lists of the pipeline file this stage reads with these options (`glossaries:`…).
    static func resources(for options: Options) -> Set<PipelineResource>

    init(options: Options, context: StageContext) throws

    /// Adds this stage's annotations (or output files) to one document.
    func process(_ document: inout AnnotatedDocument, context: StageContext) async throws

    /// Where batch-wide outputs (a digest, one XLIFF per batch) are gathered, made once per run;
    /// nil for stages that write per document only.
    func makeBatch(context: StageContext) throws -> (any StageBatch)?

    /// What the stage loaded but will not use (a glossary column it does not know), for the person
    /// running it; each names its file and line.
    var warnings: [String] { get }
}

/// A stage's batch-wide output, as Okapi's end-of-batch: the runner hands it every document that
/// succeeded, in input order, one at a time, then asks for the files. Because the runner owns it
/// and feeds it from one loop, a batch needs no locks and its output is the same at any `--jobs`.
public protocol StageBatch {
    mutating func add(_ document: AnnotatedDocument) throws
    /// Called once, after the last document.
    mutating func finish() throws -> [OutputFile]
    /// What the batch has to tell the person running the tool once it finished (work left undone,
    /// a service that failed), one line each; the run prints them as notes.
    var notes: [String] { get }
}

extension StageBatch {
    public var notes: [String] { [] }
}

extension Stage {
    public static func requirements(for options: Options) -> [StageRequirement] { [] }

    public static func resources(for options: Options) -> Set<PipelineResource> { [] }

    public func makeBatch(context: StageContext) throws -> (any StageBatch)? { nil }

    public var warnings: [String] { [] }
}

/// A stage's options: typed, with defaults for every key, and strict about unknown keys.
public protocol StageOptions: Codable, Sendable, Equatable {
    /// Every key the options read; any other key in a pipeline file is refused before decoding.
    associatedtype CodingKeys: CodingKey & CaseIterable
    /// The defaults, used when the pipeline file gives no options.
    init()
    /// One line of help per key, in the order `pipeline stages` should show them.
    static var help: [(key: String, help: String)] { get }
}

/// Decodes a stage's options after refusing the keys they do not know: the one place where
/// misspelt options become errors instead of silent defaults.
public struct StrictOptions<Options: StageOptions>: Decodable {
    public let options: Options

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(Options.CodingKeys.self)
        options = try Options(from: decoder)
    }
}

/// A stage that must come earlier in the list, and which option makes it needed (nil: always).
public struct StageRequirement: Sendable, Equatable {
    public let stage: String
    public let because: String?

    public init(_ stage: String, because: String? = nil) {
        self.stage = stage
        self.because = because
    }
}

/// The lists of a pipeline file that stages read.
public enum PipelineResource: String, Sendable, CaseIterable {
    case glossaries
    case translations
    case translationMemories = "translation-memories"
}
