import ArgumentParser

@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline-bench",
        abstract: "Release-built throughput and memory benchmarks. Figures are ratios against baselines measured in the same run.",
        subcommands: [
            RunBenchmark.self,
            MemoryBenchmark.self,
            TermsBenchmark.self,
            SegmentBenchmark.self,
            JSONLinesBenchmark.self,
            SummarizeBenchmark.self,
            SummaryEvaluation.self,
        ]
    )
}
