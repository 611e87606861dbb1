import ArgumentParser
import Foundation
import PipelineCore
import Segmentation
import Summarization

/// The summarizer over a corpus, single-threaded: documents per second for every method, with and
/// without segmentation, then one long document of 1,000 and 10,000 sentences per method, each in
/// its own process, to show time and memory growing linearly rather than quadratically.
struct SummarizeBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Benchmark the summarizer: documents per second per method, and long documents.")

    @Option(help: "JSONL corpus files or folders.")
    var corpus: [String] = [Corpus.defaultPath]

    @Option(help: "Summary length in sentences for the throughput runs.")
    var sentences = 3

    @Option(name: .customLong("method"), help: "Methods to run; repeat for several (default: all).")
    var methods: [SummaryMethod] = SummaryMethod.allCases

    @Option(help: "Sentence counts of the long documents (each run in its own process).")
    var long: [Int] = [1_000, 10_000]

    @Option(help: ArgumentHelp("Internal: summarize one document of N corpus sentences in this process and print time and memory.", visibility: .private))
    var probeSentences: Int?

    @Option(help: ArgumentHelp("Internal: the method for --probe-sentences.", visibility: .private))
    var probeMethod: SummaryMethod = .default

    func run() async throws {
        let segmenter = try Segmenter(language: LanguageTag("de")!)
        if let count = probeSentences {
            try probe(count: count, segmenter: segmenter)
            return
        }
        let documents = try Corpus.documents(in: corpus)
        let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        var summarizing: [SummaryMethod: [String: Timing]] = [:]
        print("corpus: \(documents.count) documents, \(String(format: "%.2f", Double(bytes) / 1e6)) MB, single-threaded, --sentences \(sentences)")

        // Segmentation once per corpus file, timed on its own; the summarizers then read its sentences.
        var inputs = [SummaryInput?](repeating: nil, count: documents.count)
        var segmentation: [String: Timing] = [:]
        let groups = Self.groups(documents)
        for (name, indices) in groups where name != Self.allDocuments {
            segmentation[name] = Timing.measure {
                for index in indices {
                    let text = documents[index].text
                    let segmented = segmenter.segment(text)
                    // No title: the corpus has none, and the reader's first-line stand-in is the whole text.
                    inputs[index] = SummaryInput(
                        sentences: segmented.sentences.map { text.slice($0.span) },
                        paragraphs: segmented.sentences.map(\.paragraph))
                }
            }
        }
        segmentation[Self.allDocuments] = segmentation.values.reduce(Timing(cpu: 0, wall: 0), +)
        let sentenceCount = inputs.reduce(0) { $0 + ($1?.sentences.count ?? 0) }
        print("sentences: \(sentenceCount)")
        print("(rates from thread CPU time, which machine load does not inflate; wall-clock time in brackets)")
        for (name, indices) in groups {
            print("segmentation on \(name) (\(indices.count) docs): \(segmentation[name]!.rate(indices.count))")
        }

        for method in methods {
            // A fresh summarizer per method: its stem cache starts cold, as in a real run.
            let summarizer = try Summarizer(method: method, language: "de")
            for (name, indices) in groups where name != Self.allDocuments {
                var picked = 0
                let timing = Timing.measure {
                    for index in indices { picked += summarizer.summarize(inputs[index]!, length: .sentences(sentences)).picks.count }
                }
                summarizing[method, default: [:]][name] = timing
            }
            summarizing[method]![Self.allDocuments] = summarizing[method]!.values.reduce(Timing(cpu: 0, wall: 0), +)
            for (name, indices) in groups {
                let timing = summarizing[method]![name]!
                print("\(method.rawValue) on \(name) (\(indices.count) docs): \(timing.rate(indices.count)); "
                    + "with segmentation \((timing + segmentation[name]!).rate(indices.count))")
            }
        }

        print("\nlong documents (consecutive corpus sentences), --ratio 0.1, each run in its own process:")
        for method in methods {
            var results: [(count: Int, probe: ProbeResult)] = []
            for count in long.sorted() {
                let probe = try probeInChild(count: count, method: method)
                results.append((count, probe))
                print("\(method.rawValue), \(count) sentences: \(String(format: "%.3f", probe.cpu)) s CPU "
                    + "(\(String(format: "%.3f", probe.wall)) s wall), working memory \(Self.mebibytes(probe.workingBytes)) MiB "
                    + "(peak RSS \(Self.mebibytes(probe.peakBytes)) MiB)")
            }
            if let first = results.first, let last = results.last, last.count > first.count {
                let size = Double(last.count) / Double(first.count)
                let time = last.probe.cpu / max(first.probe.cpu, 1e-6)
                let memory = Double(last.probe.workingBytes) / Double(max(first.probe.workingBytes, 1))
                print("\(method.rawValue): \(String(format: "%.0f", size))× the sentences took \(String(format: "%.1f", time))× the time "
                    + "and \(String(format: "%.1f", memory))× the working memory (quadratic would be \(String(format: "%.0f", size * size))×)")
            }
        }
    }

    /// The corpus files as named groups of document indices, plus the whole corpus.
    static func groups(_ documents: [Document]) -> [(String, [Int])] {
        var bySource: [(String, [Int])] = []
        for (index, document) in documents.enumerated() {
            // A JSONL document's source is `path:line`.
            let path = document.source.split(separator: ":").dropLast().joined(separator: ":")
            let name = URL(fileURLWithPath: path).lastPathComponent
            if let last = bySource.indices.last, bySource[last].0 == name {
                bySource[last].1.append(index)
            } else {
                bySource.append((name, [index]))
            }
        }
        return bySource.count > 1 ? bySource + [(allDocuments, Array(documents.indices))] : bySource
    }

    static let allDocuments = "all"

    struct ProbeResult {
        let cpu: Double
        let wall: Double
        let peakBytes: Int
        let workingBytes: Int
    }

    /// In this process: one document of `count` consecutive corpus sentences, summarized once.
    /// Documents are read one at a time and only as far as needed, so that little freed memory
    /// is left for the summarizer to reuse unseen; the peak-memory mark is reset just before, so
    /// the peak is the summarizer's own.
    private func probe(count: Int, segmenter: Segmenter) throws {
        var sentences: [String] = []
        var namer = DocumentNamer(template: "{stem}", pipelineName: "bench", languages: LanguagePair(source: LanguageTag("de")!, target: LanguageTag("en")!))
        for file in try Corpus.files(in: corpus) where sentences.count < count {
            var reader = JSONLinesDocumentReader(lines: try LineReader(path: file), source: file)
            while sentences.count < count, let load = reader.next(namer: &namer) {
                guard case .document(let document) = load else { continue }
                let segmented = segmenter.segment(document.text)
                sentences += segmented.sentences.prefix(count - sentences.count).map { document.text.slice($0.span) }
            }
        }
        let input = SummaryInput(sentences: sentences)
        let summarizer = try Summarizer(method: probeMethod, language: "de")
        Memory.resetPeak()
        let baseline = Memory.residentBytes()
        var picks = 0
        let timing = Timing.measure { picks = summarizer.summarize(input, length: .ratio(0.1)).picks.count }
        let peak = Measurement.peakResidentBytes()
        print("PROBE \(timing.cpu) \(timing.wall) \(peak) \(max(peak - baseline, 0)) \(sentences.count) \(picks)")
    }

    private func probeInChild(count: Int, method: SummaryMethod) throws -> ProbeResult {
        let arguments = ["summarize", "--probe-sentences", String(count), "--probe-method", method.rawValue]
            + corpus.flatMap { ["--corpus", $0] }
        let fields = try Measurement.probeInChild(arguments, tag: "PROBE")
        guard fields.count >= 4, let cpu = Double(fields[0]), let wall = Double(fields[1]),
              let peak = Int(fields[2]), let working = Int(fields[3])
        else { throw BenchmarkError.probeFailed(tag: "PROBE", output: fields.joined(separator: " ")) }
        return ProbeResult(cpu: cpu, wall: wall, peakBytes: peak, workingBytes: working)
    }

    static func mebibytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}

extension SummaryMethod: @retroactive ExpressibleByArgument {}

/// Thread CPU time and wall-clock time of one piece of work.
struct Timing {
    let cpu: Double
    let wall: Double

    static func measure(_ work: () throws -> Void) rethrows -> Timing {
        let cpuStart = threadCPUSeconds()
        let wall = try Measurement.seconds(work)
        return Timing(cpu: threadCPUSeconds() - cpuStart, wall: wall)
    }

    static func + (lhs: Timing, rhs: Timing) -> Timing { Timing(cpu: lhs.cpu + rhs.cpu, wall: lhs.wall + rhs.wall) }

    func rate(_ documents: Int) -> String {
        String(format: "%.0f docs/s (%.0f docs/s wall, %.3f s CPU)", Double(documents) / cpu, Double(documents) / wall, cpu)
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Resident memory of this process, from /proc (Linux).
enum Memory {
    /// Current resident set size (`VmRSS`), in bytes.
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024
        }
        return 0
    }

    /// Resets the peak-RSS mark (`VmHWM`) to the current RSS, so a later peak belongs to later work.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
