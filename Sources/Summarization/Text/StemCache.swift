import Foundation

/// Each word's term (its stem, or none for stop words and numbers), shared by every document a
/// summarizer sees.
///
/// Stemming is the dearest step of reading a document (about 2 µs a word), while a corpus reuses
/// most of its vocabulary; caching across documents makes the cost follow the distinct words of
/// the whole batch instead of each document's. Terms are pure functions of the word, so the cache
/// changes no result, whatever order documents arrive in. Each document takes the lock twice:
/// once to look its words up, once to add the ones it had to classify. The cache empties itself
/// when it reaches `capacity` words, which bounds its memory.
final class StemCache: @unchecked Sendable {
    static let capacity = 200_000

    private let lock = NSLock()
    /// The empty string stands for "not a term".
    private var stems: [String: String] = [:]

    /// The term of each of `words` (nil for words that are not terms), computing with `term` only
    /// those not cached.
    func terms(of words: [String], term: (String) -> String?) -> [String?] {
        var result = [String?](repeating: nil, count: words.count)
        lock.lock()
        for (index, word) in words.enumerated() { result[index] = stems[word] }
        lock.unlock()
        var computed: [(String, String)] = []
        for index in words.indices where result[index] == nil {
            let stemmed = term(words[index]) ?? ""
            result[index] = stemmed
            computed.append((words[index], stemmed))
        }
        if !computed.isEmpty {
            lock.lock()
            if stems.count + computed.count > Self.capacity { stems.removeAll(keepingCapacity: true) }
            for (word, stemmed) in computed { stems[word] = stemmed }
            lock.unlock()
        }
        return result.map { $0!.isEmpty ? nil : $0 }
    }
}
