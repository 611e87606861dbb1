import Foundation
import PipelineCore

/// The translated XLIFF files a run was given (files or folders), read once and looked up by
/// document: what a stage that uses returned translations loads in its `init`.
///
/// A document may come back in several deliveries (a translator sends a corrected file). The rule:
/// files are ordered by modification time, oldest first, files modified at the same time by path;
/// per segment the newest delivery that translates it wins, and a note says which file was used.
public struct ReturnedXLIFFFiles: Sendable {
    public let files: [ReturnedXLIFF]
    /// Document id → indexes into `files`, oldest delivery first.
    private let byDocument: [String: [Int]]

    /// A document's returned work from every delivery, merged per segment.
    public struct Merged: Sendable, Hashable {
        public let translations: [ReturnedTranslation]
        /// Skipped segments and the choice between deliveries, one line each.
        public let notes: [String]
    }

    /// Reads every file; folders contribute their `.xlf`/`.xliff`/`.xlf2` files, recursively.
    /// A document twice in one file is an error: inside one delivery there is no newer copy.
    public init(contentsOf urls: [URL], maximumBytes: Int = XLIFFReader.defaultMaximumBytes) throws {
        let dated = try Self.expand(urls).enumerated().map { position, url in
            let modified = (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            return (url: url, modified: modified, position: position)
        }.sorted { ($0.modified, $0.position) < ($1.modified, $1.position) }
        var files: [ReturnedXLIFF] = []
        var byDocument: [String: [Int]] = [:]
        for entry in dated {
            let file = try XLIFFReader.read(contentsOf: entry.url, maximumBytes: maximumBytes)
            var lines: [String: Int] = [:]
            for part in file.files {
                guard let document = part.original else { continue }
                if let first = lines[document] {
                    throw XLIFFImportError.documentTwice(file: file.fileName, document: document, lines: [first, part.line])
                }
                lines[document] = part.line
                byDocument[document, default: []].append(files.count)
            }
            files.append(file)
        }
        self.files = files
        self.byDocument = byDocument
    }

    /// The translations returned for `document`, by sentence index; empty when no file holds it.
    /// Strict: throws on anything a lenient read would skip.
    public func translations(for document: AnnotatedDocument, languages: LanguagePair) throws -> [Int: String] {
        Dictionary(try returnedTranslations(for: document, languages: languages).map { ($0.sentence, $0.text) },
                   uniquingKeysWith: { _, newer in newer })
    }

    /// The translations returned for `document` with the places of their inline codes, in
    /// sentence order; empty when no file holds it. Strict: throws on anything a lenient read would skip.
    public func returnedTranslations(for document: AnnotatedDocument, languages: LanguagePair) throws -> [ReturnedTranslation] {
        var bySentence: [Int: ReturnedTranslation] = [:]
        for index in byDocument[document.document.id] ?? [] {
            for translation in try files[index].returnedTranslations(for: document, languages: languages) {
                bySentence[translation.sentence] = translation
            }
        }
        return bySentence.values.sorted { $0.sentence < $1.sentence }
    }

    /// Every delivery of `document`, merged: per segment the newest file's translation, and notes on
    /// what was skipped and where deliveries overlapped. Throws only for a file unusable as a whole.
    public func merged(for document: AnnotatedDocument, languages: LanguagePair) throws -> Merged {
        let deliveries = byDocument[document.document.id] ?? []
        var bySentence: [Int: (translation: ReturnedTranslation, file: String)] = [:]
        var notes: [String] = []
        var overlaps: [String: [Int]] = [:]
        for index in deliveries {
            let file = files[index]
            let work = try file.returnedWork(for: document, languages: languages)
            notes += work.skipped.map { "skipped: \($0.localizedDescription)" }
            for translation in work.translations {
                if let earlier = bySentence[translation.sentence] {
                    overlaps["\(earlier.file) → \(file.fileName)", default: []].append(translation.sentence)
                }
                bySentence[translation.sentence] = (translation, file.fileName)
            }
        }
        for (files, sentences) in overlaps.sorted(by: { $0.key < $1.key }) {
            let ids = sentences.sorted().map { XLIFFIdentifiers.segment(sentence: $0) }.joined(separator: ", ")
            notes.append("document '\(document.document.id)' was returned more than once; the newer delivery wins for \(ids) (\(files), by modification time)")
        }
        return Merged(translations: bySentence.values.map(\.translation).sorted { $0.sentence < $1.sentence }, notes: notes)
    }

    /// Returned `<file>`s that match no document in `documents` (another id, or none, as tools that
    /// append a `<file>` write), one line each.
    public func unmatched(_ documents: Set<String>) -> [String] {
        files.flatMap { file in
            file.files.filter { $0.original.map { !documents.contains($0) } ?? true }.map {
                "\(file.fileName):\($0.line): <file> for \($0.original.map { "document '\($0)'" } ?? "no document (no 'original')") matches no document of this run; its translations are not used"
            }
        }
    }

    /// Every finding of every file, for a report.
    public var findings: [XLIFFFinding] { files.flatMap(\.findings) }

    static let extensions: Set<String> = ["xlf", "xliff", "xlf2"]

    private static func expand(_ urls: [URL]) throws(XLIFFImportError) -> [URL] {
        try FolderFiles.expand(urls, extensions: extensions) { XLIFFImportError.xml(.unreadable(file: $0.path, reason: "no such file or folder")) }
    }
}
