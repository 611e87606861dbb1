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
        let destination = folder.appendingPathComponent(file.path)
        let directory = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(path: destination.path, reason: error.localizedDescription)
        }
        if file.backupExisting, let existing = FileManager.default.contents(atPath: destination.path) {
            if existing == file.contents { return }
            try backUp(destination)
        }
        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        do {
            try file.contents.write(to: temporary)
            guard rename(temporary.path, destination.path) == 0 else {
                throw OutputError.cannotWrite(path: destination.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as OutputError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError.cannotWrite(path: destination.path, reason: error.localizedDescription)
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
