import PipelineCore
import XML

/// XLIFF 2.1 core with the glossary (`gls:`), metadata (`mda:`) and translation candidates (`mtc:`) modules.
///
/// A unit per paragraph, a segment per sentence with its `state`, the text between sentences in
/// `<ignorable>`. Glossary hits are `<mrk type="term">` with one `gls:glossEntry` per concept in the
/// unit; summary rank and score, translation-memory origin and provenance are `mda:metadata`, and
/// the same facts appear as notes for tools that show only notes. Ids are unique in their scope:
/// files in the document, units in their file, segments, ignorables and marks in their unit.
struct XLIFF21Format {
    let languages: LanguagePair
    let provenance: String

    func open(_ xml: XMLWriter) throws {
        try xml.startElement("xliff", [
            "xmlns": XLIFFNamespace.xliff2,
            "xmlns:gls": XLIFFNamespace.glossary,
            "xmlns:mda": XLIFFNamespace.metadata,
            "xmlns:mtc": XLIFFNamespace.matches,
            "version": "2.1",
            "srcLang": languages.source.tag,
            "trgLang": languages.target.tag,
        ])
    }

    func file(_ document: ExportedDocument, position: Int, _ xml: XMLWriter) throws {
        try xml.element("file", ["id": XLIFFIdentifiers.file(position: position), "original": document.documentID]) {
            try xml.element("mda:metadata") {
                try xml.element("mda:metaGroup", ["category": "provenance"]) {
                    for fact in TranslatorNotes.provenance(document, run: provenance) {
                        try xml.textElement("mda:meta", ["type": fact.key], text: fact.value)
                    }
                }
            }
            for unit in document.units { try self.unit(unit, in: document, xml) }
        }
    }

    private func unit(_ unit: ExportedDocument.Unit, in document: ExportedDocument, _ xml: XMLWriter) throws {
        let segments = unit.segments
        try xml.element("unit", ["id": unit.id, "xml:space": "preserve"]) {
            try matches(segments, xml)
            try glossary(unit, in: document, xml)
            try metadata(segments, xml)
            try notes(unit, in: document, xml)
            try InlineCodeMarkup.originalData(unit, xml)
            var gaps = 0
            for part in unit.parts {
                switch part {
                case .gap(let text):
                    gaps += 1
                    try xml.element("ignorable", ["id": XLIFFIdentifiers.gap(number: gaps)]) {
                        try xml.textElement("source", text: text)
                    }
                case .segment(let segment):
                    try self.segment(segment, xml)
                }
            }
        }
    }

    private func segment(_ segment: ExportedDocument.Segment, _ xml: XMLWriter) throws {
        // Machine output stays `initial`; `subState` and the unit's metadata say it is a machine suggestion.
        let subState = segment.origin?.isMachine == true ? XLIFFIdentifiers.machineSubState : nil
        try xml.element("segment", ["id": segment.id, "state": segment.state.rawValue, "subState": subState]) {
            let marks = segment.termMarks
            var next = 0
            try xml.element("source", layout: .inline) {
                for run in segment.source {
                    switch run {
                    case .text(let text):
                        try xml.text(text)
                    case .term(let text, _, _):
                        try xml.element("mrk", ["id": marks[next].id, "type": "term"]) { try xml.text(text) }
                        next += 1
                    case .code(let code):
                        try InlineCodeMarkup.write21(code, xml)
                    }
                }
            }
            if let target = segment.target {
                if segment.targetCodes.isEmpty {
                    try xml.textElement("target", text: target)
                } else {
                    try xml.element("target", layout: .inline) {
                        try InlineCodeMarkup.writeTarget(target, codes: segment.targetCodes, xml) {
                            try InlineCodeMarkup.write21($0, xml)
                        }
                    }
                }
            }
        }
    }

    /// Known translations the targets do not hold, each pointing at its segment.
    private func matches(_ segments: [ExportedDocument.Segment], _ xml: XMLWriter) throws {
        guard segments.contains(where: { !$0.suggestions.isEmpty }) else { return }
        try xml.element("mtc:matches") {
            for segment in segments {
                for suggestion in segment.suggestions {
                    try xml.element("mtc:match", [
                        "ref": "#\(segment.id)", "matchQuality": String(suggestion.matchQuality),
                        "origin": suggestion.originName, "type": suggestion.origin.isMachine ? "mt" : "tm",
                    ]) {
                        try xml.textElement("source", text: suggestion.source)
                        try xml.textElement("target", text: suggestion.target)
                    }
                }
            }
        }
    }

    /// One entry per glossary term used in the unit, pointing at its first mark.
    private func glossary(_ unit: ExportedDocument.Unit, in document: ExportedDocument, _ xml: XMLWriter) throws {
        let marks = unit.firstTermMarks
        guard !marks.isEmpty else { return }
        try xml.element("gls:glossary") {
            for (number, mark) in marks.enumerated() {
                let concept = document.concepts[mark.concept]
                let origin = "glossary concept \(concept.conceptID)"
                try xml.element("gls:glossEntry", ["id": "ge\(number + 1)", "ref": "#\(mark.id)"]) {
                    try xml.textElement("gls:term", ["source": origin], text: mark.glossaryTerm)
                    try xml.textElement("gls:translation", ["source": origin], text: concept.target)
                }
            }
        }
    }

    private func metadata(_ segments: [ExportedDocument.Segment], _ xml: XMLWriter) throws {
        let picked = segments.filter { $0.pick != nil }
        let remembered = segments.filter { $0.origin != nil }
        guard !picked.isEmpty || !remembered.isEmpty else { return }
        try xml.element("mda:metadata") {
            for segment in picked {
                let pick = segment.pick!
                try xml.element("mda:metaGroup", ["category": "summary", "appliesTo": "source"]) {
                    try xml.textElement("mda:meta", ["type": "segment"], text: segment.id)
                    try xml.textElement("mda:meta", ["type": "rank"], text: String(pick.rank))
                    try xml.textElement("mda:meta", ["type": "score"], text: TranslatorNotes.score(pick.score))
                }
            }
            for segment in remembered {
                try xml.element("mda:metaGroup", ["category": "prefill", "appliesTo": "target"]) {
                    try xml.textElement("mda:meta", ["type": "segment"], text: segment.id)
                    let origin = segment.origin!
                    try xml.textElement("mda:meta", ["type": "origin"], text: origin.kind)
                    switch origin {
                    case .translator: break
                    case .memory(let percent): try xml.textElement("mda:meta", ["type": "match"], text: String(percent))
                    case .machine(let engine): try xml.textElement("mda:meta", ["type": "engine"], text: engine)
                    }
                }
            }
        }
    }

    private func notes(_ unit: ExportedDocument.Unit, in document: ExportedDocument, _ xml: XMLWriter) throws {
        var texts: [(category: String, appliesTo: String, text: String)] = []
        for use in unit.conceptTerms {
            texts.append(("glossary", "source", TranslatorNotes.glossary(document.concepts[use.concept], terms: use.terms)))
        }
        for segment in unit.segments {
            if let note = TranslatorNotes.summary(segment, in: document) { texts.append(("summary", "source", note)) }
            if let note = TranslatorNotes.origin(segment) { texts.append(("prefill", "target", note)) }
        }
        guard !texts.isEmpty else { return }
        try xml.element("notes") {
            for note in texts {
                try xml.textElement("note", ["category": note.category, "appliesTo": note.appliesTo], text: note.text)
            }
        }
    }
}
