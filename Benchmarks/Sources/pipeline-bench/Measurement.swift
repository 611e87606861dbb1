import Foundation
import PipelineCore

/// Wall-clock timing and peak memory, the two figures every benchmark reports.
enum Measurement {
    /// Seconds taken by `work`, measured with a monotonic clock.
    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(work)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func seconds(_ work: () async throws -> Void) async rethrows -> Double {
        let start = ContinuousClock.now
        try await work()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Runs this benchmark binary again with `arguments`, and returns the fields after `tag` on the
    /// line it prints starting with `tag`: peak memory is per process, so each size is probed alone.
    static func probeInChild(_ arguments: [String], tag: String) throws -> [Substring] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(tag + " ") }) else {
            throw BenchmarkError.probeFailed(tag: tag, output: output)
        }
        return Array(line.split(separator: " ").dropFirst())
    }

    /// Peak resident set size of this process so far, in bytes (Linux `VmHWM`).
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}

/// Texts of a JSONL corpus (`{"text": …}` per line), such as `../shared/corpus/de-news/`.
enum Corpus {
    /// The corpus as documents, read with the pipeline's own JSONL reader.
    static func documents(in paths: [String]) throws -> [Document] {
        var documents: [Document] = []
        var namer = DocumentNamer(template: "{stem}", pipelineName: "bench", languages: LanguagePair(source: LanguageTag("de")!, target: LanguageTag("en")!))
        for file in try files(in: paths) {
            var reader = JSONLinesDocumentReader(lines: try LineReader(path: file), source: file)
            while let load = reader.next(namer: &namer) {
                if case .document(let document) = load { documents.append(document) }
            }
        }
        return documents
    }

    static func files(in paths: [String]) throws -> [String] {
        try paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CorpusError.missing(path) }
            guard isDirectory.boolValue else { return [path] }
            return try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".jsonl") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
    }

    static func texts(in paths: [String]) throws -> [String] {
        try documents(in: paths).map(\.text)
    }

    /// `../shared/corpus/de-news` where it is (beside the project on CI and the team's machines),
    /// else a corpus made from the repository's own German samples, so the bench runs anywhere.
    static let defaultPath: String = {
        let shared = "../shared/corpus/de-news"
        if FileManager.default.fileExists(atPath: shared) { return shared }
        return (try? samplesCorpus()) ?? shared
    }()

    /// The samples of `Samples/de`, each repeated until the corpus holds about 2 MB, as one JSONL
    /// file in a temporary folder.
    static func samplesCorpus(bytes target: Int = 2_000_000) throws -> String {
        let folder = URL(fileURLWithPath: "Samples/de")
        let texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        guard !texts.isEmpty else { throw CorpusError.missing(folder.path) }
        var lines = Data()
        var index = 0
        while lines.count < target {
            let line = try JSONSerialization.data(withJSONObject: ["id": "sample-\(index)", "text": texts[index % texts.count]])
            lines.append(line)
            lines.append(UInt8(ascii: "\n"))
            index += 1
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-bench-samples-\(getpid())")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try lines.write(to: output.appendingPathComponent("samples.jsonl"))
        FileHandle.standardError.write(Data("note: ../shared is absent; benchmarking on Samples/de repeated to \(lines.count / 1000) kB\n".utf8))
        return output.path
    }
}

enum CorpusError: Error, CustomStringConvertible {
    case missing(String)
    var description: String {
        switch self {
        case .missing(let path): "\(path): no such corpus file or folder (pass one with --corpus)"
        }
    }
}
