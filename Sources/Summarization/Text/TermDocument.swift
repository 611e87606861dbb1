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

    var sentenceCount: Int { terms.count }

    init(sentences: [String], title: String, profile: LanguageProfile) {
        var vocabulary = Vocabulary(profile: profile)
        var scanner = WordScanner()
        var terms: [[Int32]] = []
        var wordCounts: [Int] = []
        terms.reserveCapacity(sentences.count)
        wordCounts.reserveCapacity(sentences.count)
        for sentence in sentences {
            var sentenceTerms: [Int32] = []
            var words = 0
            scanner.forEachWord(in: sentence) { word in
                words += 1
                if let id = vocabulary.termID(of: word) { sentenceTerms.append(id) }
            }
            terms.append(sentenceTerms)
            wordCounts.append(words)
        }
        var titleTerms = Set<Int32>()
        scanner.forEachWord(in: title) { word in
            if let id = vocabulary.termID(of: word) { titleTerms.insert(id) }
        }
        self.terms = terms
        self.wordCounts = wordCounts
        self.titleTerms = titleTerms.sorted()
        vocabularySize = vocabulary.count
    }
}

/// Gives each distinct stem of a document an id; remembers each word's verdict so that a word
/// is checked against the stop list and stemmed once per document.
private struct Vocabulary {
    let profile: LanguageProfile
    /// A lower-cased word's term id, or -1 for words that are not content terms.
    private var words: [String: Int32] = [:]
    private var stems: [String: Int32] = [:]

    init(profile: LanguageProfile) { self.profile = profile }

    var count: Int { stems.count }

    mutating func termID(of word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let key = String(decoding: word, as: UTF8.self)
        if let known = words[key] { return known >= 0 ? known : nil }
        let id: Int32
        if Self.isContentWord(word), !profile.stopWords.contains(key) {
            let stem = profile.stem(key)
            if let existing = stems[stem] {
                id = existing
            } else {
                id = Int32(stems.count)
                stems[stem] = id
            }
        } else {
            id = -1
        }
        words[key] = id
        return id >= 0 ? id : nil
    }

    /// Single letters and numbers carry no topic.
    private static func isContentWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count > 1 else { return false }
        return !word.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
