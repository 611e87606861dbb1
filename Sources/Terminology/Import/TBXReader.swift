import Foundation
import PipelineCore
import XML

/// Reads the TBX family into concepts:
/// - TBX v3 (ISO 30042:2019, namespace `urn:iso:std:iso:30042:ed-2` or the draft `…:ed:3.0`):
///   `conceptEntry/langSec/termSec`, in DCA style (`<termNote type="partOfSpeech">`) or DCT style
///   (`<min:partOfSpeech>`, `<basic:grammaticalGender>`);
/// - TBX 2008 (`martif`): `termEntry/langSet/tig|ntig`;
/// - TBX-Min: `termEntry/langSet/tig` with plain child elements, and the 2013 draft's
///   `conceptEntry/langGroup/termGroup`.
///
/// Structure is checked where it decides what a term is: a `<term>` outside a term section, a term
/// section without a term, a missing language or a term note after descriptive elements are problems,
/// all reported together with their lines, and the file is refused rather than half-read.
enum TBXReader {
    static func concepts(in root: XMLTree.Element, file: String) throws -> [GlossaryConcept] {
        let dialect = try Dialect(root: root, file: file)
        guard let body = root.firstElement(named: "text")?.firstElement(named: "body") ?? root.firstElement(named: "body")
        else { throw GlossaryError.invalidStructure(file: file, problems: [.init(line: root.line, message: "<\(root.name)> has no body")]) }
        var reader = EntryReader(file: file, checksOrder: dialect.checksOrder)
        let concepts = body.elements.filter { Self.entryNames.contains($0.name) }.compactMap { reader.concept(from: $0) }
        if !reader.problems.isEmpty { throw GlossaryError.invalidStructure(file: file, problems: reader.problems) }
        return concepts
    }

    static let entryNames: Set<String> = ["conceptEntry", "termEntry"]
    static let languageSectionNames: Set<String> = ["langSec", "langSet", "langGroup"]
    static let termSectionNames: Set<String> = ["termSec", "tig", "ntig", "termGroup"]
    /// Elements that carry data categories through their `type` attribute (DCA style).
    static let typedCategoryNames: Set<String> = ["termNote", "descrip", "admin"]
    /// Containers whose children belong to the same term.
    static let groupNames: Set<String> = ["termNoteGrp", "descripGrp", "adminGrp", "termGrp"]
    /// What may follow a term's notes in a DCA term section; a term note after one of these breaks order.
    static let auxiliaryNames: Set<String> = ["descrip", "descripGrp", "admin", "adminGrp", "transacGrp", "note", "ref", "xref"]

    /// Which TBX the root element announces.
    enum Dialect {
        case tbx3, tbx2008, tbxMin

        init(root: XMLTree.Element, file: String) throws {
            switch root.name {
            case "tbx":
                if let namespace = root.namespace, !namespace.hasPrefix("urn:iso:std:iso:30042") {
                    throw GlossaryError.unknownFormat(file: file, reason: "<tbx> in namespace '\(namespace)', expected urn:iso:std:iso:30042:ed-2")
                }
                self = .tbx3
            case "martif": self = .tbx2008
            case "TBX": self = .tbxMin
            default:
                throw GlossaryError.unknownFormat(file: file, reason: "root element <\(root.name)> is not <tbx>, <martif> or <TBX>")
            }
        }

        /// TBX-Min has no ordering rules; the DCA forms of TBX v3 and 2008 do.
        var checksOrder: Bool { self != .tbxMin }
    }

    /// Walks entries, collecting structural problems instead of stopping at the first.
    struct EntryReader {
        let file: String
        let checksOrder: Bool
        var problems: [GlossaryError.Problem] = []

        mutating func concept(from entry: XMLTree.Element) -> GlossaryConcept? {
            var terms: [GlossaryTerm] = []
            for child in entry.elements {
                if child.name == "term" {
                    problem(child, "<term> directly inside <\(entry.name)>; a term belongs in a term section")
                } else if TBXReader.languageSectionNames.contains(child.name) {
                    terms += self.terms(in: child)
                }
            }
            guard let id = entry.attribute("id"), !id.isEmpty else {
                problem(entry, "<\(entry.name)> has no id")
                return nil
            }
            return GlossaryConcept(id: id, terms: terms, origin: "\(file):\(entry.line)")
        }

        private mutating func terms(in section: XMLTree.Element) -> [GlossaryTerm] {
            guard let language = section.attribute("lang", namespace: XMLTree.xmlNamespace) ?? section.attribute("lang"),
                  let tag = LanguageTag(language)
            else {
                problem(section, "<\(section.name)> has no valid xml:lang")
                return []
            }
            var terms: [GlossaryTerm] = []
            for child in section.elements {
                if child.name == "term" {
                    problem(child, "<term> directly inside <\(section.name)>; a term belongs in a term section (termSec/tig)")
                } else if TBXReader.termSectionNames.contains(child.name), let term = term(in: child, language: tag.language) {
                    terms.append(term)
                }
            }
            return terms
        }

        private mutating func term(in section: XMLTree.Element, language: String) -> GlossaryTerm? {
            var categories = Categories()
            var text: String?
            var auxiliarySeen: String?
            for child in section.elements {
                switch child.name {
                case "term":
                    if text != nil { problem(child, "<\(section.name)> holds more than one <term>") }
                    text = child.textContent.trimmed
                case "termGrp": // TBX 2008 ntig: the term and its notes sit one level down.
                    if let term = child.firstElement(named: "term") {
                        text = term.textContent.trimmed
                    }
                    categories.collect(from: child)
                case "termNote", "termNoteGrp":
                    if checksOrder, let auxiliary = auxiliarySeen {
                        problem(child, "<\(child.name)> after <\(auxiliary)> in <\(section.name)>; term notes must come before descriptive elements")
                    }
                    categories.collect(child)
                default:
                    if TBXReader.auxiliaryNames.contains(child.name) { auxiliarySeen = auxiliarySeen ?? child.name }
                    categories.collect(child)
                }
            }
            guard let text, !text.isEmpty else {
                problem(section, "<\(section.name)> has no <term> text")
                return nil
            }
            return categories.term(text: text, language: language)
        }

        private mutating func problem(_ element: XMLTree.Element, _ message: String) {
            problems.append(.init(line: element.line, message: message))
        }
    }

    /// The data categories of one term, gathered from DCA (`<termNote type="x">`), DCT (`<ns:x>`)
    /// and TBX-Min (`<x>`) spellings alike.
    struct Categories {
        var values: [String: String] = [:]
        var notes: [String] = []

        mutating func collect(from group: XMLTree.Element) {
            for child in group.elements where child.name != "term" { collect(child) }
        }

        mutating func collect(_ element: XMLTree.Element) {
            if TBXReader.groupNames.contains(element.name) {
                collect(from: element)
                return
            }
            switch element.name {
            case "note":
                // TBX-Min puts key and value in children; elsewhere a note is plain text.
                if let key = element.firstElement(named: "noteKey"), let value = element.firstElement(named: "noteValue") {
                    notes.append("\(key.textContent): \(value.textContent)")
                } else {
                    notes.append(element.textContent)
                }
            case "noteGrp":
                collect(from: element)
            default:
                let name = TBXReader.typedCategoryNames.contains(element.name) ? element.attribute("type") : element.name
                guard let name, values[name] == nil else { return }
                values[name] = element.textContent.trimmed
            }
        }

        func term(text: String, language: String) -> GlossaryTerm {
            let note = notes.map { $0.trimmed }.filter { !$0.isEmpty }
                .joined(separator: "; ")
            let status = ["administrativeStatus", "termStatus", "normativeAuthorization", "usageStatus"]
                .lazy.compactMap { values[$0].flatMap(TermStatus.init(spelling:)) }.first
            return GlossaryTerm(
                text: text, language: language, status: status,
                partOfSpeech: values["partOfSpeech"],
                gender: values["grammaticalGender"].flatMap(GrammaticalGender.init(spelling:)),
                number: values["grammaticalNumber"].flatMap(GrammaticalNumber.init(spelling:)),
                termType: values["termType"],
                caseSensitive: TermNotes.saysCaseSensitive(note),
                note: note.isEmpty ? nil : note)
        }
    }
}
