import Foundation
import TestSupport
import Testing

/// The `translate` stage through the built binary, as users run it: the five German samples with no
/// returned translations and no memory, against DeepL- and LibreTranslate-protocol servers on
/// loopback. Every key point gets English labelled as machine translation, the XLIFF marks it as a
/// machine suggestion and stays schema-valid, the key appears nowhere, and a second run with the
/// server stopped has the same English from the cache, byte for byte, at another `--jobs`.
@Suite(.serialized) struct MachineTranslationRunTests {
    static let keyVariable = "PIPELINE_TEST_MT_KEY"

    struct Setup: Sendable, CustomTestStringConvertible {
        let provider: String
        let engine: String
        let xliffVersion: String
        let marker: String
        var testDescription: String { provider }
    }

    static let setups = [
        Setup(provider: "deepl", engine: "DeepL", xliffVersion: "1.2", marker: #"state-qualifier="mt-suggestion""#),
        Setup(provider: "libretranslate", engine: "LibreTranslate", xliffVersion: "2.1", marker: #"subState="pipeline:mt-suggestion""#),
    ]

    @Test(arguments: setups)
    func samplesGetMachineEnglishThatSurvivesTheServerGoingDown(_ setup: Setup) throws {
        let key = "secret-\(UUID().uuidString)"
        let server = try LoopbackTranslationServer(key: key)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mt-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = folder.appendingPathComponent("de-en-mt.yml")
        try """
        version: 1
        name: de-en-mt
        languages:
          source: de-DE
          target: en-GB
        inputs:
          - \(CommandRunner.root.appendingPathComponent("Samples/de").path)
        glossaries:
          - \(CommandRunner.root.appendingPathComponent("Glossary/ai-politics.de-en.tbx").path)
        output:
          folder: first
          name: "{stem}"
        stages:
          - segment: {}
          - terms:
              compounds: false
          - summarize:
              sentences: 3
          - leverage: {}
          - translate:
              provider: \(setup.provider)
              url: \(server.baseURL)
              api-key-env: \(Self.keyVariable)
              cache: mt-cache.tmx
              retries: 1
          - xliff:
              version: "\(setup.xliffVersion)"
              prefill: memory
          - briefing: {}

        """.write(to: pipeline, atomically: true, encoding: .utf8)
        let environment = [Self.keyVariable: key]

        let first = try CommandRunner.run(["run", pipeline.path, "--jobs", "2"], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("\(setup.engine) at \(server.baseURL): 20 segments machine-translated (0 from the cache"), "\(first.stderr)")
        let output = folder.appendingPathComponent("first")
        try expectMachineEnglish(in: output, setup)
        #expect(!server.translationRequests.isEmpty)

        // The server goes down; the cache still has every sentence, and --jobs 1 writes the same bytes.
        server.stop()
        let second = try CommandRunner.run(["run", pipeline.path, "--jobs", "1", "--output", folder.appendingPathComponent("second").path],
                                           environment: environment)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("20 segments machine-translated (20 from the cache, 0 in 0 requests)"), "\(second.stderr)")
        try expectMachineEnglish(in: folder.appendingPathComponent("second"), setup)
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() {
            let again = folder.appendingPathComponent("second/\(name)")
            #expect(FileManager.default.contents(atPath: again.path) == FileManager.default.contents(atPath: output.appendingPathComponent(name).path),
                    "\(name) differs between the runs")
        }

        // The key is nowhere: not in outputs, the cache, or what the runs printed.
        let everything = try FileManager.default.subpathsOfDirectory(atPath: folder.path).compactMap {
            FileManager.default.contents(atPath: folder.appendingPathComponent($0).path)
        }
        #expect(everything.allSatisfy { $0.range(of: Data(key.utf8)) == nil })
        #expect(![first.stdout, first.stderr, second.stdout, second.stderr].contains { $0.contains(key) })
    }

    @Test func aMissingKeyIsAValidateErrorNamingTheVariable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mt-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = folder.appendingPathComponent("p.yml")
        try """
        version: 1
        name: p
        languages: {source: de-DE, target: en-GB}
        inputs: [\(CommandRunner.root.appendingPathComponent("Samples/de").path)]
        output: {folder: out}
        stages:
          - segment: {}
          - summarize: {}
          - translate:
              provider: deepl
              api-key-env: PIPELINE_TEST_UNSET_KEY_VARIABLE

        """.write(to: pipeline, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", pipeline.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("stage 'translate' cannot start: the environment variable PIPELINE_TEST_UNSET_KEY_VARIABLE (api-key-env) is not set"),
                "\(result.stderr)")
    }

    /// The bundled example validates with a key in the environment (no request is sent to do so).
    @Test func theBundledMachineTranslationPipelineValidates() throws {
        let result = try CommandRunner.run(["validate", "Pipelines/de-en-mt.yml"], environment: ["DEEPL_AUTH_KEY": "not-a-real-key"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("7 stages (segment, terms, summarize, leverage, translate, xliff, briefing)"))
        #expect(!result.stdout.contains("not-a-real-key") && !result.stderr.contains("not-a-real-key"))
    }

    /// 15 key points over the five samples, each machine-translated by the engine; English titles;
    /// XLIFF that marks machine output and passes the schema check.
    private func expectMachineEnglish(in output: URL, _ setup: Setup) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        let briefings = names.filter { $0.hasSuffix(".briefing.json") && $0 != "digest.json" }.sorted()
        #expect(briefings.count == 5)
        var points = 0
        for name in briefings {
            let data = try #require(FileManager.default.contents(atPath: output.appendingPathComponent(name).path))
            let briefing = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for point in briefing["keyPoints"] as? [[String: Any]] ?? [] {
                let origin = point["origin"] as? [String: Any]
                #expect(origin?["kind"] as? String == "machine" && origin?["engine"] as? String == setup.engine, "\(name): \(point)")
                #expect((point["target"] as? String)?.hasPrefix("EN[") == true)
                points += 1
            }
            let title = briefing["titleTranslation"] as? [String: Any]
            #expect((title?["text"] as? String)?.hasPrefix("EN[") == true, "\(name) has no English title")
            let markdown = try String(contentsOf: output.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".md")), encoding: .utf8)
            #expect(markdown.contains("*machine translation (\(setup.engine))*"))
        }
        #expect(points == 15)
        let digest = try String(contentsOf: output.appendingPathComponent("digest.md"), encoding: .utf8)
        #expect(digest.contains("0 of 15 key points translated, 15 machine-translated (translator 0, TM 0, machine 15, awaiting 0)"))

        let xliffs = names.filter { $0.hasSuffix(".xlf") }.sorted().map { output.appendingPathComponent($0).path }
        #expect(xliffs.count == 5)
        for path in xliffs { #expect(try String(contentsOfFile: path, encoding: .utf8).contains(setup.marker), "\(path)") }
        let tool = CommandRunner.root.deletingLastPathComponent().appendingPathComponent("shared/tools/validate-xliff")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            print("skipped: schema validation needs ../shared/tools/validate-xliff beside the project")
            return
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = xliffs
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(report)")
    }
}
