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
    /// Names of stages that must come earlier in the list, because this one reads what they add.
    static var requires: [String] { get }

    init(options: Options, context: StageContext) throws

    /// Adds this stage's annotations (or output files) to one document.
    func process(_ document: inout AnnotatedDocument, context: StageContext) async throws

    /// Called once after every document has been processed, for batch-wide outputs
    /// (a digest, one XLIFF per batch). Must order its output by document ordinal.
    func finish(context: StageContext) throws -> [OutputFile]
}

extension Stage {
    public static var requires: [String] { [] }

    public func finish(context: StageContext) throws -> [OutputFile] { [] }
}

/// A stage's options: typed, with defaults for every key, and strict about unknown keys.
public protocol StageOptions: Codable, Sendable, Equatable {
    /// The defaults, used when the pipeline file gives no options.
    init()
    /// One line of help per key, in the order `pipeline stages` should show them.
    static var help: [(key: String, help: String)] { get }
}
