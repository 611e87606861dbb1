import Foundation
import Testing

/// Bad JSON lines in the unit commands and in stream mode: each is that line's error, named by line
/// and column, and never costs another line its result.
@Suite struct JSONLinesInputTests {
    private static func goodLine(_ number: Int) -> String {
        #"{"id": "g\#(number)", "text": "Satz \#(number) steht hier. Noch einer."}"#
    }

    @Test func aBadLineAfterGoodOnesKeepsEveryResultAndTheRestRun() throws {
        let lines = (1...3_000).map(Self.goodLine) + [#"{"id": "bad", "text": "kaputt"#] + (3_002...3_003).map(Self.goodLine)
        let result = try CommandRunner.run(["segment", "--lang", "de", "--jsonl", "--jobs", "2"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("1 of 3003 lines failed"))
        #expect(result.stderr.contains("stdin:3001: column 23: the line ends inside a string"))
        let objects = try CommandRunner.jsonLines(result.stdout)
        #expect(objects.count == 3_003)
        #expect(objects.map { $0["id"] as? String } == (1...3_000).map { "g\($0)" } + ["bad", "g3002", "g3003"])
        #expect(objects.filter { $0["sentences"] != nil }.count == 3_002)
        #expect(objects[3_000]["error"] as? String == "stdin:3001: column 23: the line ends inside a string (a missing closing quote?)")
        #expect(objects[2_999]["sentences"] as? [String] == ["Satz 3000 steht hier.", "Noch einer."])
    }

    @Test(arguments: ["segment", "terms", "summarize"])
    func everyUnitCommandWritesErrorLinesAndGoesOn(command: String) throws {
        let arguments = switch command {
        case "terms": ["terms", "--glossary", "Glossary/ai-politics.de-en.tbx", "--lang", "de", "--jsonl"]
        case "summarize": ["summarize", "--lang", "de", "--sentences", "1", "--jsonl"]
        default: ["segment", "--lang", "de", "--jsonl"]
        }
        let input = [Self.goodLine(1), #"{"id": 5, "title": 3, "text": 4}"#, "[1]", Self.goodLine(4)].joined(separator: "\n")
        let result = try CommandRunner.run(arguments + ["--jobs", "1"], stdin: input)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1] == #"{"id":5,"error":"stdin:2: column 31: field \"text\" is a number, not a string"}"#)
        #expect(lines[2] == #"{"error":"stdin:3: column 1: not a JSON object: the line starts with '['"}"#)
        #expect(lines[3].hasPrefix(#"{"id": "g4", "text": "#))
        #expect(result.stderr.contains("2 of 4 lines failed"))
    }

    @Test func invalidUTF8IsThatLinesErrorInTheUnitCommandsAndInStreamMode() throws {
        var input = Data((Self.goodLine(1) + "\n").utf8)
        input.append(Data(#"{"id": "u", "meta": "caf"#.utf8) + Data([0xC3, 0x28]) + Data(#"", "text": "Gut."}"#.utf8) + Data("\n".utf8))
        input.append(Data((Self.goodLine(3) + "\n").utf8))
        let segment = try CommandRunner.run(["segment", "--lang", "de", "--jsonl"], input: input)
        #expect(segment.status == 1)
        let results = try CommandRunner.jsonLines(segment.stdout)
        #expect(results.count == 3)
        #expect(results[1]["id"] as? String == "u")
        #expect(results[1]["error"] as? String == "stdin:2: column 25: invalid UTF-8 (bytes 0xC3 0x28)")
        #expect(results[2]["sentences"] != nil)

        let run = try CommandRunner.run(
            ["run", "Pipelines/de-en.yml", "--stdin-jsonl", "--output", try RunCommandTests.temporaryFolder().path], input: input)
        #expect(run.status == 1)
        let documents = try CommandRunner.jsonLines(run.stdout)
        #expect(documents.count == 3)
        #expect(documents[1]["error"] as? String == "column 25: invalid UTF-8 (bytes 0xC3 0x28)")
        #expect(documents[1]["source"] as? String == "stdin:2")
        #expect(documents[2]["id"] as? String == "g3")
    }

    @Test func duplicateTextKeysAreRejectedInTheUnitCommandsAndInStreamMode() throws {
        let input = #"{"id": "d", "text": "Eins.", "text": "Zwei."}"# + "\n"
        let segment = try CommandRunner.run(["segment", "--lang", "de", "--jsonl"], stdin: input)
        #expect(segment.status == 1)
        #expect(segment.stdout == #"{"id":"d","error":"stdin:1: column 30: duplicate key \"text\" (each key may appear once per object)"}"# + "\n")
        let run = try CommandRunner.run(
            ["run", "Pipelines/de-en.yml", "--stdin-jsonl", "--output", try RunCommandTests.temporaryFolder().path], stdin: input)
        #expect(run.status == 1)
        #expect(try CommandRunner.jsonLines(run.stdout).first?["error"] as? String
            == #"column 30: duplicate key "text" (each key may appear once per object)"#)
    }

    @Test func loneSurrogatesAndHostileNestingAreNamedNotJustRejected() throws {
        let nested = #"{"id": "n", "m": "# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + #", "text": "x"}"#
        let input = [#"{"id": "s", "text": "A\ud800 B"}"#, nested].joined(separator: "\n")
        let result = try CommandRunner.run(["segment", "--lang", "de", "--jsonl"], stdin: input)
        let objects = try CommandRunner.jsonLines(result.stdout)
        #expect(objects.map { $0["error"] as? String } == [
            #"stdin:1: column 23: lone surrogate \ud800: a high surrogate must be followed by a low one (\udc00–\udfff)"#,
            "stdin:2: column 529: nested deeper than 512 levels",
        ])
        #expect(objects.map { $0["id"] as? String } == ["s", "n"])
    }

    /// Numbers in fields that pass through are checked for syntax but never converted, so a value
    /// no double can hold comes out exactly as it went in.
    @Test func hugeNumbersPassThroughAsWritten() throws {
        let input = #"{"id": 12345678901234567890123, "n": 1e400, "x": -0.0e-0, "text": "Ja."}"# + "\n"
        let result = try CommandRunner.run(["segment", "--lang", "de", "--jsonl"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == #"{"id": 12345678901234567890123, "n": 1e400, "x": -0.0e-0, "text": "Ja.","sentences":["Ja."],"spans":[[0,3]]}"# + "\n")
    }

    @Test func aByteOrderMarkBeforeTheFirstLineIsToleratedAndNotCopied() throws {
        var input = Data([0xEF, 0xBB, 0xBF])
        input.append(Data((Self.goodLine(1) + "\r\n" + Self.goodLine(2) + "\r\n").utf8))
        let result = try CommandRunner.run(["segment", "--lang", "de", "--jsonl"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(#"{"id": "g1", "text": "#))
        #expect(try CommandRunner.jsonLines(result.stdout).map { $0["id"] as? String } == ["g1", "g2"])
    }

    /// A caller that waits for each answer before sending the next line must get it: results are
    /// written when their line is done, not when a buffer fills or the input ends.
    @Test func eachResultIsWrittenBeforeTheNextLineArrives() throws {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["segment", "--lang", "de", "--jsonl", "--jobs", "2"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let reader = LineWaiter(output.fileHandleForReading)
        for number in 1...3 {
            input.fileHandleForWriting.write(Data((Self.goodLine(number) + "\n").utf8))
            let line = try #require(reader.nextLine(timeout: 30), "no answer to line \(number) within 30 s")
            #expect(line.hasPrefix(#"{"id": "g\#(number)""#))
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// Seeded mutations of valid lines through the real binary: one output line per non-blank input
    /// line, in order, each either the result (starting with the input's own bytes) or an error that
    /// names its line.
    @Test func mutatedLinesEachGetAResultOrAnErrorInOrder() throws {
        var random = SeededBytes(seed: 0xF022)
        let seeds = [
            #"{"id": "a", "text": "Über 1.000 Bürger kamen. Sie blieben.", "meta": {"k": [1, 2.5e3, null, true]}}"#,
            #"{"text": "\"Zitat\" und \\ Pfad\/ \u00e4\ud83d\ude00 Ende.", "n": -0.5, "ok": false}"#,
            #"{"title": "T", "text": "Eins. Zwei. Drei.", "tags": ["x", "y"], "z": {}}"#,
        ]
        var lines: [[UInt8]] = []
        var intact: [Int: [UInt8]] = [:]
        for index in 0..<1_500 {
            let seed = Array(seeds[index % seeds.count].utf8)
            if index % 5 == 0 {
                intact[index] = seed
                lines.append(seed)
            } else {
                lines.append(random.mutate(seed))
            }
        }
        let input = Data(lines.joined(separator: [0x0A]) + [0x0A])
        let result = try CommandRunner.run(["segment", "--lang", "de", "--jsonl", "--jobs", "2"], input: input)
        let blank: (([UInt8]) -> Bool) = { $0.allSatisfy { [0x20, 0x09, 0x0D].contains($0) } }
        let expected = lines.enumerated().filter { !blank($0.element) }
        let outputs = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(outputs.count == expected.count)
        var failed = 0
        for ((index, line), output) in zip(expected, outputs) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
            if let error = object["error"] as? String {
                failed += 1
                #expect(error.hasPrefix("stdin:\(index + 1): "))
            } else {
                #expect(object["sentences"] is [String])
                // The members as they came (the object without its outer whitespace and closing brace).
                let isSpace: (UInt8) -> Bool = { [0x20, 0x09, 0x0D].contains($0) }
                let members = line.drop(while: isSpace).reversed().drop(while: isSpace).dropFirst().reversed()
                #expect(Array(output.utf8).starts(with: members))
            }
            if let seed = intact[index] {
                #expect(object["error"] == nil)
                #expect(Array(output.utf8).starts(with: seed.dropLast()))
            }
        }
        #expect(failed > 500)
        #expect((result.status == 1) == (failed > 0))
        #expect(result.stderr.contains("\(failed) of \(expected.count) lines failed"))
    }
}

/// Reads lines from a pipe on a background thread, so a test can wait for one with a time limit.
private final class LineWaiter: @unchecked Sendable {
    private let lock = NSCondition()
    private var buffer = Data()
    private var closed = false

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                lock.lock()
                if data.isEmpty { closed = true } else { buffer.append(data) }
                lock.broadcast()
                lock.unlock()
                if data.isEmpty { return }
            }
        }
    }

    func nextLine(timeout seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<end], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...end)
                return line
            }
            if closed || !lock.wait(until: deadline) { return nil }
        }
    }
}

/// Byte-level mutations from a fixed seed: the same test input on every run.
private struct SeededBytes {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    private static let interesting: [UInt8] = Array("\"\\{}[],:u0e-. ".utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xED, 0xFF]

    mutating func mutate(_ line: [UInt8]) -> [UInt8] {
        var bytes = line
        for _ in 0...below(3) {
            let position = below(bytes.count + 1)
            switch below(4) {
            case 0 where position < bytes.count: bytes[position] = Self.interesting[below(Self.interesting.count)]
            case 1 where position < bytes.count: bytes.remove(at: position)
            case 2: bytes = Array(bytes[..<position])
            default: bytes.insert(Self.interesting[below(Self.interesting.count)], at: position)
            }
        }
        return bytes
    }
}
