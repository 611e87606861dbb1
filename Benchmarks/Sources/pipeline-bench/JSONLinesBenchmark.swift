import ArgumentParser
import Foundation
import PipelineCore
import Segmentation
import Summarization
import Terminology

/// The unit commands in JSON Lines mode, run as users run them (the release `pipeline` binary, a
/// JSONL file on stdin), against Python's plain `json.loads`/`json.dumps` round trip of the same
/// file and against the stage cores they wrap, all in one run and interleaved, so machine load
/// hits every side alike. The fastest of `--repeats` rounds counts.
///
/// Start-up (rule compilation, glossary loading) is timed on empty input and reported on its own;
/// the throughput figures and ratios are net of it, on both sides (Python's loop times itself).
struct JSONLinesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonl",
        abstract: "Benchmark segment/terms/summarize --jsonl against Python's JSON round trip and the stage cores.")

    @Option(help: "The JSONL file to feed the commands (one {\"text\": …} object per line).")
    var input = Corpus.defaultPath + "/dewiki-klexikon.jsonl"

    @Option(help: "The release-built pipeline binary (swift build -c release).")
    var binary = ".build/release/pipeline"

    @Option(help: "The glossary for `terms`.")
    var glossary = "Glossary/ai-politics.de-en.tbx"

    @Option(help: "--jobs for the commands (default: the number of cores); --jobs 1 is measured as well.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Timed rounds; the fastest counts.")
    var repeats = 5

    func run() throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw JSONLinesBenchmarkError.noBinary(binary) }
        guard FileManager.default.fileExists(atPath: input) else { throw CorpusError.missing(input) }
        let fileBytes = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? NSNumber)?.intValue ?? 0
        let texts = try Corpus.texts(in: [input])
        let textBytes = texts.reduce(0) { $0 + $1.utf8.count }
        let lineCount = try Self.nonBlankLines(in: input)
        print("input \(input): \(lineCount) lines, \(Self.megabytes(fileBytes)) MB of JSONL, \(Self.megabytes(textBytes)) MB of text; jobs \(jobs); best of \(repeats)")

        let commands: [(name: String, arguments: [String])] = [
            ("segment", ["segment", "--lang", "de", "--jsonl"]),
            ("terms", ["terms", "--glossary", glossary, "--lang", "de", "--jsonl"]),
            ("summarize", ["summarize", "--lang", "de", "--sentences", "3", "--jsonl"]),
        ]
        for command in commands { try checkOutput(command.arguments, lines: lineCount) }

        let segmenter = try Segmenter(language: LanguageTag("de")!)
        let matcher = TermMatcher(glossary: try Glossary.load([URL(fileURLWithPath: glossary)], source: LanguageTag("de")!, target: LanguageTag("en")!))
        let summarizer = try Summarizer(method: .default, language: "de")
        let cores: [String: () -> Void] = [
            "segment": { for text in texts { _ = segmenter.segment(text) } },
            "terms": { for text in texts { _ = matcher.matches(in: text) } },
            "summarize": {
                for text in texts {
                    let segmented = segmenter.segment(text)
                    let input = SummaryInput(sentences: segmented.sentences.map { text.slice($0.span) }, paragraphs: segmented.sentences.map(\.paragraph))
                    _ = summarizer.summarize(input, length: .sentences(3))
                }
            },
        ]

        var python = Best()
        var best: [String: Best] = [:]
        for _ in 0..<max(1, repeats) {
            python.add(try PythonRoundTrip.measure(input))
            for command in commands {
                for width in Set([jobs, 1]).sorted(by: >) {
                    let run = try runCommand(command.arguments + ["--jobs", String(width)], stdin: input)
                    let startUp = try runCommand(command.arguments + ["--jobs", String(width)], stdin: "/dev/null")
                    best["\(command.name) jobs \(width)", default: Best()].add(Sample(wall: run.wall, net: run.wall - startUp.wall, cpu: run.cpu, startUp: startUp.wall))
                }
                let core = Measurement.seconds { cores[command.name]!() }
                best["\(command.name) core", default: Best()].add(Sample(wall: core, net: core, cpu: core, startUp: 0))
            }
        }

        let pythonRate = Double(fileBytes) / 1e6 / python.net
        print(String(format: "python3 json round trip: %.1f MB/s net (%.3f s loop, %.3f s start-up; %.1f MB/s whole process)",
                     pythonRate, python.net, python.startUp, Double(fileBytes) / 1e6 / python.wall))
        var fields = ["bench=jsonl", "python_mbps=\(Self.format(pythonRate))"]
        for command in commands {
            let core = best["\(command.name) core"]!
            print(String(format: "%@ core (in process, 1 thread): %.1f MB/s of text (%.3f s)", command.name, Double(textBytes) / 1e6 / core.net, core.net))
            for width in Set([jobs, 1]).sorted(by: >) {
                let sample = best["\(command.name) jobs \(width)"]!
                let rate = Double(fileBytes) / 1e6 / sample.net
                print(String(format: "%@ --jsonl --jobs %d: %.1f MB/s net (%.3f s + %.3f s start-up, %.3f s CPU; %.1f MB/s whole process); "
                        + "vs python %.2f× net, %.2f× whole process; core time / command time %.2f",
                        command.name, width, rate, sample.net, sample.startUp, sample.cpu, Double(fileBytes) / 1e6 / sample.wall,
                        rate / pythonRate, python.wall / sample.wall, core.net / sample.net))
                if width == jobs {
                    fields.append("\(command.name)_mbps=\(Self.format(rate))")
                    fields.append("\(command.name)_vs_python=\(String(format: "%.2f", rate / pythonRate))")
                    fields.append("\(command.name)_vs_core=\(String(format: "%.2f", core.net / sample.net))")
                }
            }
        }
        print("RESULT " + fields.joined(separator: " "))
    }

    struct Sample {
        let wall: Double
        let net: Double
        let cpu: Double
        let startUp: Double
    }

    /// The fastest round of each figure, kept separately.
    struct Best {
        var wall = Double.infinity
        var net = Double.infinity
        var cpu = Double.infinity
        var startUp = Double.infinity

        mutating func add(_ sample: Sample) {
            wall = min(wall, sample.wall)
            net = min(net, sample.net)
            cpu = min(cpu, sample.cpu)
            startUp = min(startUp, sample.startUp)
        }
    }

    /// Wall-clock and CPU seconds (user + system) of one run of the binary, stdout discarded.
    private func runCommand(_ arguments: [String], stdin path: String) throws -> (wall: Double, cpu: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardInput = FileHandle(forReadingAtPath: path)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let cpuBefore = Self.childrenCPUSeconds()
        let wall = try Measurement.seconds {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else { throw JSONLinesBenchmarkError.failed(arguments, process.terminationStatus) }
        return (wall, Self.childrenCPUSeconds() - cpuBefore)
    }

    /// One untimed run per command whose output must have a result line for every input line.
    private func checkOutput(_ arguments: [String], lines: Int) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-bench-jsonl-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else { throw JSONLinesBenchmarkError.scratch(output.path) }
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardInput = FileHandle(forReadingAtPath: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        let written = try Self.nonBlankLines(in: output.path)
        guard process.terminationStatus == 0, written == lines else {
            throw JSONLinesBenchmarkError.incomplete(arguments, status: process.terminationStatus, lines: written, expected: lines)
        }
    }

    static func nonBlankLines(in path: String) throws -> Int {
        try Data(contentsOf: URL(fileURLWithPath: path)).split(separator: 0x0A).filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }.count
    }

    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.2f", Double(bytes) / 1e6) }
    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Python's standard `json` module reading and writing every line of the file, the plainest JSON
/// Lines round trip there is; the script times its own loop, so its start-up is apart.
enum PythonRoundTrip {
    static let script = """
        import json, os, sys, time
        start = time.perf_counter()
        with open(sys.argv[1], "rb") as source, open(os.devnull, "w") as sink:
            for line in source:
                if line.strip():
                    sink.write(json.dumps(json.loads(line)) + "\\n")
        print(time.perf_counter() - start)
        """

    static func measure(_ path: String) throws -> JSONLinesBenchmark.Sample {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let output = Pipe()
        process.standardOutput = output
        var data = Data()
        let wall = try Measurement.seconds {
            try process.run()
            data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0,
              let loop = Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw JSONLinesBenchmarkError.python(process.terminationStatus) }
        return JSONLinesBenchmark.Sample(wall: wall, net: loop, cpu: loop, startUp: wall - loop)
    }
}

enum JSONLinesBenchmarkError: Error, CustomStringConvertible {
    case noBinary(String)
    case failed([String], Int32)
    case incomplete([String], status: Int32, lines: Int, expected: Int)
    case python(Int32)
    case scratch(String)

    var description: String {
        switch self {
        case .noBinary(let path): "\(path): no pipeline binary; build it with `swift build -c release` in the repository root, or pass --binary"
        case .failed(let arguments, let status): "pipeline \(arguments.joined(separator: " ")) failed (exit \(status))"
        case .incomplete(let arguments, let status, let lines, let expected):
            "pipeline \(arguments.joined(separator: " ")) wrote \(lines) lines for \(expected) (exit \(status))"
        case .python(let status): "python3 failed (exit \(status)); the comparison needs python3 on PATH"
        case .scratch(let path): "\(path): cannot create the scratch file for checking a command's output"
        }
    }
}
