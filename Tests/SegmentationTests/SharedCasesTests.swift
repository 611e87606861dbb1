import Foundation
import PipelineCore
import Testing
@testable import Segmentation

/// The public German cases in ../shared, scored the way `eval-segmentation` scores them, without
/// building the command line tool. Skipped when ../shared is absent.
struct SharedCasesTests {
    static let cases = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata/segmentation/de-public.jsonl")

    @Test("At least 97% of the public German cases pass",
          .enabled(if: FileManager.default.fileExists(atPath: cases.path), "needs ../shared (schemas and test data beside the project; CI has it): skipped"))
    func publicGermanCases() throws {
        let segmenter = try Segmenter(language: #require(LanguageTag("de")))
        let lines = try String(contentsOf: Self.cases, encoding: .utf8).split(separator: "\n")
        var passed = 0
        var failures: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try #require(object["text"] as? String)
            let expected = try #require(object["sentences"] as? [String]).map(SegmentationCase.collapsed)
            let segmented = segmenter.segment(text)
            SpanInvariants.check(segmented, of: text)
            let found = segmented.sentences.map { SegmentationCase.collapsed(text.slice($0.span)) }
            if found == expected { passed += 1 } else { failures.append(object["id"] as? String ?? "?") }
        }
        #expect(Double(passed) >= 0.97 * Double(lines.count), "failed: \(failures)")
    }
}
