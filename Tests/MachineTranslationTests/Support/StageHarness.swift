import Foundation
import PipelineCore
import TestSupport
import Testing
@testable import MachineTranslation

/// Builds `translate` stages against a loopback server and runs documents through them.
enum StageHarness {
    static let keyVariable = "PIPELINE_TEST_MT_KEY"
    static let key = "k3y-\(UUID().uuidString)"

    static let sentences = [
        "OpenAI plant neue Rechenzentren in Europa.",
        "Das Wetter war gut.",
        "Die Regulierung von Chips bleibt umstritten.",
        "OpenAI und Microsoft verhandeln über Chips.",
    ]

    static func document(id: String = "doc", ordinal: Int = 0, title: String = "Titel", sentences: [String] = sentences,
                         summary: [Int] = [0, 1, 2, 3]) -> AnnotatedDocument {
        DocumentFixture.document(
            id: id, ordinal: ordinal, title: title, sentences: sentences,
            terms: [DocumentFixture.openAI, DocumentFixture.rechenzentrum, DocumentFixture.chip, DocumentFixture.regulierung],
            summary: summary)
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mt-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func context(in folder: URL) -> StageContext {
        StageContext(pipelineName: "test", languages: DocumentFixture.languages, baseDirectory: folder)
    }

    static func options(
        _ provider: TranslateOptions.Provider, url: String, model: String = "", applyTo: TranslateOptions.Scope = .summary,
        cache: String? = nil, retries: Int = 2, onError: TranslateOptions.OnError = .continue, keyed: Bool = true
    ) -> TranslateOptions {
        var options = TranslateOptions()
        options.provider = provider
        options.url = url
        options.model = model
        options.apiKeyEnv = keyed ? keyVariable : nil
        options.applyTo = applyTo
        options.cache = cache
        options.retries = retries
        options.timeout = 5
        options.onError = onError
        return options
    }

    static func stage(_ options: TranslateOptions, in folder: URL, key: String = key) throws -> TranslateStage {
        try TranslateStage(options: options, context: context(in: folder), environment: [keyVariable: key], backoff: .milliseconds(5))
    }

    /// Runs documents through the stage as the runner would, then ends the batch.
    static func run(
        _ stage: TranslateStage, _ documents: [AnnotatedDocument], in folder: URL
    ) async throws -> (documents: [AnnotatedDocument], notes: [String], failure: Error?) {
        var done: [AnnotatedDocument] = []
        for var document in documents {
            try await stage.process(&document, context: context(in: folder))
            done.append(document)
        }
        var batch = try #require(try stage.makeBatch(context: context(in: folder)))
        for document in done { try batch.add(document) }
        do {
            _ = try batch.finish()
            return (done, batch.notes, nil)
        } catch {
            return (done, batch.notes, error)
        }
    }
}

