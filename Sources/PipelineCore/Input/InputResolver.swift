import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns the `inputs:` of a pipeline file (files, folders, globs) into a sorted list of input files.
///
/// Sorting makes document order, and so every batch output, independent of the file system.
public struct InputResolver: Sendable {
    /// Extensions read as documents; `.jsonl` holds one document per line.
    public static let extensions: Set<String> = ["txt", "md", "jsonl"]

    public init() {}

    public func resolve(_ patterns: [String], against base: URL) throws -> [URL] {
        var files: [URL] = []
        var seen = Set<String>()
        for pattern in patterns {
            let matches = try resolve(pattern, against: base)
            guard !matches.isEmpty else { throw InputError.noMatch(pattern: pattern) }
            for match in matches where seen.insert(match.path).inserted { files.append(match) }
        }
        return files
    }

    private func resolve(_ pattern: String, against base: URL) throws -> [URL] {
        let url = PathResolution.resolve(pattern, against: base)
        if !Self.isGlob(pattern) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw InputError.missing(path: url.path)
            }
            return isDirectory.boolValue ? documents(under: url) : [url]
        }
        // Walk from the deepest folder without wildcards, and match whole paths against the pattern.
        let components = url.path.split(separator: "/", omittingEmptySubsequences: false)
        let fixed = components.prefix { !Self.isGlob(String($0)) }
        let root = URL(fileURLWithPath: fixed.joined(separator: "/").isEmpty ? "/" : fixed.joined(separator: "/"))
        let crossesFolders = url.path.contains("**")
        let glob = crossesFolders ? url.path.replacingOccurrences(of: "**", with: "*") : url.path
        return documents(under: root).filter { candidate in
            fnmatch(glob, candidate.path, crossesFolders ? 0 : FNM_PATHNAME) == 0
        }
    }

    /// Every document file under a folder, recursively, sorted by path; hidden files are skipped.
    private func documents(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var found: [URL] = []
        for case let file as URL in enumerator where Self.extensions.contains(file.pathExtension.lowercased()) {
            if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(file.standardizedFileURL)
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    static func isGlob(_ text: String) -> Bool { text.contains { "*?[".contains($0) } }
}

public enum InputError: LocalizedError, Equatable {
    case missing(path: String)
    case noMatch(pattern: String)
    case unreadable(path: String, reason: String)
    case notUTF8(path: String, byteOffset: Int)
    case badJSONLine(path: String, line: Int, reason: String)
    case empty(path: String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): "\(path): \(reason)"
        case .noMatch(let pattern): "input '\(pattern)' \(reason)"
        case .unreadable(let path, _), .notUTF8(let path, _), .empty(let path): "\(path): \(reason)"
        case .badJSONLine(let path, let line, _): "\(path):\(line): \(reason)"
        }
    }

    /// What is wrong, without where: a run's failure list names the document already.
    public var reason: String {
        switch self {
        case .missing: "no such input file or folder"
        case .noMatch: "matches no .txt, .md or .jsonl file"
        case .unreadable(_, let reason): "cannot read: \(reason)"
        case .notUTF8(_, let offset): "byte \(offset) is not valid UTF-8"
        case .badJSONLine(_, _, let reason): reason
        case .empty: "the document has no text, only whitespace"
        }
    }
}
