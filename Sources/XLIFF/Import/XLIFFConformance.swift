import XML

/// Checks the rules the XLIFF specifications state in prose, which the XSDs cannot check: ids
/// unique in their scope, languages that agree, spanning codes that open before they close,
/// `order` values, and the glossary module's entry rule. The findings are data for the caller.
package enum XLIFFConformance {
    package static func check(_ root: XMLTree.Element, fileName: String) -> [XLIFFFinding] {
        var checker = Checker(fileName: fileName)
        switch XLIFFDialect(root) {
        case .v1_2: checker.checkVersion12(root)
        case .v2: checker.checkVersion2(root)
        case nil: break
        }
        return checker.findings
    }

    private static let inlineNames: Set<String> = ["ph", "pc", "sc", "ec", "mrk", "sm"]

    private struct Checker {
        let fileName: String
        var findings: [XLIFFFinding] = []

        mutating func report(_ rule: XLIFFFinding.Rule, _ line: Int, _ message: String) {
            findings.append(XLIFFFinding(file: fileName, line: line, rule: rule, message: message))
        }

        /// Reports every id seen before among `elements`, with the scope named in the message.
        mutating func requireUnique(
            _ elements: [XMLTree.Element], attribute: String = "id", rule: XLIFFFinding.Rule, scope: String,
            alreadySeen: Set<String> = []
        ) {
            var seen = alreadySeen
            for element in elements {
                guard let id = element.attribute(attribute) else { continue }
                if !seen.insert(id).inserted {
                    report(rule, element.line, "<\(element.name)> \(attribute) '\(id)' is not unique in its \(scope)")
                }
            }
        }

        // MARK: XLIFF 2.x

        mutating func checkVersion2(_ root: XMLTree.Element) {
            let files = root.elements(named: "file")
            requireUnique(files, rule: .duplicateFileID, scope: "<xliff>")
            let sourceLanguage = root.attribute("srcLang")
            let targetLanguage = root.attribute("trgLang")
            if targetLanguage == nil, let target = root.descendants(named: "target").first {
                report(.missingTargetLanguage, target.line, "<target> elements are present, so <xliff> must have trgLang")
            }
            checkLanguages(root, inherited: root.attribute("lang", namespace: XMLTree.xmlNamespace),
                           source: sourceLanguage, target: targetLanguage)
            for file in files {
                requireUnique(file.descendants(named: "unit") + file.descendants(named: "group"),
                              rule: .duplicateUnitID, scope: "<file> (units and groups share it)")
                for notes in [file] + file.descendants(named: "unit") + file.descendants(named: "group") {
                    for list in notes.elements(named: "notes") {
                        requireUnique(list.elements(named: "note"), rule: .duplicateNoteID, scope: "<notes>")
                    }
                }
                for unit in file.descendants(named: "unit") { checkUnit(unit) }
            }
        }

        /// `xml:lang` is inherited; on or inside a source it must be srcLang, on or inside a target trgLang.
        mutating func checkLanguages(_ element: XMLTree.Element, inherited: String?, source: String?, target: String?) {
            let language = element.attribute("lang", namespace: XMLTree.xmlNamespace) ?? inherited
            if element.name == "source", element.namespace == XLIFFNamespace.xliff2 || element.namespace == nil,
               let language, let source, !Self.sameLanguage(language, source) {
                report(.sourceLanguageMismatch, element.line, "<source> is in xml:lang '\(language)', but srcLang is '\(source)'")
                return
            }
            if element.name == "target", let language, let target, !Self.sameLanguage(language, target) {
                report(.targetLanguageMismatch, element.line, "<target> is in xml:lang '\(language)', but trgLang is '\(target)'")
                return
            }
            for child in element.elements { checkLanguages(child, inherited: language, source: source, target: target) }
        }

        static func sameLanguage(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

        mutating func checkUnit(_ unit: XMLTree.Element) {
            let parts = unit.elements.filter { $0.name == "segment" || $0.name == "ignorable" }
            requireUnique(parts, rule: .duplicateSegmentID, scope: "<unit> '\(unit.attribute("id") ?? "?")'")
            let partIDs = Set(parts.compactMap { $0.attribute("id") })
            let sources = parts.compactMap { $0.firstElement(named: "source") }
            let targets = parts.compactMap { $0.firstElement(named: "target") }
            let sourceInline = sources.flatMap(Self.inlineElements)
            let targetInline = targets.flatMap(Self.inlineElements)
            // Source inline ids share the unit's scope with segment and ignorable ids; target inline
            // ids repeat their source counterparts' ids, so they are unique only among themselves.
            requireUnique(sourceInline, rule: .duplicateInlineID, scope: "<unit> source content", alreadySeen: partIDs)
            requireUnique(targetInline, rule: .duplicateInlineID, scope: "<unit> target content", alreadySeen: partIDs)
            checkSpans(sourceInline, start: "sc", end: "ec")
            checkSpans(sourceInline, start: "sm", end: "em")
            checkOrder(parts: parts, targets: targets)
            for segment in parts where segment.name == "segment" {
                if segment.attribute("subState") != nil, segment.attribute("state") == nil {
                    report(.subStateWithoutState, segment.line, "<segment> has subState but no state")
                }
            }
            let sourceIDs = Set(sourceInline.compactMap { $0.attribute("id") })
            let targetIDs = Set(targetInline.compactMap { $0.attribute("id") })
            for glossary in unit.elements.filter({ $0.name == "glossary" && $0.namespace == XLIFFNamespace.glossary }) {
                checkGlossary(glossary, sourceIDs: sourceIDs, targetIDs: targetIDs)
            }
        }

        /// Inline elements (and `ec`/`em`, which close spans) of one source or target, in document order.
        static func inlineElements(_ content: XMLTree.Element) -> [XMLTree.Element] {
            content.elements.flatMap { child -> [XMLTree.Element] in
                guard inlineNames.contains(child.name) || child.name == "em" else { return [] }
                return [child] + inlineElements(child)
            }
        }

        /// Every non-isolated end (`ec`, `em`) must follow its start (`sc`, `sm`) in the unit.
        mutating func checkSpans(_ inline: [XMLTree.Element], start: String, end: String) {
            let allStarts = Set(inline.filter { $0.name == start }.compactMap { $0.attribute("id") })
            var opened: Set<String> = []
            for element in inline {
                if element.name == start, let id = element.attribute("id") { opened.insert(id) }
                guard element.name == end, element.attribute("isolated") != "yes", let reference = element.attribute("startRef")
                else { continue }
                if opened.contains(reference) { continue }
                if allStarts.contains(reference) {
                    report(.endBeforeStart, element.line, "<\(end) startRef='\(reference)'> comes before its <\(start)>")
                } else {
                    report(.endWithoutStart, element.line, "<\(end) startRef='\(reference)'> has no <\(start)> in its unit")
                }
            }
        }

        /// `order` on targets: whole numbers from 1 to the number of segments and ignorables, each once.
        mutating func checkOrder(parts: [XMLTree.Element], targets: [XMLTree.Element]) {
            var used: Set<Int> = []
            for target in targets {
                guard let raw = target.attribute("order") else { continue }
                guard let order = Int(raw), (1...max(1, parts.count)).contains(order) else {
                    report(.invalidOrder, target.line, "order '\(raw)' is not between 1 and \(parts.count)")
                    continue
                }
                if !used.insert(order).inserted { report(.invalidOrder, target.line, "order \(order) is used twice") }
            }
        }

        mutating func checkGlossary(_ glossary: XMLTree.Element, sourceIDs: Set<String>, targetIDs: Set<String>) {
            let entries = glossary.elements(named: "glossEntry")
            requireUnique(entries, rule: .duplicateGlossaryID, scope: "<gls:glossary>")
            for entry in entries {
                if entry.firstElement(named: "translation") == nil, entry.firstElement(named: "definition") == nil {
                    report(.glossEntryIncomplete, entry.line, "<gls:glossEntry> has neither <gls:translation> nor <gls:definition>")
                }
                let translations = entry.elements(named: "translation")
                requireUnique(translations, rule: .duplicateGlossaryID, scope: "<gls:glossEntry>")
                for element in [entry] + translations {
                    checkReference(element, sourceIDs: sourceIDs, targetIDs: targetIDs)
                }
            }
        }

        /// Same-unit fragment references: `#id` names a source inline element, `#t=id` a target one.
        /// Other forms (paths, external IRIs) are left alone.
        mutating func checkReference(_ element: XMLTree.Element, sourceIDs: Set<String>, targetIDs: Set<String>) {
            guard let reference = element.attribute("ref"), reference.hasPrefix("#"), !reference.contains("/") else { return }
            let fragment = reference.dropFirst()
            let (id, known) = fragment.hasPrefix("t=") ? (String(fragment.dropFirst(2)), targetIDs) : (String(fragment), sourceIDs)
            guard !id.contains("="), !known.contains(id) else { return }
            report(.danglingReference, element.line, "ref '\(reference)' points at no inline element of its unit")
        }

        // MARK: XLIFF 1.2

        mutating func checkVersion12(_ root: XMLTree.Element) {
            for file in root.elements(named: "file") {
                requireUnique(file.descendants(named: "trans-unit"), rule: .duplicateUnitID, scope: "<file>")
                for unit in file.descendants(named: "trans-unit") {
                    let sourceMarkers = unit.firstElement(named: "seg-source").map { $0.descendants(named: "mrk") } ?? []
                    let segments = sourceMarkers.filter { $0.attribute("mtype") == "seg" }
                    requireUnique(segments, attribute: "mid", rule: .duplicateSegmentID,
                                  scope: "<seg-source> of trans-unit '\(unit.attribute("id") ?? "?")'")
                    let mids = Set(segments.compactMap { $0.attribute("mid") })
                    let targetSegments = (unit.firstElement(named: "target")?.descendants(named: "mrk") ?? [])
                        .filter { $0.attribute("mtype") == "seg" }
                    for marker in targetSegments {
                        guard let mid = marker.attribute("mid"), !mids.contains(mid) else { continue }
                        report(.targetMarkerWithoutSource, marker.line, "target segment mid '\(mid)' has no counterpart in <seg-source>")
                    }
                }
            }
        }
    }
}
