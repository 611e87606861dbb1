import Foundation
import XML
import PipelineCore

/// Writes the glossary concepts an export uses as a TBX-Basic term base: what CAT tools import,
/// since they ignore inline term marks. Two dialects (`TBXDialect`): TBX v3 (ISO 30042:2019) in DCA
/// style, and the 2008 `martif` form (ISO 30042:2008) that OmegaT 3.6 and translate-toolkit read.
///
/// Each concept gets a source language section with the terms that matched (part of speech, status
/// and the first sentence they occur in as context) and a target section with the approved term
/// (preferred) and the terms to avoid (deprecated).
public struct TBXWriter: Sendable {
    public let languages: LanguagePair
    /// Describes the run in the header, e.g. `pipeline de-en`.
    public let provenance: String
    public let dialect: TBXDialect.Format

    public init(languages: LanguagePair, provenance: String, dialect: TBXDialect.Format = .v3) {
        self.languages = languages
        self.provenance = provenance
        self.dialect = dialect
    }

    /// One term base for the given documents; a concept used by several appears once, first use first.
    public func write(_ documents: [ExportedDocument]) throws -> Data {
        try write(Self.merge(documents.map(\.concepts)), title: title(documents.count, firstTitle: documents.first?.title ?? ""))
    }

    /// A term base of concepts already merged, for a batch that keeps only those.
    func write(_ concepts: [ExportedDocument.ConceptUse], title: String) throws -> Data {
        switch dialect {
        case .v3: try writeV3(concepts, title: title)
        case .martif: try writeMartif(concepts, title: title)
        }
    }

    private func writeV3(_ concepts: [ExportedDocument.ConceptUse], title: String) throws -> Data {
        let xml = try XMLWriter()
        try xml.element("tbx", ["type": "TBX-Basic", "style": "dca", "xml:lang": "en", "xmlns": XLIFFNamespace.tbx]) {
            try xml.element("tbxHeader") {
                try xml.element("fileDesc") {
                    try xml.element("titleStmt") {
                        try xml.textElement("title", text: title)
                    }
                    try xml.element("sourceDesc") {
                        try xml.textElement("p", text: "Glossary entries matched in the exported text, written by \(provenance).")
                    }
                }
            }
            try xml.element("text") {
                try xml.element("body") {
                    var usedIDs: Set<String> = []
                    for concept in concepts { try entry(concept, id: Self.uniqueID(concept.conceptID, in: &usedIDs), xml) }
                }
            }
        }
        return try xml.finish()
    }

    func title(_ documentCount: Int, firstTitle: String) -> String {
        let pair = "\(languages.source.tag) → \(languages.target.tag)"
        if documentCount == 1 { return "Terms used in “\(firstTitle)” (\(pair))" }
        return "Terms used in \(documentCount) documents (\(pair))"
    }

    private func entry(_ concept: ExportedDocument.ConceptUse, id: String, _ xml: XMLWriter) throws {
        try xml.element("conceptEntry", ["id": id]) {
            try xml.element("langSec", ["xml:lang": languages.source.tag]) {
                for source in concept.sourceTerms {
                    try xml.element("termSec") {
                        try xml.textElement("term", text: source.term)
                        if let partOfSpeech = Self.partOfSpeech(concept.partOfSpeech, dialect: .v3) {
                            try xml.textElement("termNote", ["type": "partOfSpeech"], text: partOfSpeech)
                        }
                        try xml.textElement("termNote", ["type": "administrativeStatus"], text: Self.status(source.status))
                        try xml.textElement("descrip", ["type": "context"], text: concept.context)
                    }
                }
            }
            try xml.element("langSec", ["xml:lang": languages.target.tag]) {
                try xml.element("termSec") {
                    try xml.textElement("term", text: concept.target)
                    try xml.textElement("termNote", ["type": "administrativeStatus"], text: Self.status(.preferred))
                }
                for avoided in concept.deprecatedTargets where avoided != concept.target {
                    try xml.element("termSec") {
                        try xml.textElement("term", text: avoided)
                        try xml.textElement("termNote", ["type": "administrativeStatus"], text: Self.status(.deprecated))
                    }
                }
            }
        }
    }

    static func status(_ status: TermStatus) -> String {
        switch status {
        case .preferred: "preferredTerm-admn-sts"
        case .admitted: "admittedTerm-admn-sts"
        case .deprecated: "deprecatedTerm-admn-sts"
        }
    }

    /// A glossary's part of speech as TBX-Basic's closed list has it. The 2008 list is noun, verb,
    /// adjective, adverb, properNoun and other; v3's TBX-Basic schematron has no properNoun, so a
    /// proper noun is written there as what it also is, a noun.
    static func partOfSpeech(_ value: String?, dialect: TBXDialect.Format) -> String? {
        guard let value else { return nil }
        switch value.lowercased().filter({ $0.isLetter }) {
        case "": return nil
        case "noun", "n", "substantiv": return "noun"
        case "verb", "v": return "verb"
        case "adjective", "adj", "adjektiv": return "adjective"
        case "adverb", "adv": return "adverb"
        case "propernoun", "name", "eigenname": return dialect == .martif ? "properNoun" : "noun"
        default: return "other"
        }
    }

    /// `conceptEntry/@id` is an `xsd:ID`: an XML name, unique in the file. Glossary ids such as `42`
    /// become `c-42`; collisions get a numeric suffix.
    static func uniqueID(_ conceptID: String, in used: inout Set<String>) -> String {
        var base = String(conceptID.map { character -> Character in
            let allowed = character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
            return allowed ? character : "_"
        })
        if base.first.map({ !($0.isLetter || $0 == "_") }) ?? true { base = "c-" + base }
        var candidate = base
        var suffix = 2
        while !used.insert(candidate).inserted {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    /// Concepts of several documents, merged by concept id in order of first use.
    static func merge(_ lists: [[ExportedDocument.ConceptUse]]) -> [ExportedDocument.ConceptUse] {
        var merged = MergedConcepts()
        for list in lists { merged.add(list) }
        return merged.concepts
    }

    /// Concepts merged by id in order of first use, added to one document at a time.
    struct MergedConcepts {
        private(set) var concepts: [ExportedDocument.ConceptUse] = []
        private var index: [String: Int] = [:]

        mutating func add(_ list: [ExportedDocument.ConceptUse]) {
            for concept in list {
                guard let known = index[concept.conceptID] else {
                    index[concept.conceptID] = concepts.count
                    concepts.append(concept)
                    continue
                }
                for term in concept.sourceTerms where !concepts[known].sourceTerms.contains(where: { $0.term == term.term }) {
                    concepts[known].sourceTerms.append(term)
                }
            }
        }
    }
}
