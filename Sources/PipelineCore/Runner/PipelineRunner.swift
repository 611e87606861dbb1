import Foundation

/// Runs documents through the stages: several documents at once, at most `jobs` in flight, each
/// stage free to split its sentences into parallel chunks, and results delivered in input order.
///
/// Delivering in input order makes every output independent of timing, and the bounded window keeps
/// memory flat however many documents stream through.
public struct PipelineRunner: Sendable {
    public let stages: [any Stage]
    public let context: StageContext
    public let jobs: Int
    /// The metadata fields documents keep (besides the input's file name): what the pipeline file names.
    public let metadataFields: Set<String>

    /// Creates every stage of a spec: loads rules, glossaries and memories once for the whole run.
    public init(spec: PipelineSpec, jobs: Int, translations: [URL] = []) throws {
        let context = StageContext(
            pipelineName: spec.name, languages: spec.languages, baseDirectory: spec.baseDirectory,
            glossaries: spec.glossaries.map(spec.resolve),
            translations: spec.translations.map(spec.resolve) + translations,
            translationMemories: spec.translationMemories.map(spec.resolve),
            parallelism: Parallelism(width: jobs),
            provenance: "pipeline \(spec.name) (\(spec.stages.map(\.name).joined(separator: " → ")))")
        self.init(stages: try spec.stages.map { stage in
            do { return try stage.makeStage(context: context) } catch {
                throw StageSetupError(stage: stage.name, file: spec.file.path, line: stage.line, underlying: error)
            }
        }, context: context, jobs: jobs, metadataFields: spec.metadata)
    }

    public init(stages: [any Stage], context: StageContext, jobs: Int, metadataFields: [String] = []) {
        self.stages = stages
        self.context = context
        self.jobs = max(1, jobs)
        self.metadataFields = Set(metadataFields).union(["file"])
    }

    /// Runs one document through every stage.
    public func process(_ document: Document, ordinal: Int) async throws -> AnnotatedDocument {
        let kept = document.metadata.filter { metadataFields.contains($0.key) }
        let document = kept.count == document.metadata.count ? document
            : Document(id: document.id, title: document.title, text: document.text, source: document.source, path: document.path, metadata: kept)
        var annotated = AnnotatedDocument(document: document, ordinal: ordinal)
        for stage in stages {
            do { try await stage.process(&annotated, context: context) } catch {
                throw DocumentFailure(
                    source: document.path, stage: type(of: stage).name, reason: error.localizedDescription, documentID: document.id)
            }
        }
        return annotated
    }

    /// Streams every document of `source` through the stages into `sink`, then lets stages write
    /// their batch outputs. A failing document is reported and the rest go on.
    public func run<Source: DocumentSource>(
        _ source: Source, into sink: any DocumentSink, progress: ProgressReporter? = nil, stop: StopRequest? = nil
    ) async -> RunReport {
        var source = source
        var report = RunReport()
        var batches = makeBatches(report: &report)
        let keepDocuments = !batches.isEmpty
        let start = ContinuousClock.now
        let window = jobs * 2
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var loaded = 0
            var delivered = 0
            var inFlight = 0
            var exhausted = false
            var ready: [Int: Outcome] = [:]
            while true {
                // Keep `jobs` documents working, but never run more than `window` ahead of delivery.
                while !exhausted, inFlight < jobs, loaded - delivered < window {
                    if let signal = stop?.signalNumber {
                        report.interruptedBy = signal
                        exhausted = true
                        break
                    }
                    guard let load = source.next() else {
                        exhausted = true
                        break
                    }
                    let ordinal = loaded
                    loaded += 1
                    switch load {
                    case .failure(let place, let error, let id):
                        ready[ordinal] = .failed(DocumentFailure(source: place, stage: "input", reason: error.reason, documentID: id))
                    case .document(let document):
                        inFlight += 1
                        group.addTask {
                            (ordinal, await outcome(of: document, ordinal: ordinal, sink: sink, keepDocument: keepDocuments))
                        }
                    }
                }
                while let result = ready.removeValue(forKey: delivered) {
                    deliver(result, to: sink, batches: &batches, report: &report)
                    delivered += 1
                    progress?.update(done: report.documents, failed: report.failures.count)
                }
                if exhausted, inFlight == 0, delivered == loaded { break }
                if inFlight > 0, let (ordinal, result) = await group.next() {
                    inFlight -= 1
                    ready[ordinal] = result
                }
            }
        }
        retireOutputs(of: &report, in: sink)
        if report.interruptedBy != nil {
            report.notes.append("stopped early: the documents started were finished and written whole; batch outputs (digest, per-batch XLIFF) were not written, since they would be incomplete")
            return finished(report, start: start, progress: progress)
        }
        // A batch where no document made it would replace a good digest with an empty one.
        guard report.documents > 0 else {
            if !report.failures.isEmpty {
                report.notes.append("no document succeeded, so batch outputs (digest, per-batch XLIFF) were left as they were")
            }
            return finished(report, start: start, progress: progress)
        }
        for index in batches.indices {
            do {
                for file in try batches[index].batch.finish() {
                    try sink.write(file)
                    report.filesWritten += 1
                }
            } catch {
                report.failures.append(DocumentFailure(source: "batch", stage: batches[index].stage, reason: error.localizedDescription))
            }
            report.notes += batches[index].batch.notes.map { "\(batches[index].stage): \($0)" }
        }
        return finished(report, start: start, progress: progress)
    }

    /// A batch per stage that writes batch outputs, made fresh for each run.
    private func makeBatches(report: inout RunReport) -> [(stage: String, batch: any StageBatch)] {
        var batches: [(stage: String, batch: any StageBatch)] = []
        for stage in stages {
            let name = type(of: stage).name
            do {
                if let batch = try stage.makeBatch(context: context) { batches.append((name, batch)) }
            } catch {
                report.failures.append(DocumentFailure(source: "batch", stage: name, reason: error.localizedDescription))
            }
        }
        return batches
    }

    /// Hands a delivered document to every batch, in input order; a batch that fails is reported
    /// once and dropped, so the documents and the other batches go on.
    private func add(_ document: AnnotatedDocument, to batches: inout [(stage: String, batch: any StageBatch)], report: inout RunReport) {
        var index = 0
        while index < batches.count {
            do {
                try batches[index].batch.add(document)
                index += 1
            } catch {
                report.failures.append(DocumentFailure(
                    source: "batch", stage: batches[index].stage, reason: "\(document.document.id): \(error.localizedDescription)"))
                batches.remove(at: index)
            }
        }
    }

    private func finished(_ report: RunReport, start: ContinuousClock.Instant, progress: ProgressReporter?) -> RunReport {
        var report = report
        let elapsed = ContinuousClock.now - start
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        progress?.finish()
        return report
    }

    /// A failed document must not leave an earlier run's outputs looking current: the sink retires
    /// them, under the names this run's good documents were written with.
    private func retireOutputs(of report: inout RunReport, in sink: any DocumentSink) {
        let failedIDs = report.failures.compactMap(\.documentID)
        guard !failedIDs.isEmpty else { return }
        do {
            for retired in try sink.retire(documents: failedIDs, outputSuffixes: report.outputSuffixes) {
                report.notes.append("\(retired): an earlier run's output of a failed document, moved aside as \(retired).stale")
            }
        } catch {
            report.notes.append("earlier outputs of failed documents could not be moved aside: \(error.localizedDescription)")
        }
    }

    /// Processes one document in its task. A sink that needs no order stores the outputs right
    /// here, so slow disks are written in parallel and only counts wait for delivery.
    private func outcome(of document: Document, ordinal: Int, sink: any DocumentSink, keepDocument: Bool) async -> Outcome {
        let annotated: AnnotatedDocument
        do { annotated = try await process(document, ordinal: ordinal) } catch let failure as DocumentFailure {
            return .failed(failure)
        } catch {
            return .failed(DocumentFailure(source: document.path, stage: "run", reason: error.localizedDescription, documentID: document.id))
        }
        guard sink.acceptsAnyOrder else { return .processed(annotated) }
        do { try sink.accept(annotated) } catch {
            return .failed(DocumentFailure(source: document.path, stage: "output", reason: error.localizedDescription, documentID: document.id))
        }
        // Batches still need the annotations, not the files already written.
        var kept = keepDocument ? annotated : nil
        kept?.outputs = []
        return .stored(DocumentCounts(annotated), kept)
    }

    private func deliver(
        _ outcome: Outcome, to sink: any DocumentSink, batches: inout [(stage: String, batch: any StageBatch)],
        report: inout RunReport
    ) {
        switch outcome {
        case .failed(let failure):
            report.failures.append(failure)
            do { try sink.fail(failure, id: failure.documentID) } catch {
                report.failures.append(DocumentFailure(source: failure.source, stage: "output", reason: error.localizedDescription))
            }
        case .processed(let document):
            do {
                try sink.accept(document)
                report.add(DocumentCounts(document))
                add(document, to: &batches, report: &report)
            } catch {
                report.failures.append(DocumentFailure(
                    source: document.document.path, stage: "output", reason: error.localizedDescription, documentID: document.document.id))
            }
        case .stored(let counts, let document):
            report.add(counts)
            if let document { add(document, to: &batches, report: &report) }
        }
    }

    /// What a document task hands back to the delivery loop.
    private enum Outcome: Sendable {
        /// Processed; the sink takes it in input order.
        case processed(AnnotatedDocument)
        /// Processed and already stored by a sink that needs no order; its counts travel on, and its
        /// annotations when a batch needs them.
        case stored(DocumentCounts, AnnotatedDocument?)
        case failed(DocumentFailure)
    }
}

/// The figures a run summary adds up per document.
struct DocumentCounts: Sendable {
    let sentences: Int
    let terms: Int
    let bytes: Int
    let files: Int
    /// What follows `<id>.` in the names of the document's outputs (`xlf`, `briefing.md`).
    let outputSuffixes: Set<String>

    init(_ document: AnnotatedDocument) {
        sentences = document.sentences.count
        terms = document.terms.count
        bytes = document.text.utf8.count
        files = document.outputs.count
        let prefix = document.document.id + "."
        outputSuffixes = Set(document.outputs.compactMap { $0.path.hasPrefix(prefix) ? String($0.path.dropFirst(prefix.count)) : nil })
    }
}

/// Where finished documents go: files in an output folder, or JSON lines on stdout.
public protocol DocumentSink: Sendable {
    /// True when documents may be accepted in any order, from any task (files named by document);
    /// false when they must come one at a time in input order (a stream).
    var acceptsAnyOrder: Bool { get }
    func accept(_ document: AnnotatedDocument) throws
    /// Told of each failed document, in input order; `id` is nil when the input never became a document.
    func fail(_ failure: DocumentFailure, id: String?) throws
    func write(_ file: OutputFile) throws
    /// Moves aside what an earlier run wrote for documents that failed in this one, so no stale
    /// output passes for current; returns the names moved.
    func retire(documents ids: [String], outputSuffixes: Set<String>) throws -> [String]
}

extension DocumentSink {
    public var acceptsAnyOrder: Bool { false }

    public func fail(_ failure: DocumentFailure, id: String?) throws {}

    public func retire(documents ids: [String], outputSuffixes: Set<String>) throws -> [String] { [] }
}

/// Writes each document's output files into a folder, atomically.
public struct FolderSink: DocumentSink {
    public let writer: OutputWriter

    public init(folder: URL) {
        writer = OutputWriter(folder: folder)
    }

    public var acceptsAnyOrder: Bool { true }

    public func accept(_ document: AnnotatedDocument) throws {
        try writer.write(document.outputs)
    }

    public func write(_ file: OutputFile) throws { try writer.write(file) }

    public func retire(documents ids: [String], outputSuffixes: Set<String>) throws -> [String] {
        var retired: [String] = []
        for id in ids {
            for suffix in outputSuffixes.sorted() where try writer.retire("\(id).\(suffix)") {
                retired.append("\(id).\(suffix)")
            }
        }
        return retired
    }
}

/// A document that did not make it, and why.
public struct DocumentFailure: Error, Sendable, Equatable, LocalizedError {
    public let source: String
    public let stage: String
    public let reason: String
    /// The document's id, when the input got as far as becoming a document.
    public let documentID: String?

    public init(source: String, stage: String, reason: String, documentID: String? = nil) {
        self.source = source
        self.stage = stage
        self.reason = reason
        self.documentID = documentID
    }

    public var errorDescription: String? { "\(source): \(stage): \(reason)" }
}

/// A stage could not start: its rules, glossary or memory failed to load.
public struct StageSetupError: LocalizedError {
    public let stage: String
    public let file: String
    public let line: Int
    public let underlying: any Error

    public var errorDescription: String? {
        "\(file):\(line): stage '\(stage)' cannot start: \(underlying.localizedDescription)"
    }
}

/// What a run did, for the summary on stderr and the exit code.
public struct RunReport: Sendable {
    public var documents = 0
    public var sentences = 0
    public var terms = 0
    public var bytes = 0
    public var filesWritten = 0
    public var failures: [DocumentFailure] = []
    /// What the run did besides writing, for stderr: stale outputs moved aside, batch outputs kept.
    public var notes: [String] = []
    /// The signal that stopped the run before every document was read, if one did.
    public var interruptedBy: Int32?
    /// Outputs went into the stream's lines (stream mode), not into files.
    public var streamed = false
    /// What follows `<id>.` in the output names of this run's documents.
    public var outputSuffixes: Set<String> = []
    public var seconds = 0.0

    public init() {}

    mutating func add(_ counts: DocumentCounts) {
        documents += 1
        sentences += counts.sentences
        terms += counts.terms
        bytes += counts.bytes
        filesWritten += counts.files
        outputSuffixes.formUnion(counts.outputSuffixes)
    }

    public var summary: String {
        let rate = seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
        return "\(documents) documents, \(sentences) sentences, \(terms) terms, \(filesWritten) \(streamed ? "outputs streamed" : "files written"), "
            + "\(failures.count) failed, \(String(format: "%.2f", seconds)) s (\(String(format: "%.1f", rate)) MB/s)"
    }
}
