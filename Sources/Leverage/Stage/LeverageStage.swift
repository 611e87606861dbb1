import Foundation
import PipelineCore
import XLIFF

/// Fills `document.translations` from what already exists: translated XLIFF returned by
/// translators first, then TMX translation memories (exact and fuzzy matches).
public struct LeverageStage: Stage {
    public static let name = "leverage"
    public static let purpose = "translations for sentences from returned XLIFF, then TMX memories (exact and fuzzy)"
    public static func requirements(for options: Options) -> [StageRequirement] {
        options.applyTo == .summary
            ? [StageRequirement("segment"), StageRequirement("summarize", because: "apply-to: summary")]
            : [StageRequirement("segment")]
    }

    public static func resources(for options: Options) -> Set<PipelineResource> { [.translations, .translationMemories] }

    public struct Options: StageOptions {
        /// The lowest memory match percentage used, 1…100.
        public var fuzzyThreshold = 75
        public var applyTo: Leverager.Scope = .summary

        public init() {}

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case fuzzyThreshold = "fuzzy-threshold"
            case applyTo = "apply-to"
        }

        public static let help: [(key: String, help: String)] = [
            ("fuzzy-threshold", "lowest translation-memory match percentage used, 1-100"),
            ("apply-to", "sentences looked up in the memories: summary or all"),
        ]

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Options()
            fuzzyThreshold = try container.decode(.fuzzyThreshold, default: defaults.fuzzyThreshold)
            applyTo = try container.decode(.applyTo, default: defaults.applyTo)
            guard (1...100).contains(fuzzyThreshold) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .fuzzyThreshold, in: container, debugDescription: "\(fuzzyThreshold) is not a percentage from 1 to 100")
            }
        }
    }

    private let returned: ReturnedXLIFFFiles
    private let leverager: Leverager

    /// Rules of the XLIFF specification the returned files break (duplicate ids, codes that close
    /// before they open…): the translations are still used where they fit, and the user hears of it.
    public var warnings: [String] { returned.findings.map { "returned translation breaks the XLIFF specification: \($0)" } }

    /// Reads every returned XLIFF file and every memory once; one that cannot be read stops the
    /// run before any document.
    public init(options: Options, context: StageContext) throws {
        returned = try ReturnedXLIFFFiles(contentsOf: context.translations)
        let memory = try TranslationMemory.load(context.translationMemories, languages: context.languages)
        leverager = Leverager(memory: memory, threshold: options.fuzzyThreshold, scope: options.applyTo)
    }

    /// A returned file that claims the document but does not match it (changed source, missing
    /// units, other languages) fails the document with the reader's error.
    public func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        let fromTranslators = try returned.returnedTranslations(for: document, languages: context.languages)
        document.translations = try await leverager.translations(
            for: document, returned: Dictionary(fromTranslators.map { ($0.sentence, $0.text) }, uniquingKeysWith: { first, _ in first }),
            codes: Dictionary(fromTranslators.map { ($0.sentence, $0.codes) }, uniquingKeysWith: { first, _ in first }),
            parallelism: context.parallelism)
    }
}
