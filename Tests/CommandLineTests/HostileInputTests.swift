import Foundation
import Testing

/// The hostile-input catalogue in `Hostile/`: each folder a small project the binary runs in, with
/// the status and error text expected (see `Hostile/README.md`).
@Suite struct HostileInputTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile")

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let status: Int32
        let stderr: [String]
        let absent: [String]
        var testDescription: String { name }

        init(name: String) throws {
            self.name = name
            let lines = try String(contentsOf: HostileInputTests.folder.appendingPathComponent("\(name)/case"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            arguments = lines.first.map { $0.split(separator: " ").map(String.init) } ?? []
            func values(_ key: String) -> [String] { lines.dropFirst().filter { $0.hasPrefix(key + " ") }.map { String($0.dropFirst(key.count + 1)) } }
            status = Int32(values("status").first ?? "1") ?? 1
            stderr = values("stderr")
            absent = values("not")
        }
    }

    static let cases: [Case] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasSuffix(".md") }.compactMap { try? Case(name: $0) }
    }()

    @Test func theCatalogueIsThere() {
        #expect(Self.cases.count >= 10)
    }

    @Test(arguments: cases)
    func eachCaseEndsInItsClearError(_ hostile: Case) throws {
        let result = try CommandRunner.run(hostile.arguments, in: Self.folder.appendingPathComponent(hostile.name))
        #expect(result.status == hostile.status, "\(hostile.name): status \(result.status), stderr: \(result.stderr)")
        for text in hostile.stderr { #expect(result.stderr.contains(text), "\(hostile.name): expected “\(text)” in: \(result.stderr)") }
        for text in hostile.absent {
            #expect(!result.stderr.contains(text) && !result.stdout.contains(text), "\(hostile.name): “\(text)” must not appear")
        }
        #expect(!result.stderr.contains("Fatal error"), "\(hostile.name) crashed: \(result.stderr)")
    }
}
