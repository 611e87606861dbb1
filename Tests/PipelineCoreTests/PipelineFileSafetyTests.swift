import Foundation
import Testing
@testable import PipelineCore

/// Hostile or broken pipeline files end in an error naming the file and line, quickly.
@Suite struct PipelineFileSafetyTests {
    let reader = PipelineFileReader(catalog: testCatalog)
    let file = URL(fileURLWithPath: "/project/Pipelines/p.yml")

    static let head = """
        version: 1
        name: p
        languages: {source: de-DE, target: en-GB}
        inputs: ../Samples

        """

    func error(_ text: String) -> String {
        do {
            _ = try reader.parse(text, file: file)
            return "no error"
        } catch {
            return error.localizedDescription
        }
    }

    /// Aliases as mapping keys grow ×10 per level; nine levels took minutes before the bound.
    @Test func anAliasBombIsRefusedBeforeParsing() {
        var yaml = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "l\(level): &l\(level) [\(previous)]\n"
        }
        let message = error(Self.head + yaml)
        #expect(message.hasPrefix("/project/Pipelines/p.yml:6:"), "the ninth alias, on the second level: \(message)")
        #expect(message.contains("more than 8 YAML aliases"))
        let keyed = error(Self.head + "a: &a {k: v}\n" + String(repeating: "*a : x\n", count: 9))
        #expect(keyed.contains("more than 8 YAML aliases"), "\(keyed)")
    }

    /// Collections as keys are compared with each other at a cost exponential in their nesting: a
    /// 3 KB file of nested `? - ?` keys ran for minutes under the fuzzer.
    @Test(arguments: [
        ("? [a, b]\n: c\n", 5, 1), ("[a, b]: c\n", 5, 1), ("x: {k: v, {a: b}: c}\n", 5, 11), ("x:\n  - ? - a\n", 6, 5),
    ])
    func aKeyThatIsNotAScalarIsRefusedAtItsPlace(yaml: String, line: Int, column: Int) {
        let message = error(Self.head + yaml)
        #expect(message.hasPrefix("/project/Pipelines/p.yml:\(line):\(column)"), "\(message)")
        #expect(message.contains("not a plain scalar"), "\(message)")
    }

    @Test func questionMarksAndBracketsInsideValuesAreFine() throws {
        let spec = try reader.parse(Self.head + """
            metadata: [author, url]   # ? [a]: b
            output: {folder: ../Output, name: "{stem}-x"}
            stages:
              - split: {}
              - list:
            """, file: file)
        #expect(spec.metadata == ["author", "url"])
    }

    @Test func deepCompactSequencesAreRefused() {
        let message = error(Self.head + "x: " + String(repeating: "- ", count: 100) + "a\n")
        #expect(message.contains("nested more than 64 levels deep"), "\(message)")
    }

    @Test func aFewAliasesAndStarsInQuotesAreFine() throws {
        let spec = try reader.parse("""
            version: 1
            name: p
            languages: &pair {source: de-DE, target: en-GB}
            inputs: ["../in/**/*.txt", '*.md']   # a * in a comment
            output: {folder: ../Output, name: "{stem}"}
            stages:
              - split: {}
              - list:
            """, file: file)
        #expect(spec.inputs == ["../in/**/*.txt", "*.md"])
    }

    @Test func deepNestingIsRefused() {
        let message = error(Self.head + "x: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n")
        #expect(message.contains("nested more than 64 levels deep"), "\(message)")
    }

    @Test func aDuplicateKeyIsOneLineWithItsPlace() {
        let message = error(Self.head + "name: q\nstages:\n  - split: {}\n")
        #expect(message.hasPrefix("/project/Pipelines/p.yml:"), "\(message)")
        #expect(message.contains("duplicated key(s): 'name'"))
        #expect(!message.contains("\n"), "no context dump: \(message)")
    }

    @Test(arguments: ["../../x-{stem}", "{stem}/../../x", "/etc/{stem}", "./{stem}", "a//{stem}", "a\\\\{stem}"])
    func aNameTemplateThatLeavesTheOutputFolderIsRefused(template: String) {
        let message = error(Self.head + "output: {name: \"\(template)\"}\nstages:\n  - split: {}\n")
        #expect(message.contains("output.name:"), "\(message)")
        #expect(message.contains("the name template"), "\(message)")
    }

    @Test func placeholderValuesCannotLeaveTheFolderEither() {
        let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)
        var namer = DocumentNamer(template: "{name}/{stem}", pipelineName: "..", languages: languages)
        #expect(namer.name(stem: "..") == "__/__")
        #expect(namer.name(stem: "a/../b") == "__/a_.._b")
    }

    @Test func fileProblemsSayWhatIsWrong() throws {
        let folder = try temporaryFolder()
        #expect(throws: PipelineSpecError.unreadable(file: folder.path, reason: "this is a folder, not a pipeline file")) {
            try reader.read(folder)
        }
        let latin1 = folder.appendingPathComponent("latin1.yml")
        try Data(Array("version: 1\nname: Gr".utf8) + [0x0A, 0xFC, 0x0A]).write(to: latin1)
        var message = "no error"
        do { _ = try reader.read(latin1) } catch { message = error.localizedDescription }
        #expect(message.hasPrefix("\(latin1.path):3:"), "\(message)")
        #expect(message.contains("is not valid UTF-8"))
    }
}
