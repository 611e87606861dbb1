import Foundation
import PipelineCore

/// The `terms` stage: loads the run's glossaries once and matches every sentence, in parallel chunks.
public struct TermStage: Stage {
    public static let name = "terms"
    public static let purpose = "glossary terms, inflected forms included, each with its approved target term"

    public static func resources(for options: TermOptions) -> Set<PipelineResource> { [.glossaries] }

    public let matcher: TermMatcher
    public let warnings: [String]

    public init(options: TermOptions, context: StageContext) throws {
        guard !context.glossaries.isEmpty else { throw TermStageError.noGlossary }
        let glossary = try Glossary.load(context.glossaries, source: context.languages.source, target: context.languages.target)
        matcher = TermMatcher(glossary: glossary, options: .init(compounds: options.compounds, fuzzy: options.fuzzy))
        warnings = glossary.warnings
    }

    /// Matches sentence by sentence, so no term spans two sentences; without sentences (no segment
    /// stage before this one) paragraph by paragraph, or the whole text.
    public func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        let text = document.text
        let spans = !document.sentences.isEmpty ? document.sentences.map(\.span)
            : !document.paragraphs.isEmpty ? document.paragraphs : [TextSpan(start: 0, end: text.utf8.count)]
        let matcher = self.matcher
        document.terms = try await context.parallelism.map(spans) { chunk in matcher.matches(in: text, within: Array(chunk)) }
    }
}

/// Options of the `terms` stage.
public struct TermOptions: StageOptions {
    /// Report closed compounds whose head is a noun term (`Außenminister` for `Minister`), as the whole word.
    public var compounds: Bool
    /// Fall back to the stemmer for terms whose grammar the glossary does not give.
    public var fuzzy: Bool

    public init() { self.init(compounds: false, fuzzy: true) }

    public init(compounds: Bool, fuzzy: Bool) {
        self.compounds = compounds
        self.fuzzy = fuzzy
    }

    public static let help: [(key: String, help: String)] = [
        ("compounds", "also match closed compounds whose head is a noun term, as the whole word, flagged 'compound'"),
        ("fuzzy", "match terms without gender or part of speech by Snowball stem, flagged 'fuzzy'"),
    ]

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case compounds, fuzzy
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TermOptions()
        compounds = try container.decode(.compounds, default: defaults.compounds)
        fuzzy = try container.decode(.fuzzy, default: defaults.fuzzy)
    }
}

public enum TermStageError: LocalizedError, Equatable {
    case noGlossary

    public var errorDescription: String? {
        switch self {
        case .noGlossary: "the terms stage needs at least one glossary: list it under 'glossaries:' in the pipeline file"
        }
    }
}
