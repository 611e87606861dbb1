import Foundation
import PipelineCore
import Testing
@testable import XLIFF
@testable import XML

@Suite struct WordCountTests {
    @Test(arguments: [
        ("Die Bundesregierung plant neue Rechenzentren.", 5),
        ("KI-Verordnung und z.B. 3,5 Mrd. Euro", 6),
        ("1.000 Megawatt – „viel“ & teuer!", 4),
        ("rock'n'roll 24/7", 2),
        ("– … § € ", 0),
        ("", 0),
        ("Straße 12a, Köln", 3),
    ])
    func wordsAreRunsOfLettersAndDigitsJoinedInside(_ text: String, _ expected: Int) {
        #expect(WordCount.count(text) == expected)
    }
}

@Suite struct JobAnalysisTests {
    static func memory(_ sentence: Int, _ percent: Int) -> Translation {
        Translation(sentence: sentence, text: "EN \(sentence)", origin: .memory(percent: percent),
                    memoryUnit: Translation.MemoryUnit(source: "DE \(sentence)", file: "memory.tmx"))
    }

    /// Two copies of the sample article: the first with one translation of each kind, the second
    /// repeating every sentence, one of them an exact match.
    static func analysis() throws -> JobAnalysis {
        var builder = JobAnalysis.Builder(job: "de-en")
        var first = SampleDocuments.annotated(id: "a", ordinal: 0)
        first.translations = [0: memory(0, 100), 1: memory(1, 96), 2: memory(2, 80),
                              3: Translation(sentence: 3, text: "Critics", origin: .translator)]
        var second = SampleDocuments.annotated(id: "b", ordinal: 1)
        second.translations = [1: memory(1, 100), 2: memory(2, 70), 4: Translation(sentence: 4, text: "MT", origin: .machine(engine: "DeepL"))]
        for document in [first, second] {
            builder.add(try ExportedDocument(document, options: XLIFFOptions()), translations: document.translations)
        }
        return builder.analysis
    }

    @Test func eachSegmentFallsInTheFirstBandThatApplies() throws {
        let analysis = try Self.analysis()
        #expect(analysis.documents.map(\.document) == ["a", "b"])
        let first = analysis.documents[0]
        // Words: heading 4, then 7, 7, 7 and the list item 6.
        #expect(first.count(.exact) == JobAnalysis.Count(segments: 1, words: 4))
        #expect(first.count(.fuzzy95) == JobAnalysis.Count(segments: 1, words: 7))
        #expect(first.count(.fuzzy75) == JobAnalysis.Count(segments: 1, words: 7))
        #expect(first.count(.translated) == JobAnalysis.Count(segments: 1, words: 7))
        #expect(first.count(.new) == JobAnalysis.Count(segments: 1, words: 6))
        #expect(first.count(.repetition).segments == 0)
        let second = analysis.documents[1]
        #expect(second.count(.exact) == JobAnalysis.Count(segments: 1, words: 7), "an exact match outranks a repetition")
        #expect(second.count(.repetition) == JobAnalysis.Count(segments: 4, words: 24), "below 75% and machine output repeat too")
        #expect(analysis.total.words == 62 && analysis.total.segments == 10)
        #expect(analysis.total.bands.map(\.words).reduce(0, +) == analysis.total.words)
    }

    @Test(arguments: [(99, JobAnalysis.Band.fuzzy95), (95, .fuzzy95), (94, .fuzzy85), (85, .fuzzy85), (84, .fuzzy75), (75, .fuzzy75), (74, .new)])
    func fuzzyBandsFollowTheMatchPercentage(_ percent: Int, _ band: JobAnalysis.Band) {
        #expect(JobAnalysis.Builder.band(.memory(percent: percent), firstOccurrence: true) == band)
    }

    @Test func jsonNamesEveryBandAndTheWordCountRule() throws {
        let json = try JSONSerialization.jsonObject(with: try Self.analysis().json()) as! [String: Any]
        #expect(json["job"] as? String == "de-en")
        #expect((json["word-count"] as? String)?.hasPrefix("A word is") == true)
        let total = json["total"] as! [String: Any]
        let bands = (total["bands"] as! [[String: Any]]).map { $0["band"] as! String }
        #expect(bands == ["translated", "exact", "repetition", "fuzzy-95-99", "fuzzy-85-94", "fuzzy-75-84", "new"])
    }

    @Test func markdownHasARowPerDocumentAndTheTotal() throws {
        let lines = try Self.analysis().markdown().split(separator: "\n").map(String.init)
        #expect(lines.contains("| Document | Translated | 100% | Repetitions | 95–99% | 85–94% | 75–84% | New | Total |"))
        #expect(lines.contains("| `a` | 7 (1) | 4 (1) | 0 (0) | 7 (1) | 0 (0) | 7 (1) | 6 (1) | 31 (5) |"))
        #expect(lines.contains("| **Total** | 7 (1) | 11 (2) | 24 (4) | 7 (1) | 0 (0) | 7 (1) | 6 (1) | 62 (10) |"))
    }
}

@Suite struct MatchesTMXTests {
    static let writer = MatchesTMXWriter(languages: SampleDocuments.languages)

    static func written() throws -> XMLTree.Element {
        var collected = MatchesTMXWriter.Collected()
        var first = SampleDocuments.annotated(id: "a", ordinal: 0)
        first.translations = [1: JobAnalysisTests.memory(1, 100), 2: JobAnalysisTests.memory(2, 80),
                              3: Translation(sentence: 3, text: "Critics", origin: .translator)]
        var second = SampleDocuments.annotated(id: "b", ordinal: 1)
        second.translations = [2: JobAnalysisTests.memory(2, 80), 4: Translation(sentence: 4, text: "MT", origin: .machine(engine: "DeepL"))]
        collected.add(MatchesTMXWriter.matches(in: first))
        collected.add(MatchesTMXWriter.matches(in: second))
        return try SafeXMLReader.parse(try writer.write(collected.matches), fileName: "job.matches.tmx")
    }

    @Test func memoryMatchesAreWrittenOnceWithTheMemorysOwnSource() throws {
        let units = try Self.written().descendants(named: "tu")
        #expect(units.count == 2, "translators' and machine text are not memory; a unit used twice is written once")
        let segs = units.map { $0.elements(named: "tuv").map { $0.firstElement(named: "seg")!.textContent } }
        #expect(segs == [["DE 1", "EN 1"], ["DE 2", "EN 2"]])
        let props = units[1].elements(named: "prop").map { "\($0.attribute("type")!)=\($0.textContent)" }
        #expect(props == ["x-match-quality=80", "x-memory=memory.tmx", "x-document=a", "x-segment=s3"])
    }

    /// TMX 1.4b: the header's seven required attributes, `tu` as (note|prop)* then tuv+, each `tuv`
    /// with xml:lang and one `seg`, and the header's srclang among the languages.
    @Test func theFileKeepsTMX14bStructure() throws {
        let root = try Self.written()
        #expect(root.name == "tmx" && root.attribute("version") == "1.4" && root.namespace == nil)
        #expect(root.elements.map(\.name) == ["header", "body"])
        let header = try #require(root.firstElement(named: "header"))
        for attribute in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"] {
            #expect(header.attribute(attribute)?.isEmpty == false, "header/@\(attribute)")
        }
        #expect(["block", "paragraph", "sentence", "phrase"].contains(header.attribute("segtype") ?? ""))
        for unit in root.descendants(named: "tu") {
            let names = unit.elements.map(\.name)
            let firstTUV = try #require(names.firstIndex(of: "tuv"))
            #expect(names[..<firstTUV].allSatisfy { $0 == "prop" || $0 == "note" })
            #expect(names[firstTUV...].allSatisfy { $0 == "tuv" })
            let languages = unit.elements(named: "tuv").map { $0.attribute("lang", namespace: XMLTree.xmlNamespace) }
            #expect(languages == ["de-DE", "en-GB"])
            #expect(languages.contains(header.attribute("srclang")))
            #expect(unit.elements(named: "tuv").allSatisfy { $0.elements.map(\.name) == ["seg"] })
        }
    }
}
