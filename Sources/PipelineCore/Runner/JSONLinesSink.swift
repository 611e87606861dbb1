import Foundation

/// Stream mode: one JSON line per document on stdout, in input order, so the tool can be the
/// executable of Spark's `RDD.pipe`, Hadoop Streaming or `parallel --pipe`. A failed document gets
/// a line with its error, keeping one output line per input line.
public final class JSONLinesSink: DocumentSink, @unchecked Sendable {
    private let handle: FileHandle
    /// Batch outputs (a digest, one XLIFF per batch) have no document line; they go here if given.
    private let batchFolder: OutputWriter?
    private let encoder: JSONEncoder

    /// Only the runner's delivery loop calls the sink, one document at a time, so no lock is needed.
    public init(handle: FileHandle = .standardOutput, batchFolder: URL? = nil) {
        self.handle = handle
        self.batchFolder = batchFolder.map(OutputWriter.init)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    public func accept(_ document: AnnotatedDocument) throws {
        try emit(DocumentResult(document))
    }

    public func fail(_ failure: DocumentFailure, id: String?) throws {
        try emit(FailedResult(id: id, source: failure.source, stage: failure.stage, error: failure.reason))
    }

    /// Batch outputs that had nowhere to go, for the caller to mention: a stream has one line per
    /// document and no place for them.
    public private(set) var skippedBatchOutputs: [String] = []

    public func write(_ file: OutputFile) throws {
        guard let batchFolder else {
            skippedBatchOutputs.append(file.path)
            return
        }
        try batchFolder.write(file)
    }

    private func emit(_ value: some Encodable) throws {
        var line = try encoder.encode(value)
        line.append(0x0A)
        handle.write(line)
    }
}

/// The JSON form of a processed document. Offsets are Unicode code points, as in the unit commands.
struct DocumentResult: Encodable {
    struct SentenceResult: Encodable {
        let start: Int
        let end: Int
        let paragraph: Int
        let text: String
    }

    struct SummaryResult: Encodable {
        let sentence: Int
        let rank: Int
        let score: Double
        let text: String
    }

    struct TranslationResult: Encodable {
        let sentence: Int
        let text: String
        let origin: Translation.Origin
    }

    let id: String
    let title: String
    let source: String
    let sentences: [SentenceResult]
    let terms: [ReportedTermMatch]
    let summary: [SummaryResult]
    let translations: [TranslationResult]
    /// Each text output (XLIFF, TBX, briefings) by file name.
    let outputs: [String: String]

    init(_ document: AnnotatedDocument) {
        let offsets = CodePointOffsets(document.text)
        id = document.document.id
        title = document.document.title
        source = document.document.source
        sentences = document.sentences.indices.map { index in
            let sentence = document.sentences[index]
            let (start, end) = offsets.codePoints(of: sentence.span)
            return SentenceResult(start: start, end: end, paragraph: sentence.paragraph, text: document.text(of: index))
        }
        terms = document.terms.map { ReportedTermMatch($0, offsets: offsets) }
        summary = (document.summary?.picks ?? []).map {
            SummaryResult(sentence: $0.sentence, rank: $0.rank, score: $0.score, text: document.text(of: $0.sentence))
        }
        translations = document.translations.keys.sorted().compactMap { index in
            guard let translation = document.translations[index] else { return nil }
            return TranslationResult(sentence: index, text: translation.text, origin: translation.origin)
        }
        var outputs: [String: String] = [:]
        for file in document.outputs {
            outputs[file.path] = String(data: file.contents, encoding: .utf8) ?? file.contents.base64EncodedString()
        }
        self.outputs = outputs
    }
}

struct FailedResult: Encodable {
    let id: String?
    let source: String
    let stage: String
    let error: String
}
