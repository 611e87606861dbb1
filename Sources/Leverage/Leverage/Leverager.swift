import Foundation
import PipelineCore

/// Finds target-language text for a document's sentences: first what translators returned, then
/// the translation memory. Sentences with neither stay untranslated; the briefing glosses them.
public struct Leverager: Sendable {
    /// Which sentences are worth a memory lookup.
    public enum Scope: String, Sendable, Codable, CaseIterable {
        /// The summary sentences, which are what the briefing shows (all sentences if there is no summary).
        case summary
        /// Every sentence, e.g. to pre-fill XLIFF targets for a whole article.
        case all
    }

    public let memory: TranslationMemory
    /// The lowest fuzzy-match percentage accepted, 1…100.
    public let threshold: Int
    public let scope: Scope

    public init(memory: TranslationMemory, threshold: Int, scope: Scope) {
        self.memory = memory
        self.threshold = threshold
        self.scope = scope
    }

    /// Translations for the document's sentences. `returned` holds translators' text by sentence
    /// index and always wins; memory matches fill the sentences in scope that remain. Translations
    /// the document already has are kept. `codes` says where translators put each sentence's inline codes.
    public func translations(
        for document: AnnotatedDocument, returned: [Int: String], codes: [Int: [CodePlacement]] = [:],
        parallelism: Parallelism = Parallelism(width: 1)
    ) async throws -> [Int: Translation] {
        var result = document.translations
        for (sentence, text) in returned where result[sentence] == nil && sentence < document.sentences.count {
            result[sentence] = Translation(sentence: sentence, text: text, origin: .translator, codes: codes[sentence] ?? [])
        }
        guard !memory.isEmpty else { return result }
        let inScope: [Int] = switch (scope, document.summary) {
        case (.summary, let summary?): summary.picks.map(\.sentence).filter { $0 < document.sentences.count }
        default: Array(document.sentences.indices)
        }
        let pending = inScope.filter { result[$0] == nil }
        let sources = pending.map { (sentence: $0, text: document.text(of: $0)) }
        let memory = memory
        let threshold = threshold
        let found = try await parallelism.map(sources) { chunk in
            chunk.compactMap { item -> Translation? in
                memory.bestMatch(for: item.text, threshold: threshold).map {
                    Translation(sentence: item.sentence, text: $0.unit.target, origin: .memory(percent: $0.percent),
                                memoryUnit: Translation.MemoryUnit(source: $0.unit.source, file: URL(fileURLWithPath: $0.unit.file).lastPathComponent))
                }
            }
        }
        for translation in found { result[translation.sentence] = translation }
        return result
    }
}
