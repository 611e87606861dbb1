import Foundation
import Synchronization
@testable import PipelineCore

/// A stage for tests of the engine: splits text at full stops and may fail on purpose.
struct PeriodSplitStage: Stage {
    struct Options: StageOptions {
        var failOn: String? = nil
        var minLength = 1

        static let help = [(key: "fail-on", help: "fail documents containing this text"), (key: "min-length", help: "shortest sentence kept")]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case failOn = "fail-on"
            case minLength = "min-length"
        }

        init() {}

        init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            failOn = try container.decodeIfPresent(String.self, forKey: .failOn)
            minLength = try container.decode(.minLength, default: 1)
        }
    }

    static let name = "split"
    static let purpose = "splits at full stops (test stage)"
    let options: Options

    init(options: Options, context: StageContext) throws {
        self.options = options
    }

    struct Boom: LocalizedError {
        var errorDescription: String? { "found the failure marker" }
    }

    func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        if let marker = options.failOn, document.text.contains(marker) { throw Boom() }
        var start = 0
        for (offset, byte) in document.text.utf8.enumerated() where byte == UInt8(ascii: ".") {
            if offset + 1 - start >= options.minLength {
                document.sentences.append(Sentence(span: TextSpan(start: start, end: offset + 1), paragraph: 0))
            }
            start = offset + 1
        }
        document.outputs.append(OutputFile(
            path: "\(document.document.id).txt",
            text: document.sentences.indices.map { document.text(of: $0) }.joined(separator: "\n")))
    }
}

/// Needs `split` before it; writes a batch file listing every document in the order delivered.
struct ListStage: Stage {
    struct Options: StageOptions {
        static let help: [(key: String, help: String)] = []
        enum CodingKeys: String, CodingKey, CaseIterable { case unused }
        init() {}
        init(from decoder: Decoder) throws { try decoder.rejectUnknownKeys(CodingKeys.self) }
        func encode(to encoder: Encoder) throws {}
    }

    static let name = "list"
    static let purpose = "lists documents (test stage)"
    static func requirements(for options: Options) -> [StageRequirement] { [StageRequirement("split")] }

    init(options: Options, context: StageContext) throws {}

    func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {}

    func makeBatch(context: StageContext) throws -> (any StageBatch)? { Batch() }

    struct Batch: StageBatch {
        var lines: [String] = []

        mutating func add(_ document: AnnotatedDocument) throws {
            lines.append("\(document.document.id): \(document.sentences.count)")
        }

        mutating func finish() throws -> [OutputFile] { [OutputFile(path: "list.txt", text: lines.joined(separator: "\n"))] }
    }
}

let testCatalog = StageCatalog([PeriodSplitStage.self, ListStage.self])

/// A fresh temporary folder per test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
