import ArgumentParser
import Foundation
import PipelineCore
import Segmentation

/// Sentence segmentation, single-threaded: throughput on a corpus, the same text through pySBD in
/// the same run, and two pathological inputs that must cost time in proportion to their size.
struct SegmentBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Benchmark the German segmenter against pySBD, and its cost on pathological input.")

    @Option(help: "JSONL corpus files or folders.")
    var corpus: [String] = [Corpus.defaultPath]

    @Option(help: "The JSONL file pySBD segments too (pySBD is slow, so by default only the news part).")
    var pysbdCorpus = Corpus.defaultPath + "/10kgnad-public.jsonl"

    @Flag(help: "Skip the pySBD comparison.")
    var noPysbd = false

    @Option(help: "Size in MB of the larger pathological input; the smaller one is half of it.")
    var pathologicalMB = 20

    @Option(help: "Timed repetitions; the fastest counts.")
    var repeats = 3

    func run() throws {
        var compiled: Segmenter?
        let compileSeconds = try Measurement.seconds { compiled = try Segmenter(language: LanguageTag("de")!) }
        let segmenter = compiled!
        print(String(format: "built-in German rules loaded and compiled in %.3f s", compileSeconds))

        let texts = try Corpus.texts(in: corpus)
        let whole = measure(segmenter, texts)
        print("corpus \(corpus.joined(separator: ", ")): \(texts.count) documents, \(whole.description)")

        var pysbdRatio: Double?
        if !noPysbd {
            let newsTexts = try Corpus.texts(in: [pysbdCorpus])
            let ours = measure(segmenter, newsTexts)
            let theirs = try PySBD.measure(newsTexts)
            pysbdRatio = ours.sentencesPerSecond / theirs.sentencesPerSecond
            print("same text (\(pysbdCorpus)), pipeline: \(ours.description)")
            print("same text (\(pysbdCorpus)), pySBD \(theirs.version): \(theirs.description)")
            print(String(format: "pipeline / pySBD: %.0f× sentences/s, %.0f× MB/s",
                         pysbdRatio!, ours.megabytesPerSecond / theirs.megabytesPerSecond))
        }

        let half = pathologicalMB * 1_000_000 / 2
        var ratios: [String: Double] = [:]
        for (name, make) in [("no punctuation", Pathological.noPunctuation), ("one-word lines", Pathological.oneWordLines)] {
            let small = measure(segmenter, [make(half)])
            let large = measure(segmenter, [make(half * 2)])
            ratios[name] = large.seconds / small.seconds
            print("\(name): \(pathologicalMB / 2) MB \(small.description); \(pathologicalMB) MB \(large.description); "
                + String(format: "time ratio %.2f (2.00 is linear)", ratios[name]!))
        }

        let peak = Double(Measurement.peakResidentBytes()) / 1_048_576
        print(String(format: "peak RSS %.0f MiB", peak))
        print("RESULT bench=segment docs=\(texts.count) mbps=\(String(format: "%.1f", whole.megabytesPerSecond)) "
            + "sentences_per_s=\(String(format: "%.0f", whole.sentencesPerSecond)) "
            + "pysbd_ratio=\(pysbdRatio.map { String(format: "%.0f", $0) } ?? "skipped") "
            + "linear_no_punct=\(String(format: "%.2f", ratios["no punctuation"] ?? 0)) "
            + "linear_word_lines=\(String(format: "%.2f", ratios["one-word lines"] ?? 0))")
    }

    private func measure(_ segmenter: Segmenter, _ texts: [String]) -> Throughput {
        var sentences = 0
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            var count = 0
            let seconds = Measurement.seconds {
                for text in texts { count += segmenter.segment(text).sentences.count }
            }
            best = min(best, seconds)
            sentences = count
        }
        return Throughput(bytes: texts.reduce(0) { $0 + $1.utf8.count }, sentences: sentences, seconds: best)
    }
}

struct Throughput {
    let bytes: Int
    let sentences: Int
    let seconds: Double

    var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
    var sentencesPerSecond: Double { Double(sentences) / seconds }

    var description: String {
        String(format: "%.2f MB, %d sentences in %.3f s: %.1f MB/s, %.0f sentences/s",
               Double(bytes) / 1e6, sentences, seconds, megabytesPerSecond, sentencesPerSecond)
    }
}

/// pySBD (the Python port of the Golden-Rules segmenter) timed in its own process on the same texts;
/// only its segmenting is timed, not the interpreter's start.
enum PySBD {
    struct Result {
        let version: String
        let throughput: Throughput
        var sentencesPerSecond: Double { throughput.sentencesPerSecond }
        var megabytesPerSecond: Double { throughput.megabytesPerSecond }
        var description: String { throughput.description }
    }

    static let script = """
        import json, sys, time, pysbd
        segmenter = pysbd.Segmenter(language="de", clean=False)
        texts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
        start = time.perf_counter()
        count = sum(len(segmenter.segment(text)) for text in texts)
        print(json.dumps({"sentences": count, "seconds": time.perf_counter() - start,
                          "version": getattr(pysbd, "__version__", "?")}))
        """

    static func measure(_ texts: [String]) throws -> Result {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("pysbd-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: input) }
        let lines = try texts.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.fragmentsAllowed]), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let sentences = object["sentences"] as? Int, let seconds = object["seconds"] as? Double
        else { throw PySBDError.failed(status: process.terminationStatus) }
        return Result(version: object["version"] as? String ?? "?",
                      throughput: Throughput(bytes: texts.reduce(0) { $0 + $1.utf8.count }, sentences: sentences, seconds: seconds))
    }
}

enum PySBDError: Error, CustomStringConvertible {
    case failed(status: Int32)

    var description: String {
        switch self {
        case .failed(let status): "pySBD failed (exit \(status)); install it with `pip install pysbd`, or pass --no-pysbd"
        }
    }
}

/// Inputs that make naive segmenters quadratic.
enum Pathological {
    /// One paragraph of words and spaces, no punctuation, no line break.
    static func noPunctuation(_ bytes: Int) -> String {
        let words = ["Rechenzentrum", "und", "Strom", "für", "die", "Modelle", "wächst", "weiter", "ohne", "Ende"]
        var text = ""
        text.reserveCapacity(bytes + 16)
        var index = 0
        while text.utf8.count < bytes {
            text += words[index % words.count]
            text += " "
            index += 1
        }
        return text
    }

    /// One word a line, no blank lines.
    static func oneWordLines(_ bytes: Int) -> String {
        String(repeating: "Wort\n", count: bytes / 5)
    }
}
