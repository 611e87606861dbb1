import Foundation

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
    static func texts(in paths: [String]) throws -> [String] {
        var texts: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CorpusError.missing(path)
            }
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".jsonl") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
                : [path]
            for file in files {
                let data = try String(contentsOfFile: file, encoding: .utf8)
                for line in data.split(separator: "\n") where !line.isEmpty {
                    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    if let text = object?["text"] as? String { texts.append(text) }
                }
            }
        }
        return texts
    }

    static let defaultPath = "../shared/corpus/de-news"
}

enum CorpusError: Error, CustomStringConvertible {
    case missing(String)
    var description: String {
        switch self {
        case .missing(let path): "\(path): no such corpus file or folder (pass one with --corpus)"
        }
    }
}
