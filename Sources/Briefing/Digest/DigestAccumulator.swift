import Synchronization

/// Collects one small digest entry per document while documents run concurrently.
final class DigestAccumulator: Sendable {
    private let entries = Mutex<[Digest.Entry]>([])

    func add(_ entry: Digest.Entry) {
        entries.withLock { $0.append(entry) }
    }

    /// Every entry so far, in document order whatever order they arrived in.
    func collected() -> [Digest.Entry] {
        entries.withLock { $0 }.sorted { $0.ordinal < $1.ordinal }
    }
}
