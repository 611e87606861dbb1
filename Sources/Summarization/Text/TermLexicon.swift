import Foundation

/// Every word's term, shared by all the documents a summarizer reads: a stem id, or none for stop
/// words and numbers.
///
/// Stemming is the dearest step of reading a document, while a corpus reuses most of its
/// vocabulary; keeping each word's verdict for the run makes the cost follow the distinct words of
/// the batch instead of each document's. Words are looked up by their bytes with the hash the
/// document's own table computed, so a known word costs no allocation. Verdicts are pure functions
/// of the word, so the lexicon changes no result, whatever order documents arrive in. A document
/// takes the lock twice: shared, to look its words up (documents on other threads look theirs up at
/// the same time), and exclusive, to add the ones it had to classify. Past
/// `capacity` words (250,000 unless set) nothing more is kept, which bounds the memory; later new
/// words are classified each time they occur.
final class TermLexicon: @unchecked Sendable {
    let capacity: Int

    init(capacity: Int = 250_000) {
        self.capacity = capacity
    }

    private let lock = ReadWriteLock()
    private var words = WordTable(expectedWords: 4_096)
    /// Term id of each word in `words`; -1 for words that are not terms.
    private var termOfWord: [Int32] = []
    private var termOfStem: [String: Int32] = [:]

    /// The document's terms: for each word of `table` (in its id order) a term id local to the
    /// document, dense from 0 in order of first appearance, or -1 for words that are not terms; and
    /// how many terms there are. `stem` returns a word's stem, or nil for words that are not terms.
    func terms(of table: WordTable, stem: (String) -> String?) -> (terms: [Int32], count: Int) {
        // First the run-wide verdicts: a global term id, or a stem the lexicon had no room to keep.
        var global = [Int32](repeating: -1, count: table.count)
        var unknown: [Int32] = []
        lock.lockForReading()
        for id in 0..<Int32(table.count) {
            let known = table.withBytes(of: id) { words.find($0, hash: table.hash(of: id)) }
            if let known { global[Int(id)] = termOfWord[Int(known)] } else { unknown.append(id) }
        }
        lock.unlock()
        var unkept: [Int32: String] = [:]
        if !unknown.isEmpty {
            let stems = unknown.map { stem(table.word($0)) }
            lock.lockForWriting()
            for (id, stem) in zip(unknown, stems) {
                guard words.count < capacity else {
                    if let stem { unkept[id] = stem }
                    continue
                }
                var term: Int32 = -1
                if let stem {
                    if let known = termOfStem[stem] {
                        term = known
                    } else {
                        term = Int32(termOfStem.count)
                        termOfStem[stem] = term
                    }
                }
                global[Int(id)] = term
                let added = table.withBytes(of: id) { words.intern($0, hash: table.hash(of: id)) }
                if Int(added) == termOfWord.count { termOfWord.append(term) }
            }
            lock.unlock()
        }

        // Then ids local to the document, so that the scorers' arrays are sized by its vocabulary.
        var local = [Int32](repeating: -1, count: table.count)
        var localOfGlobal = TermMap(expectedKeys: table.count)
        var localOfStem: [String: Int32] = [:]
        var count: Int32 = 0
        for id in 0..<table.count {
            if global[id] >= 0 {
                local[id] = localOfGlobal.value(of: global[id], inserting: count)
            } else if !unkept.isEmpty, let stem = unkept[Int32(id)] {
                local[id] = localOfStem[stem] ?? count
                localOfStem[stem] = local[id]
            }
            if local[id] == count { count += 1 }
        }
        return (local, Int(count))
    }
}

/// Global term id → local term id for one document: open addressing over the ids themselves,
/// cheaper than a `Dictionary` that hashes each key with SipHash.
private struct TermMap {
    /// `key << 32 | value` per slot; -1 (no key is negative) when empty.
    private var slots: [Int64]

    init(expectedKeys: Int) {
        var capacity = 16
        while capacity < expectedKeys * 2 { capacity <<= 1 }
        slots = Array(repeating: -1, count: capacity)
    }

    /// The value of `key`, first storing `value` for it if it has none.
    mutating func value(of key: Int32, inserting value: Int32) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: UInt32(bitPattern: key) &* 0x9E37_79B1) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 {
                slots[slot] = Int64(key) << 32 | Int64(UInt32(bitPattern: value))
                return value
            }
            if Int32(truncatingIfNeeded: entry >> 32) == key { return Int32(truncatingIfNeeded: entry) }
            slot = (slot + 1) & mask
        }
    }
}

/// A POSIX read-write lock: many readers at once, or one writer.
private final class ReadWriteLock: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)

    init() {
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func lockForReading() { pthread_rwlock_rdlock(lock) }
    func lockForWriting() { pthread_rwlock_wrlock(lock) }
    func unlock() { pthread_rwlock_unlock(lock) }
}
