import PipelineCore
import XML

/// XLIFF 1.2, valid against the strict schema: no foreign-namespace attributes anywhere.
///
/// A trans-unit per paragraph. `<source>` holds the paragraph, `<seg-source>` marks each sentence
/// with `<mrk mtype="seg" mid="sN">` (glossary hits inside as `<mrk mtype="term">`), and `<target>`
/// repeats the markers with the target text. Glossary hits, summary ranks and provenance are notes.
struct XLIFF12Format {
    let languages: LanguagePair
    let provenance: String

    func open(_ xml: XMLWriter) throws {
        try xml.startElement("xliff", ["version": "1.2", "xmlns": XLIFFNamespace.xliff12])
    }

    func file(_ document: ExportedDocument, position _: Int, _ xml: XMLWriter) throws {
        try xml.element("file", [
            "original": document.documentID,
            "source-language": languages.source.tag,
            "target-language": languages.target.tag,
            "datatype": "plaintext",
            "tool-id": "pipeline",
        ]) {
            try xml.element("header") {
                try xml.element("tool", ["tool-id": "pipeline", "tool-name": "pipeline", "tool-version": PipelineVersion.current])
                for fact in TranslatorNotes.provenance(document, run: provenance) {
                    try xml.textElement("note", ["from": "pipeline"], text: "\(fact.key): \(fact.value)")
                }
            }
            try xml.element("body") {
                for unit in document.units { try transUnit(unit, in: document, xml) }
            }
        }
    }

    private func transUnit(_ unit: ExportedDocument.Unit, in document: ExportedDocument, _ xml: XMLWriter) throws {
        let segments = unit.segments
        let unitState = segments.map(\.state).min() ?? .initial
        // Machine output is a suggestion to review: `needs-review-translation` when every segment
        // has a real target, `mt-suggestion` as the qualifier either way.
        let machine = segments.contains { $0.origin?.isMachine == true }
        let suggested = machine && segments.allSatisfy { $0.origin != nil && !($0.origin!.isFuzzyMemory) }
        let state = suggested ? "needs-review-translation" : unitState.xliff12
        try xml.element("trans-unit", ["id": unit.id, "xml:space": "preserve"]) {
            if unit.hasCodes {
                // The whole unit's text with its codes, as the segments show them.
                try xml.element("source", layout: .inline) {
                    for part in unit.parts {
                        switch part {
                        case .gap(let text): try xml.text(text)
                        case .segment(let segment): try sourceRuns(segment, terms: false)
                        }
                    }
                }
            } else {
                try xml.textElement("source", text: unit.sourceText)
            }
            try xml.element("seg-source", layout: .inline) {
                try markers(unit) { segment in try sourceRuns(segment, terms: true) }
            }
            try xml.element("target", [
                "state": state, "state-qualifier": machine ? "mt-suggestion" : nil, "xml:lang": languages.target.tag,
            ], layout: .inline) {
                try markers(unit) { segment in
                    try InlineCodeMarkup.writeTarget(segment.target ?? "", codes: segment.targetCodes, xml) {
                        try InlineCodeMarkup.write12($0, xml)
                    }
                }
            }
            for use in unit.conceptTerms {
                try xml.textElement("note", ["from": "glossary", "annotates": "source"],
                                    text: TranslatorNotes.glossary(document.concepts[use.concept], terms: use.terms))
            }
            for segment in segments {
                if let note = TranslatorNotes.summary(segment, in: document) {
                    try xml.textElement("note", ["from": "summary", "annotates": "source"], text: note)
                }
                if let note = TranslatorNotes.origin(segment) {
                    try xml.textElement("note", ["from": "pipeline", "annotates": "target"], text: note)
                }
            }
        }

        /// A segment's source: text, codes, and glossary hits as term marks where `terms`.
        func sourceRuns(_ segment: ExportedDocument.Segment, terms: Bool) throws {
            for run in segment.source {
                switch run {
                case .text(let text):
                    try xml.text(text)
                case .term(let text, let concept, _) where terms:
                    try xml.element("mrk", ["mtype": "term", "comment": document.concepts[concept].target]) {
                        try xml.text(text)
                    }
                case .term(let text, _, _):
                    try xml.text(text)
                case .code(let code):
                    try InlineCodeMarkup.write12(code, xml)
                }
            }
        }

        /// Writes the unit's parts: each segment inside its marker, gaps as plain text between.
        func markers(_ unit: ExportedDocument.Unit, _ content: (ExportedDocument.Segment) throws -> Void) throws {
            for part in unit.parts {
                switch part {
                case .gap(let text):
                    try xml.text(text)
                case .segment(let segment):
                    try xml.element("mrk", ["mtype": "seg", "mid": segment.id]) { try content(segment) }
                }
            }
        }
    }

}
