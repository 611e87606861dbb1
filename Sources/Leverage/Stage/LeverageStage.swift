import Foundation
import Synchronization
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
    /// What reading returned files skipped or chose, per document ordinal; the batch prints it.
    private let notes = ReadBackNotes()

    /// Memories that hold nothing in the run's languages.
    private let memoryWarnings: [String]

    /// Rules of the XLIFF specification the returned files break (duplicate ids, codes that close
    /// before they open…): the translations are still used where they fit, and the user hears of it.
    /// And memories that add nothing to this run.
    public var warnings: [String] {
        returned.findings.map { "returned translation breaks the XLIFF specification: \($0)" } + memoryWarnings
    }

    /// Reads every returned XLIFF file and every memory once; one that cannot be read stops the
    /// run before any document.
    public init(options: Options, context: StageContext) throws {
        returned = try ReturnedXLIFFFiles(contentsOf: context.translations)
        var memoryWarnings: [String] = []
        let memory = try TranslationMemory.load(context.translationMemories, languages: context.languages) { memoryWarnings.append($0) }
        self.memoryWarnings = memoryWarnings
        leverager = Leverager(memory: memory, threshold: options.fuzzyThreshold, scope: options.applyTo)
    }

    /// Segments of a returned file that no longer fit (changed source, a unit the document lost, a
    /// target glued to the pre-filled source) are skipped and noted; the rest is used. A file
    /// unusable as a whole (other languages, duplicate ids) fails the document with the reader's error.
    public func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        let merged = try returned.merged(for: document, languages: context.languages)
        notes.add(merged.notes, ordinal: document.ordinal)
        let fromTranslators = merged.translations
        document.translations = try await leverager.translations(
            for: document, returned: Dictionary(fromTranslators.map { ($0.sentence, $0.text) }, uniquingKeysWith: { first, _ in first }),
            codes: Dictionary(fromTranslators.map { ($0.sentence, $0.codes) }, uniquingKeysWith: { first, _ in first }),
            parallelism: context.parallelism)
    }

    /// Notes on the returned files, printed with the run's: skipped segments, overlapping
    /// deliveries, and `<file>`s that match no document of the run.
    public func makeBatch(context: StageContext) throws -> (any StageBatch)? {
        Batch(returned: returned, collected: notes)
    }

    private struct Batch: StageBatch {
        let returned: ReturnedXLIFFFiles
        let collected: ReadBackNotes
        var documents: Set<String> = []
        private(set) var notes: [String] = []

        init(returned: ReturnedXLIFFFiles, collected: ReadBackNotes) {
            self.returned = returned
            self.collected = collected
        }

        mutating func add(_ document: AnnotatedDocument) throws { documents.insert(document.document.id) }

        mutating func finish() throws -> [OutputFile] {
            notes = collected.all + returned.unmatched(documents)
            return []
        }
    }
}

/// Notes gathered while documents run in parallel, handed out in input order.
final class ReadBackNotes: Sendable {
    private let byOrdinal = Mutex<[Int: [String]]>([:])

    func add(_ notes: [String], ordinal: Int) {
        guard !notes.isEmpty else { return }
        byOrdinal.withLock { $0[ordinal, default: []] += notes }
    }

    var all: [String] { byOrdinal.withLock { $0.sorted { $0.key < $1.key }.flatMap(\.value) } }
}
