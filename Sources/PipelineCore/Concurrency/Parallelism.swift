/// Bounded, order-preserving parallel work over chunks of items.
///
/// One task per sentence costs more than it gains; chunks of a few hundred items, at most `width`
/// in flight, use the cores and keep results in input order, so output never depends on timing.
public struct Parallelism: Sendable {
    public let width: Int
    public let chunkSize: Int

    public init(width: Int, chunkSize: Int = 512) {
        self.width = max(1, width)
        self.chunkSize = max(1, chunkSize)
    }

    /// Maps chunks of `items` in parallel and concatenates the results in input order.
    /// Small inputs (one chunk, or width 1) run inline, without tasks.
    public func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @escaping @Sendable (ArraySlice<Item>) throws -> [Result]
    ) async throws -> [Result] {
        if width == 1 || items.count <= chunkSize { return try transform(items[...]) }
        let chunks = stride(from: 0, to: items.count, by: chunkSize).map { start in
            items[start..<min(start + chunkSize, items.count)]
        }
        var results = [[Result]](repeating: [], count: chunks.count)
        try await withThrowingTaskGroup(of: (Int, [Result]).self) { group in
            var next = 0
            func launch() {
                let index = next
                let chunk = chunks[index]
                group.addTask { (index, try transform(chunk)) }
                next += 1
            }
            while next < min(width, chunks.count) { launch() }
            while let (index, chunkResult) = try await group.next() {
                results[index] = chunkResult
                if next < chunks.count { launch() }
            }
        }
        return results.flatMap { $0 }
    }
}
