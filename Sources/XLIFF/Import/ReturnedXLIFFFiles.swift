import Foundation
import PipelineCore

/// The translated XLIFF files a run was given (files or folders), read once and looked up by
/// document: what a stage that uses returned translations loads in its `init`.
public struct ReturnedXLIFFFiles: Sendable {
    public let files: [ReturnedXLIFF]
    /// Document id → index into `files`.
    private let byDocument: [String: Int]

    /// Reads every file; folders contribute their `.xlf`/`.xliff`/`.xlf2` files, recursively, sorted
    /// by path. A document claimed by two files is an error: which translation wins would be a guess.
    public init(contentsOf urls: [URL], maximumBytes: Int = XLIFFReader.defaultMaximumBytes) throws {
        var files: [ReturnedXLIFF] = []
        var byDocument: [String: Int] = [:]
        for url in try Self.expand(urls) {
            let file = try XLIFFReader.read(contentsOf: url, maximumBytes: maximumBytes)
            var lines: [String: Int] = [:]
            for entry in file.files {
                guard let document = entry.original else { continue }
                if let first = lines[document] {
                    throw XLIFFImportError.documentTwice(file: file.fileName, document: document, lines: [first, entry.line])
                }
                lines[document] = entry.line
                if let earlier = byDocument[document] {
                    throw XLIFFImportError.documentInSeveralFiles(document: document, files: [files[earlier].fileName, file.fileName])
                }
                byDocument[document] = files.count
            }
            files.append(file)
        }
        self.files = files
        self.byDocument = byDocument
    }

    /// The translations returned for `document`, by sentence index; empty when no file holds it.
    /// Throws when the file that claims the document does not match it.
    public func translations(for document: AnnotatedDocument, languages: LanguagePair) throws -> [Int: String] {
        guard let index = byDocument[document.document.id] else { return [:] }
        return try files[index].translations(for: document, languages: languages)
    }

    /// The translations returned for `document` with the places of their inline codes, in
    /// sentence order; empty when no file holds it.
    public func returnedTranslations(for document: AnnotatedDocument, languages: LanguagePair) throws -> [ReturnedTranslation] {
        guard let index = byDocument[document.document.id] else { return [] }
        return try files[index].returnedTranslations(for: document, languages: languages)
    }

    /// Every finding of every file, for a report.
    public var findings: [XLIFFFinding] { files.flatMap(\.findings) }

    static let extensions: Set<String> = ["xlf", "xliff", "xlf2"]

    private static func expand(_ urls: [URL]) throws(XLIFFImportError) -> [URL] {
        try FolderFiles.expand(urls, extensions: extensions) { XLIFFImportError.xml(.unreadable(file: $0.path, reason: "no such file or folder")) }
    }
}
