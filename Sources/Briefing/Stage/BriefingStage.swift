import Foundation
import PipelineCore

/// Writes each document's briefing (Markdown, HTML, JSON) and its term-consistency QA report, and
/// at the end of the run a digest across all documents.
public struct BriefingStage: Stage {
    public static let name = "briefing"
    public static let purpose = "English briefings per document (key points, key terms, names, QA) and a batch digest"
    /// Key points are the summary's sentences.
    public static func requirements(for options: Options) -> [StageRequirement] { [StageRequirement("summarize")] }

    public enum Format: String, Sendable, Codable, CaseIterable {
        case markdown, html, json

        var fileExtension: String {
            switch self {
            case .markdown: "md"
            case .html: "html"
            case .json: "json"
            }
        }
    }

    public struct Options: StageOptions {
        public var formats: [Format] = Format.allCases
        /// Also write `digest.*` across the batch.
        public var digest = true
        /// Key points per document in the digest.
        public var digestPoints = 3
        /// Documents the digest lists; totals still cover all, and memory stays bounded on big runs.
        public var digestDocuments = 200
        /// Write `<id>.qa.json` beside the briefing.
        public var qaReport = true

        public init() {}

        public enum CodingKeys: String, CodingKey, CaseIterable {
            case formats, digest
            case digestPoints = "digest-points"
            case digestDocuments = "digest-documents"
            case qaReport = "qa-report"
        }

        public static let help: [(key: String, help: String)] = [
            ("formats", "briefing formats to write: markdown, html, json"),
            ("digest", "also write digest.md/.html/.json across the batch"),
            ("digest-points", "key points per document in the digest"),
            ("digest-documents", "documents listed in the digest, first in input order; totals cover all"),
            ("qa-report", "write <id>.qa.json with the term-consistency findings"),
        ]

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Options()
            formats = try container.decode(.formats, default: defaults.formats)
            digest = try container.decode(.digest, default: defaults.digest)
            digestPoints = try container.decode(.digestPoints, default: defaults.digestPoints)
            digestDocuments = try container.decode(.digestDocuments, default: defaults.digestDocuments)
            qaReport = try container.decode(.qaReport, default: defaults.qaReport)
            guard !formats.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: .formats, in: container, debugDescription: "name at least one format")
            }
            guard digestPoints >= 1 else {
                throw DecodingError.dataCorruptedError(forKey: .digestPoints, in: container, debugDescription: "must be at least 1")
            }
            guard digestDocuments >= 1 else {
                throw DecodingError.dataCorruptedError(forKey: .digestDocuments, in: container, debugDescription: "must be at least 1")
            }
        }
    }

    public let options: Options
    private let builder: BriefingBuilder
    private let pipelineName: String

    public init(options: Options, context: StageContext) throws {
        self.options = options
        builder = BriefingBuilder(languages: context.languages)
        pipelineName = context.pipelineName
    }

    public func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        let briefing = builder.briefing(for: document)
        let id = document.document.id
        for format in uniqueFormats {
            document.outputs.append(OutputFile(path: "\(id).briefing.\(format.fileExtension)", contents: try render(briefing, as: format)))
        }
        if options.qaReport {
            document.outputs.append(OutputFile(path: "\(id).qa.json", contents: try JSONRenderer().render(briefing.qa)))
        }
    }

    public func makeBatch(context: StageContext) throws -> (any StageBatch)? {
        guard options.digest else { return nil }
        return DigestBatch(
            stage: self, languages: context.languages,
            builder: DigestBuilder(points: options.digestPoints, limit: options.digestDocuments))
    }

    /// The digest, built from the briefings of the documents the run delivers in input order.
    private struct DigestBatch: StageBatch {
        let stage: BriefingStage
        let languages: LanguagePair
        var builder: DigestBuilder

        mutating func add(_ document: AnnotatedDocument) throws {
            builder.add(stage.builder.briefing(for: document))
        }

        mutating func finish() throws -> [OutputFile] {
            let digest = builder.digest(pipeline: stage.pipelineName, languages: languages)
            return try stage.uniqueFormats.map { format in
                OutputFile(path: "digest.\(format.fileExtension)", contents: try stage.render(digest, as: format))
            }
        }
    }

    private var uniqueFormats: [Format] { Format.allCases.filter(options.formats.contains) }

    private func render(_ briefing: DocumentBriefing, as format: Format) throws -> Data {
        switch format {
        case .markdown: Data(MarkdownRenderer().render(briefing).utf8)
        case .html: Data(HTMLRenderer().render(briefing).utf8)
        case .json: try JSONRenderer().render(briefing)
        }
    }

    private func render(_ digest: Digest, as format: Format) throws -> Data {
        switch format {
        case .markdown: Data(MarkdownRenderer().render(digest).utf8)
        case .html: Data(HTMLRenderer().render(digest).utf8)
        case .json: try JSONRenderer().render(digest)
        }
    }
}
