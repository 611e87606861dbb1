import ArgumentParser
import PipelineCore
import PipelineStages

@main
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Turns German news text into XLIFF for translators and English briefings for readers.",
        version: PipelineVersion.current,
        subcommands: [
            // One line per subcommand; each lives in its own file named after it.
            RunCommand.self,
            ValidateCommand.self,
            StagesCommand.self,
            SegmentCommand.self,
            TermsCommand.self,
            SummarizeCommand.self,
        ]
    )
}
