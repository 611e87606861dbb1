import Foundation
import PipelineCore
import XML

/// Reads translated XLIFF 1.2 and 2.x files safely (through `SafeXMLReader`: no DOCTYPE, no
/// external entities, no network, bounded size) and checks them with `XLIFFConformance`.
public enum XLIFFReader {
    /// Translated files are small; anything larger is refused before parsing.
    public static let defaultMaximumBytes = 64 * 1024 * 1024

    public static func read(contentsOf url: URL, maximumBytes: Int = defaultMaximumBytes) throws -> ReturnedXLIFF {
        let root = try SafeXMLReader.read(contentsOf: url, maximumBytes: maximumBytes, reportingAs: XLIFFImportError.self)
        return try interpret(root, fileName: url.path)
    }

    public static func parse(_ data: Data, fileName: String, maximumBytes: Int = defaultMaximumBytes) throws -> ReturnedXLIFF {
        let root = try SafeXMLReader.parse(data, fileName: fileName, maximumBytes: maximumBytes, reportingAs: XLIFFImportError.self)
        return try interpret(root, fileName: fileName)
    }

    /// Turns a parsed tree into the version-neutral model.
    package static func interpret(_ root: XMLTree.Element, fileName: String) throws -> ReturnedXLIFF {
        guard root.name == "xliff", let version = XLIFFDialect(root) else {
            throw XLIFFImportError.notXLIFF(file: fileName, root: root.name, namespace: root.namespace)
        }
        let files: [ReturnedXLIFF.File]
        switch version {
        case .v1_2: files = try root.elements(named: "file").map { try file12($0, fileName: fileName) }
        case .v2: files = try root.elements(named: "file").map { try file2($0, root: root, fileName: fileName) }
        }
        return ReturnedXLIFF(
            fileName: fileName, version: root.attribute("version") ?? (version == .v1_2 ? "1.2" : "2.0"),
            files: files, findings: XLIFFConformance.check(root, fileName: fileName))
    }

    // MARK: XLIFF 1.2

    private static func file12(_ file: XMLTree.Element, fileName: String) throws -> ReturnedXLIFF.File {
        ReturnedXLIFF.File(
            id: nil, original: file.attribute("original"), sourceLanguage: file.attribute("source-language"),
            targetLanguage: file.attribute("target-language"), line: file.line, units: try units12(file, fileName: fileName))
    }

    /// The units below an element, in document order: a paragraph group of sentence trans-units
    /// (`restype="x-paragraph"`, as `units: sentence` writes) is one unit, any other trans-unit one.
    private static func units12(_ element: XMLTree.Element, fileName: String) throws -> [ReturnedXLIFF.Unit] {
        try element.elements.flatMap { child -> [ReturnedXLIFF.Unit] in
            switch child.name {
            case "trans-unit": [try paragraphUnit12(child, fileName: fileName)]
            case "group" where child.attribute("restype") == "x-paragraph": [try sentenceGroup12(child, fileName: fileName)]
            default: try units12(child, fileName: fileName)
            }
        }
    }

    /// A paragraph written as a group of one-sentence trans-units whose ids are the segment ids.
    private static func sentenceGroup12(_ group: XMLTree.Element, fileName: String) throws -> ReturnedXLIFF.Unit {
        guard let id = group.attribute("id") else {
            throw XLIFFImportError.missingAttribute(file: fileName, line: group.line, element: "group", attribute: "id")
        }
        let segments = try group.descendants(named: "trans-unit").map { unit -> ReturnedXLIFF.Segment in
            guard let segment = unit.attribute("id") else {
                throw XLIFFImportError.missingAttribute(file: fileName, line: unit.line, element: "trans-unit", attribute: "id")
            }
            let target = unit.firstElement(named: "target")
            let content = target.map(InlineContent.init)
            return ReturnedXLIFF.Segment(
                id: segment, source: unit.firstElement(named: "source").map(InlineContent.init)?.text ?? "",
                target: content?.text, state: target?.attribute("state").flatMap(XLIFFState.init(xliff12:)), line: unit.line,
                machineSuggestion: target.map(isMachineSuggestion12) ?? false, targetCodes: content?.codes ?? [])
        }
        return ReturnedXLIFF.Unit(id: id, line: group.line, segments: segments, unmarkedTarget: nil)
    }

    private static func paragraphUnit12(_ unit: XMLTree.Element, fileName: String) throws -> ReturnedXLIFF.Unit {
        guard let id = unit.attribute("id") else {
            throw XLIFFImportError.missingAttribute(file: fileName, line: unit.line, element: "trans-unit", attribute: "id")
        }
        let target = unit.firstElement(named: "target")
        let state = target?.attribute("state").flatMap(XLIFFState.init(xliff12:))
        let unreviewed = target.map(isMachineSuggestion12) ?? false
        let machineSegments = Set(unit.elements(named: "note").filter { $0.attribute("from") == "pipeline" }
            .compactMap { TranslatorNotes.machineSegment(inOriginNote: $0.textContent) })
        let machine = { (id: String?) in unreviewed && (id.map(machineSegments.contains) ?? !machineSegments.isEmpty) }
        guard let segSource = unit.firstElement(named: "seg-source") else {
            let source = unit.firstElement(named: "source").map(InlineContent.init)?.text ?? ""
            let content = target.map(InlineContent.init)
            return ReturnedXLIFF.Unit(id: id, line: unit.line, segments: [
                .init(id: nil, source: source, target: content?.text, state: state, line: unit.line,
                      machineSuggestion: machine(nil), targetCodes: content?.codes ?? []),
            ], unmarkedTarget: nil)
        }
        let targetMarkers = target.map(segmentMarkers) ?? []
        let targets = Dictionary(targetMarkers.map { ($0.attribute("mid") ?? "", InlineContent($0)) },
                                 uniquingKeysWith: { first, _ in first })
        var segments = segmentMarkers(segSource).map { marker in
            let target = targets[marker.attribute("mid") ?? ""]
            return ReturnedXLIFF.Segment(
                id: marker.attribute("mid") ?? "", source: InlineContent(marker).text,
                target: target?.text, state: state, line: marker.line,
                machineSuggestion: machine(marker.attribute("mid")), targetCodes: target?.codes ?? [])
        }
        // Some tools (translate-toolkit) write the translation beside the markers instead of in
        // them. Text outside the markers that the source lacks is that translation: it belongs
        // to the only segment, or, with several segments, cannot be split back.
        var unmarked: String?
        if let target, ReturnedXLIFF.normalized(outsideSegmentMarkers(target)) != ReturnedXLIFF.normalized(outsideSegmentMarkers(segSource)) {
            let content = InlineContent(target)
            if segments.count == 1 {
                let only = segments[0]
                segments = [.init(id: only.id, source: only.source, target: content.text, state: state, line: only.line,
                                  machineSuggestion: machine(only.id), targetCodes: content.codes)]
            } else {
                unmarked = content.text
            }
        }
        return ReturnedXLIFF.Unit(id: id, line: unit.line, segments: segments, unmarkedTarget: unmarked)
    }

    /// Machine output as exported, still unreviewed: the qualifier says machine, the state says
    /// review pending (a tool that confirms the target changes the state). Which segments of the
    /// unit hold it, the export's per-segment origin notes say.
    private static func isMachineSuggestion12(_ target: XMLTree.Element) -> Bool {
        ["mt-suggestion", "leveraged-mt"].contains(target.attribute("state-qualifier") ?? "")
            && ["needs-review-translation", "needs-translation", "new"].contains(target.attribute("state") ?? "")
    }

    /// The outermost `<mrk mtype="seg">` elements, in order.
    private static func segmentMarkers(_ element: XMLTree.Element) -> [XMLTree.Element] {
        element.elements.flatMap { child -> [XMLTree.Element] in
            child.name == "mrk" && child.attribute("mtype") == "seg" ? [child] : segmentMarkers(child)
        }
    }

    /// The text of an element that lies outside its segment markers.
    private static func outsideSegmentMarkers(_ element: XMLTree.Element) -> String {
        element.children.map { node -> String in
            switch node {
            case .text(let text): text
            case .element(let child):
                child.name == "mrk" && child.attribute("mtype") == "seg" || InlineContent.nativeCode.contains(child.name)
                    ? "" : outsideSegmentMarkers(child)
            }
        }.joined()
    }

    // MARK: XLIFF 2.x

    private static func file2(_ file: XMLTree.Element, root: XMLTree.Element, fileName: String) throws -> ReturnedXLIFF.File {
        let units = try file.descendants(named: "unit").map { unit -> ReturnedXLIFF.Unit in
            guard let id = unit.attribute("id") else {
                throw XLIFFImportError.missingAttribute(file: fileName, line: unit.line, element: "unit", attribute: "id")
            }
            let segments = unit.elements(named: "segment").map { segment in
                let target = segment.firstElement(named: "target").map(InlineContent.init)
                return ReturnedXLIFF.Segment(
                    id: segment.attribute("id"),
                    source: segment.firstElement(named: "source").map(InlineContent.init)?.text ?? "",
                    target: target?.text,
                    state: XLIFFState(rawValue: segment.attribute("state") ?? XLIFFState.initial.rawValue),
                    line: segment.line,
                    machineSuggestion: segment.attribute("subState") == XLIFFIdentifiers.machineSubState
                        && (segment.attribute("state") ?? "initial") == "initial",
                    targetCodes: target?.codes ?? [])
            }
            return ReturnedXLIFF.Unit(id: id, line: unit.line, segments: segments, unmarkedTarget: nil)
        }
        return ReturnedXLIFF.File(
            id: file.attribute("id"), original: file.attribute("original"), sourceLanguage: root.attribute("srcLang"),
            targetLanguage: root.attribute("trgLang"), line: file.line, units: units)
    }
}

/// Which XLIFF a root element is, by namespace.
enum XLIFFDialect {
    case v1_2, v2

    init?(_ root: XMLTree.Element) {
        switch root.namespace {
        case XLIFFNamespace.xliff12: self = .v1_2
        case XLIFFNamespace.xliff2, "urn:oasis:names:tc:xliff:document:2.2": self = .v2
        default: return nil
        }
    }
}

/// The text of XLIFF inline content without its codes, and where the codes stand: 1.2 `<g>`, `<x/>`,
/// `<bx/>`, `<ex/>`, `<ph>` and 2.x `<pc>`, `<ph/>`, `<sc/>`, `<ec/>`, by the ids our exports
/// write (`c12`, `c12e` for a lone closing half). Native code inside `<ph>` (and 1.2's
/// `<bpt>`/`<ept>`/`<it>`) is markup, never text. Codes with ids of other tools are left out.
struct InlineContent {
    /// Elements whose content is the original markup.
    static let nativeCode: Set<String> = ["ph", "bpt", "ept", "it", "sub"]

    private(set) var text = ""
    private(set) var codes: [ReturnedXLIFF.CodeMark] = []

    init(_ element: XMLTree.Element) {
        walk(element)
    }

    private mutating func walk(_ element: XMLTree.Element) {
        for child in element.children {
            switch child {
            case .text(let value):
                text += value
            case .element(let inner):
                switch inner.name {
                case "g", "pc":
                    mark(inner.attribute("id"), .opening)
                    walk(inner)
                    mark(inner.attribute("id"), .closing)
                case "x", "ph":
                    mark(inner.attribute("id"), .isolated)
                case "bx":
                    mark(inner.attribute("rid") ?? inner.attribute("id"), .opening)
                case "sc":
                    mark(inner.attribute("id"), .opening)
                case "ex":
                    mark(inner.attribute("rid") ?? inner.attribute("id"), .closing)
                case "ec":
                    mark(inner.attribute("startRef") ?? inner.attribute("id"), .closing)
                case "it":
                    mark(inner.attribute("id"), inner.attribute("pos") == "close" ? .closing : .opening)
                case _ where Self.nativeCode.contains(inner.name):
                    break
                default:
                    walk(inner)
                }
            }
        }
    }

    private mutating func mark(_ id: String?, _ kind: InlineCode.Kind) {
        guard let id, id.hasPrefix("c") else { return }
        let digits = id.dropFirst().hasSuffix("e") ? id.dropFirst().dropLast() : id.dropFirst()
        guard let number = Int(digits) else { return }
        codes.append(ReturnedXLIFF.CodeMark(id: number, kind: kind, offset: text.utf8.count))
    }
}
