import PipelineCore
import XML

/// Writes text with inline codes as XLIFF 1.2 (`<g>`, `<x/>`, `<bx/>`, `<ex/>`, `<ph>`) or 2.1
/// (`<pc>`, `<ph/>`, `<sc/>`, `<ec/>` pointing into `<originalData>`), so CAT tools show tags
/// instead of markup to retype. Ids are `c<code id>`, and `c<code id>e` for a lone closing half.
enum InlineCodeMarkup {
    static func id(_ code: InlineCode) -> String { "c\(code.id)" }
    static func endID(_ code: InlineCode) -> String { "c\(code.id)e" }
    static func dataID(_ code: InlineCode) -> String { code.kind == .closing ? "d\(code.id)e" : "d\(code.id)" }

    // MARK: XLIFF 1.2

    /// Whole pairs are `<g>`; line breaks `<x/>` (nothing to show); other placeholders `<ph>` with
    /// the original markup as content; lone halves `<bx/>`/`<ex/>` linked by `rid`.
    /// `isolatedHalves`: a half whose partner is outside the element is `<it pos="open|close">`, since
    /// `<bx>`/`<ex>` must find their partner in the same `<source>` or `<target>` (a trans-unit per sentence).
    static func write12(_ code: ExportedDocument.ExportedCode, isolatedHalves: Bool = false, _ xml: XMLWriter) throws {
        let original = code.code
        switch code.form {
        case .start where isolatedHalves, .end where isolatedHalves:
            let opening = if case .start = code.form { true } else { false }
            try xml.textElement("it", [
                "id": opening ? id(original) : endID(original), "pos": opening ? "open" : "close",
                "ctype": delimiterType12(original.role), "equiv-text": original.display,
            ], text: original.original)
        case .placeholder where original.role == .lineBreak:
            try xml.textElement("x", ["id": id(original), "ctype": "lb", "equiv-text": original.display], text: "")
        case .placeholder:
            try xml.textElement("ph", ["id": id(original), "ctype": placeholderType12(original.role),
                                       "equiv-text": original.display], text: original.original)
        case .pairStart:
            try xml.startElement("g", ["id": id(original), "ctype": delimiterType12(original.role)], layout: .inline)
        case .pairEnd:
            try xml.endElement()
        case .start:
            try xml.textElement("bx", ["id": id(original), "rid": id(original), "ctype": delimiterType12(original.role),
                                       "equiv-text": original.display], text: "")
        case .end:
            try xml.textElement("ex", ["id": endID(original), "rid": id(original), "equiv-text": original.display], text: "")
        }
    }

    static func delimiterType12(_ role: InlineCode.Role) -> String {
        switch role {
        case .bold: "bold"
        case .italic: "italic"
        case .underline: "underlined"
        case .link: "link"
        default: "x-\(role.rawValue)"
        }
    }

    static func placeholderType12(_ role: InlineCode.Role) -> String {
        switch role {
        case .image: "image"
        case .lineBreak: "lb"
        default: "x-\(role.rawValue)"
        }
    }

    // MARK: XLIFF 2.1

    static func write21(_ code: ExportedDocument.ExportedCode, _ xml: XMLWriter) throws {
        let original = code.code
        let canDelete: String? = original.deletable ? nil : "no"
        let (type, subType) = type21(original.role)
        switch code.form {
        case .placeholder:
            try xml.textElement("ph", ["id": id(original), "canDelete": canDelete, "dataRef": dataID(original),
                                       "disp": original.display, "subType": subType, "type": type], text: "")
        case .pairStart(let end):
            try xml.startElement("pc", [
                "id": id(original), "canDelete": canDelete, "dataRefEnd": dataID(end), "dataRefStart": dataID(original),
                "dispEnd": end.display, "dispStart": original.display, "subType": subType, "type": type,
            ], layout: .inline)
        case .pairEnd:
            try xml.endElement()
        case .start(let partnerInUnit):
            try xml.textElement("sc", ["id": id(original), "canDelete": canDelete, "dataRef": dataID(original),
                                       "disp": original.display, "isolated": partnerInUnit ? nil : "yes",
                                       "subType": subType, "type": type], text: "")
        case .end(let partnerInUnit) where partnerInUnit:
            try xml.textElement("ec", ["dataRef": dataID(original), "disp": original.display, "startRef": id(original)], text: "")
        case .end:
            try xml.textElement("ec", ["id": endID(original), "canDelete": canDelete, "dataRef": dataID(original),
                                       "disp": original.display, "isolated": "yes", "subType": subType, "type": type], text: "")
        }
    }

    static func type21(_ role: InlineCode.Role) -> (type: String, subType: String?) {
        switch role {
        case .bold: ("fmt", "xlf:b")
        case .italic: ("fmt", "xlf:i")
        case .underline: ("fmt", "xlf:u")
        case .lineBreak: ("fmt", "xlf:lb")
        case .link: ("link", nil)
        case .image: ("image", nil)
        case .html: ("other", nil)
        case .code, .superscript, .subscript, .span: ("fmt", nil)
        }
    }

    /// `<originalData>` for a unit: the original markup of every code its segments show, once.
    static func originalData(_ unit: ExportedDocument.Unit, _ xml: XMLWriter) throws {
        var seen: Set<String> = []
        var entries: [(id: String, original: String)] = []
        for segment in unit.segments {
            for case .code(let code) in segment.source {
                let codes = if case .pairStart(let end) = code.form { [code.code, end] } else { [code.code] }
                for code in codes where seen.insert(dataID(code)).inserted { entries.append((dataID(code), code.original)) }
            }
        }
        guard !entries.isEmpty else { return }
        try xml.element("originalData") {
            for entry in entries { try xml.textElement("data", ["id": entry.id], text: entry.original) }
        }
    }

    // MARK: Targets

    /// A target text with its codes at their offsets, each through `code`.
    static func writeTarget(
        _ text: String, codes: [ExportedDocument.PlacedCode], _ xml: XMLWriter,
        code write: (ExportedDocument.ExportedCode) throws -> Void
    ) throws {
        guard !codes.isEmpty else { return try xml.text(text) }
        let utf8 = Array(text.utf8)
        var position = 0
        for placed in codes {
            let offset = min(max(position, placed.offset), utf8.count)
            if offset > position { try xml.text(String(decoding: utf8[position..<offset], as: UTF8.self)) }
            position = offset
            try write(placed.code)
        }
        if position < utf8.count { try xml.text(String(decoding: utf8[position...], as: UTF8.self)) }
    }
}
