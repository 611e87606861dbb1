/// Interns words: a word's bytes in, a dense id out, ids in order of first appearance.
///
/// Open addressing over an FNV-1a hash of the bytes, with the words kept in one byte arena, so a
/// lookup of a word already seen allocates nothing. Much cheaper than a `[String: Int]` for the
/// few thousand distinct words of a document looked up for each of its words; the `TermLexicon`
/// keeps one for a whole run and looks words up with the hashes a document's table computed.
struct WordTable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var arena: [UInt8] = []

    init(expectedWords: Int = 256) {
        var capacity = 64
        while capacity < expectedWords * 2 { capacity <<= 1 }
        slots = Array(repeating: -1, count: capacity)
    }

    var count: Int { starts.count }

    /// The id of `word`, adding it if new.
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(word, hash: Self.hash(word))
    }

    mutating func intern(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let slot = self.slot(of: word, hash: hash)
        if slots[slot] >= 0 { return slots[slot] }
        let id = Int32(starts.count)
        slots[slot] = id
        hashes.append(hash)
        starts.append(Int32(arena.count))
        lengths.append(Int32(word.count))
        arena.append(contentsOf: word)
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `word` if it is in the table.
    func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let id = slots[slot(of: word, hash: hash)]
        return id >= 0 ? id : nil
    }

    /// The word with id `id`.
    func word(_ id: Int32) -> String {
        withBytes(of: id) { String(decoding: $0, as: UTF8.self) }
    }

    func hash(of id: Int32) -> UInt64 { hashes[Int(id)] }

    func withBytes<Result>(of id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = Int(starts[Int(id)])
        return arena.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[start..<start + Int(lengths[Int(id)])]))
        }
    }

    /// The slot holding `word`, or the empty slot where it would go.
    private func slot(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 || (hashes[Int(id)] == hash && equals(Int(id), word)) { return slot }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(lengths[id]) == word.count else { return false }
        let start = Int(starts[id])
        return arena.withUnsafeBufferPointer { buffer in
            for offset in 0..<word.count where buffer[start + offset] != word[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// FNV-1a, with the high bits folded down: slots are chosen by the low bits, which FNV mixes poorly.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash ^ (hash >> 29) ^ (hash >> 47)
    }
}
