import Foundation

/// The one rule for turning files and folders into a list of files, for inputs, memories and
/// returned translations alike: a file named directly is taken as it is; a folder gives its regular
/// files with one of the extensions, recursively, sorted by path (so runs do not depend on the file
/// system's order), hidden files and folders skipped (editor and version-control debris).
package enum FolderFiles {
    package static func files(under folder: URL, extensions: Set<String>) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var found: [URL] = []
        for case let file as URL in enumerator where extensions.contains(file.pathExtension.lowercased()) {
            if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(file.standardizedFileURL)
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Files stay as given, in order; folders contribute `files(under:extensions:)`. A path that is
    /// neither is handed to `missing` to make the caller's own error.
    package static func expand<Failure: Error>(
        _ urls: [URL], extensions: Set<String>, missing: (URL) -> Failure
    ) throws(Failure) -> [URL] {
        var files: [URL] = []
        for url in urls {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { throw missing(url) }
            files += isDirectory.boolValue ? Self.files(under: url, extensions: extensions) : [url]
        }
        return files
    }
}
