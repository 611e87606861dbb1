import Foundation
import Testing

/// `pipeline summarize` reads a text as `run` reads a `.txt` file: the same headline, the same
/// sentences, so both choose the same key points, and neither chooses the photo caption.
@Suite struct SummarizeMatchesRunTests {
    static let article = """
        Polizisten sichern am Montagabend den Tatort in der Grazer Innenstadt. (Foto: APA)
        Amokfahrt in Graz: Drei Tote und 34 Verletzte

        Graz – Ein 26-jähriger Mann ist am Samstag mit seinem Geländewagen durch die Grazer Innenstadt gerast. \
        Drei Menschen starben, 34 wurden verletzt. Der Mann wurde noch am Tatort festgenommen. \
        Die Polizei geht von einer psychischen Erkrankung aus. Der Bürgermeister sprach von einem schwarzen Tag für Graz. \
        Die Ermittlungen zur Amokfahrt dauern an.

        """

    @Test func summarizeAndRunChooseTheSameSentences() throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.article.write(to: folder.appendingPathComponent("amok.txt"), atomically: true, encoding: .utf8)
        try """
            version: 1
            name: same
            languages: { source: de-DE, target: en-GB }
            inputs: [amok.txt]
            output: { folder: out, name: "{stem}" }
            stages:
              - segment: {}
              - summarize: { sentences: 3 }
              - briefing: { formats: [json] }

            """.write(to: folder.appendingPathComponent("p.yml"), atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["run", folder.appendingPathComponent("p.yml").path])
        #expect(run.status == 0, "\(run.stderr)")
        let briefing = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("out/amok.briefing.json"))) as? [String: Any])
        #expect(briefing["title"] as? String == "Amokfahrt in Graz: Drei Tote und 34 Verletzte")
        let keyPoints = try #require(briefing["keyPoints"] as? [[String: Any]]).compactMap { $0["source"] as? String }

        let summarize = try CommandRunner.run(["summarize", "--lang", "de", "--sentences", "3"], stdin: Self.article)
        #expect(summarize.status == 0, "\(summarize.stderr)")
        // Readable output: a "[rank …]" line, then the sentence.
        let lines = summarize.stdout.split(separator: "\n").map(String.init)
        let chosen = lines.indices.dropLast().filter { lines[$0].hasPrefix("[rank ") }.map { lines[$0 + 1] }

        #expect(keyPoints.count == 3)
        #expect(chosen == keyPoints)
        #expect(!chosen.contains { $0.contains("Polizisten sichern") || $0.contains("Foto") || $0.hasPrefix("Amokfahrt") })
    }
}
