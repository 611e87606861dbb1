import ArgumentParser
import Briefing
import Leverage
import Foundation
import PipelineCore

/// Translation-memory lookups: the token index with prefix filtering against a full scan that
/// scores every unit, on a memory built from corpus sentences and queries that differ by one word.
struct MemoryBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Benchmark indexed fuzzy lookups in a translation memory against a full scan.")

    @Option(help: "JSONL corpus files or folders whose sentences fill the memory.")
    var corpus: [String] = [Corpus.defaultPath]

    @Option(help: "Largest memory size in units; the benchmark also runs a tenth and a hundredth of it.")
    var units = 100_000

    @Option(help: "Queries per memory size.")
    var queries = 300

    @Option(help: "Fuzzy threshold in percent.")
    var threshold = 75

    func run() async throws {
        let sentences = try Self.sentences(Corpus.texts(in: corpus), limit: units)
        print("corpus sentences: \(sentences.count); threshold \(threshold)%; \(queries) queries, each a memory sentence with one word changed")
        for size in [units / 100, units / 10, units] where size > 0 && size <= sentences.count {
            let chosen = Array(sentences.prefix(size))
            var memory = TranslationMemory(units: [])
            let build = Measurement.seconds {
                memory = TranslationMemory(units: chosen.map { TranslationMemory.Unit(source: $0, target: $0) })
            }
            let asked = Self.queries(from: chosen, count: queries)
            var found = 0
            let indexed = Measurement.seconds {
                for query in asked where memory.bestMatch(for: query, threshold: threshold) != nil { found += 1 }
            }
            let scan = FullScan(chosen)
            var scanFound = 0
            let scanned = Measurement.seconds {
                for query in asked where scan.bestPercent(for: query) >= threshold { scanFound += 1 }
            }
            print("units \(size): index built in \(Self.format(build)) s; indexed \(Self.format(Double(asked.count) / indexed)) lookups/s "
                + "(\(found) found), full scan \(Self.format(Double(asked.count) / scanned)) lookups/s (\(scanFound) found), "
                + "speed-up \(Self.format(scanned / indexed))×")
        }
        print("peak memory: \(Measurement.peakResidentBytes() / 1_048_576) MiB")
    }

    /// Sentences of 6 to 40 words, split at sentence-final punctuation followed by a space (good
    /// enough to fill a memory), without repeats, in corpus order.
    static func sentences(_ texts: [String], limit: Int) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for text in texts {
            var current = ""
            for character in text {
                current.append(character)
                if ".!?".contains(character) || character.isNewline {
                    let sentence = current.trimmingCharacters(in: .whitespacesAndNewlines)
                    current = ""
                    let words = sentence.split(separator: " ").count
                    if (6...40).contains(words), seen.insert(sentence).inserted { result.append(sentence) }
                    if result.count == limit { return result }
                }
            }
        }
        return result
    }

    /// Every n-th sentence with its middle word replaced.
    static func queries(from sentences: [String], count: Int) -> [String] {
        let step = max(1, sentences.count / count)
        return stride(from: 0, to: sentences.count, by: step).prefix(count).map { index in
            var words = sentences[index].split(separator: " ").map(String.init)
            words[words.count / 2] = "Zwischenwort"
            return words.joined(separator: " ")
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.3g", value) }
}

/// The baseline: the same token-level score computed for every unit of the memory.
private struct FullScan {
    let units: [[Int32]]
    var vocabulary: [String: Int32] = [:]

    init(_ sentences: [String]) {
        var vocabulary: [String: Int32] = [:]
        units = sentences.map { sentence in
            Self.tokens(sentence).map { token in
                if let id = vocabulary[token] { return id }
                vocabulary[token] = Int32(vocabulary.count)
                return Int32(vocabulary.count - 1)
            }
        }
        self.vocabulary = vocabulary
    }

    func bestPercent(for query: String) -> Int {
        let ids = Self.tokens(query).map { vocabulary[$0] ?? -1 }
        return units.reduce(0) { best, unit in
            let longer = max(unit.count, ids.count)
            return max(best, 100 * (longer - Self.distance(ids, unit)) / longer)
        }
    }

    static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    static func distance(_ a: [Int32], _ b: [Int32]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
