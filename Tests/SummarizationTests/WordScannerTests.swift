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
}
