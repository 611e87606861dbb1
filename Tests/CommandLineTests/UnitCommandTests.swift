import Foundation
import Testing

/// The JSONL contracts of the unit commands: every input field passes through, in order, and
/// offsets are code points into "text".
@Suite struct UnitCommandTests {
    @Test func segmentPassesFieldsThroughAndReportsCodePointSpans() throws {
        let input = #"{"id": "a", "meta": {"k": [1, 2]}, "text": "\#u{FEFF}Über 1.000 Bürger kamen am 3. Oktober. Sie blieben.", "z": null}"# + "\n"
        let result = try CommandRunner.run(["segment", "--lang", "de", "--jsonl"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first)
        #expect(line.hasPrefix(#"{"id": "a", "meta": {"k": [1, 2]}, "text": ""#))
        let object = try #require(try CommandRunner.jsonLines(result.stdout).first)
        #expect(object["sentences"] as? [String] == ["Über 1.000 Bürger kamen am 3. Oktober.", "Sie blieben."])
        #expect(object["spans"] as? [[Int]] == [[1, 39], [40, 52]])
        #expect(object.keys.contains("z"))
    }

    @Test func segmentKeepsOneLinePerInputInOrder() throws {
        let input = (1...50).map { #"{"id": "\#($0)", "text": "Satz \#($0). Noch einer."}"# }.joined(separator: "\n") + "\n"
        let result = try CommandRunner.run(["segment", "--lang", "de", "--jsonl"], stdin: input)
        let objects = try CommandRunner.jsonLines(result.stdout)
        #expect(objects.map { $0["id"] as? String } == (1...50).map { String($0) })
    }

    @Test func termsReportsApprovedTargetsWithOffsets() throws {
        let input = #"{"id": "t", "text": "Die Betreiber der Rechenzentren fordern Fördergelder."}"# + "\n"
        let result = try CommandRunner.run(
            ["terms", "--glossary", "Glossary/ai-politics.de-en.tbx", "--lang", "de", "--jsonl"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let matches = try #require(try CommandRunner.jsonLines(result.stdout).first?["matches"] as? [[String: Any]])
        let centres = try #require(matches.first { $0["surface"] as? String == "Rechenzentren" })
        #expect(centres["start"] as? Int == 18)
        #expect(centres["end"] as? Int == 31)
        #expect(centres["target"] as? String == "data centre")
    }

    @Test(arguments: [1, 2])
    func summarizeReturnsWholeSentencesInDocumentOrder(sentences: Int) throws {
        let text = "Die Regierung plant neue Rechenzentren. Der Strombedarf steigt stark. "
            + "Kritiker warnen vor hohen Kosten für Rechenzentren. Am Ende entscheidet der Bundestag."
        let input = try String(decoding: JSONSerialization.data(withJSONObject: ["id": "s", "title": "", "text": text]), as: UTF8.self) + "\n"
        let result = try CommandRunner.run(["summarize", "--lang", "de", "--sentences", String(sentences), "--jsonl"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try CommandRunner.jsonLines(result.stdout).first?["summary"] as? [String])
        #expect(summary.count == sentences)
        let segmented = try CommandRunner.jsonLines(try CommandRunner.run(["segment", "--lang", "de", "--jsonl"], stdin: input).stdout)
        let all = try #require(segmented.first?["sentences"] as? [String])
        let positions = summary.compactMap { all.firstIndex(of: $0) }
        #expect(positions.count == sentences)
        #expect(positions == positions.sorted())
    }

    @Test func malformedInputLineIsAnErrorNamingTheLine() throws {
        let result = try CommandRunner.run(["segment", "--lang", "de", "--jsonl"], stdin: "{\"text\": \"Gut.\"}\nkaputt\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("stdin:2"))
    }
}
