import Foundation
import PipelineCore
import Synchronization

/// Translates texts through one engine for a whole run: the cache first, then requests in batches
/// the engine accepts, each text paid for at most once per run. Keeps the figures the run reports.
final class MachineTranslator: Sendable {
    let engine: any TranslationEngine
    /// `DeepL at https://…`.
    let service: String
    let languages: LanguagePair
    /// What the cache file held when the run started.
    let cache: MachineTranslationCache
    private let fresh = Mutex<[String: String]>([:])
    private let figures = Mutex(Figures())

    /// What the run did, for the notes at its end.
    struct Figures: Sendable, Equatable {
        /// Segments given a machine translation, and how many of those came from the cache.
        var translated = 0
        var fromCache = 0
        var requests = 0
        /// Segments in scope that stay awaiting translation because requests failed.
        var untranslated = 0
        var error: MachineTranslationError?
    }

    /// A text to translate and the glossary entries found in it.
    struct Text: Sendable {
        let text: String
        let terms: [GlossaryTerm]
    }

    init(engine: any TranslationEngine, service: String, languages: LanguagePair, cache: MachineTranslationCache) {
        self.engine = engine
        self.service = service
        self.languages = languages
        self.cache = cache
    }

    var report: Figures { figures.withLock { $0 } }

    /// Translations of this run that the cache did not have, sorted by source text so that the
    /// cache file is the same whatever order documents finished in.
    var newEntries: [(text: String, translation: String)] {
        fresh.withLock { $0 }.filter { cached($0.key) == nil }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private func cached(_ text: String) -> String? {
        cache[MachineTranslationCache.Key(engine: engine.name, languages: languages, text: text)]
    }

    /// Translations by source text; texts whose requests failed are missing (the error is kept
    /// for the run's summary).
    func translate(_ texts: [Text]) async -> [String: String] {
        var results: [String: String] = [:]
        var pending: [Text] = []
        var seen = Set<String>()
        for item in texts where seen.insert(item.text).inserted {
            if let known = cached(item.text) ?? fresh.withLock({ $0[item.text] }) {
                results[item.text] = known
            } else {
                pending.append(item)
            }
        }
        let answers = await withTaskGroup(of: [String: String].self) { group in
            for batch in batches(pending) {
                group.addTask { await self.request(batch) }
            }
            var all: [String: String] = [:]
            for await answer in group { all.merge(answer) { first, _ in first } }
            return all
        }
        results.merge(answers) { first, _ in first }
        return results
    }

    /// Counts segments given a translation (`fromCache` of them without a request) and segments left awaiting.
    func record(translated: Int, fromCache: Int, untranslated: Int) {
        figures.withLock {
            $0.translated += translated
            $0.fromCache += fromCache
            $0.untranslated += untranslated
        }
    }

    func isCached(_ text: String) -> Bool { cached(text) != nil }

    private func request(_ batch: [Text]) async -> [String: String] {
        let terms = Array(Set(batch.flatMap(\.terms))).sorted()
        do {
            figures.withLock { $0.requests += 1 }
            let translations = try await engine.translate(batch.map(\.text), terms: terms)
            var answers: [String: String] = [:]
            for (item, translation) in zip(batch, translations) {
                let clean = translation.trimmingCharacters(in: .whitespacesAndNewlines)
                if !clean.isEmpty { answers[item.text] = clean }
            }
            fresh.withLock { $0.merge(answers) { first, _ in first } }
            return answers
        } catch {
            figures.withLock { figures in
                figures.error = figures.error.map { MachineTranslationError.moreTelling($0, error) } ?? error
            }
            return [:]
        }
    }

    /// Consecutive texts grouped up to the engine's limits on texts and bytes per request.
    private func batches(_ texts: [Text]) -> [[Text]] {
        var batches: [[Text]] = []
        var current: [Text] = []
        var bytes = 0
        for item in texts {
            let size = item.text.utf8.count
            if !current.isEmpty, current.count >= engine.maximumTexts || bytes + size > engine.maximumTextBytes {
                batches.append(current)
                current = []
                bytes = 0
            }
            current.append(item)
            bytes += size
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }
}
