import Foundation
import XML
import PipelineCore

/// The memory matches a job's documents use, as a TMX 1.4b file for the CAT tool's own memory pane
/// (OmegaT's `tm/` folder, translate-toolkit): each unit is the memory's own source sentence and
/// English, exact and fuzzy alike, so the tool recomputes the match against what the translator sees.
///
/// A memory unit matched by several sentences is written once, at its first use; its props say
/// which document and segment first used it and how well it matched there.
public struct MatchesTMXWriter: Sendable {
    public let languages: LanguagePair

    public init(languages: LanguagePair) {
        self.languages = languages
    }

    /// One memory unit as a document used it.
    public struct Match: Sendable, Hashable {
        public let source: String
        public let target: String
        public let percent: Int
        public let file: String
        public let documentID: String
        /// The segment's id in the XLIFF (`s3`).
        public let segment: String
    }

    /// Memory matches in a document, in sentence order; translators' and machine text are not memory.
    public static func matches(in document: AnnotatedDocument) -> [Match] {
        document.translations.keys.sorted().compactMap { sentence in
            guard let translation = document.translations[sentence], case .memory(let percent) = translation.origin,
                  let unit = translation.memoryUnit else { return nil }
            return Match(source: unit.source, target: translation.text, percent: percent, file: unit.file,
                         documentID: document.document.id, segment: XLIFFIdentifiers.segment(sentence: sentence))
        }
    }

    /// Matches gathered over a batch, each memory unit once.
    public struct Collected: Sendable {
        public private(set) var matches: [Match] = []
        private var seen: Set<[String]> = []

        public init() {}

        public mutating func add(_ list: [Match]) {
            for match in list where seen.insert([match.source, match.target]).inserted { matches.append(match) }
        }
    }

    public func write(_ matches: [Match]) throws -> Data {
        let xml = try XMLWriter()
        try xml.element("tmx", ["version": "1.4"]) {
            try xml.element("header", [
                "creationtool": "pipeline", "creationtoolversion": PipelineVersion.current, "segtype": "sentence",
                "o-tmf": "pipeline", "adminlang": "en", "srclang": languages.source.tag, "datatype": "plaintext",
            ])
            try xml.element("body") {
                for match in matches {
                    try xml.element("tu") {
                        try xml.textElement("prop", ["type": "x-match-quality"], text: String(match.percent))
                        try xml.textElement("prop", ["type": "x-memory"], text: match.file)
                        try xml.textElement("prop", ["type": "x-document"], text: match.documentID)
                        try xml.textElement("prop", ["type": "x-segment"], text: match.segment)
                        try xml.element("tuv", ["xml:lang": languages.source.tag]) {
                            try xml.textElement("seg", text: match.source)
                        }
                        try xml.element("tuv", ["xml:lang": languages.target.tag]) {
                            try xml.textElement("seg", text: match.target)
                        }
                    }
                }
            }
        }
        return try xml.finish()
    }
}
