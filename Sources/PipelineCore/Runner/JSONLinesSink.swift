import Foundation

/// Stream mode: one JSON line per document on stdout, in input order, so the tool can be the
/// executable of Spark's `RDD.pipe`, Hadoop Streaming or `parallel --pipe`. A failed document gets
/// a line with its error, keeping one output line per input line.
package final class JSONLinesSink: DocumentSink, @unchecked Sendable {
    private let handle: FileHandle
    /// Batch outputs (a digest, one XLIFF per batch) have no document line; they go here if given.
    private let batchFolder: OutputWriter?

    /// Only the runner's delivery loop calls the sink, one document at a time, so no lock is needed.
    package init(handle: FileHandle = .standardOutput, batchFolder: URL? = nil) {
        self.handle = handle
        self.batchFolder = batchFolder.map(OutputWriter.init)
    }

    package func accept(_ document: AnnotatedDocument) throws {
        emit { DocumentResult(document).write(to: &$0) }
    }

    package func fail(_ failure: DocumentFailure, id: String?) throws {
        emit { FailedResult(id: id, source: failure.source, stage: failure.stage, error: failure.reason).write(to: &$0) }
    }

    /// Batch outputs that had nowhere to go, for the caller to mention: a stream has one line per
    /// document and no place for them.
    package private(set) var skippedBatchOutputs: [String] = []

    package func write(_ file: OutputFile) throws {
        guard let batchFolder else {
            skippedBatchOutputs.append(file.path)
            return
        }
        try batchFolder.write(file)
    }

    /// One line, keys in sorted order as the stream has always had them.
    private func emit(_ write: (inout JSONWriter) -> Void) {
        var line = JSONWriter()
        write(&line)
        line.appendRaw("\n")
        handle.write(Data(line.bytes))
    }
}

/// The JSON form of a processed document. Offsets are Unicode code points, as in the unit commands.
struct DocumentResult {
    struct SentenceResult {
        let start: Int
        let end: Int
        let paragraph: Int
        let text: String
    }

    struct SummaryResult {
        let sentence: Int
        let rank: Int
        let score: Double
        let text: String
    }

    struct TranslationResult {
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

struct FailedResult {
    let id: String?
    let source: String
    let stage: String
    let error: String

    func write(to json: inout JSONWriter) {
        json.appendRaw("{\"error\":")
        json.appendString(error)
        if let id {
            json.appendRaw(",\"id\":")
            json.appendString(id)
        }
        json.appendRaw(",\"source\":")
        json.appendString(source)
        json.appendRaw(",\"stage\":")
        json.appendString(stage)
        json.appendRaw("}")
    }
}

extension DocumentResult {
    /// The result as one JSON object, every object's keys in sorted order.
    func write(to json: inout JSONWriter) {
        json.appendRaw("{\"id\":")
        json.appendString(id)
        json.appendRaw(",\"outputs\":{")
        for (index, name) in outputs.keys.sorted().enumerated() {
            if index > 0 { json.appendRaw(",") }
            json.appendString(name)
            json.appendRaw(":")
            json.appendString(outputs[name]!)
        }
        json.appendRaw("},\"sentences\":")
        json.appendArray(sentences) { json, sentence in
            json.appendRaw("{\"end\":")
            json.appendInt(sentence.end)
            json.appendRaw(",\"paragraph\":")
            json.appendInt(sentence.paragraph)
            json.appendRaw(",\"start\":")
            json.appendInt(sentence.start)
            json.appendRaw(",\"text\":")
            json.appendString(sentence.text)
            json.appendRaw("}")
        }
        json.appendRaw(",\"source\":")
        json.appendString(source)
        json.appendRaw(",\"summary\":")
        json.appendArray(summary) { json, pick in
            json.appendRaw("{\"rank\":")
            json.appendInt(pick.rank)
            json.appendRaw(",\"score\":")
            json.appendDouble(pick.score)
            json.appendRaw(",\"sentence\":")
            json.appendInt(pick.sentence)
            json.appendRaw(",\"text\":")
            json.appendString(pick.text)
            json.appendRaw("}")
        }
        json.appendRaw(",\"terms\":")
        json.appendArray(terms) { $1.write(to: &$0) }
        json.appendRaw(",\"title\":")
        json.appendString(title)
        json.appendRaw(",\"translations\":")
        json.appendArray(translations) { json, translation in
            json.appendRaw("{\"origin\":")
            translation.origin.write(to: &json)
            json.appendRaw(",\"sentence\":")
            json.appendInt(translation.sentence)
            json.appendRaw(",\"text\":")
            json.appendString(translation.text)
            json.appendRaw("}")
        }
        json.appendRaw("}")
    }
}

extension Translation.Origin {
    /// The origin's `Codable` form with sorted keys, written straight into a stream line.
    func write(to json: inout JSONWriter) {
        switch self {
        case .translator:
            json.appendRaw("{\"kind\":\"translator\"}")
        case .memory(let percent):
            json.appendRaw("{\"kind\":\"memory\",\"percent\":")
            json.appendInt(percent)
            json.appendRaw("}")
        case .machine(let engine):
            json.appendRaw("{\"engine\":")
            json.appendString(engine)
            json.appendRaw(",\"kind\":\"machine\"}")
        }
    }
}
