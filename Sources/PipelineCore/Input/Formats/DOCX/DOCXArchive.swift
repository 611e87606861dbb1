import Foundation
import ZIPFoundation

/// A Word file's zip, opened with bounds: untrusted archives may claim or inflate to gigabytes
/// (zip bombs), hold thousands of entries, or not be zips at all (encrypted Word files are OLE
/// compound files). Every refusal names the file and the limit.
struct DOCXArchive {
    static let maximumEntries = 5_000
    /// Per part, after inflating; a Word document's XML is rarely over a few megabytes.
    static let maximumPartBytes = 64 * 1024 * 1024
    static let maximumTotalBytes = 256 * 1024 * 1024
    /// Inflated size over compressed size beyond which a large entry is a bomb (XML compresses ~10:1).
    static let maximumRatio: UInt64 = 200

    let archive: Archive
    let path: String
    /// The zip's own size: no entry's compressed bytes can be more.
    let size: UInt64

    /// `data` is the file's content, already read and bounded; the archive reads the file itself,
    /// since ZIPFoundation's in-memory archives trap on some truncated central directories.
    init(data: Data, path: String) throws(InputError) {
        self.path = path
        size = UInt64(data.count)
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .malformed(path: path, reason: "an encrypted or legacy (.doc) Word file, not a zip archive; save it as .docx without a password")
        }
        guard data.starts(with: [0x50, 0x4B]) else { throw .malformed(path: path, reason: "not a zip archive, which a .docx file is") }
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw .malformed(path: path, reason: "the zip archive is damaged or truncated (\(error))")
        }
        var count = 0
        var total: UInt64 = 0
        for entry in archive {
            count += 1
            guard count <= Self.maximumEntries else {
                throw .malformed(path: path, reason: "more than \(Self.maximumEntries) entries in the zip archive")
            }
            total += entry.uncompressedSize
            guard total <= UInt64(Self.maximumTotalBytes) else {
                throw .malformed(path: path, reason: "more than \(Self.maximumTotalBytes) bytes once unzipped")
            }
        }
    }

    /// The inflated bytes of one entry, or nil when the archive has none by that name.
    func read(_ name: String) throws(InputError) -> Data? {
        guard let entry = archive[name] else { return nil }
        return try read(entry)
    }

    func read(_ entry: Entry) throws(InputError) -> Data {
        let declared = entry.uncompressedSize
        guard declared <= UInt64(Self.maximumPartBytes) else {
            throw .malformed(path: path, reason: "\(entry.path) is \(declared) bytes unzipped, more than the limit of \(Self.maximumPartBytes)")
        }
        // ZIPFoundation reads on at the end of a file whose entry claims more bytes than it has.
        guard entry.compressedSize <= size else {
            throw .malformed(path: path, reason: "\(entry.path) claims \(entry.compressedSize) compressed bytes in a zip of \(size) bytes")
        }
        if declared > 1024 * 1024, declared > Self.maximumRatio * max(entry.compressedSize, 1) {
            throw .malformed(path: path, reason: "\(entry.path) inflates more than \(Self.maximumRatio) times (a zip bomb?)")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size may lie; the bytes that come out may not exceed it.
                guard UInt64(data.count + chunk.count) <= declared else { throw DOCXArchiveOverflow() }
                data.append(chunk)
            }
        } catch is DOCXArchiveOverflow {
            throw .malformed(path: path, reason: "\(entry.path) inflates beyond the \(declared) bytes its header declares")
        } catch {
            throw .malformed(path: path, reason: "cannot unzip \(entry.path): \(error)")
        }
        return data
    }

    /// The archive again, with some entries' contents replaced and every other entry's bytes as they were.
    func replacing(_ replacements: [String: Data]) throws -> Data {
        let output = try Archive(data: Data(), accessMode: .create)
        for entry in archive {
            let contents = try replacements[entry.path] ?? read(entry)
            try output.addEntry(
                with: entry.path, type: entry.type, uncompressedSize: Int64(contents.count),
                compressionMethod: entry.isCompressed ? .deflate : .none
            ) { position, size in
                contents.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = output.data else { throw DOCXWriteError.noArchive }
        return data
    }
}

private struct DOCXArchiveOverflow: Error {}

enum DOCXWriteError: LocalizedError {
    case noArchive
    case originalChanged(path: String)

    var errorDescription: String? {
        switch self {
        case .noArchive: "the zip archive could not be built"
        case .originalChanged(let path): "\(path) changed since it was read; run again"
        }
    }
}
