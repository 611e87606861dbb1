/// A document reduced to what the scorers read: for each sentence its word count and its content
/// terms (stemmed words that are not stop words or numbers) as small integer ids.
struct TermDocument: Sendable {
    /// Content term ids of each sentence, in text order, repeats kept.
    let terms: [[Int32]]
    /// All words of each sentence, stop words and numbers included: the sentence's length.
    let wordCounts: [Int]
    /// Term ids run from 0 to `vocabularySize - 1`.
    let vocabularySize: Int
    /// Content term ids of the title, unique and sorted.
    let titleTerms: [Int32]
    /// Whether each sentence is the title itself (the same words in the same order), as when a
    /// text's first line is both its title and its first paragraph: the title is no key point.
    let repeatsTitle: [Bool]
    /// How many sentences stand above the title's own sentence when it is among the first three: an
    /// image caption or kicker above the headline (`TextTitle.headline`), never a key point.
    let frontMatter: Int

    var sentenceCount: Int { terms.count }

    /// Words are interned first and classified once per distinct word (through `lexicon`): stop
    /// words and numbers drop out, the rest are stemmed, and stems numbered in order of first use.
    init(sentences: [String], title: String, profile: LanguageProfile, lexicon: TermLexicon = TermLexicon()) {
        var table = WordTable(expectedWords: min(sentences.count * 8, 1 << 16))
        var scanner = WordScanner()
        var wordIDs: [[Int32]] = []
        wordIDs.reserveCapacity(sentences.count)
        for sentence in sentences {
            var ids: [Int32] = []
            scanner.forEachWord(in: sentence) { ids.append(table.intern($0)) }
            wordIDs.append(ids)
        }
        var titleWordIDs: [Int32] = []
        scanner.forEachWord(in: title) { titleWordIDs.append(table.intern($0)) }

        // Distinct words → term ids (-1 for words that are not content terms).
        let (termOfWord, vocabularySize) = lexicon.terms(of: table) { word in
            Self.isContentWord(word) && !profile.stopWords.contains(word) ? profile.stem(word) : nil
        }

        terms = wordIDs.map { ids in
            var terms: [Int32] = []
            terms.reserveCapacity(ids.count)
            for id in ids where termOfWord[Int(id)] >= 0 { terms.append(termOfWord[Int(id)]) }
            return terms
        }
        wordCounts = wordIDs.map { $0.count }
        titleTerms = Set(titleWordIDs.compactMap { termOfWord[Int($0)] >= 0 ? termOfWord[Int($0)] : nil }).sorted()
        repeatsTitle = wordIDs.map { !titleWordIDs.isEmpty && $0 == titleWordIDs }
        frontMatter = repeatsTitle.prefix(3).firstIndex(of: true) ?? 0
        self.vocabularySize = vocabularySize
    }

    /// Single letters and numbers carry no topic.
    private static func isContentWord(_ word: String) -> Bool {
        word.utf8.count > 1 && !word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
