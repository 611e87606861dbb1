import Foundation
import Testing
@testable import Segmentation

/// The word lists are data: they must parse, and a lint keeps them free of repeats and shadowed entries.
struct WordListTests {
    static var shippedLists: [URL] {
        guard let directory = BuiltInRules.directory else { return [] }
        return ["de", "en"].flatMap { language in
            let folder = directory.appendingPathComponent(language)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
        }
    }

    @Test("Every shipped list parses and passes the lint", arguments: shippedLists)
    func shippedListIsClean(_ file: URL) throws {
        let list = try WordList(contentsOf: file)
        #expect(!list.entries.isEmpty)
        #expect(list.lint() == [])
    }

    @Test("The shipped lists are all there", arguments: ["de", "en"])
    func listsExist(_ language: String) {
        let names = Self.shippedLists.filter { $0.deletingLastPathComponent().lastPathComponent == language }
            .map(\.lastPathComponent)
        #expect(names.contains("abbreviations.txt"))
        #expect(names.contains("abbreviations-final.txt"))
        #expect(names.contains("abbreviations-numeric.txt"))
        #expect(names.contains("continuation-words.txt"))
    }

    @Test("No abbreviation sits in two abbreviation lists of one language", arguments: ["de", "en"])
    func abbreviationListsAreDisjoint(_ language: String) throws {
        var owner: [String: String] = [:]
        for file in Self.shippedLists where file.deletingLastPathComponent().lastPathComponent == language
            && file.lastPathComponent.hasPrefix("abbreviations") {
            for entry in try WordList(contentsOf: file).entries {
                let key = WordList.normalized(entry.text)
                #expect(owner[key] == nil, "'\(entry.text)' is in \(file.lastPathComponent) and \(owner[key] ?? "")")
                owner[key] = file.lastPathComponent
            }
        }
    }

    @Test("Malformed entries are rejected with a reason",
          arguments: ["Nr.", ".Nr", "z.  B", "Nr$", "(ca)", "z .B"])
    func malformedEntries(_ entry: String) {
        #expect(WordList.problem(with: entry) != nil)
        #expect(throws: SRXError.self) { try WordList(text: "Dr\n\(entry)\n", file: "list.txt") }
    }

    @Test("The lint finds repeated entries and entries a prefix entry already covers")
    func lintFindings() throws {
        let list = try WordList(text: "z. B\nz.B\nJahrhundert*\nJahrhunderts\n", file: "list.txt")
        #expect(list.lint() == [
            "list.txt:2: 'z.B' repeats line 1",
            "list.txt:4: 'Jahrhunderts' is already covered by 'Jahrhundert*' on line 3",
        ])
    }

    struct Spelling: Sendable, CustomTestStringConvertible {
        let entry: String
        let matches: [String]
        let misses: [String]
        var testDescription: String { entry }
    }

    static let spellings = [
        Spelling(entry: "z. B", matches: ["z. B", "z.B", "Z. B", "z.\u{A0}B"], misses: ["zB", "z.  B", "z. b"]),
        Spelling(entry: "Nr", matches: ["Nr"], misses: ["nr", "NR"]),
        Spelling(entry: "Jahrhundert*", matches: ["Jahrhundert", "Jahrhunderts", "Jahrhundertwende"], misses: ["Jahrhundert-"]),
        Spelling(entry: "Dipl.-Ing", matches: ["Dipl.-Ing", "Dipl. -Ing"], misses: ["Dipl-Ing"]),
        Spelling(entry: "et al", matches: ["et al", "et  al"], misses: ["etal"]),
    ]

    @Test("A small first letter matches capitalised only where a sentence starts",
          arguments: [("in der Schweiz.", false), ("Käse ist schweiz.", true), ("Ende. Schweiz.", true),
                      ("Ende!? Schweiz.", true), ("Wort (Schweiz.", true), ("sagte: Schweiz.", true),
                      ("„Schweiz.", true), ("Schweiz.", true), ("und Schweiz.", false), ("xschweiz.", false)])
    func capitalisedAtSentenceStart(_ text: String, _ matches: Bool) throws {
        let list = try WordList(text: "schweiz\nNr\n", file: "list.txt")
        let location = SRXError.RuleLocation(file: "rules.srx", line: 1, languageRule: "Test", number: 1, side: "beforebreak")
        let expanded = try WordList.expand(#"\b{{list}}\.$"#, lists: ["list": list], at: location)
        let regex = try NSRegularExpression(pattern: expanded)
        #expect((regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil) == matches)
    }

    @Test("An escaped backslash before a list is not a word boundary")
    func escapedBackslashBeforeList() throws {
        let list = try WordList(text: "schweiz\n", file: "list.txt")
        let location = SRXError.RuleLocation(file: "rules.srx", line: 1, languageRule: "Test", number: 1, side: "beforebreak")
        #expect(try WordList.expand(#"\\b{{list}}"#, lists: ["list": list], at: location).hasPrefix(#"\\b(?:(?:"#))
        #expect(try WordList.expand(#"\b{{list}}"#, lists: ["list": list], at: location).hasPrefix(#"(?:\b(?:"#))
    }

    @Test("How an entry is spelled in text", arguments: spellings)
    func entrySpellings(_ spelling: Spelling) throws {
        let list = try WordList(text: spelling.entry, file: "list.txt")
        let regex = try NSRegularExpression(pattern: "^" + list.pattern + "$")
        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        for text in spelling.matches { #expect(matches(text), "\(text)") }
        for text in spelling.misses { #expect(!matches(text), "\(text)") }
    }
}
