import Foundation
import PipelineCore

/// The `xliff` stage: writes each document (or the whole batch) as XLIFF for translators, with a
/// TBX term base beside it.
///
/// Per document, the files are `<document id>.xlf` and `<document id>.tbx`; per batch,
/// `<pipeline name>.xlf` and `.tbx`, written in `finish` in document order. XLIFF files are marked
/// `backupExisting`: a translator may be working in the file being replaced.
public struct XLIFFStage: Stage {
    public static let name = "xliff"
    public static let purpose = "writes XLIFF 1.2 or 2.1 for translators, with a TBX of the glossary entries used"

    public static func requirements(for options: XLIFFOptions) -> [StageRequirement] {
        var needed = [StageRequirement("segment")]
        if options.content == .summary { needed.append(StageRequirement("summarize", because: "content: summary")) }
        if options.prefill == .memory || options.prefill == .memoryOrSource {
            needed.append(StageRequirement("leverage", because: "prefill: \(options.prefill.rawValue)"))
        }
        return needed
    }

    public let options: XLIFFOptions
    private let writer: XLIFFWriter
    private let termBase: TBXWriter
    private let batch = Batch()

    public init(options: XLIFFOptions, context: StageContext) throws {
        self.options = options
        writer = XLIFFWriter(version: options.version, languages: context.languages, provenance: context.provenance)
        termBase = TBXWriter(languages: context.languages, provenance: context.provenance)
    }

    public func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        let exported = try ExportedDocument(document, options: options)
        switch options.files {
        case .perDocument:
            document.outputs += try files(for: [exported], named: exported.documentID)
        case .perBatch:
            batch.add(exported)
        }
    }

    public func finish(context: StageContext) throws -> [OutputFile] {
        guard options.files == .perBatch else { return [] }
        let documents = batch.sortedByOrdinal()
        guard !documents.isEmpty else { return [] }
        return try files(for: documents, named: Self.fileName(for: context.pipelineName))
    }

    private func files(for documents: [ExportedDocument], named name: String) throws -> [OutputFile] {
        var files = [OutputFile(path: name + ".xlf", contents: try writer.write(documents), backupExisting: true)]
        if options.tbx, documents.contains(where: { !$0.concepts.isEmpty }) {
            files.append(OutputFile(path: name + ".tbx", contents: try termBase.write(documents)))
        }
        return files
    }

    /// A pipeline name made safe as a file name: `de-en news` becomes `de-en-news`.
    static func fileName(for pipelineName: String) -> String {
        let safe = String(pipelineName.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
            .trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        return safe.isEmpty ? "batch" : safe
    }

    /// The exported documents of a per-batch run, gathered from concurrent document tasks.
    private final class Batch: @unchecked Sendable {
        private let lock = NSLock()
        private var documents: [ExportedDocument] = []

        func add(_ document: ExportedDocument) { lock.withLock { documents.append(document) } }

        func sortedByOrdinal() -> [ExportedDocument] { lock.withLock { documents.sorted { $0.ordinal < $1.ordinal } } }
    }
}
