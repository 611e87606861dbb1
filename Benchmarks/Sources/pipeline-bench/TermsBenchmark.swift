import ArgumentParser
import Foundation
import PipelineCore
import Terminology

/// Terminology at scale: a generated TBX glossary of `--entries` concepts (and two smaller cuts of it,
/// a hundredth and a thousandth) is imported and indexed, then the corpus is mapped with each, on one
/// task and in parallel. The token index should keep the cost per sentence flat as the glossary grows;
/// what still grows is the number of matches and the share of index lookups that miss the CPU cache.
/// CPU time is reported beside wall-clock time, which a shared machine makes unreliable.
struct TermsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Benchmark glossary import, indexing and term mapping with a generated 100,000-entry glossary.")

    @Option(help: "JSONL corpus files or folders to map.")
    var corpus: [String] = [Corpus.defaultPath]

    @Option(help: "Concepts in the largest generated glossary.")
    var entries = 100_000

    @Option(help: "Parallel width for the parallel run (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        let texts = try Corpus.texts(in: corpus)
        let megabytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1_000_000
        print("corpus: \(texts.count) texts, \(Self.format(megabytes)) MB")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-bench-terms-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let concepts = GeneratedGlossary.concepts(count: entries, corpus: texts)
        let source = LanguageTag("de")!, target = LanguageTag("en")!
        var largest: TermMatcher?
        for size in [entries / 1000, entries / 100, entries] where size > 0 {
            let file = folder.appendingPathComponent("generated-\(size).tbx")
            try GeneratedGlossary.tbx(Array(concepts.prefix(size))).write(to: file, atomically: true, encoding: .utf8)
            let fileMegabytes = Double((try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0) / 1_000_000
            var glossary: Glossary!
            let importSeconds = try Measurement.seconds { glossary = try Glossary.load([file], source: source, target: target) }
            var matcher: TermMatcher!
            let indexSeconds = Measurement.seconds { matcher = TermMatcher(glossary: glossary) }
            let (wall, cpu, matches) = Self.mapSequentially(texts, with: matcher)
            print("\(size) terms (TBX \(Self.format(fileMegabytes)) MB): load \(Self.format(importSeconds + indexSeconds)) s "
                + "(import \(Self.format(importSeconds)) s, forms and index \(Self.format(indexSeconds)) s); "
                + "map on 1 task \(Self.format(megabytes / wall)) MB/s wall, \(Self.format(megabytes / cpu)) MB/s CPU; \(matches) matches")
            largest = matcher
        }
        guard let matcher = largest else { return }
        let parallelism = Parallelism(width: jobs, chunkSize: 16)
        var parallelCount = 0
        let parallelSeconds = try await Measurement.seconds {
            parallelCount = try await parallelism.map(texts) { chunk in chunk.map { matcher.matches(in: $0).count } }.reduce(0, +)
        }
        print("\(entries) terms, \(jobs) tasks: \(Self.format(megabytes / parallelSeconds)) MB/s wall; \(parallelCount) matches")
        print("peak memory: \(Measurement.peakResidentBytes() / 1_048_576) MiB")
    }

    /// Wall-clock and this thread's CPU seconds for mapping every text, and the number of matches.
    static func mapSequentially(_ texts: [String], with matcher: TermMatcher) -> (wall: Double, cpu: Double, matches: Int) {
        var count = 0
        let cpuStart = threadCPUSeconds()
        let wall = Measurement.seconds { for text in texts { count += matcher.matches(in: text).count } }
        return (wall, threadCPUSeconds() - cpuStart, count)
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func format(_ value: Double) -> String { String(format: "%.3g", value) }
}

/// A large glossary shaped like a real one: capitalised corpus words as nouns with a gender, adjective
/// phrases, closed compounds made of two nouns, and 5% of terms (single nouns) without grammar, which
/// the stemmer must stand in for.
enum GeneratedGlossary {
    static func concepts(count: Int, corpus: [String]) -> [GlossaryConcept] {
        var random = SplitMix(seed: 42)
        let nouns = frequentCapitalisedWords(in: corpus, limit: 20_000)
        let adjectives = ["neue", "digitale", "europäische", "große", "öffentliche", "künstliche", "globale", "private"]
        let genders = GrammaticalGender.allCases
        var seen = Set<String>()
        var concepts: [GlossaryConcept] = []
        var attempt = 0
        while concepts.count < count, !nouns.isEmpty {
            attempt += 1
            let noun = nouns[Int(random.next() % UInt64(nouns.count))]
            let text: String
            switch attempt % 10 {
            case 0, 1, 2: text = noun
            case 3, 4: text = "\(adjectives[Int(random.next() % UInt64(adjectives.count))]) \(noun)"
            default: text = noun + nouns[Int(random.next() % UInt64(nouns.count))].lowercased()
            }
            guard seen.insert(text).inserted else { continue }
            // One single noun in six comes without grammar, as in a glossary with no gender column.
            let grammarKnown = attempt % 20 != 1
            let id = "g\(concepts.count)"
            concepts.append(GlossaryConcept(id: id, terms: [
                GlossaryTerm(
                    text: text, language: "de", status: .preferred, partOfSpeech: grammarKnown ? "noun" : nil,
                    gender: grammarKnown ? genders[Int(random.next() % 3)] : nil),
                GlossaryTerm(text: "term \(id)", language: "en", status: .preferred),
            ], origin: "generated"))
        }
        return concepts
    }

    /// Words of 4+ letters starting with a capital, most frequent first, leaving out those common in
    /// lower case as well: sentence-initial function words (`Auch`, `Eine`, `Wenn`) are no terms.
    static func frequentCapitalisedWords(in texts: [String], limit: Int) -> [String] {
        var capitalised: [String: Int] = [:]
        var lowerCase: [String: Int] = [:]
        for text in texts.prefix(2000) {
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.count >= 4 {
                if word.first!.isUppercase { capitalised[String(word), default: 0] += 1 } else { lowerCase[String(word), default: 0] += 1 }
            }
        }
        return capitalised.filter { lowerCase[$0.key.lowercased(), default: 0] * 5 < $0.value }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map(\.key)
    }

    static func tbx(_ concepts: [GlossaryConcept]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
            <tbxHeader><fileDesc><sourceDesc><p>generated for the benchmark</p></sourceDesc></fileDesc></tbxHeader>
            <text><body>

            """
        for concept in concepts {
            xml += "<conceptEntry id=\"\(concept.id)\">"
            for term in concept.terms {
                xml += "<langSec xml:lang=\"\(term.language)\"><termSec><term>\(term.text)</term>"
                if let partOfSpeech = term.partOfSpeech { xml += "<termNote type=\"partOfSpeech\">\(partOfSpeech)</termNote>" }
                if let gender = term.gender { xml += "<termNote type=\"grammaticalGender\">\(gender.rawValue)</termNote>" }
                xml += "<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></termSec></langSec>"
            }
            xml += "</conceptEntry>\n"
        }
        return xml + "</body></text></tbx>\n"
    }
}

/// A small seeded generator, so every run builds the same glossary.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
