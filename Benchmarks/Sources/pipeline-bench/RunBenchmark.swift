import ArgumentParser
import Foundation
import PipelineCore
import PipelineStages

/// The whole pipeline over a corpus: per-stage and end-to-end throughput, `--jobs 1` against
/// `--jobs N`, byte-identical output, and flat memory from 1,000 to 100,000 documents.
struct RunBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Benchmark the full stage list of a pipeline file over a JSONL corpus.")

    @Option(help: "The pipeline file whose stages run.")
    var pipeline = "Pipelines/de-en.yml"

    @Option(help: "JSONL corpus files or folders.")
    var corpus: [String] = [Corpus.defaultPath]

    @Option(help: "Parallel width to compare against --jobs 1.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Document counts for the flat-memory check (each run in its own process).")
    var memoryRuns: [Int] = [1_000, 100_000]

    @Option(help: "Folder for the runs' outputs (each run gets a fresh subfolder, removed afterwards). A tmpfs such as /dev/shm measures the pipeline without the disk.")
    var scratch: String = FileManager.default.temporaryDirectory.path

    @Option(help: ArgumentHelp("Internal: run N generated documents in this process and print its peak memory.", visibility: .private))
    var memoryProbe: Int?

    func run() async throws {
        let spec = try BuiltInStages.reader.read(URL(fileURLWithPath: pipeline))
        let documents = try Corpus.documents(in: corpus)
        if let count = memoryProbe {
            try await probeMemory(spec: spec, corpus: documents, count: count)
            return
        }
        let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        print("scratch: \(scratch)")
        print("corpus: \(documents.count) documents, \(String(format: "%.2f", Double(bytes) / 1e6)) MB; pipeline \(spec.name): \(spec.stages.map(\.name).joined(separator: " → "))")

        // Per stage, single-threaded: each stage's time on documents already annotated by the stages before it.
        let single = try PipelineRunner(spec: spec, jobs: 1)
        var stageSeconds = [Double](repeating: 0, count: single.stages.count)
        var sentences = 0
        for (ordinal, document) in documents.enumerated() {
            var annotated = AnnotatedDocument(document: document, ordinal: ordinal)
            for (index, stage) in single.stages.enumerated() {
                stageSeconds[index] += try await Measurement.seconds { try await stage.process(&annotated, context: single.context) }
            }
            sentences += annotated.sentences.count
        }
        for (index, stage) in single.stages.enumerated() {
            let seconds = stageSeconds[index]
            print("stage \(type(of: stage).name): \(Self.rates(bytes: bytes, sentences: sentences, documents: documents.count, seconds: seconds))")
        }

        // End to end, writing real output folders, sequential and parallel.
        let sequentialFolder = try temporaryFolder()
        let parallelFolder = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: sequentialFolder)
            try? FileManager.default.removeItem(at: parallelFolder)
        }
        let sequential = try await endToEnd(spec: spec, documents: documents, jobs: 1, into: sequentialFolder)
        let parallel = try await endToEnd(spec: spec, documents: documents, jobs: jobs, into: parallelFolder)
        let identical = try Self.sameFiles(sequentialFolder, parallelFolder)
        print("end to end --jobs 1: \(Self.rates(bytes: bytes, sentences: sentences, documents: documents.count, seconds: sequential))")
        print("end to end --jobs \(jobs): \(Self.rates(bytes: bytes, sentences: sentences, documents: documents.count, seconds: parallel))")
        let speedup = sequential / parallel
        print("speedup: \(String(format: "%.2f", speedup))×; outputs byte-identical: \(identical)")

        // Flat memory: each count in a fresh process, so each peak is its own.
        var peaks: [Int: Int] = [:]
        for count in memoryRuns {
            peaks[count] = try probeInChild(count: count)
            print("memory: \(count) documents → peak RSS \(String(format: "%.1f", Double(peaks[count]!) / 1_048_576)) MiB")
        }
        let sortedRuns = memoryRuns.sorted()
        let memoryRatio = sortedRuns.count >= 2 ? Double(peaks[sortedRuns.last!]!) / Double(peaks[sortedRuns.first!]!) : 1
        if sortedRuns.count >= 2 { print("memory ratio \(sortedRuns.last!)/\(sortedRuns.first!): \(String(format: "%.2f", memoryRatio))×") }
        let mbps = Double(bytes) / 1e6 / parallel
        print("RESULT bench=run docs=\(documents.count) bytes=\(bytes) mbps_jobs1=\(String(format: "%.2f", Double(bytes) / 1e6 / sequential)) "
            + "mbps_jobs\(jobs)=\(String(format: "%.2f", mbps)) speedup=\(String(format: "%.2f", speedup)) identical=\(identical) "
            + "peak_rss_mib=\(String(format: "%.1f", Double(Measurement.peakResidentBytes()) / 1_048_576)) memory_ratio=\(String(format: "%.2f", memoryRatio))")
    }

    private func endToEnd(spec: PipelineSpec, documents: [Document], jobs: Int, into folder: URL) async throws -> Double {
        let runner = try PipelineRunner(spec: spec, jobs: jobs)
        var report = RunReport()
        let seconds = await Measurement.seconds {
            report = await runner.run(ArraySource(documents: documents), into: FolderSink(folder: folder))
        }
        if !report.failures.isEmpty { print("warning: \(report.failures.count) documents failed, e.g. \(report.failures[0].localizedDescription)") }
        return seconds
    }

    private func probeMemory(spec: PipelineSpec, corpus: [Document], count: Int) async throws {
        let runner = try PipelineRunner(spec: spec, jobs: jobs)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = await runner.run(GeneratedSource(corpus: corpus, count: count), into: FolderSink(folder: folder))
        print("PEAK \(Measurement.peakResidentBytes()) \(report.documents)")
    }

    private func probeInChild(count: Int) throws -> Int {
        let arguments = ["run", "--pipeline", pipeline, "--jobs", String(jobs), "--scratch", scratch, "--memory-probe", String(count)]
            + corpus.flatMap { ["--corpus", $0] }
        let fields = try Measurement.probeInChild(arguments, tag: "PEAK")
        guard let peak = fields.first.flatMap({ Int($0) }) else {
            throw BenchmarkError.probeFailed(tag: "PEAK", output: fields.joined(separator: " "))
        }
        return peak
    }

    static func rates(bytes: Int, sentences: Int, documents: Int, seconds: Double) -> String {
        String(format: "%.2f MB/s, %.0f sentences/s, %.0f documents/s (%.3f s)",
               Double(bytes) / 1e6 / seconds, Double(sentences) / seconds, Double(documents) / seconds, seconds)
    }

    func temporaryFolder() throws -> URL {
        let url = URL(fileURLWithPath: scratch).appendingPathComponent("pipeline-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func sameFiles(_ first: URL, _ second: URL) throws -> Bool {
        let names = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
        guard names == (try FileManager.default.subpathsOfDirectory(atPath: second.path).sorted()) else { return false }
        return names.allSatisfy {
            FileManager.default.contentsEqual(atPath: first.appendingPathComponent($0).path, andPath: second.appendingPathComponent($0).path)
        }
    }
}

/// Documents already in memory, for timing the pipeline without timing the disk.
struct ArraySource: DocumentSource {
    let documents: [Document]
    var index = 0

    mutating func next() -> DocumentLoad? {
        guard index < documents.count else { return nil }
        defer { index += 1 }
        return .document(documents[index])
    }
}

/// `count` small documents made on the fly from the corpus (each the opening of a corpus text), so a
/// run of 100,000 documents holds none of them in memory but the ones in flight.
struct GeneratedSource: DocumentSource {
    let corpus: [Document]
    let count: Int
    var index = 0

    mutating func next() -> DocumentLoad? {
        guard index < count else { return nil }
        defer { index += 1 }
        let base = corpus[index % corpus.count]
        let text = String(base.text.prefix(600))
        return .document(Document(id: "gen\(index)", title: base.title, text: text, source: "generated:\(index)"))
    }
}

enum BenchmarkError: Error, CustomStringConvertible {
    case probeFailed(tag: String, output: String)
    var description: String {
        switch self {
        case .probeFailed(let tag, let output): "the child probe printed no usable \(tag) line:\n\(output)"
        }
    }
}
