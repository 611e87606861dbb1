import Foundation

/// What the line layout needs to know about a language, read from the same word lists the rules use
/// (`Rules/<language>/`): which words never end a sentence, and which words follow an ordinal.
struct LanguageProfile: Sendable {
    /// Articles, prepositions, conjunctions…, lower-cased: a line ending in one continues.
    let continuationWords: Set<String>
    /// Words after an ordinal number (`3. Oktober`), so a line starting that way is no list item.
    let ordinalNouns: [WordList.Entry]

    static let neutral = LanguageProfile(continuationWords: [], ordinalNouns: [])

    init(continuationWords: Set<String>, ordinalNouns: [WordList.Entry]) {
        self.continuationWords = continuationWords
        self.ordinalNouns = ordinalNouns
    }

    /// The built-in profile for a language subtag (`de`, `en`), or the neutral one.
    static func builtIn(for language: String) throws(SRXError) -> LanguageProfile {
        guard let folder = BuiltInRules.folder(for: language) else { return .neutral }
        let continuation = try entries(folder.appendingPathComponent("continuation-words.txt"))
        let ordinals = try entries(folder.appendingPathComponent("ordinal-nouns.txt"))
        return LanguageProfile(continuationWords: Set(continuation.map { $0.text.lowercased() }), ordinalNouns: ordinals)
    }

    /// A list's entries; a language may lack a list (English has no ordinals written `3.`).
    private static func entries(_ file: URL) throws(SRXError) -> [WordList.Entry] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try WordList(contentsOf: file).entries
    }

    func isContinuationWord(_ word: Substring) -> Bool {
        !continuationWords.isEmpty && continuationWords.contains(word.lowercased())
    }

    func isOrdinalNoun(_ word: Substring) -> Bool {
        ordinalNouns.contains { entry in
            entry.isPrefix ? word.hasPrefix(entry.text) : word == entry.text
        }
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
