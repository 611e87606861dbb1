import Foundation

/// A file a stage wants written, named relative to the run's output folder.
public struct OutputFile: Sendable, Hashable {
    public let path: String
    public let contents: Data
    /// Files a person may have edited (XLIFF handed to translators) are backed up before replacement.
    public let backupExisting: Bool

    public init(path: String, contents: Data, backupExisting: Bool = false) {
        self.path = path
        self.contents = contents
        self.backupExisting = backupExisting
    }

    public init(path: String, text: String, backupExisting: Bool = false) {
        self.init(path: path, contents: Data(text.utf8), backupExisting: backupExisting)
    }
}
