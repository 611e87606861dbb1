import Foundation
import PipelineCore

/// The `merge` stage, Okapi's last step after extract and translate: writes each document back
/// in its own format with its translations, as `<document id>.<target language>.<extension>`
/// (`kommune.en-GB.html`), and a report line per document in `merge-report.txt`.
///
/// It comes last in the catalog: it reads only the translations (`document.translations`, from
/// translators, memories or machines alike), which every earlier stage may have added to, and
/// nothing reads what it writes. Sentences without a translation, and those with only a fuzzy
/// memory match (a suggestion, not a translation), stay in the source language; inline codes go
/// back around the translated text where the translation or `TranslatedDocument` places them.
public struct MergeStage: Stage {
    public static let name = "merge"
    public static let purpose = "writes each document back in its own format with its translations (NAME.TARGET.EXT)"

    public static func requirements(for options: MergeOptions) -> [StageRequirement] { [StageRequirement("segment")] }

    public let options: MergeOptions

    public init(options: MergeOptions, context: StageContext) throws {
        self.options = options
    }

    public func process(_ document: inout AnnotatedDocument, context: StageContext) async throws {
        let file = URL(fileURLWithPath: document.document.path)
        let format: any InputFormat
        do { format = try InputFormats.format(for: file) } catch {
            throw MergeError.noFormat(document: document.document.id, source: document.document.source)
        }
        let translated = Self.translatedDocument(document, target: context.languages.target, untranslated: options.untranslated)
        let data: Data
        do { data = try format.write(translated) } catch {
            throw MergeError.writeFailed(document: document.document.id, format: format.name, reason: error.localizedDescription)
        }
        document.outputs.append(OutputFile(path: Self.fileName(for: document.document, target: context.languages.target), contents: data))
    }

    public func makeBatch(context: StageContext) throws -> (any StageBatch)? {
        Report(source: context.languages.source)
    }

    /// `kommune.en-GB.html`: the document id, the target language, the input's own extension.
    static func fileName(for document: Document, target: LanguageTag) -> String {
        let fileExtension = URL(fileURLWithPath: document.path).pathExtension
        return "\(document.id).\(target.tag)" + (fileExtension.isEmpty ? "" : ".\(fileExtension)")
    }

    /// The translations `merge` uses: every one but fuzzy memory matches, each replacing its
    /// sentence without the block markers that open it (which the XLIFF left out as well). With
    /// `untranslated: mark`, the other sentences are replaced by themselves between ⟦ and ⟧.
    public static func translatedDocument(
        _ document: AnnotatedDocument, target: LanguageTag, untranslated: MergeOptions.Untranslated = .source
    ) -> TranslatedDocument {
        let bytes = Array(document.text.utf8)
        let translations = Dictionary(usable(document).map { ($0.sentence, $0) }, uniquingKeysWith: { first, _ in first })
        var replacements: [TranslatedDocument.Replacement] = []
        for (index, sentence) in document.sentences.enumerated() {
            let span = BlockMarkup.translatableSpan(sentence.span, in: bytes)
            if let translation = translations[index] {
                replacements.append(.init(span: span, text: translation.text, codes: translation.codes))
            } else if untranslated == .mark, !span.isEmpty {
                // The sentence's own codes stay where they were, moved past the opening mark.
                let open = "⟦"
                let codes = document.document.codes(ownedBy: span).map {
                    CodePlacement(code: $0, offset: document.document.codes[$0].offset - span.start + open.utf8.count)
                }
                replacements.append(.init(span: span, text: open + document.text.slice(span) + "⟧", codes: codes))
            }
        }
        return TranslatedDocument(document: document.document, replacements: replacements, targetLanguage: target)
    }

    static func usable(_ document: AnnotatedDocument) -> [Translation] {
        document.translations.values
            .filter { document.sentences.indices.contains($0.sentence) && !$0.origin.isFuzzyMemory && !$0.text.isEmpty }
            .sorted { $0.sentence < $1.sentence }
    }

    /// "kommune: 5 of 7 segments translated (translator 2, machine 3); 2 left in de-DE", one line
    /// per document in input order.
    struct Report: StageBatch {
        let source: LanguageTag
        private var lines: [String] = []

        init(source: LanguageTag) {
            self.source = source
        }

        mutating func add(_ document: AnnotatedDocument) throws {
            let used = MergeStage.usable(document)
            var byKind: [String: Int] = [:]
            for translation in used { byKind[translation.origin.kind, default: 0] += 1 }
            let kinds = ["translator", "memory", "machine"].compactMap { kind in byKind[kind].map { "\(kind) \($0)" } }
            let total = document.sentences.count
            lines.append("\(document.document.id): \(used.count) of \(total) segments translated"
                + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))") + "; \(total - used.count) left in \(source.tag)")
        }

        mutating func finish() throws -> [OutputFile] {
            lines.isEmpty ? [] : [OutputFile(path: "merge-report.txt", text: lines.joined(separator: "\n") + "\n")]
        }
    }
}

/// What `merge` does with sentences nobody translated.
public struct MergeOptions: StageOptions {
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case untranslated
    }

    /// What becomes of sentences without a translation.
    public enum Untranslated: String, Codable, Sendable, CaseIterable {
        /// Left in the source language, as they are.
        case source
        /// Kept in the source language between ⟦ and ⟧, so reviewers find them.
        case mark
    }

    public var untranslated: Untranslated = .source

    public init() {}

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        untranslated = try container.decodeIfPresent(Untranslated.self, forKey: .untranslated) ?? .source
    }

    public static let help: [(key: String, help: String)] = [
        ("untranslated", "source (default): sentences without a translation stay in the source language; mark: they do, between ⟦ and ⟧"),
    ]
}

public enum MergeError: LocalizedError, Equatable {
    case noFormat(document: String, source: String)
    case writeFailed(document: String, format: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .noFormat(let document, let source):
            "\(document): no input format writes \(source) back (documents from a stream have no file of their own)"
        case .writeFailed(let document, let format, let reason): "\(document): cannot write it back as \(format): \(reason)"
        }
    }
}
