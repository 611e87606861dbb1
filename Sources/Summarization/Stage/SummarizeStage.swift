import PipelineCore

/// The `summarize` stage: fills `document.summary` with the chosen sentences, their ranks and scores.
public struct SummarizeStage: Stage {
    public static let name = "summarize"
    public static let purpose = "extractive summary: ranked key sentences for the briefing and XLIFF metadata"
    public static func requirements(for options: SummarizeOptions) -> [StageRequirement] { [StageRequirement("segment")] }

    public let options: SummarizeOptions
    private let summarizer: Summarizer

    public init(options: SummarizeOptions, context: StageContext) throws {
        self.options = options
        summarizer = try Summarizer(method: options.method, language: context.languages.source.language)
    }

    public func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        document.summary = summarizer.summarize(SummaryInput(document), length: options.length)
    }
}
