/// An open-addressing hash table from 64-bit keys to 64-bit values (runs of postings, or nothing when
/// used as a set), built once and then only read.
///
/// Key and value sit side by side, so a lookup in a table far larger than the cache costs one memory
/// access where `Dictionary` costs two or three; at a hundred thousand glossary terms that is most of
/// the difference between a small and a large glossary.
struct PostingTable: Sendable {
    /// `[key, value, key, value, …]`; a slot whose key is `empty` is free.
    private var slots: [UInt64]
    private let mask: Int
    private static let empty: UInt64 = 0
    /// Stands in for a real key of 0, which would read as a free slot.
    private static let zeroKey: UInt64 = 0x9E37_79B9_7F4A_7C15

    var isEmpty: Bool { count == 0 }
    private(set) var count = 0

    /// A table for `(key, value)` pairs with distinct keys, at most half full.
    init<Pairs: Collection>(_ pairs: Pairs) where Pairs.Element == (UInt64, UInt64) {
        var capacity = 16
        while capacity < pairs.count * 2 { capacity *= 2 }
        slots = Array(repeating: Self.empty, count: capacity * 2)
        mask = capacity - 1
        for (key, value) in pairs { insert(key, value) }
    }

    private mutating func insert(_ key: UInt64, _ value: UInt64) {
        let stored = key == Self.empty ? Self.zeroKey : key
        var slot = Int(truncatingIfNeeded: Self.mix(stored)) & mask
        while slots[slot * 2] != Self.empty {
            if slots[slot * 2] == stored {
                slots[slot * 2 + 1] = value
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot * 2] = stored
        slots[slot * 2 + 1] = value
        count += 1
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    @inline(__always)
    subscript(key: UInt64) -> UInt64? {
        let stored = key == Self.empty ? Self.zeroKey : key
        var slot = Int(truncatingIfNeeded: Self.mix(stored)) & mask
        while true {
            let found = slots[slot * 2]
            if found == stored { return slots[slot * 2 + 1] }
            if found == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Spreads FNV's low bits, which alone would cluster.
    @inline(__always)
    private static func mix(_ key: UInt64) -> UInt64 {
        var x = key
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        return x
    }
}
