import Foundation
import PipelineCore
import Testing
import XML
@testable import Terminology

/// ../shared beside the package root (three levels above this file's folder), which CI may lack.
enum SharedTestData {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")
    static let realTBX = root.appendingPathComponent("testdata/terminology/real-tbx")
}

/// The public TBX files in ../shared/testdata/terminology/real-tbx, each with the outcome its README states.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: SharedTestData.realTBX.path), "needs ../shared (schemas and test data beside the project; CI has it): skipped"))
struct RealTBXTests {
    static let folder = SharedTestData.realTBX

    static func load(_ name: String) throws -> Glossary {
        try Glossary.load([folder.appendingPathComponent(name)], source: LanguageTag("de")!, target: LanguageTag("en")!)
    }

    struct Pair: Equatable, CustomStringConvertible {
        let german: String
        let english: String
        let deprecated: [String]
        var description: String { "\(german) → \(english), never \(deprecated)" }
    }

    @Test(arguments: [
        ("tbx-basic-v3_dca_sample.tbx", [Pair(german: "Gleitsichtglas", english: "progressive lens", deprecated: ["PAL", "graduated lens"])]),
        ("tbx-basic-2008_martif_sample.tbx", [Pair(german: "Gleitsichtglas", english: "progressive lens", deprecated: ["PAL", "graduated lens"])]),
        ("tbx-min_legacy-termEntry_de-en.tbx", [
            Pair(german: "Hund", english: "dog", deprecated: ["hound"]), Pair(german: "Katze", english: "cat", deprecated: []),
            Pair(german: "Maus", english: "mouse", deprecated: []),
        ]),
        ("tbx-min_draft2013-conceptEntry_de-en.tbx", [
            Pair(german: "Hund", english: "dog", deprecated: ["hound"]), Pair(german: "Katze", english: "cat", deprecated: []),
            Pair(german: "Maus", english: "mouse", deprecated: []),
        ]),
    ])
    func importsAsTheReadmeSays(file: String, expected: [Pair]) throws {
        let glossary = try Self.load(file)
        #expect(glossary.entries.map { Pair(german: $0.term.text, english: $0.target, deprecated: $0.deprecatedTargets) } == expected)
        #expect(glossary.entries.allSatisfy { $0.status == .preferred })
    }

    @Test func notWellFormedIsRejectedAtTheMismatchedTag() throws {
        let file = Self.folder.appendingPathComponent("tbx-basic-v3_notwellformed_NEGATIVE.tbx")
        #expect(throws: GlossaryError.xml(.notWellFormed(file: file.path, line: 41, message: "Opening and ending tag mismatch: date line 40 and transacGrp"))) {
            try Self.load(file.lastPathComponent)
        }
    }

    @Test func badElementOrderIsRejectedWithEveryProblem() throws {
        let file = Self.folder.appendingPathComponent("tbx-basic-v3_badelementorder_NEGATIVE.tbx")
        #expect(throws: GlossaryError.invalidStructure(file: file.path, problems: [
            .init(line: 64, message: "<termNote> after <descripGrp> in <termSec>; term notes must come before descriptive elements"),
            .init(line: 77, message: "<term> directly inside <langSec>; a term belongs in a term section (termSec/tig)"),
            .init(line: 81, message: "<termSec> has no <term> text"),
        ])) {
            try Self.load(file.lastPathComponent)
        }
    }
}
