import PipelineCore

/// Options of the `xliff` stage, as written in a pipeline file.
public struct XLIFFOptions: StageOptions {
    public var version: XLIFFVersion
    public var prefill: Prefill
    /// The state of segments whose target is pre-filled; segments without a target are always `initial`.
    public var state: XLIFFState
    public var files: FileGrouping
    public var content: Content
    /// XLIFF 1.2 only: a `trans-unit` per sentence or per paragraph.
    public var units: Units
    /// Also write a TBX file of the glossary entries the exported text uses.
    public var tbx: Bool
    /// Which TBX files: v3, the 2008 `martif` dialect, or both (the default: OmegaT 3.6 and
    /// translate-toolkit read only 2008, newer tools and the standard are v3).
    public var tbxDialect: TBXDialect
    /// Also write, once per batch, a TMX of the memory matches the documents use (`<name>.matches.tmx`).
    public var tmx: Bool
    /// Also write, once per batch, the word-count analysis (`<name>.analysis.json`, `.md`).
    public var analysis: Bool

    /// What targets start with. Known translations the target does not take are offered beside it
    /// (1.2 `alt-trans`, 2.1 `mtc:match`); fuzzy memory matches are never a target.
    public enum Prefill: String, Codable, Sendable, CaseIterable {
        /// Targets are left empty (1.2: empty targets; 2.1: no `<target>`). OmegaT 3.6 shows nothing.
        case empty
        /// Targets start as a copy of the German source: OmegaT 3.6 translates the text of `<target>`,
        /// so this is what makes it show every segment in German. The default.
        case source
        /// Exact memory matches, translators' and machine translations fill targets; others stay empty.
        case memory
        /// As `memory`, and the other targets start as a copy of the source (state `initial`);
        /// OmegaT then shows the pre-filled segments in English as their source.
        case memoryOrSource = "memory-or-source"
    }

    /// How XLIFF 1.2 cuts the text into `trans-unit`s.
    public enum Units: String, Codable, Sendable, CaseIterable {
        /// One `trans-unit` per sentence, grouped per paragraph in `<group>`: every tool round-trips
        /// it, including those that ignore `<mrk mtype="seg">` (translate-toolkit). The default.
        case sentence
        /// One `trans-unit` per paragraph with sentences marked by `<mrk mtype="seg">` in `<seg-source>`.
        case paragraph
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
        version: XLIFFVersion = .v2_1, prefill: Prefill = .source, state: XLIFFState = .initial,
        files: FileGrouping = .perDocument, content: Content = .all, units: Units = .sentence, tbx: Bool = true,
        tbxDialect: TBXDialect = .both, tmx: Bool = true, analysis: Bool = true
    ) {
        self.version = version
        self.prefill = prefill
        self.state = state
        self.files = files
        self.content = content
        self.units = units
        self.tbx = tbx
        self.tbxDialect = tbxDialect
        self.tmx = tmx
        self.analysis = analysis
    }

    public init() { self.init(version: .v2_1) }

    public static let help: [(key: String, help: String)] = [
        ("version", "XLIFF version: 1.2 (OmegaT, strict schema) or 2.1"),
        ("prefill", "targets: source (a copy of the German, the default: OmegaT shows every segment), empty, memory (exact matches and known translations) or memory-or-source (known, else a copy); fuzzy matches are always alt-trans/mtc:match"),
        ("state", "state of pre-filled targets: initial, translated, reviewed or final; copies made by memory-or-source stay initial"),
        ("files", "per-document or per-batch (one file for the whole run)"),
        ("content", "all, or summary (only the briefing's sentences)"),
        ("units", "XLIFF 1.2: sentence (a trans-unit per sentence in a group per paragraph, the default) or paragraph (seg-source markers)"),
        ("tbx", "also write a TBX-Basic term base of the glossary entries used"),
        ("tbx-dialect", "v3 (<name>.tbx), 2008 (<name>.martif.tbx, the martif form OmegaT 3.6 and translate-toolkit read) or both (the default)"),
        ("tmx", "also write <name>.matches.tmx: the memory matches (exact and fuzzy) the documents use, for a CAT tool's TM"),
        ("analysis", "also write <name>.analysis.json and .md: words per document in new, fuzzy, exact and repetition bands"),
    ]

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case version, prefill, state, files, content, units, tbx
        case tbxDialect = "tbx-dialect"
        case tmx, analysis
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = XLIFFOptions()
        version = try container.decodeChoice(.version, default: defaults.version)
        prefill = try container.decodeChoice(.prefill, default: defaults.prefill)
        state = try container.decodeChoice(.state, default: defaults.state)
        files = try container.decodeChoice(.files, default: defaults.files)
        content = try container.decodeChoice(.content, default: defaults.content)
        units = try container.decodeChoice(.units, default: defaults.units)
        tbx = try container.decode(.tbx, default: defaults.tbx)
        tbxDialect = try container.decodeChoice(.tbxDialect, default: defaults.tbxDialect)
        tmx = try container.decode(.tmx, default: defaults.tmx)
        analysis = try container.decode(.analysis, default: defaults.analysis)
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
