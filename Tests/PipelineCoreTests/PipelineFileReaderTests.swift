import Foundation
import Testing
@testable import PipelineCore

@Suite struct PipelineFileReaderTests {
    let reader = PipelineFileReader(catalog: testCatalog)
    let file = URL(fileURLWithPath: "/project/Pipelines/test.yml")

    static let valid = """
        version: 1
        name: test
        languages:
          source: de-DE
          target: en-GB
        inputs: ../Samples
        glossaries: [../Glossary/g.tbx]
        output:
          folder: ../Output
          name: "{stem}.{target}"
        stages:
          - split:
              min-length: 3
          - list:
        """

    @Test func readsAValidFile() throws {
        let spec = try reader.parse(Self.valid, file: file)
        #expect(spec.name == "test")
        #expect(spec.languages.source.language == "de")
        #expect(spec.inputs == ["../Samples"])
        #expect(spec.resolve(spec.glossaries[0]).path == "/project/Glossary/g.tbx")
        #expect(spec.stages.map(\.name) == ["split", "list"])
        #expect(spec.stages[0].line == 12)
        #expect((spec.stages[0].options as? PeriodSplitStage.Options)?.minLength == 3)
        #expect(spec.output.name == "{stem}.{target}")
    }

    /// Each broken file must name the line, and the key path or the problem.
    @Test(arguments: [
        ("min-length: 3", "min-lenght: 3", 13, "stages[0].split.min-lenght", "unknown key 'min-lenght'"),
        ("  - list:", "  - lists:", 14, "stages[1].lists", "unknown stage 'lists'"),
        ("inputs: ../Samples", "input: ../Samples", 6, "input", "unknown key 'input'"),
        ("min-length: 3", "min-length: three", 13, "stages[0].split.min-length", "expected an integer"),
        ("source: de-DE", "source: German", 4, "languages.source", "not a BCP-47 language tag"),
        ("version: 1", "version: 2", 1, "version", "not supported"),
        ("  - split:\n      min-length: 3\n", "", 12, "stages[0].list", "needs a split stage before it"),
    ])
    func reportsWhereAndWhat(original: String, replacement: String, line: Int, keyPath: String, message: String) throws {
        let broken = Self.valid.replacingOccurrences(of: original, with: replacement)
        #expect(broken != Self.valid)
        let error = try #require(throws: PipelineSpecError.self) { try reader.parse(broken, file: file) }
        guard case .invalid(let file, let foundLine, _, let foundPath, let foundMessage) = error else {
            Issue.record("expected a located error, got \(error)")
            return
        }
        #expect(file == "/project/Pipelines/test.yml")
        #expect(foundLine == line)
        #expect(foundPath == keyPath)
        #expect(foundMessage.contains(message))
    }

    @Test func syntaxErrorsNameTheFile() throws {
        let error = try #require(throws: PipelineSpecError.self) {
            try reader.parse("version: 1\nname: [unclosed\n", file: file)
        }
        #expect(error.localizedDescription.hasPrefix("/project/Pipelines/test.yml"))
        #expect(error.localizedDescription.contains("YAML"))
    }

    @Test func nameTemplateMustKeepDocumentsApart() throws {
        let broken = Self.valid.replacingOccurrences(of: "\"{stem}.{target}\"", with: "fixed")
        let error = try #require(throws: PipelineSpecError.self) { try reader.parse(broken, file: file) }
        #expect(error.localizedDescription.contains("{stem}"))
    }
}
