import Foundation
import PipelineCore
import Testing
import XML
@testable import Segmentation

/// A broken SRX file is an error that names the file, the line and, where there is one, the rule.
struct SRXErrorTests {
    /// One languagerule with a good rule first, so a bad second rule must be reported as rule 2.
    static func file(rule: String, map: String = #"<languagemap languagepattern="de.*" languagerulename="German"/>"#,
                     header: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" xmlns:pl="urn:pipeline:srx" version="2.0">
          <header segmentsubflows="yes" cascade="yes">\(header)</header>
          <body>
            <languagerules>
              <languagerule languagerulename="German">
                <rule break="no"><beforebreak>\\bca\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
                \(rule)
              </languagerule>
            </languagerules>
            <maprules>
              \(map)
            </maprules>
          </body>
        </srx>
        """
    }

    struct BrokenFile: Sendable, CustomTestStringConvertible {
        let name: String
        let contents: String
        /// The error, given the fixture's path.
        let expected: @Sendable (String) -> SRXError
        var testDescription: String { name }
    }

    static let brokenFiles: [BrokenFile] = [
        BrokenFile(name: "not well-formed", contents: "<srx version=\"2.0\">\n<body>\n<languagerules>\n</srx>") {
            .xml(.notWellFormed(file: $0, line: 4, message: "Opening and ending tag mismatch: languagerules line 3 and srx"))
        },
        BrokenFile(name: "a DOCTYPE", contents: "<!DOCTYPE srx [<!ENTITY x \"y\">]>\n<srx version=\"2.0\"/>") {
            .xml(.doctypeForbidden(file: $0, line: 1))
        },
        BrokenFile(name: "not SRX", contents: "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>") {
            .notSRX(file: $0, line: 2, found: "xliff")
        },
        BrokenFile(name: "a beforebreak that does not compile",
                   contents: file(rule: "<rule break=\"yes\"><beforebreak>[.!?</beforebreak><afterbreak>\\s</afterbreak></rule>")) {
            .invalidRegex(.init(file: $0, line: 8, languageRule: "German", number: 2, side: "beforebreak"),
                          pattern: "[.!?", message: "ICU rejects (?:[.!?)\\z")
        },
        BrokenFile(name: "an afterbreak that does not compile",
                   contents: file(rule: "<rule><beforebreak>\\.</beforebreak><afterbreak>(\\s</afterbreak></rule>")) {
            .invalidRegex(.init(file: $0, line: 8, languageRule: "German", number: 2, side: "afterbreak"),
                          pattern: "(\\s", message: "ICU rejects (\\s")
        },
        BrokenFile(name: "an undeclared word list",
                   contents: file(rule: "<rule break=\"no\"><beforebreak>\\b{{titles}}\\.</beforebreak><afterbreak/></rule>")) {
            .unknownWordList(.init(file: $0, line: 8, languageRule: "German", number: 2, side: "beforebreak"), name: "titles")
        },
        BrokenFile(name: "a language rule defined twice",
                   contents: file(rule: "</languagerule><languagerule languagerulename=\"German\">")) {
            .duplicateLanguageRule(file: $0, line: 8, name: "German", firstLine: 6)
        },
        BrokenFile(name: "a yes/no attribute with another value",
                   contents: file(rule: "<rule break=\"maybe\"><beforebreak>\\.</beforebreak></rule>")) {
            .invalidAttribute(file: $0, line: 8, element: "rule", attribute: "break", value: "maybe")
        },
        BrokenFile(name: "a map to a rule that does not exist",
                   contents: file(rule: "", map: "<languagemap languagepattern=\"de.*\" languagerulename=\"Deutsch\"/>")) {
            .unknownLanguageRule(file: $0, line: 12, name: "Deutsch")
        },
        BrokenFile(name: "a map without a pattern",
                   contents: file(rule: "", map: "<languagemap languagerulename=\"German\"/>")) {
            .missingAttribute(file: $0, line: 12, element: "languagemap", attribute: "languagepattern")
        },
        BrokenFile(name: "no map for the language",
                   contents: file(rule: "", map: "<languagemap languagepattern=\"fr.*\" languagerulename=\"German\"/>")) {
            .noRulesForLanguage(file: $0, language: "de-DE")
        },
    ]

    @Test("Broken files fail with the file, line and rule", arguments: brokenFiles)
    func brokenFileNamesTheProblem(_ broken: BrokenFile) throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("rules.srx", broken.contents)
        let expected = broken.expected(file.path)
        #expect(throws: expected) { try Segmenter(rules: file, language: #require(LanguageTag("de-DE"))) }
        let message = expected.errorDescription ?? ""
        #expect(message.hasPrefix(file.path))
    }

    @Test("The message of a bad regex names file, line, language rule, rule number and side")
    func regexMessageIsSpecific() {
        let error = SRXError.invalidRegex(.init(file: "x.srx", line: 8, languageRule: "German", number: 2, side: "afterbreak"),
                                          pattern: "(", message: "ICU rejects (")
        #expect(error.errorDescription == "x.srx:8: rule 2 of languagerule 'German', afterbreak: the regex '(' does not compile: ICU rejects (")
    }

    @Test("A malformed word list entry is reported with its file and line")
    func badWordListEntry() throws {
        let folder = try TemporaryFolder()
        let list = try folder.write("titles.txt", "Dr\nProf.\n")
        let file = try folder.write("rules.srx", Self.file(
            rule: "<rule break=\"no\"><beforebreak>\\b{{titles}}\\.</beforebreak></rule>",
            header: "<pl:wordlist name=\"titles\" file=\"titles.txt\"/>"))
        #expect(throws: SRXError.invalidWordListEntry(file: list.path, line: 2, entry: "Prof.",
                                                      reason: "must not end with '.': the rules add the period")) {
            try Segmenter(rules: file, language: #require(LanguageTag("de")))
        }
    }

    @Test("A missing file is unreadable, not a crash")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        let missing = folder.url.appendingPathComponent("nowhere.srx")
        #expect(throws: SRXError.self) { try Segmenter(rules: missing, language: #require(LanguageTag("de"))) }
    }
}
