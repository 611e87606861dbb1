import Foundation

/// A batch output built up on disk while documents arrive (one XLIFF for thousands of documents),
/// so the batch never sits in memory. The writer moves it into place; if nobody does, it is
/// removed when released.
package final class SpoolFile: @unchecked Sendable {
    // Unchecked: a spool belongs to one stage batch, which only the runner's delivery loop touches,
    // one document at a time; after `close()` it is only read.
    package let url: URL
    private let handle: FileHandle
    private var closed = false

    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-spool-\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw OutputError.cannotWrite(path: url.path, reason: "cannot create a temporary file")
        }
        handle = try FileHandle(forWritingTo: url)
    }

    package func append(_ data: Data) throws {
        do { try handle.write(contentsOf: data) } catch {
            throw OutputError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    package func close() throws {
        guard !closed else { return }
        closed = true
        try handle.close()
    }

    deinit {
        if !closed { try? handle.close() }
        try? FileManager.default.removeItem(at: url)
    }
}
