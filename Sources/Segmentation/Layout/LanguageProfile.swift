import Foundation

/// What the line layout needs to know about a language, read from the same word lists the rules use
/// (`Rules/<language>/`): which words never end a sentence, and which words follow an ordinal.
struct LanguageProfile: Sendable {
    /// Articles, prepositions, conjunctions…: a line ending in one continues.
    private let continuationWords: Set<WordKey>
    /// Words after an ordinal number (`3. Oktober`), so a line starting that way is no list item.
    let ordinalNouns: [WordList.Entry]

    static let neutral = LanguageProfile(continuationWords: [], ordinalNouns: [])

    init(continuationWords: [String], ordinalNouns: [WordList.Entry]) {
        self.continuationWords = Set(continuationWords.compactMap { word in
            var copy = word
            return copy.withUTF8 { WordKey($0) }
        })
        self.ordinalNouns = ordinalNouns
    }

    /// The built-in profile for a language subtag (`de`, `en`), or the neutral one.
    static func builtIn(for language: String) throws(SRXError) -> LanguageProfile {
        guard let folder = BuiltInRules.folder(for: language) else { return .neutral }
        let continuation = try entries(folder.appendingPathComponent("continuation-words.txt"))
        let ordinals = try entries(folder.appendingPathComponent("ordinal-nouns.txt"))
        return LanguageProfile(continuationWords: continuation.map(\.text), ordinalNouns: ordinals)
    }

    /// A list's entries; a language may lack a list (English has no ordinals written `3.`).
    private static func entries(_ file: URL) throws(SRXError) -> [WordList.Entry] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try WordList(contentsOf: file).entries
    }

    /// Whether a word (UTF-8) is a continuation word, ignoring the case of ASCII letters.
    func isContinuationWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !continuationWords.isEmpty, let key = WordKey(word) else { return false }
        return continuationWords.contains(key)
    }

    func isOrdinalNoun(_ word: Substring) -> Bool {
        ordinalNouns.contains { entry in
            entry.isPrefix ? word.hasPrefix(entry.text) : word == entry.text
        }
    }
}

/// A short word packed into two integers, ASCII letters lower-cased: a set lookup without
/// making a `String` for every line end.
private struct WordKey: Hashable {
    let low: UInt64
    let high: UInt64

    /// nil for words longer than 16 bytes, which no continuation word is.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 16 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            let folded = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if index < 8 { low |= UInt64(folded) << (8 * UInt64(index)) } else { high |= UInt64(folded) << (8 * UInt64(index - 8)) }
        }
        self.low = low
        self.high = high
    }
}

/// Where the built-in SRX file and word lists live in the module's resources.
enum BuiltInRules {
    static var directory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Rules", isDirectory: true)
    }

    static var srxFile: URL? { directory?.appendingPathComponent("segment.srx") }

    static func folder(for language: String) -> URL? {
        guard let folder = directory?.appendingPathComponent(language, isDirectory: true),
              FileManager.default.fileExists(atPath: folder.path) else { return nil }
        return folder
    }
}
