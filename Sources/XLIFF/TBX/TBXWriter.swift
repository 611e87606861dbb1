import Foundation
import XML
import PipelineCore

/// Writes the glossary concepts an export uses as a TBX v3 file (ISO 30042:2019), TBX-Basic
/// dialect in DCA style: what CAT tools import as a term base, since they ignore inline term marks.
///
/// Each concept gets a source `langSec` with the terms that matched (part of speech, status and
/// the first sentence they occur in as context) and a target `langSec` with the approved term
/// (preferred) and the terms to avoid (deprecated).
public struct TBXWriter: Sendable {
    public let languages: LanguagePair
    /// Describes the run in the header, e.g. `pipeline de-en`.
    public let provenance: String

    public init(languages: LanguagePair, provenance: String) {
        self.languages = languages
        self.provenance = provenance
    }

    /// One term base for the given documents; a concept used by several appears once, first use first.
    public func write(_ documents: [ExportedDocument]) throws -> Data {
        let concepts = Self.merge(documents.map(\.concepts))
        let xml = try XMLWriter()
        try xml.element("tbx", ["type": "TBX-Basic", "style": "dca", "xml:lang": "en", "xmlns": XLIFFNamespace.tbx]) {
            try xml.element("tbxHeader") {
                try xml.element("fileDesc") {
                    try xml.element("titleStmt") {
                        try xml.textElement("title", text: title(documents))
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

    private func title(_ documents: [ExportedDocument]) -> String {
        let pair = "\(languages.source.tag) → \(languages.target.tag)"
        if documents.count == 1 { return "Terms used in “\(documents[0].title)” (\(pair))" }
        return "Terms used in \(documents.count) documents (\(pair))"
    }

    private func entry(_ concept: ExportedDocument.ConceptUse, id: String, _ xml: XMLWriter) throws {
        try xml.element("conceptEntry", ["id": id]) {
            try xml.element("langSec", ["xml:lang": languages.source.tag]) {
                for source in concept.sourceTerms {
                    try xml.element("termSec") {
                        try xml.textElement("term", text: source.term)
                        if let partOfSpeech = Self.partOfSpeech(concept.partOfSpeech) {
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

    /// TBX-Basic allows noun, verb, adjective, adverb, properNoun and other.
    static func partOfSpeech(_ value: String?) -> String? {
        guard let value else { return nil }
        switch value.lowercased().filter({ $0.isLetter }) {
        case "": return nil
        case "noun", "n", "substantiv": return "noun"
        case "verb", "v": return "verb"
        case "adjective", "adj", "adjektiv": return "adjective"
        case "adverb", "adv": return "adverb"
        case "propernoun", "name", "eigenname": return "properNoun"
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
        var merged: [ExportedDocument.ConceptUse] = []
        var index: [String: Int] = [:]
        for concept in lists.joined() {
            guard let known = index[concept.conceptID] else {
                index[concept.conceptID] = merged.count
                merged.append(concept)
                continue
            }
            for term in concept.sourceTerms where !merged[known].sourceTerms.contains(where: { $0.term == term.term }) {
                merged[known].sourceTerms.append(term)
            }
        }
        return merged
    }
}
