import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns the `inputs:` of a pipeline file (files, folders, globs) into a sorted list of input files.
///
/// Sorting makes document order, and so every batch output, independent of the file system.
public struct InputResolver: Sendable {
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

    /// As `resolve(_:against:)`, leaving out every file inside `outputFolder`: a glob that covers it
    /// would read the tool's own outputs back as documents, different ones on each run. The files
    /// left out are returned, so the caller can say so.
    public func resolve(_ patterns: [String], against base: URL, excluding outputFolder: URL) throws -> (files: [URL], excluded: [URL]) {
        let prefix = outputFolder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let all = try resolve(patterns, against: base)
        let (excluded, files) = all.reduce(into: ([URL](), [URL]())) { sorted, file in
            if file.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(prefix) { sorted.0.append(file) } else { sorted.1.append(file) }
        }
        return (files, excluded)
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
        let glob = PathGlob(url.path)
        return documents(under: root).filter { glob.matches($0.path) }
    }

    private func documents(under folder: URL) -> [URL] {
        FolderFiles.files(under: folder, extensions: InputFormats.extensions)
    }

    static func isGlob(_ text: String) -> Bool { text.contains { "*?[".contains($0) } }
}

/// A path pattern as bash's globstar and gitignore read it: `*`, `?` and `[…]` stay inside one
/// folder name, and a `**` component matches any number of folders, none included.
struct PathGlob {
    private let components: [String]

    init(_ pattern: String) {
        components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    func matches(_ path: String) -> Bool {
        let names = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // reachable[j]: the pattern so far can match the first j names. One pass per component keeps
        // it linear in pattern × path, however many `**` there are.
        var reachable = [Bool](repeating: false, count: names.count + 1)
        reachable[0] = true
        for component in components {
            var next = [Bool](repeating: false, count: names.count + 1)
            if component == "**" {
                var any = false
                for index in 0...names.count {
                    any = any || reachable[index]
                    next[index] = any
                }
            } else {
                for index in 0..<names.count where reachable[index] {
                    next[index + 1] = fnmatch(component, names[index], FNM_PERIOD) == 0
                }
            }
            reachable = next
        }
        return reachable[names.count]
    }
}

public enum InputError: LocalizedError, Equatable {
    case missing(path: String)
    case noMatch(pattern: String)
    case unreadable(path: String, reason: String)
    case notUTF8(path: String, byteOffset: Int)
    case badJSONLine(path: String, line: Int, reason: String)
    case empty(path: String)
    /// The file is not what its extension says, or breaks a limit (`reason` says which).
    case malformed(path: String, reason: String)
    /// No input format reads the file's extension; `kind` says what such files are, when known.
    case unsupportedFormat(path: String, kind: String?, supported: String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): "\(path): \(reason)"
        case .noMatch(let pattern): "input '\(pattern)' \(reason)"
        case .unreadable(let path, _), .notUTF8(let path, _), .empty(let path), .unsupportedFormat(let path, _, _),
             .malformed(let path, _):
            "\(path): \(reason)"
        case .badJSONLine(let path, let line, _): "\(path):\(line): \(reason)"
        }
    }

    /// What is wrong, without where: a run's failure list names the document already.
    public var reason: String {
        switch self {
        case .missing: "no such input file or folder"
        case .noMatch: "matches no input file (\(InputFormats.supportedList))"
        case .unreadable(_, let reason): "cannot read: \(reason)"
        case .notUTF8(_, let offset): "byte \(offset) is not valid UTF-8"
        case .badJSONLine(_, _, let reason): reason
        case .empty: "the document has no text, only whitespace"
        case .malformed(_, let reason): reason
        case .unsupportedFormat(_, let kind?, let supported): "\(kind) are not supported yet; inputs can be \(supported)"
        case .unsupportedFormat(let path, nil, let supported):
            (URL(fileURLWithPath: path).pathExtension.isEmpty ? "a file without an extension" : "a .\(URL(fileURLWithPath: path).pathExtension) file")
                + " is not an input format; inputs can be \(supported)"
        }
    }
}
