import Foundation

/// Turns the files and folders a pipeline names into a sorted list of files.
enum InputFiles {
    /// Files stay as given (in order); folders contribute their files with one of `extensions`,
    /// recursively, sorted by path so that runs are reproducible.
    static func expand(_ urls: [URL], extensions: Set<String>) throws -> [URL] {
        var files: [URL] = []
        for url in urls {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw InputFilesError.missing(path: url.path)
            }
            guard isDirectory.boolValue else {
                files.append(url)
                continue
            }
            let found = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }
                .filter { extensions.contains($0.pathExtension.lowercased()) } ?? []
            files += found.sorted { $0.path < $1.path }
        }
        return files
    }
}

public enum InputFilesError: LocalizedError, Equatable {
    case missing(path: String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): "\(path): no such file or folder"
        }
    }
}
