import Testing
@testable import Summarization

@Suite("WordScanner")
struct WordScannerTests {
    static let cases: [(text: String, words: [String])] = [
        ("Die Bundesregierung plant", ["die", "bundesregierung", "plant"]),
        ("ÄRZTE über Öl und Straße", ["ärzte", "über", "öl", "und", "straße"]),
        ("„Zitat“ – Ende… (dpa)", ["zitat", "ende", "dpa"]),
        ("KI-Modelle kosten 1.500 Euro", ["ki", "modelle", "kosten", "1", "500", "euro"]),
        ("Ωμέγα und ΣΟΦΙΑ", ["ωμέγα", "und", "σοφια"]),
        ("Hallo😀Welt×Preis÷2", ["hallo", "welt", "preis", "2"]),
        ("snake_case bleibt", ["snake_case", "bleibt"]),
        ("ȺȺȺȺ İ", ["ⱥⱥⱥⱥ", "i̇"]), // lower-casing that makes a word longer than its text
        ("", []),
        (" – … „“ ", []),
    ]

    @Test("splits on non-word scalars and lower-cases", arguments: cases)
    func words(text: String, expected: [String]) {
        var scanner = WordScanner()
        var words: [String] = []
        scanner.forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        #expect(words == expected)
    }

    @Test("the word table numbers words in order of first appearance and finds them again past growth")
    func wordTable() {
        let words = (0..<2_000).map { "wort\($0)" } + ["", "ä", "wort7"]
        var table = WordTable(expectedWords: 4)
        var ids: [Int32] = []
        for var word in words {
            ids.append(word.withUTF8 { table.intern($0) })
        }
        #expect(ids == Array(0..<2_002).map(Int32.init) + [7])
        #expect(table.count == 2_002)
        for (index, var word) in words.enumerated() {
            #expect(table.word(ids[index]) == word)
            #expect(word.withUTF8 { table.find($0, hash: WordTable.hash($0)) } == ids[index])
        }
        var unknown = "wort2000"
        #expect(unknown.withUTF8 { table.find($0, hash: WordTable.hash($0)) } == nil)
    }
}
