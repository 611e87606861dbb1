import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files atomically: a temporary file in the same folder, then a rename, so a reader
/// (or a crash) never sees half a file. A file marked `backupExisting` that would change is first
/// kept as `name.~N~`, the next free number, so a translator's work is never lost.
public struct OutputWriter: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public func write(_ file: OutputFile) throws {
        try write([file])
    }

    /// Writes one document's files as a set: every file goes to a temporary name first, and only
    /// when all are complete are they renamed into place, so a full disk or a failure leaves the
    /// earlier set untouched rather than half a new one. Temporary files are removed on failure.
    public func write(_ files: [OutputFile]) throws {
        var staged: [(temporary: String, destination: String)] = []
        do {
            for file in files {
                if let temporary = try stage(file) { staged.append(temporary) }
            }
        } catch {
            for entry in staged { unlink(entry.temporary) }
            throw error
        }
        for (index, entry) in staged.enumerated() where rename(entry.temporary, entry.destination) != 0 {
            let reason = String(cString: strerror(errno))
            for later in staged[index...] { unlink(later.temporary) }
            throw OutputError.cannotWrite(path: entry.destination, reason: reason)
        }
    }

    /// Writes a file's contents under a temporary name beside its destination, backing up a file a
    /// person may have edited; nil when the destination already holds exactly these contents.
    private func stage(_ file: OutputFile) throws -> (temporary: String, destination: String)? {
        let destination = folder.appendingPathComponent(file.path)
        let directory = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(path: destination.path, reason: error.localizedDescription)
        }
        if file.backupExisting, FileManager.default.fileExists(atPath: destination.path) {
            if try Self.sameContents(destination, as: file) { return nil }
            try backUp(destination)
        }
        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        do {
            if let spool = file.spool {
                try spool.close()
                try Self.copy(spool.url, to: temporary.path)
            } else {
                try Self.writeNew(file.contents, to: temporary.path)
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
        return (temporary.path, destination.path)
    }

    /// Compares an existing file with what would replace it, a block at a time, so a spooled batch
    /// output is never read whole.
    private static func sameContents(_ existing: URL, as file: OutputFile) throws -> Bool {
        guard let spool = file.spool else { return FileManager.default.contents(atPath: existing.path) == file.contents }
        try spool.close()
        let sizes = try [existing, spool.url].map { try FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int }
        guard sizes[0] == sizes[1], let old = FileHandle(forReadingAtPath: existing.path),
              let new = FileHandle(forReadingAtPath: spool.url.path) else { return false }
        defer { try? old.close(); try? new.close() }
        while true {
            let left = try old.read(upToCount: 1 << 16) ?? Data()
            let right = try new.read(upToCount: 1 << 16) ?? Data()
            if left != right { return false }
            if left.isEmpty { return true }
        }
    }

    /// Copies a spooled file block by block into a new file.
    private static func copy(_ source: URL, to path: String) throws {
        guard let input = FileHandle(forReadingAtPath: source.path) else {
            throw OutputError.cannotWrite(path: path, reason: "the spooled batch output is missing")
        }
        defer { try? input.close() }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        let output = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            while let block = try input.read(upToCount: 1 << 20), !block.isEmpty { try output.write(contentsOf: block) }
        } catch {
            throw OutputError.cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// Renames `name` to `name.stale` (replacing an older `.stale`), if it exists; true if it did.
    /// A rename, not a removal: a translator's file stays recoverable.
    public func retire(_ name: String) throws -> Bool {
        let path = folder.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else { return false }
        guard rename(path, path + ".stale") == 0 else {
            throw OutputError.cannotWrite(path: path, reason: "cannot move aside: \(String(cString: strerror(errno)))")
        }
        return true
    }

    /// Plain POSIX writes: Foundation's `Data.write` adds an fsync per file, which dominated runs of
    /// thousands of small outputs. The rename is what makes the file appear whole.
    private static func writeNew(_ contents: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    private func backUp(_ destination: URL) throws {
        var number = 1
        var backup: URL
        repeat {
            backup = URL(fileURLWithPath: destination.path + ".~\(number)~")
            number += 1
        } while FileManager.default.fileExists(atPath: backup.path)
        do { try FileManager.default.copyItem(at: destination, to: backup) } catch {
            throw OutputError.cannotBackUp(path: destination.path, reason: error.localizedDescription)
        }
    }
}

public enum OutputError: LocalizedError, Equatable {
    case cannotWrite(path: String, reason: String)
    case cannotBackUp(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .cannotBackUp(let path, let reason): "\(path): not replaced, because the backup failed: \(reason)"
        }
    }
}
