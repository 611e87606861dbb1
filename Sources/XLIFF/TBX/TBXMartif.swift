import Foundation
import XML
import PipelineCore

/// Which TBX dialects the `xliff` stage writes beside the XLIFF.
public enum TBXDialect: String, Codable, Sendable, CaseIterable {
    /// TBX v3 (ISO 30042:2019, `<tbx>` in DCA style), as `<name>.tbx`: the current standard.
    case v3
    /// TBX-Basic 2008 (`<martif>`), as `<name>.martif.tbx`: what OmegaT 3.6 and translate-toolkit read.
    case v2008 = "2008"
    /// Both files: the default, so every tool finds one it reads.
    case both

    /// One file format, as written.
    public enum Format: Sendable, Hashable {
        case v3, martif

        /// The file name ending, including the `.tbx` extension every CAT tool filters on.
        public var fileExtension: String {
            switch self {
            case .v3: ".tbx"
            case .martif: ".martif.tbx"
            }
        }
    }

    public var formats: [Format] {
        switch self {
        case .v3: [.v3]
        case .v2008: [.martif]
        case .both: [.v3, .martif]
        }
    }
}

extension TBXWriter {
    /// The data category specification TBX-Basic 2008 files name in their header.
    static let martifXCS = "TBXBasicXCSV02.xcs"

    /// TBX-Basic 2008: `martif` › `martifHeader` (`fileDesc`, `encodingDesc` naming the XCS) and
    /// `text/body` of `termEntry` › `langSet` › `tig` (`term`, then `termNote`s, then `descrip`, the
    /// order of the core structure). Terms to avoid are a note on the approved term, not terms of their
    /// own: OmegaT 3.6 ignores `administrativeStatus` and would offer them as translations (the v3
    /// file keeps them as deprecated terms). No namespace and no DOCTYPE: the 2008 core structure has
    /// none of its own, and a DOCTYPE would send readers looking for a DTD file beside it.
    func writeMartif(_ concepts: [ExportedDocument.ConceptUse], title: String) throws -> Data {
        let xml = try XMLWriter()
        try xml.element("martif", ["type": "TBX-Basic", "xml:lang": "en"]) {
            try xml.element("martifHeader") {
                try xml.element("fileDesc") {
                    try xml.element("titleStmt") {
                        try xml.textElement("title", text: title)
                    }
                    try xml.element("sourceDesc") {
                        try xml.textElement("p", text: "Glossary entries matched in the exported text, written by \(provenance).")
                    }
                }
                try xml.element("encodingDesc") {
                    try xml.textElement("p", ["type": "XCSURI"], text: Self.martifXCS)
                }
            }
            try xml.element("text") {
                try xml.element("body") {
                    var usedIDs: Set<String> = []
                    for concept in concepts { try martifEntry(concept, id: Self.uniqueID(concept.conceptID, in: &usedIDs), xml) }
                }
            }
        }
        return try xml.finish()
    }

    /// The note OmegaT shows beside the approved term, e.g. `Avoid: computing centre`.
    static func avoidNote(_ terms: [String]) -> String { "Avoid: " + terms.joined(separator: "; ") }

    private func martifEntry(_ concept: ExportedDocument.ConceptUse, id: String, _ xml: XMLWriter) throws {
        let partOfSpeech = Self.partOfSpeech(concept.partOfSpeech, dialect: .martif)
        func tig(_ term: String, status: TermStatus, context: String? = nil, note: String? = nil) throws {
            try xml.element("tig") {
                try xml.textElement("term", text: term)
                if let partOfSpeech { try xml.textElement("termNote", ["type": "partOfSpeech"], text: partOfSpeech) }
                try xml.textElement("termNote", ["type": "administrativeStatus"], text: Self.status(status))
                if let context { try xml.textElement("descrip", ["type": "context"], text: context) }
                if let note { try xml.textElement("note", text: note) }
            }
        }
        let avoided = concept.deprecatedTargets.filter { $0 != concept.target }
        try xml.element("termEntry", ["id": id]) {
            try xml.element("langSet", ["xml:lang": languages.source.tag]) {
                for source in concept.sourceTerms { try tig(source.term, status: source.status, context: concept.context) }
            }
            try xml.element("langSet", ["xml:lang": languages.target.tag]) {
                try tig(concept.target, status: .preferred, note: avoided.isEmpty ? nil : Self.avoidNote(avoided))
            }
        }
    }
}
