import ArgumentParser
import Foundation
import PipelineCore
import PipelineStages

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline file, and that every input, glossary and stage resource it names exists and loads.")

    @Argument(help: "The pipeline file (YAML).")
    var file: String

    func run() throws {
        try Failure.reporting {
            let spec = try BuiltInStages.reader.read(URL(fileURLWithPath: file))
            for warning in spec.warnings { Failure.print("warning: \(warning)") }
            try Failure.checkListedFiles(of: spec)
            let outputFolder = spec.resolve(spec.output.folder)
            let (files, excluded) = try InputResolver().resolve(spec.inputs, against: spec.baseDirectory, excluding: outputFolder)
            if !excluded.isEmpty {
                Failure.print("warning: \(excluded.count) input file\(excluded.count == 1 ? " is" : "s are") in the output folder \(outputFolder.path) and would not be read")
            }
            // Creating the stages loads their rules, glossaries and memories, which is the check.
            let runner = try PipelineRunner(spec: spec, jobs: 1)
            for stage in runner.stages { for warning in stage.warnings { Failure.print("warning: \(warning)") } }
            // Every input is read as a run would read it, without processing it.
            var source = FileDocumentSource(
                files: files, namer: DocumentNamer(template: spec.output.name, pipelineName: spec.name, languages: spec.languages))
            var documents = 0
            var unreadable = 0
            while let load = source.next() {
                switch load {
                case .document: documents += 1
                case .failure(let place, let error, _):
                    unreadable += 1
                    Failure.print("\(place): \(error.reason)")
                }
            }
            guard unreadable == 0 else {
                Failure.print("\(file): \(unreadable) inputs cannot be read")
                throw ExitCode.failure
            }
            print("\(file): valid — \(runner.stages.count) stages (\(spec.stages.map(\.name).joined(separator: ", "))), "
                + "\(files.count) input files holding \(documents) documents, \(spec.glossaries.count) glossar\(spec.glossaries.count == 1 ? "y" : "ies")")
        }
    }
}
