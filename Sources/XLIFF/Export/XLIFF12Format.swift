import PipelineCore
import XML

/// XLIFF 1.2, valid against the strict schema: no foreign-namespace attributes anywhere.
///
/// With `units: sentence` (the default), a `<group id="pN">` per paragraph holds a
/// `<trans-unit id="sN">` per sentence: tools that ignore sentence markers (translate-toolkit writes a
/// new target in front of them) still give each sentence its own translation. With `units: paragraph`,
/// a trans-unit per paragraph: `<source>` holds the paragraph, `<seg-source>` marks each sentence with
/// `<mrk mtype="seg" mid="sN">` (glossary hits inside as `<mrk mtype="term">`), and `<target>` repeats
/// the markers with the target text. Glossary hits, summary ranks and provenance are notes; known
/// translations the target does not hold are `<alt-trans>` with `match-quality`.
struct XLIFF12Format {
    let languages: LanguagePair
    let provenance: String
    var units: XLIFFOptions.Units = .sentence

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
                for unit in document.units {
                    switch units {
                    case .sentence: try group(unit, in: document, xml)
                    case .paragraph: try transUnit(unit, in: document, xml)
                    }
                }
            }
        }
    }

    /// A paragraph as a group of one-sentence trans-units. The text between sentences is layout and
    /// stays out: the merge stage takes it from the document, not from the file.
    private func group(_ unit: ExportedDocument.Unit, in document: ExportedDocument, _ xml: XMLWriter) throws {
        try xml.element("group", ["id": unit.id, "restype": "x-paragraph"]) {
            for segment in unit.segments {
                let machine = segment.origin?.isMachine == true
                let exact = segment.origin.map { $0 == .memory(percent: 100) } ?? false
                let state = machine ? "needs-review-translation" : segment.state.xliff12
                try xml.element("trans-unit", ["id": segment.id, "xml:space": "preserve"]) {
                    try xml.element("source", layout: .inline) { try runs(segment.source, xml) }
                    try xml.element("target", [
                        "state": state, "state-qualifier": machine ? "mt-suggestion" : exact ? "exact-match" : nil,
                        "xml:lang": languages.target.tag,
                    ], layout: .inline) {
                        try InlineCodeMarkup.writeTarget(segment.target ?? "", codes: segment.targetCodes, xml) {
                            try InlineCodeMarkup.write12($0, isolatedHalves: true, xml)
                        }
                    }
                    try alternatives(segment, xml)
                    var concepts: [Int: [String]] = [:]
                    var order: [Int] = []
                    for case .term(_, let concept, let term) in segment.source {
                        if concepts[concept] == nil { order.append(concept) }
                        if !(concepts[concept]?.contains(term) ?? false) { concepts[concept, default: []].append(term) }
                    }
                    for concept in order {
                        try xml.textElement("note", ["from": "glossary", "annotates": "source"],
                                            text: TranslatorNotes.glossary(document.concepts[concept], terms: concepts[concept]!))
                    }
                    if let note = TranslatorNotes.summary(segment, in: document) {
                        try xml.textElement("note", ["from": "summary", "annotates": "source"], text: note)
                    }
                    if let note = TranslatorNotes.origin(segment) {
                        try xml.textElement("note", ["from": "pipeline", "annotates": "target"], text: note)
                    }
                }
            }
        }
    }

    /// Source text with codes; glossary hits are notes here, since a term mark in `<source>` is
    /// content some tools show as markup.
    private func runs(_ source: [ExportedDocument.Run], _ xml: XMLWriter) throws {
        for run in source {
            switch run {
            case .text(let text), .term(let text, _, _): try xml.text(text)
            case .code(let code): try InlineCodeMarkup.write12(code, isolatedHalves: true, xml)
            }
        }
    }

    /// `<alt-trans>` for each suggestion; `mid` names the sentence where the unit has several.
    private func alternatives(_ segment: ExportedDocument.Segment, mid: String? = nil, _ xml: XMLWriter) throws {
        for suggestion in segment.suggestions {
            try xml.element("alt-trans", [
                "mid": mid, "match-quality": String(suggestion.matchQuality), "origin": suggestion.originName,
            ]) {
                try xml.textElement("source", ["xml:lang": languages.source.tag], text: suggestion.source)
                try xml.textElement("target", ["xml:lang": languages.target.tag], text: suggestion.target)
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
        let exact = !machine && segments.allSatisfy { $0.origin == .memory(percent: 100) }
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
                "state": state, "state-qualifier": machine ? "mt-suggestion" : exact ? "exact-match" : nil,
                "xml:lang": languages.target.tag,
            ], layout: .inline) {
                try markers(unit) { segment in
                    try InlineCodeMarkup.writeTarget(segment.target ?? "", codes: segment.targetCodes, xml) {
                        try InlineCodeMarkup.write12($0, xml)
                    }
                }
            }
            for segment in segments { try alternatives(segment, mid: segment.id, xml) }
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
