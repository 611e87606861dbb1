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

    @Option(help: "Documents processed at once, and the width of sentence-parallel work (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Write outputs here instead of the pipeline file's output folder.")
    var output: String?

    @Option(name: .customLong("input"), help: "Read these files, folders or globs instead of the pipeline file's inputs.")
    var inputs: [String] = []

    @Option(name: .customLong("translations"), help: "Returned translated XLIFF files or folders, in addition to the pipeline file's.")
    var translations: [String] = []

    @Option(help: "Process only shard I of N (1-based): a deterministic 1/N of the documents.")
    var shard: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/8") }
    }

    func run() async throws {
        try await Failure.reporting {
            let spec = try BuiltInStages.reader.read(URL(fileURLWithPath: file))
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let runner = try PipelineRunner(
                spec: spec, jobs: jobs, translations: translations.map { PathResolution.resolve($0, against: here) })
            let files = inputs.isEmpty
                ? try InputResolver().resolve(spec.inputs, against: spec.baseDirectory)
                : try InputResolver().resolve(inputs, against: here)
            let outputFolder = output.map { PathResolution.resolve($0, against: here) } ?? spec.resolve(spec.output.folder)
            let source = FileDocumentSource(
                files: files,
                namer: DocumentNamer(template: spec.output.name, pipelineName: spec.name, languages: spec.languages),
                shard: shard.flatMap(Shard.init))
            let report = await runner.run(source, into: FolderSink(folder: outputFolder), progress: ProgressReporter())
            for failure in report.failures {
                Failure.print("failed: \(failure.localizedDescription)")
            }
            Failure.print("\(spec.name): \(report.summary) → \(outputFolder.path)")
            if !report.failures.isEmpty { throw ExitCode.failure }
        }
    }
}
