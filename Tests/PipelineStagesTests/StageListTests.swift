import Foundation
import PipelineCore
import Testing
@testable import PipelineStages

/// The list of stages as a whole, with the real catalog: what each stage's options need before it,
/// order, duplicates, and lists no stage reads.
@Suite struct StageListTests {
    static let file = URL(fileURLWithPath: "/project/Pipelines/p.yml")

    static func parse(stages: String, extra: String = "") throws -> PipelineSpec {
        try BuiltInStages.reader.parse("""
            version: 1
            name: p
            languages: {source: de-DE, target: en-GB}
            inputs: ../Samples
            \(extra)
            stages:
            \(stages)
            """, file: file)
    }

    static func error(stages: String, extra: String = "") -> String {
        do {
            _ = try parse(stages: stages, extra: extra)
            return "no error"
        } catch {
            return error.localizedDescription
        }
    }

    @Test(arguments: [
        ("  - segment: {}\n  - xliff: {content: summary}", "the xliff stage needs a summarize stage before it (because of content: summary)"),
        ("  - segment: {}\n  - xliff: {prefill: memory}", "the xliff stage needs a leverage stage before it (because of prefill: memory)"),
        ("  - segment: {}\n  - xliff: {prefill: memory-or-source}", "needs a leverage stage before it (because of prefill: memory-or-source)"),
        ("  - segment: {}\n  - leverage: {}", "the leverage stage needs a summarize stage before it (because of apply-to: summary)"),
        ("  - segment: {}\n  - briefing: {}", "the briefing stage needs a summarize stage before it"),
        ("  - segment: {}\n  - segment: {}", "the segment stage is listed twice"),
        ("  - segment: {}\n  - xliff: {}\n  - summarize: {}", "the summarize stage must come before xliff; stages run in the order segment, terms, summarize, leverage, translate, xliff, briefing"),
        ("  - segment: {}\n  - translate: {}", "the translate stage needs a summarize stage before it (because of apply-to: summary)"),
        ("  - segment: {}\n  - summarize: {}\n  - translate: {}\n  - leverage: {}", "the leverage stage must come before translate"),
    ])
    func whatTheOptionsNeedIsCheckedBeforeAnyRun(stages: String, message: String) {
        let error = Self.error(stages: stages)
        #expect(error.contains(message), "\(error)")
        #expect(error.hasPrefix("/project/Pipelines/p.yml:"), "\(error)")
    }

    @Test func optionsThatNeedNothingMoreAreAccepted() throws {
        let spec = try Self.parse(stages: "  - segment: {}\n  - leverage: {apply-to: all}\n  - xliff: {prefill: memory}",
                                  extra: "translation-memories: [../m.tmx]")
        #expect(spec.stages.map(\.name) == ["segment", "leverage", "xliff"])
        #expect(spec.warnings.isEmpty)
    }

    @Test func listsNoStageReadsAndStagesWithNothingToReadAreWarnings() throws {
        let spec = try Self.parse(stages: "  - segment: {}\n  - leverage: {apply-to: all}",
                                  extra: "glossaries: [../g.tbx, ../h.tsv]")
        #expect(spec.warnings == [
            "/project/Pipelines/p.yml: 'glossaries' lists 2 files, but no stage reads them",
            "/project/Pipelines/p.yml:8: the leverage stage has no translation-memories or translations to read; it will add nothing",
        ])
    }

    @Test func aMissingListedFileIsReportedAtTheLineThatListsIt() throws {
        let spec = try Self.parse(stages: "  - segment: {}\n  - terms: {}",
                                  extra: "glossaries:\n  - ../Glossary/nowhere.tbx\ntranslation-memories: [../nowhere.tmx]")
        let messages = spec.missingFiles().map(\.localizedDescription)
        #expect(messages == [
            "/project/Pipelines/p.yml:6:5: glossaries[0]: no such file or folder: /project/Glossary/nowhere.tbx",
            "/project/Pipelines/p.yml:7:24: translation-memories[0]: no such file or folder: /project/nowhere.tmx",
        ])
    }

    /// `pipeline stages` documents exactly the keys each stage accepts, and every key has help.
    @Test func everyStageDocumentsExactlyTheKeysItAccepts() {
        func keys<S: Stage>(_ stage: S.Type) -> (help: [String], accepted: [String]) {
            (S.Options.help.map(\.key).sorted(), S.Options.CodingKeys.allCases.map(\.stringValue).sorted())
        }
        for stage in BuiltInStages.catalog.stages {
            let (help, accepted) = keys(stage)
            #expect(help == accepted, "\(stage.name)")
        }
    }

    @Test func aMisspeltOptionOfAnyStageIsRefusedNamingTheKeysItAccepts() {
        for stage in BuiltInStages.catalog.stages {
            let error = Self.error(stages: "  - \(stage.name):\n      colour: blue")
            #expect(error.contains("stages[0].\(stage.name).colour: unknown key 'colour'; expected one of:"), "\(error)")
        }
    }
}
