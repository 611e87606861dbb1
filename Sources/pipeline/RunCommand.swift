import ArgumentParser
import Foundation
import PipelineCore
import PipelineStages

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline file over its inputs and write the outputs.")

    @Argument(help: "The pipeline file (YAML).")
    var file: String

    @Option(help: "Documents processed at once, and the width of sentence-parallel work; the default is this machine's core count.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Write outputs here instead of the pipeline file's output folder.")
    var output: String?

    @Option(name: .customLong("input"), help: "Read these files, folders or globs instead of the pipeline file's inputs.")
    var inputs: [String] = []

    @Option(name: .customLong("translations"), help: "Returned translated XLIFF files or folders, in addition to the pipeline file's.")
    var translations: [String] = []

    @Option(help: "Process only shard I of N (1-based): a deterministic 1/N of the documents, for job arrays.")
    var shard: String?

    @Flag(help: "Read documents as JSON lines ({\"id\", \"title\", \"text\"}) from stdin and write one JSON result per document to stdout.")
    var stdinJsonl = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/8") }
        if stdinJsonl, !inputs.isEmpty { throw ValidationError("--stdin-jsonl reads stdin; it cannot be combined with --input") }
    }

    func run() async throws {
        try await Failure.reporting {
            let spec = try BuiltInStages.reader.read(URL(fileURLWithPath: file))
            for warning in spec.warnings { Failure.print("warning: \(warning)") }
            try Failure.checkListedFiles(of: spec)
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let runner = try PipelineRunner(
                spec: spec, jobs: jobs, translations: translations.map { PathResolution.resolve($0, against: here) })
            for stage in runner.stages { for warning in stage.warnings { Failure.print("warning: \(warning)") } }
            let namer = DocumentNamer(template: spec.output.name, pipelineName: spec.name, languages: spec.languages)
            let outputFolder = output.map { PathResolution.resolve($0, against: here) }
            var report: RunReport
            if stdinJsonl {
                let source = JSONLinesDocumentSource(lines: LineReader(), source: "stdin", namer: namer)
                let sink = JSONLinesSink(batchFolder: outputFolder)
                report = await run(runner, source, into: sink)
                report.streamed = true
                if !sink.skippedBatchOutputs.isEmpty {
                    Failure.print("note: batch outputs not written in stream mode (\(sink.skippedBatchOutputs.joined(separator: ", "))); pass --output DIR to keep them")
                }
            } else {
                let folder = outputFolder ?? spec.resolve(spec.output.folder)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
                    throw OutputError.cannotWrite(path: folder.path, reason: "the output folder is a file")
                }
                let (files, excluded) = inputs.isEmpty
                    ? try InputResolver().resolve(spec.inputs, against: spec.baseDirectory, excluding: folder)
                    : try InputResolver().resolve(inputs, against: here, excluding: folder)
                if !excluded.isEmpty {
                    Failure.print("warning: \(excluded.count) input file\(excluded.count == 1 ? " is" : "s are") in the output folder \(folder.path) and not read (the tool's own outputs)")
                }
                report = await run(runner, FileDocumentSource(files: files, namer: namer, relativeTo: spec.baseDirectory), into: FolderSink(folder: folder))
                Failure.print("output: \(folder.path)")
            }
            for note in report.notes { Failure.print("note: \(note)") }
            for failure in report.failures {
                Failure.print("failed: \(failure.localizedDescription)")
            }
            Failure.print("\(spec.name)\(shard.map { " shard \($0)" } ?? ""): \(report.summary)")
            if let signal = report.interruptedBy {
                Failure.print("interrupted by signal \(signal); run again to process the remaining documents")
                throw ExitCode(128 + signal)
            }
            if !report.failures.isEmpty { throw ExitCode.failure }
        }
    }

    private func run(_ runner: PipelineRunner, _ source: some DocumentSource, into sink: any DocumentSink) async -> RunReport {
        let stop = StopRequest()
        stop.listen()
        if let shard = shard.flatMap(Shard.init) {
            return await runner.run(ShardedSource(source, shard: shard), into: sink, progress: ProgressReporter(), stop: stop)
        }
        return await runner.run(source, into: sink, progress: ProgressReporter(), stop: stop)
    }
}
