import PipelineCore

/// Options of the `xliff` stage, as written in a pipeline file.
public struct XLIFFOptions: StageOptions {
    public var version: XLIFFVersion
    public var prefill: Prefill
    /// The state of segments whose target is pre-filled; segments without a target are always `initial`.
    public var state: XLIFFState
    public var files: FileGrouping
    public var content: Content
    /// Also write a TBX file of the glossary entries the exported text uses.
    public var tbx: Bool

    public enum Prefill: String, Codable, Sendable, CaseIterable {
        /// Targets are left empty (1.2: empty segment markers; 2.1: no `<target>`).
        case empty
        /// Targets start as a copy of the source; what OmegaT needs to show the segments at all.
        case source
        /// Targets come from `document.translations` (returned XLIFF, translation memory); others stay empty.
        case memory
        /// As `memory`, and the other targets start as a copy of the source (state `initial`), so that
        /// OmegaT shows every segment.
        case memoryOrSource = "memory-or-source"
    }

    public enum FileGrouping: String, Codable, Sendable, CaseIterable {
        case perDocument = "per-document"
        case perBatch = "per-batch"
    }

    public enum Content: String, Codable, Sendable, CaseIterable {
        case all
        /// Only the sentences the summarizer picked: what the briefing needs translated.
        case summary
    }

    public init(
        version: XLIFFVersion = .v2_1, prefill: Prefill = .empty, state: XLIFFState = .initial,
        files: FileGrouping = .perDocument, content: Content = .all, tbx: Bool = true
    ) {
        self.version = version
        self.prefill = prefill
        self.state = state
        self.files = files
        self.content = content
        self.tbx = tbx
    }

    public init() { self.init(version: .v2_1) }

    public static let help: [(key: String, help: String)] = [
        ("version", "XLIFF version: 1.2 (OmegaT, strict schema) or 2.1"),
        ("prefill", "targets: empty, source (a copy), memory (known translations) or memory-or-source (known, else a copy)"),
        ("state", "state of pre-filled targets: initial, translated, reviewed or final; copies made by memory-or-source stay initial"),
        ("files", "per-document or per-batch (one file for the whole run)"),
        ("content", "all, or summary (only the briefing's sentences)"),
        ("tbx", "also write a TBX v3 term base of the glossary entries used"),
    ]

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case version, prefill, state, files, content, tbx
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = XLIFFOptions()
        version = try container.decodeChoice(.version, default: defaults.version)
        prefill = try container.decodeChoice(.prefill, default: defaults.prefill)
        state = try container.decodeChoice(.state, default: defaults.state)
        files = try container.decodeChoice(.files, default: defaults.files)
        content = try container.decodeChoice(.content, default: defaults.content)
        tbx = try container.decode(.tbx, default: defaults.tbx)
    }
}

extension KeyedDecodingContainer {
    /// Decodes one of a fixed set of string values, naming the allowed ones when the value is wrong.
    func decodeChoice<T: RawRepresentable & CaseIterable>(_ key: Key, default value: T) throws -> T
    where T.RawValue == String {
        guard let raw = try decodeIfPresent(String.self, forKey: key) else { return value }
        guard let choice = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "'\(raw)' is not one of: \(allowed)")
        }
        return choice
    }
}
