import Foundation

/// A file a stage wants written, named relative to the run's output folder.
public struct OutputFile: Sendable, Hashable {
    public let path: String
    /// The bytes; empty when the file was built on disk (`spool`).
    public let contents: Data
    /// A closed temporary file holding the contents, for batch outputs too large to hold in memory.
    package let spool: SpoolFile?
    /// Files a person may have edited (XLIFF handed to translators) are backed up before replacement.
    public let backupExisting: Bool

    public init(path: String, contents: Data, backupExisting: Bool = false) {
        self.path = path
        self.contents = contents
        spool = nil
        self.backupExisting = backupExisting
    }

    public init(path: String, text: String, backupExisting: Bool = false) {
        self.init(path: path, contents: Data(text.utf8), backupExisting: backupExisting)
    }

    package init(path: String, spool: SpoolFile, backupExisting: Bool = false) {
        self.path = path
        contents = Data()
        self.spool = spool
        self.backupExisting = backupExisting
    }

    public static func == (left: OutputFile, right: OutputFile) -> Bool {
        left.path == right.path && left.contents == right.contents && left.spool?.url == right.spool?.url
            && left.backupExisting == right.backupExisting
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(contents)
        hasher.combine(spool?.url)
        hasher.combine(backupExisting)
    }

    /// The contents, read from the spool when there is one.
    public func data() throws -> Data {
        guard let spool else { return contents }
        return try Data(contentsOf: spool.url)
    }
}
