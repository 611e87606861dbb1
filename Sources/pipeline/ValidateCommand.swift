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
            let files = try InputResolver().resolve(spec.inputs, against: spec.baseDirectory)
            // Creating the stages loads their rules, glossaries and memories, which is the check.
            let runner = try PipelineRunner(spec: spec, jobs: 1)
            print("\(file): valid — \(runner.stages.count) stages (\(spec.stages.map(\.name).joined(separator: ", "))), "
                + "\(files.count) input files, \(spec.glossaries.count) glossaries")
        }
    }
}
