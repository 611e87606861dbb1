import Foundation
import PipelineCore
import XLIFF

/// Machine translation for the sentences (and the title) that no translator and no exact memory
/// match covered, through DeepL, LibreTranslate or an OpenAI-compatible server.
///
/// Precedence per sentence: translator > exact memory match > machine > fuzzy memory match. A
/// machine translation is labelled `machine translation (<engine>)` wherever it appears, and
/// XLIFF offers it to translators as a suggestion, never as a finished translation.
///
/// Faults never fail a document: sentences whose requests failed stay awaiting translation, and
/// the end of the run names the service and how many were left (with `on-error: fail`, the run
/// then fails). A rejected key is one error for the whole run.
public struct TranslateStage: Stage {
    public static let name = "translate"
    public static let purpose = "machine translation (DeepL, LibreTranslate, OpenAI-compatible) for what no translator or exact memory match covered"

    public static func requirements(for options: TranslateOptions) -> [StageRequirement] {
        options.applyTo == .summary
            ? [StageRequirement("segment"), StageRequirement("summarize", because: "apply-to: summary")]
            : [StageRequirement("segment")]
    }

    public let options: TranslateOptions
    let translator: MachineTranslator
    let cacheFile: URL?

    public init(options: TranslateOptions, context: StageContext) throws {
        try self.init(options: options, context: context, environment: ProcessInfo.processInfo.environment)
    }

    /// Reads the key from `environment` and the cache file; no request is sent before the first document.
    init(options: TranslateOptions, context: StageContext, environment: [String: String], backoff: Duration = .milliseconds(500)) throws {
        self.options = options
        var key: String?
        if let variable = options.keyVariable {
            guard let value = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw MachineTranslationError.missingKey(variable: variable, provider: options.provider.displayName)
            }
            key = value
        }
        let base = options.baseURL
        let service = "\(options.provider.displayName) at \(base.absoluteString)"
        let connection = ServiceConnection(
            service: service, timeout: options.timeout, concurrency: options.concurrency, retries: options.retries,
            secret: key, variable: options.keyVariable, backoff: backoff)
        let languages = context.languages
        let engine: any TranslationEngine = switch options.provider {
        case .deepl:
            DeepLEngine(
                connection: connection, base: base, key: key ?? "", languages: languages, batchSize: options.batchSize,
                formality: options.formality == .default ? nil : options.formality.rawValue, useGlossaries: options.glossary)
        case .libretranslate:
            LibreTranslateEngine(connection: connection, base: base, key: key, languages: languages, maximumTexts: options.batchSize)
        case .openai:
            ChatCompletionsEngine(connection: connection, base: base, key: key, model: options.model, languages: languages)
        }
        cacheFile = options.cache.map(context.resolve)
        let cache = try cacheFile.map(MachineTranslationCache.read) ?? MachineTranslationCache()
        translator = MachineTranslator(engine: engine, service: service, languages: languages, cache: cache)
    }

    public func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        let sentences = sentencesToTranslate(in: document)
        let title = Self.normalized(document.document.title)
        var texts = sentences.map { MachineTranslator.Text(text: $0.text, terms: glossaryTerms(in: document, sentence: $0.index)) }
        let titleFromSentence = sentenceTranslation(matching: title, in: document)
        if !title.isEmpty, titleFromSentence == nil || titleFromSentence?.origin.isFuzzyMemory == true {
            texts.append(MachineTranslator.Text(text: title, terms: []))
        }
        guard !texts.isEmpty else { return }

        let results = await translator.translate(texts)
        let origin = Translation.Origin.machine(engine: translator.engine.name)
        var translated = 0, fromCache = 0, untranslated = 0
        func count(_ text: String) {
            if results[text] == nil {
                untranslated += 1
            } else {
                translated += 1
                if translator.isCached(text) { fromCache += 1 }
            }
        }
        for sentence in sentences {
            count(sentence.text)
            if let text = results[sentence.text] {
                document.translations[sentence.index] = Translation(sentence: sentence.index, text: text, origin: origin)
            }
        }
        if !title.isEmpty {
            if let reused = sentenceTranslation(matching: title, in: document), !reused.origin.isFuzzyMemory {
                document.titleTranslation = TitleTranslation(text: reused.text, origin: reused.origin)
            } else if let text = results[title] {
                count(title)
                document.titleTranslation = TitleTranslation(text: text, origin: origin)
                // The heading that repeats the title gets the same English, so the XLIFF offers it too.
                for index in document.sentences.indices where document.translations[index]?.origin.isFuzzyMemory ?? true
                    && sourceText(of: index, in: document) == title {
                    document.translations[index] = Translation(sentence: index, text: text, origin: origin)
                }
            } else {
                count(title)
            }
        }
        translator.record(translated: translated, fromCache: fromCache, untranslated: untranslated)
    }

    public func makeBatch(context: StageContext) throws -> (any StageBatch)? {
        Batch(stage: self)
    }

    // MARK: What is sent

    /// The sentences in scope without a translator's or an exact memory match's translation, with
    /// the text sent for each: block markers (`# `, `- `) left out, whitespace runs made one space.
    func sentencesToTranslate(in document: AnnotatedDocument) -> [(index: Int, text: String)] {
        let inScope: [Int] = switch (options.applyTo, document.summary) {
        case (.summary, let summary?): Set(summary.picks.map(\.sentence)).filter { $0 < document.sentences.count }.sorted()
        case (.summary, nil): []
        case (.all, _): Array(document.sentences.indices)
        }
        return inScope.compactMap { index in
            if let existing = document.translations[index], !existing.origin.isFuzzyMemory { return nil }
            let text = sourceText(of: index, in: document)
            return text.isEmpty ? nil : (index, text)
        }
    }

    /// A sentence as it is sent: the text a translator sees in XLIFF, on one line.
    func sourceText(of sentence: Int, in document: AnnotatedDocument) -> String {
        let span = document.sentences[sentence].span
        let bytes = Array(document.text.utf8)
        let markup = BlockMarkup.prefixLength(in: bytes, sentenceStart: span.start, end: span.end)
        return Self.normalized(document.text.slice(TextSpan(start: span.start + markup, end: span.end)))
    }

    /// The translation of a sentence whose text is the title (a Markdown heading usually is).
    private func sentenceTranslation(matching title: String, in document: AnnotatedDocument) -> Translation? {
        guard !title.isEmpty else { return nil }
        return document.translations.keys.sorted().lazy.compactMap { index -> Translation? in
            index < document.sentences.count && sourceText(of: index, in: document) == title ? document.translations[index] : nil
        }.first
    }

    /// The glossary entries matched in the sentence, with the target terms the glossary forbids.
    private func glossaryTerms(in document: AnnotatedDocument, sentence: Int) -> [GlossaryTerm] {
        guard options.glossary else { return [] }
        return Array(Set(document.terms(in: sentence).map {
            GlossaryTerm(source: $0.source, target: $0.target, forbidden: $0.deprecatedTargets)
        })).sorted()
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: End of the run

    /// Writes the cache once every document is through and tells what the service did.
    struct Batch: StageBatch {
        let stage: TranslateStage

        mutating func add(_ document: AnnotatedDocument) throws {}

        mutating func finish() throws -> [OutputFile] {
            let translator = stage.translator
            if let file = stage.cacheFile {
                let fresh = translator.newEntries
                if !fresh.isEmpty {
                    // Re-read: another run (a shard) may have added entries since this one started.
                    var cache = try MachineTranslationCache.read(file)
                    var added = false
                    for entry in fresh {
                        let key = MachineTranslationCache.Key(engine: translator.engine.name, languages: translator.languages, text: entry.text)
                        added = cache.add(key, entry.translation) || added
                    }
                    if added { try cache.write(to: file) }
                }
            }
            if let failure { throw failure }
            return []
        }

        /// What fails the run: a rejected key always, any untranslated segment with `on-error: fail`.
        private var failure: TranslateRunError? {
            let figures = stage.translator.report
            guard let cause = figures.error else { return nil }
            let rejected = if case .rejectedKey = cause { true } else { false }
            guard rejected || (stage.options.onError == .fail && figures.untranslated > 0) else { return nil }
            return TranslateRunError(service: stage.translator.service, untranslated: figures.untranslated, cause: cause)
        }

        var notes: [String] {
            let figures = stage.translator.report
            var notes: [String] = []
            if figures.translated > 0 {
                let requested = figures.translated - figures.fromCache
                notes.append("\(stage.translator.service): \(figures.translated) segment\(figures.translated == 1 ? "" : "s") machine-translated "
                    + "(\(figures.fromCache) from the cache, \(requested) in \(figures.requests) request\(figures.requests == 1 ? "" : "s"))")
            }
            if failure == nil, figures.untranslated > 0, let cause = figures.error {
                notes.append(TranslateRunError(service: stage.translator.service, untranslated: figures.untranslated, cause: cause).errorDescription!)
            }
            return notes
        }
    }
}

/// Segments left awaiting translation because the service failed.
struct TranslateRunError: LocalizedError {
    let service: String
    let untranslated: Int
    let cause: MachineTranslationError

    var errorDescription: String? {
        "\(untranslated) segment\(untranslated == 1 ? "" : "s") left awaiting translation: \(cause.errorDescription ?? "")"
    }
}
