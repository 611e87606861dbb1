import ArgumentParser
import Foundation
import PipelineCore
import Terminology

/// `pipeline terms`: glossary terms found in text, with their approved targets.
struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Find glossary terms in text and report the approved target term for each.",
        discussion: """
            Glossaries: TBX v3, TBX 2008, TBX-Min, OmegaT TSV, CSV with a header row. Earlier --glossary \
            files take priority. With --jsonl, reads one JSON object with a "text" field per line and writes \
            it back with "matches" added: start/end (end-exclusive Unicode code point offsets), surface, \
            source, target, concept, status, kind. Without it, reads plain text and prints one match per line.
            """)

    @Option(name: .customLong("glossary"), help: "A glossary file; repeat for several, earlier ones first.")
    var glossaries: [String]

    @Option(name: .customLong("lang"), help: "Language of the text (BCP-47), e.g. de or de-DE.")
    var language: String

    @Option(name: .customLong("target-lang"), help: "Language of the targets to report (default: en, or de when --lang is English).")
    var targetLanguage: String?

    @Flag(help: "Read and write JSON Lines.")
    var jsonl = false

    @Option(help: "With --jsonl, lines searched at once; the default is this machine's core count.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Also report closed compounds whose head is a noun term, as the whole word (kind 'compound').")
    var compounds = false

    @Flag(name: .customLong("no-fuzzy"), help: "Do not fall back to the stemmer for terms without grammar.")
    var noFuzzy = false

    func validate() throws {
        if glossaries.isEmpty { throw ValidationError("give at least one --glossary") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if LanguageTag(language) == nil { throw ValidationError("--lang '\(language)' is not a BCP-47 language tag") }
        if let targetLanguage, LanguageTag(targetLanguage) == nil {
            throw ValidationError("--target-lang '\(targetLanguage)' is not a BCP-47 language tag")
        }
    }

    func run() throws {
        try Failure.reporting {
            let source = LanguageTag(language)!
            let target = targetLanguage.flatMap(LanguageTag.init) ?? LanguageTag(source.language == "en" ? "de" : "en")!
            let glossary = try Glossary.load(glossaries.map { URL(fileURLWithPath: $0) }, source: source, target: target)
            let matcher = TermMatcher(glossary: glossary, options: .init(compounds: compounds, fuzzy: !noFuzzy))
            if jsonl {
                try JSONLines.process(jobs: jobs) { object in
                    let text = try object.requiredString("text")
                    var fields = JSONAddedFields()
                    fields.add("matches") { json in
                        json.appendArray(ReportedTermMatch.all(matcher.matches(in: text), in: text)) { $1.write(to: &$0) }
                    }
                    return fields
                }
            } else {
                let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                for match in ReportedTermMatch.all(matcher.matches(in: text), in: text) {
                    print("\(match.start)-\(match.end)\t\(match.surface)\t→ \(match.target)\t(\(match.source); \(match.concept), \(match.status), \(match.kind))")
                }
            }
        }
    }
}
