import Foundation
import Testing

@Suite struct RunCommandTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The version users see is the one every output names as its maker.
    @Test func versionIsPrintedAndWrittenIntoOutputs() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3, "\(version)")
        let folder = try Self.temporaryFolder()
        let run = try CommandRunner.run(["run", "Pipelines/de-en.yml", "--output", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let xliff = try #require(names.first { $0.hasSuffix(".xlf") })
        #expect(try String(contentsOf: folder.appendingPathComponent(xliff), encoding: .utf8).contains("tool-version=\"\(version)\""))
        let briefing = try #require(names.first { $0.hasSuffix(".briefing.json") })
        #expect(try String(contentsOf: folder.appendingPathComponent(briefing), encoding: .utf8).contains("\"generator\" : \"pipeline \(version)\""))
    }

    /// A document that fails must not leave an earlier run's briefing looking current, and a run
    /// where every document fails keeps the earlier digest instead of an empty one.
    @Test func failedDocumentsRetireTheirOldOutputsAndAnEmptyBatchKeepsTheDigest() throws {
        let folder = try Self.temporaryFolder()
        let inputs = folder.appendingPathComponent("in")
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let good = inputs.appendingPathComponent("a.txt"), other = inputs.appendingPathComponent("b.txt")
        try "Die Rechenzentren wachsen. Der Strombedarf steigt.\n".write(to: good, atomically: true, encoding: .utf8)
        try "Zweiter Text. Er ist kurz.\n".write(to: other, atomically: true, encoding: .utf8)
        let arguments = ["run", "Pipelines/de-en.yml", "--input", inputs.path, "--output", output.path]
        #expect(try CommandRunner.run(arguments).status == 0)

        try Data([0x4B, 0xC3, 0x28]).write(to: other)
        let second = try CommandRunner.run(arguments)
        #expect(second.status == 1)
        #expect(second.stderr.contains("b.briefing.md: an earlier run's output of a failed document, moved aside as b.briefing.md.stale"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("b.briefing.md").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("b.xlf.stale").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a.briefing.md").path))
        let digest = try Data(contentsOf: output.appendingPathComponent("digest.json"))

        try Data([0x4B, 0xC3, 0x28]).write(to: good)
        let third = try CommandRunner.run(arguments)
        #expect(third.status == 1)
        #expect(third.stderr.contains("no document succeeded, so batch outputs (digest, per-batch XLIFF) were left as they were"))
        #expect(try Data(contentsOf: output.appendingPathComponent("digest.json")) == digest)
    }

    /// A translator or reader sees where a text came from relative to the pipeline file, never the
    /// folder it sits in on this machine (a user name, a client's name).
    @Test func outputsCarryNoAbsoluteLocalPath() throws {
        let folder = try Self.temporaryFolder()
        let run = try CommandRunner.run(["run", "Pipelines/de-en.yml", "--output", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let root = CommandRunner.root.standardizedFileURL.path
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains(root), "\(name) names \(root)")
            #expect(!text.contains(folder.path), "\(name) names \(folder.path)")
        }
    }

    /// Ctrl-C in the middle of a batch: the documents started are finished and written whole, no
    /// temporary file stays, and the exit status says a signal stopped it. (If the run wins the race
    /// and finishes first, the same holds with status 0.)
    @Test func anInterruptedRunLeavesWholeDocumentsAndNoDebris() throws {
        let folder = try Self.temporaryFolder()
        let inputs = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let paragraph = (0..<40).map { "Die Rechenzentren in Frankfurt wachsen weiter, sagte der Sprecher am Dienstag \($0)." }
            .joined(separator: " ")
        for index in 0..<300 {
            try "Titel \(index)\n\n\(paragraph)\n".write(
                to: inputs.appendingPathComponent(String(format: "d%04d.txt", index)), atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.currentDirectoryURL = CommandRunner.root
        process.arguments = ["run", "Pipelines/de-en.yml", "--input", inputs.path, "--output", output.path, "--jobs", "2"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the first document to be written (the signal handler is in place by then; a busy
        // machine may take long to get there), then interrupt.
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning, Date() < deadline,
              (try? FileManager.default.contentsOfDirectory(atPath: output.path).count) ?? 0 == 0 {
            usleep(10_000)
        }
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        process.waitUntilExit()
        #expect([0, 128 + SIGINT].contains(process.terminationStatus), "status \(process.terminationStatus)")
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "no temporary files")
        var perDocument: [String: Int] = [:]
        for name in names where name.hasPrefix("d") { perDocument[String(name.prefix(5)), default: 0] += 1 }
        #expect(Set(perDocument.values).count == 1, "every document has its whole set: \(Set(perDocument.values))")
        if process.terminationStatus != 0 { #expect(!names.contains("digest.json"), "an incomplete digest is not written") }
    }

    @Test func validateNamesTheLineAndKeyOfAMisspeltOption() throws {
        let folder = try Self.temporaryFolder()
        let pipeline = try String(contentsOf: CommandRunner.root.appendingPathComponent("Pipelines/de-en.yml"), encoding: .utf8)
            .replacingOccurrences(of: "fuzzy-threshold:", with: "fuzzy-treshold:")
        let file = folder.appendingPathComponent("bad.yml")
        try pipeline.write(to: file, atomically: true, encoding: .utf8)
        let line = pipeline.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("fuzzy-treshold") }! + 1
        let result = try CommandRunner.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.yml:\(line):"))
        #expect(result.stderr.contains("leverage.fuzzy-treshold: unknown key 'fuzzy-treshold'"))
    }

    @Test func aBrokenDocumentFailsTheRunButNotTheBatch() throws {
        let folder = try Self.temporaryFolder()
        let inputs = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try "# Gut\n\nDie Rechenzentren wachsen. Der Strombedarf steigt.\n".write(
            to: inputs.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try Data([0x4B, 0x49, 0xC3, 0x28]).write(to: inputs.appendingPathComponent("b.txt"))
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run([
            "run", "Pipelines/de-en.yml", "--input", inputs.path, "--output", output.path, "--jobs", "2",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("b.txt: input: "))
        #expect(result.stderr.contains("not valid UTF-8"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a.xlf").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a.briefing.md").path))
    }

    @Test func streamModeWritesOneResultPerDocumentAndHonoursShards() throws {
        let input = (0..<6).map { #"{"id": "d\#($0)", "title": "T\#($0)", "text": "Die Rechenzentren wachsen. Satz \#($0) folgt."}"# }
            .joined(separator: "\n") + "\n"
        let whole = try CommandRunner.run(["run", "Pipelines/de-en.yml", "--stdin-jsonl", "--output", try Self.temporaryFolder().path], stdin: input)
        #expect(whole.status == 0, "\(whole.stderr)")
        let results = try CommandRunner.jsonLines(whole.stdout)
        #expect(results.map { $0["id"] as? String } == (0..<6).map { "d\($0)" })
        let first = try #require(results.first)
        #expect((first["sentences"] as? [[String: Any]])?.count == 2)
        #expect((first["terms"] as? [[String: Any]])?.first?["target"] as? String == "data centre")
        #expect((first["outputs"] as? [String: String])?["d0.xlf"]?.contains("<xliff") == true)
        let shard = try CommandRunner.run(["run", "Pipelines/de-en.yml", "--stdin-jsonl", "--shard", "2/3", "--output", try Self.temporaryFolder().path], stdin: input)
        #expect(try CommandRunner.jsonLines(shard.stdout).map { $0["id"] as? String } == ["d1", "d4"])
    }
}

@Suite struct ValidateCommandTests {
    @Test func validateReadsEveryInputAndNamesTheBrokenOne() throws {
        let folder = try RunCommandTests.temporaryFolder()
        try "Ein Satz. Noch einer.".write(to: folder.appendingPathComponent("gut.txt"), atomically: true, encoding: .utf8)
        try Data([0x41, 0xFE, 0x42]).write(to: folder.appendingPathComponent("kaputt.txt"))
        let pipeline = try String(contentsOf: CommandRunner.root.appendingPathComponent("Pipelines/de-en.yml"), encoding: .utf8)
            .replacingOccurrences(of: "  - ../Samples/de", with: "  - \(folder.path)")
            .replacingOccurrences(of: "../", with: CommandRunner.root.path + "/")
        let file = folder.appendingPathComponent("p.yml")
        try pipeline.write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("kaputt.txt: byte 1 is not valid UTF-8"))
        #expect(!result.stderr.contains("gut.txt"))
    }

    @Test func bundledPipelineValidates() throws {
        let result = try CommandRunner.run(["validate", "Pipelines/de-en.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid — 6 stages"))
        #expect(result.stdout.contains("holding 5 documents"))
    }
}
