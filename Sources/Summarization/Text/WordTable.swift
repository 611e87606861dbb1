/// Interns words: a word's bytes in, a dense id out, ids in order of first appearance.
///
/// Open addressing over an FNV-1a hash of the bytes, with the words kept in one byte arena, so a
/// lookup of a word already seen allocates nothing. Much cheaper than a `[String: Int]` for the
/// few thousand distinct words of a document looked up for each of its words; the `TermLexicon`
/// keeps one for a whole run and looks words up with the hashes a document's table computed.
///
/// A slot holds the word's id together with the high half of its hash, so a probe of the run-wide
/// table (far larger than the cache) reads the word's bytes only when the hashes agree.
struct WordTable {
    /// `tag << 32 | (id + 1)` per slot, 0 when empty; `tag` is the high half of the word's hash.
    private var slots: [UInt64]
    private var hashes: [UInt64] = []
    /// `start << 32 | length` of each word in `arena`: one read finds both.
    private var spans: [UInt64] = []
    private var arena: [UInt8] = []

    init(expectedWords: Int = 256) {
        var capacity = 64
        while capacity < expectedWords * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
    }

    var count: Int { spans.count }

    /// The id of `word`, adding it if new.
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(word, hash: Self.hash(word))
    }

    mutating func intern(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let slot = self.slot(of: word, hash: hash)
        if slots[slot] != 0 { return Self.id(in: slots[slot]) }
        let id = Int32(spans.count)
        slots[slot] = Self.tag(of: hash) | UInt64(id + 1)
        hashes.append(hash)
        spans.append(UInt64(arena.count) << 32 | UInt64(word.count))
        arena.append(contentsOf: word)
        if spans.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `word` if it is in the table.
    func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let entry = slots[slot(of: word, hash: hash)]
        return entry != 0 ? Self.id(in: entry) : nil
    }

    /// The word with id `id`.
    func word(_ id: Int32) -> String {
        withBytes(of: id) { String(decoding: $0, as: UTF8.self) }
    }

    func hash(of id: Int32) -> UInt64 { hashes[Int(id)] }

    func withBytes<Result>(of id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let span = spans[Int(id)]
        let start = Int(span >> 32)
        return arena.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[start..<start + Int(span & 0xFFFF_FFFF)]))
        }
    }

    /// The slot holding `word`, or the empty slot where it would go.
    private func slot(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let tag = Self.tag(of: hash)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 || (entry & 0xFFFF_FFFF_0000_0000 == tag && equals(Self.id(in: entry), word)) { return slot }
                slot = (slot + 1) & mask
            }
        }
    }

    private func equals(_ id: Int32, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[Int(id)]
        guard Int(span & 0xFFFF_FFFF) == word.count else { return false }
        guard word.count > 0 else { return true }
        let start = Int(span >> 32)
        return arena.withUnsafeBufferPointer { buffer in
            Self.sameBytes(UnsafeRawPointer(buffer.baseAddress! + start), UnsafeRawPointer(word.baseAddress!), word.count)
        }
    }

    /// Eight bytes at a time: words are short, and a call to `memcmp` costs more than comparing them.
    @inline(__always)
    private static func sameBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                return false
            }
            offset += 8
        }
        while offset < count {
            if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) { return false }
            offset += 1
        }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.tag(of: hash) | UInt64(id + 1)
        }
    }

    @inline(__always)
    private static func tag(of hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

    @inline(__always)
    private static func id(in entry: UInt64) -> Int32 { Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1 }

    /// FNV-1a, with the high bits folded down: slots are chosen by the low bits, which FNV mixes poorly.
    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash ^ (hash >> 29) ^ (hash >> 47)
    }
}
