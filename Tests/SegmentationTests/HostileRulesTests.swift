import Foundation
import PipelineCore
import Testing
@testable import Segmentation

/// SRX files come from users: a rule must not make the segmenter hang, nor a word list make it
/// read (and quote) files outside the rule file's folder. These tests feed such files and check
/// the answer or the error, never the time.
struct HostileRulesTests {
    /// An SRX file with one language rule holding `rules`, for every language.
    static func srx(_ rules: String, header: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" xmlns:pl="urn:pipeline:srx" version="2.0">
          <header cascade="yes">\(header)</header>
          <body>
            <languagerules>
              <languagerule languagerulename="Hostile">
                \(rules)
              </languagerule>
            </languagerules>
            <maprules><languagemap languagepattern=".*" languagerulename="Hostile"/></maprules>
          </body>
        </srx>
        """
    }

    static let german = LanguageTag("de")!

    /// The location of rule 1 of the fixture, whose rules sit on line 7.
    static func location(_ file: URL, side: String) -> SRXError.RuleLocation {
        .init(file: file.path, line: 7, languageRule: "Hostile", number: 1, side: side)
    }

    // MARK: regexes

    @Test("(a+)+$ as an afterbreak runs on the automaton and answers correctly on long runs of a")
    func nestedQuantifierWithDollarRunsOnTheAutomaton() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("rules.srx", Self.srx(
            #"<rule break="yes"><beforebreak>\.</beforebreak><afterbreak>(a+)+$</afterbreak></rule>"#))
        let segmenter = try Segmenter(rules: file, language: Self.german)
        #expect(segmenter.runsOnAutomatonOnly)
        let run = String(repeating: "a", count: 100)
        // The afterbreak matches only when nothing but a's (and a final line end) follow.
        #expect(segmenter.segment("x.\(run)").sentences.count == 2)
        #expect(segmenter.segment("x.\(run)\n").sentences.count == 2)
        #expect(segmenter.segment("x.\(run)b").sentences.count == 1)
    }

    struct TooComplex: Sendable, CustomTestStringConvertible {
        let rule: String
        let side: String
        let pattern: String
        /// A phrase the message must contain: which budget, or why ICU cannot run it.
        let problem: String
        var testDescription: String { pattern }
    }

    static let tooComplex: [TooComplex] = [
        TooComplex(rule: #"<rule><beforebreak>(?:[a-z]{1,100}){1,100}\.</beforebreak><afterbreak>\s</afterbreak></rule>"#,
                   side: "beforebreak", pattern: #"(?:[a-z]{1,100}){1,100}\."#, problem: "more than the 20000 allowed"),
        TooComplex(rule: #"<rule><beforebreak>\.</beforebreak><afterbreak>x{1000000}</afterbreak></rule>"#,
                   side: "afterbreak", pattern: "x{1000000}", problem: "NFA states"),
        TooComplex(rule: #"<rule><beforebreak>\.</beforebreak><afterbreak>(?:a|b)*a(?:a|b){16}</afterbreak></rule>"#,
                   side: "afterbreak", pattern: "(?:a|b)*a(?:a|b){16}", problem: "more than 20000 DFA states"),
        TooComplex(rule: #"<rule><beforebreak>(?:[a-z]{1,99}){1,99}\.</beforebreak><afterbreak>\s</afterbreak></rule>"#,
                   side: "beforebreak", pattern: #"(?:[a-z]{1,99}){1,99}\."#, problem: "takes more than 10000000 steps"),
        TooComplex(rule: #"<rule><beforebreak>(?&lt;=x)(a+)+\.</beforebreak><afterbreak>\s</afterbreak></rule>"#,
                   side: "beforebreak", pattern: #"(?<=x)(a+)+\."#, problem: "'(a+)+' nests quantifiers"),
        TooComplex(rule: #"<rule><beforebreak>\.</beforebreak><afterbreak>(\w)(?:\1|\s*\w?)*x</afterbreak></rule>"#,
                   side: "afterbreak", pattern: #"(\w)(?:\1|\s*\w?)*x"#, problem: "needs ICU (for its backreference)"),
    ]

    @Test("Regexes beyond a budget, or nested quantifiers ICU would have to run, are refused by name", arguments: tooComplex)
    func tooComplexIsRefused(_ hostile: TooComplex) throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("rules.srx", Self.srx(hostile.rule))
        do {
            _ = try Segmenter(rules: file, language: Self.german)
            Issue.record("compiled /\(hostile.pattern)/")
        } catch let error as SRXError {
            guard case .regexTooComplex(let location, let pattern, let problem) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(location == Self.location(file, side: hostile.side))
            #expect(pattern == hostile.pattern)
            #expect(problem.contains(hostile.problem), "\(problem)")
            #expect(error.errorDescription?.hasPrefix("\(file.path):7: rule 1 of languagerule 'Hostile', \(hostile.side): ") == true)
        }
    }

    @Test("A rule only ICU can run gives up after its step budget instead of backtracking for minutes")
    func icuStepBudget() throws {
        // Lookbehind sends it to ICU; five adjacent \s* on 3,000 spaces without an x would take
        // ICU on the order of 10^13 steps.
        let matcher = try RulePattern(#"(?<=\.)\s*\s*\s*\s*\s*x"#, readsBackwards: false).matcher()
        #expect(!matcher.runsOnAutomaton)
        var text = "." + String(repeating: " ", count: 3000)
        text.withUTF8 { bytes in
            let window = TextWindow(bytes: bytes, lower: 0, upper: bytes.count)
            var icu: ICUText?
            #expect(!matcher.matches(in: window, at: window.position(1), icu: &icu))
        }
        var short = ".   x"
        short.withUTF8 { bytes in
            let window = TextWindow(bytes: bytes, lower: 0, upper: bytes.count)
            var icu: ICUText?
            #expect(matcher.matches(in: window, at: window.position(1), icu: &icu))
        }
    }

    @Test("A lookbehind rule searching its whole 2 KiB stretch stays within the budget")
    func icuBudgetFitsOrdinaryRules() throws {
        // ICU tests "ends here" by searching the stretch before the position from every start.
        let matcher = try RulePattern(#"(?<=[.!?])\s+\p{Lu}\w*"#, readsBackwards: true).matcher()
        #expect(!matcher.runsOnAutomaton)
        var text = String(repeating: "Der Rat hat am Montag beschlossen, dass die Regel gilt; ", count: 60) + "Ende. Der"
        text.withUTF8 { bytes in
            let window = TextWindow(bytes: bytes, lower: 0, upper: bytes.count)
            var icu: ICUText?
            #expect(matcher.matches(in: window, at: window.position(bytes.count), icu: &icu))
            #expect(!matcher.matches(in: window, at: window.position(bytes.count - 3), icu: &icu))
        }
    }

    @Test("Nested quantifiers are found in the raw pattern",
          arguments: [(#"(a+)+"#, "(a+)+"), (#"(?:\w*\s?){2,}"#, #"(?:\w*\s?){2,}"#), (#"x((ab)*c)+"#, "((ab)*c)+"),
                      (#"(?<=y)(a|b+)*"#, "(a|b+)*"), (#"((?:a)?b)+?"#, "((?:a)?b)+?")])
    func nestedQuantifierFound(_ pattern: String, _ group: String) {
        #expect(NestedQuantifier.find(in: pattern) == group)
    }

    @Test("Quantifiers that do not nest pass",
          arguments: [#"(?:ab)+"#, #"(a{3})+"#, #"[(a+)]+"#, #"\(a+\)+"#, #"(?:Nr|Dr)\.+"#, #"(a+)?"#, #"\Q(a+)+\E"#,
                      #"(?i)(?<=\s)a+(?:b)+"#, #"(?#(a+)+)x"#])
    func flatQuantifiersPass(_ pattern: String) {
        #expect(NestedQuantifier.find(in: pattern) == nil)
    }

    // MARK: word lists

    /// A rule file in `folder/rules/`, a word list beside it and a secret one level up.
    struct Layout {
        let folder: TemporaryFolder
        let rulesFolder: URL
        let secret: URL

        init() throws {
            folder = try TemporaryFolder()
            rulesFolder = folder.url.appendingPathComponent("rules")
            try FileManager.default.createDirectory(at: rulesFolder.appendingPathComponent("lists"), withIntermediateDirectories: true)
            secret = try folder.write("secret.txt", "GEHEIM-Kennwort-4711\n")
            try "Dr\nProf\n".write(to: rulesFolder.appendingPathComponent("lists/titles.txt"), atomically: true, encoding: .utf8)
        }

        /// Writes `rules/rules.srx` with a word list declared as `path` and a rule using it.
        func srx(wordList path: String) throws -> URL {
            let file = rulesFolder.appendingPathComponent("rules.srx")
            let escaped = path.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            try HostileRulesTests.srx(#"<rule break="no"><beforebreak>\b{{titles}}\.</beforebreak><afterbreak>\s</afterbreak></rule>"#,
                                      header: "<pl:wordlist name=\"titles\" file=\"\(escaped)\"/>")
                .write(to: file, atomically: true, encoding: .utf8)
            return file
        }
    }

    @Test("Word lists inside the rule file's folder load, also through a symlink that stays inside")
    func wordListsInsideLoad() throws {
        let layout = try Layout()
        try FileManager.default.createSymbolicLink(atPath: layout.rulesFolder.appendingPathComponent("alias.txt").path,
                                                   withDestinationPath: "lists/titles.txt")
        for path in ["lists/titles.txt", "./lists/../lists/titles.txt", "alias.txt"] {
            let segmenter = try Segmenter(rules: layout.srx(wordList: path), language: Self.german)
            #expect(segmenter.segment("Prof. Weber kam.").sentences.count == 1, "\(path)")
        }
    }

    @Test("Word lists that lead outside the folder are refused, naming the SRX file and the path, quoting nothing",
          arguments: ["../secret.txt", "lists/../../secret.txt", "ABSOLUTE", "link.txt", "linked-folder/secret.txt", "/proc/self/environ",
                      "../../../../../../../../etc/passwd"])
    func wordListEscapesAreRefused(_ declared: String) throws {
        let layout = try Layout()
        try FileManager.default.createSymbolicLink(atPath: layout.rulesFolder.appendingPathComponent("link.txt").path,
                                                   withDestinationPath: layout.secret.path)
        try FileManager.default.createSymbolicLink(atPath: layout.rulesFolder.appendingPathComponent("linked-folder").path,
                                                   withDestinationPath: "..")
        let path = declared == "ABSOLUTE" ? layout.secret.path : declared
        let file = try layout.srx(wordList: path)
        do {
            _ = try Segmenter(rules: file, language: Self.german)
            Issue.record("loaded \(path)")
        } catch let error as SRXError {
            guard case .badWordList(let srxFile, let line, let reported, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(srxFile == file.path)
            #expect(line == 3)
            #expect(reported == path)
            let message = error.errorDescription ?? ""
            #expect(message.hasPrefix("\(file.path):3: word list '\(path)' "))
            #expect(!message.contains("GEHEIM"))
            #expect(!message.contains("root:"))
        }
    }

    @Test("A word list that is not a regular file, or too large, is refused before it is read")
    func wordListsMustBeSmallRegularFiles() throws {
        let layout = try Layout()
        #expect(mkfifo(layout.rulesFolder.appendingPathComponent("pipe.txt").path, 0o600) == 0)
        try FileManager.default.createDirectory(at: layout.rulesFolder.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
        try String(repeating: "Dr\n", count: WordList.byteLimit / 3 + 1)
            .write(to: layout.rulesFolder.appendingPathComponent("huge.txt"), atomically: true, encoding: .utf8)
        for (path, problem) in [("pipe.txt", "is not a regular file"), ("folder.txt", "is not a regular file"),
                                ("huge.txt", "a word list may hold at most \(WordList.byteLimit) bytes"),
                                ("missing.txt", "does not exist or cannot be read")] {
            let file = try layout.srx(wordList: path)
            #expect(throws: SRXError.badWordList(file: file.path, line: 3, path: path, problem: problem.hasPrefix("a word list")
                ? "is \(WordList.byteLimit / 3 * 3 + 3) bytes; \(problem)" : problem)) {
                try Segmenter(rules: file, language: Self.german)
            }
        }
    }

    @Test("A bad entry is quoted as a short excerpt with control and bidi characters escaped")
    func badEntryIsExcerpted() throws {
        let layout = try Layout()
        let line = "root:x:0:0:root:/root:/bin/bash:\u{202E}GEHEIM"
        try "Dr\n\(line)\n".write(to: layout.rulesFolder.appendingPathComponent("passwd.txt"), atomically: true, encoding: .utf8)
        let file = try layout.srx(wordList: "passwd.txt")
        do {
            _ = try Segmenter(rules: file, language: Self.german)
            Issue.record("loaded a list with a bad entry")
        } catch let error as SRXError {
            let message = error.errorDescription ?? ""
            #expect(message.contains("passwd.txt:2: word list entry 'root:x:0:0:root:/root:/b…' contains ':'"), "\(message)")
            #expect(!message.contains("GEHEIM"))
            #expect(SRXError.excerpt("a\u{202E}b\nc") == "a\\u{202E}b\\u{A}c")
        }
    }
}
