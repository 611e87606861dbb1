import Foundation
import PipelineCore
import XML

/// The `xliff` stage: writes each document (or the whole batch) as XLIFF for translators, with a
/// TBX term base beside it.
///
/// Once per batch, whatever the grouping, it also writes the translator kit's job-wide files:
/// `<pipeline name>.matches.tmx` (memory matches) and `<pipeline name>.analysis.json` / `.md`.
///
/// Per document, the files are `<document id>.xlf` with `<document id>.tbx` (TBX v3) and/or
/// `<document id>.martif.tbx` (TBX 2008) as `tbx-dialect` says; per batch, `<pipeline name>.xlf`
/// and the same term bases, built by the run's batch in document order. XLIFF files are marked
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
    let writer: XLIFFWriter
    /// One writer per TBX dialect asked for.
    let termBases: [TBXWriter]

    public init(options: XLIFFOptions, context: StageContext) throws {
        self.options = options
        writer = XLIFFWriter(
            version: options.version, languages: context.languages, provenance: context.provenance, units: options.units)
        termBases = options.tbxDialect.formats.map {
            TBXWriter(languages: context.languages, provenance: context.provenance, dialect: $0)
        }
    }

    public func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        guard options.files == .perDocument else { return }
        let exported = try ExportedDocument(document, options: options)
        document.outputs += try files(for: [exported], named: exported.documentID)
    }

    /// The batch writes the per-batch XLIFF and term bases, and, whatever the grouping, the kit's
    /// job-wide files: the memory matches' TMX and the analysis.
    public func makeBatch(context: StageContext) throws -> (any StageBatch)? {
        guard options.files == .perBatch || options.tmx || options.analysis else { return nil }
        return try Batch(stage: self, name: Self.fileName(for: context.pipelineName), job: context.pipelineName,
                         languages: context.languages)
    }

    private func files(for documents: [ExportedDocument], named name: String) throws -> [OutputFile] {
        var files = [OutputFile(path: name + ".xlf", contents: try writer.write(documents), backupExisting: true)]
        if options.tbx, documents.contains(where: { !$0.concepts.isEmpty }) {
            for termBase in termBases {
                files.append(OutputFile(path: name + termBase.dialect.fileExtension, contents: try termBase.write(documents)))
            }
        }
        return files
    }

    /// A pipeline name made safe as a file name: `de-en news` becomes `de-en-news`.
    static func fileName(for pipelineName: String) -> String {
        let safe = String(pipelineName.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
            .trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        return safe.isEmpty ? "batch" : safe
    }

    /// One XLIFF for the whole run (per batch): each document's `<file>` goes to a spool file on disk
    /// as it arrives, so the batch never sits in memory; only the glossary concepts for the TBX, the
    /// memory matches and the analysis counts are kept.
    private struct Batch: StageBatch {
        let stage: XLIFFStage
        let name: String
        /// The XLIFF being spooled, per batch only.
        private let xliff: (xml: XMLWriter, spool: SpoolFile)?
        private let matchesWriter: MatchesTMXWriter
        private var count = 0
        private var firstTitle = ""
        private var concepts = TBXWriter.MergedConcepts()
        private var matches = MatchesTMXWriter.Collected()
        private var analysis: JobAnalysis.Builder

        init(stage: XLIFFStage, name: String, job: String, languages: LanguagePair) throws {
            self.stage = stage
            self.name = name
            matchesWriter = MatchesTMXWriter(languages: languages)
            analysis = JobAnalysis.Builder(job: job)
            if stage.options.files == .perBatch {
                let xml = try XMLWriter()
                xliff = (xml, try SpoolFile())
                try stage.writer.open(xml)
            } else {
                xliff = nil
            }
        }

        mutating func add(_ document: AnnotatedDocument) throws {
            let exported = try ExportedDocument(document, options: stage.options)
            if let xliff {
                try stage.writer.write(exported, position: count, to: xliff.xml)
                try xliff.spool.append(xliff.xml.drain())
                concepts.add(exported.concepts)
            }
            if count == 0 { firstTitle = exported.title }
            count += 1
            if stage.options.tmx { matches.add(MatchesTMXWriter.matches(in: document)) }
            if stage.options.analysis { analysis.add(exported, translations: document.translations) }
        }

        mutating func finish() throws -> [OutputFile] {
            guard count > 0 else { return [] }
            var files: [OutputFile] = []
            if let xliff {
                try xliff.xml.endElement()
                try xliff.spool.append(xliff.xml.finish())
                try xliff.spool.close()
                files.append(OutputFile(path: name + ".xlf", spool: xliff.spool, backupExisting: true))
                if stage.options.tbx, !concepts.concepts.isEmpty {
                    for termBase in stage.termBases {
                        let title = termBase.title(count, firstTitle: firstTitle)
                        files.append(OutputFile(
                            path: name + termBase.dialect.fileExtension, contents: try termBase.write(concepts.concepts, title: title)))
                    }
                }
            }
            if stage.options.tmx, !matches.matches.isEmpty {
                files.append(OutputFile(path: name + ".matches.tmx", contents: try matchesWriter.write(matches.matches)))
            }
            if stage.options.analysis {
                files.append(OutputFile(path: name + ".analysis.json", contents: try analysis.analysis.json()))
                files.append(OutputFile(path: name + ".analysis.md", contents: Data(analysis.analysis.markdown().utf8)))
            }
            return files
        }
    }
}
