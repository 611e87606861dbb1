import Foundation
import XML

/// Turns the XML parts of a Word file (`word/document.xml`, then footnotes and endnotes) into
/// plain text, inline codes and a skeleton, as Word shows the text: runs of each paragraph (table
/// cells included) in order, tracked insertions kept, deletions (`w:del`, `w:delText`) and comments
/// (kept in their own part) left out, footnotes as paragraphs of their own after the body.
///
/// The parts are parsed with the safe XML reader (no DTD, no entities); the text of each `w:t`
/// is then found in the part's bytes, so the skeleton is the part itself, byte for byte, with only
/// the contents of `w:t` elements as text. Between two runs of a paragraph, the XML (`</w:t></w:r>
/// <w:r><w:rPr><w:b/></w:rPr><w:t>`) is an inline code: a pair around bold, italic or linked runs,
/// isolated where formatting changes from one to another.
struct WordprocessingExtractor {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// Separates parts in the skeleton; NUL never occurs in XML.
    static let partMarker = "\u{0}"

    private(set) var builder = SkeletonBuilder()
    private(set) var title: String?
    private var firstHeading: String?
    private var nextID = 1
    /// Style ids whose paragraphs are headings (`Heading1`, `Title`, or a style named so).
    let headingStyles: Set<String>
    let titleStyles: Set<String>

    init(styles: XMLTree.Element?) {
        var headings: Set<String> = []
        var titles: Set<String> = ["Title"]
        for style in styles?.elements(named: "style") ?? [] {
            guard let id = style.attribute("styleId") else { continue }
            let name = (style.firstElement(named: "name")?.attribute("val") ?? id).lowercased()
            if name == "title" { titles.insert(id) }
            if name.hasPrefix("heading") { headings.insert(id) }
        }
        for level in 1...9 { headings.insert("Heading\(level)") }
        headingStyles = headings
        titleStyles = titles
    }

    /// The part's text in the document and its bytes in the skeleton.
    mutating func add(part name: String, data: Data, fileName: String) throws(InputError) {
        let root: XMLTree.Element
        do { root = try SafeXMLReader.parse(data, fileName: "\(fileName)#\(name)", maximumBytes: DOCXArchive.maximumPartBytes) } catch {
            throw .malformed(path: fileName, reason: "\(name): \(error.reason)")
        }
        let bytes = [UInt8](data)
        let ranges = Self.textRanges(in: bytes, prefix: Self.prefix(in: bytes))
        var paragraphs: [Paragraph] = []
        var counter = 0
        var separators: [Int: String] = [:]
        collect(root, state: State(), paragraphs: &paragraphs, counter: &counter, separators: &separators)
        guard counter == ranges.count else {
            throw .malformed(path: fileName, reason: "\(name): its text elements could not be located (\(counter) parsed, \(ranges.count) found)")
        }
        builder.addMarkup(Self.partMarker + name + Self.partMarker)
        var cursor = 0
        for paragraph in paragraphs where !paragraph.runs.isEmpty {
            let first = ranges[paragraph.runs[0].index]
            let last = ranges[paragraph.runs[paragraph.runs.count - 1].index]
            guard first.lowerBound >= cursor else { continue }
            var text = ""
            var codes: [InlineCode] = []
            var open: (id: Int, position: Int)?
            for (position, run) in paragraph.runs.enumerated() {
                if position > 0 {
                    let previous = paragraph.runs[position - 1]
                    let between = ranges[previous.index].upperBound..<ranges[run.index].lowerBound
                    let original = String(decoding: bytes[between], as: UTF8.self)
                    let offset = text.utf8.count
                    if previous.style == nil, let style = run.style, open == nil {
                        let id = newID()
                        open = (id, codes.count)
                        codes.append(InlineCode(id: id, kind: .opening, role: style, offset: offset, original: original,
                                                display: "<\(style.rawValue)>", deletable: style != .link))
                    } else if run.style == nil, let openCode = open, let style = previous.style {
                        codes.append(InlineCode(id: openCode.id, kind: .closing, role: style, offset: offset, original: original,
                                                display: "</\(style.rawValue)>", deletable: style != .link))
                        open = nil
                    } else {
                        codes.append(InlineCode(id: newID(), kind: .isolated, role: run.style ?? .span, offset: offset,
                                                original: original, display: "<run/>", deletable: false))
                    }
                    text += run.separator
                }
                text += run.text
            }
            if let unclosed = open {
                // The formatting lasts to the paragraph's end: its start is all that is inside.
                let code = codes[unclosed.position]
                codes[unclosed.position] = InlineCode(id: code.id, kind: .isolated, role: code.role, offset: code.offset,
                                                      original: code.original, display: code.display, deletable: false)
            }
            builder.addMarkup(String(decoding: bytes[cursor..<first.lowerBound], as: UTF8.self))
            let original = String(decoding: bytes[first.lowerBound..<last.upperBound], as: UTF8.self)
            if builder.addBlock(text, codes: codes, original: original) != nil {
                let plain = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if title == nil, paragraph.isTitle { title = plain }
                if firstHeading == nil, paragraph.isHeading { firstHeading = plain }
            }
            cursor = last.upperBound
        }
        builder.addMarkup(String(decoding: bytes[cursor...], as: UTF8.self))
    }

    /// The title: a `Title` paragraph, else the first heading.
    var documentTitle: String? { title ?? firstHeading }

    mutating func skeleton() -> Skeleton { builder.skeleton() }

    private mutating func newID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    // MARK: The tree

    struct Paragraph {
        var runs: [Run] = []
        var isHeading = false
        var isTitle = false
    }

    struct Run {
        /// The `w:t`'s position among all `w:t` elements of the part.
        let index: Int
        let text: String
        /// Bold, italic or link; nil for plain text.
        let style: InlineCode.Role?
        /// A tab or line break Word shows before this text (`w:tab`, `w:br` between the runs).
        let separator: String
    }

    private struct State {
        var paragraph: Int?
        var nested = false
        var deleted = false
        var link = false
        var bold = false
        var italic = false
    }

    private func collect(
        _ element: XMLTree.Element, state: State, paragraphs: inout [Paragraph], counter: inout Int, separators: inout [Int: String]
    ) {
        var state = state
        let inWord = element.namespace == Self.namespace
        if inWord {
            switch element.name {
            case "p":
                if state.paragraph == nil {
                    var paragraph = Paragraph()
                    let style = element.firstElement(named: "pPr")?.firstElement(named: "pStyle")?.attribute("val")
                    if let style {
                        paragraph.isTitle = titleStyles.contains(style)
                        paragraph.isHeading = paragraph.isTitle || headingStyles.contains(style)
                    }
                    paragraphs.append(paragraph)
                    state.paragraph = paragraphs.count - 1
                } else {
                    // A text box's paragraph inside a run: its XML stays inside the outer paragraph's codes.
                    state.nested = true
                }
            case "del", "moveFrom": state.deleted = true
            case "hyperlink": state.link = true
            case "r":
                let properties = element.firstElement(named: "rPr")
                state.bold = Self.isOn(properties?.firstElement(named: "b"))
                state.italic = Self.isOn(properties?.firstElement(named: "i"))
            case "t":
                let index = counter
                counter += 1
                guard let paragraph = state.paragraph, !state.nested, !state.deleted else { return }
                let style: InlineCode.Role? = state.link ? .link : state.bold ? .bold : state.italic ? .italic : nil
                let separator = separators.removeValue(forKey: paragraph) ?? ""
                paragraphs[paragraph].runs.append(Run(index: index, text: element.textContent, style: style, separator: separator))
                return
            default: break
            }
        }
        for child in element.elements {
            if child.namespace == Self.namespace, state.paragraph != nil, !state.nested, !state.deleted,
               let paragraph = state.paragraph, !paragraphs[paragraph].runs.isEmpty {
                switch child.name {
                case "tab": separators[paragraph] = "\t"
                case "br", "cr": separators[paragraph] = "\n"
                default: break
                }
            }
            collect(child, state: state, paragraphs: &paragraphs, counter: &counter, separators: &separators)
        }
    }

    static func isOn(_ element: XMLTree.Element?) -> Bool {
        guard let element else { return false }
        guard let value = element.attribute("val")?.lowercased() else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }

    // MARK: The bytes

    /// The prefix the part binds to WordprocessingML (`w`), or "" when it is the default namespace.
    static func prefix(in bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self)
        for match in text.matches(of: /xmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*["']([^"']*)["']/) where match.2 == namespace {
            return match.1.map(String.init) ?? ""
        }
        return "w"
    }

    /// The byte range of the contents of every `<w:t>` element, in document order (empty at the
    /// end of a `<w:t/>`). Comments, CDATA sections and processing instructions are skipped.
    static func textRanges(in bytes: [UInt8], prefix: String) -> [Range<Int>] {
        let name = Array((prefix.isEmpty ? "t" : prefix + ":t").utf8)
        let close = Array("</".utf8) + name
        var ranges: [Range<Int>] = []
        var index = 0
        func starts(_ marker: [UInt8], at position: Int) -> Bool {
            position + marker.count <= bytes.count && bytes[position..<position + marker.count].elementsEqual(marker)
        }
        func skip(to marker: [UInt8], from position: Int) -> Int {
            var cursor = position
            while cursor < bytes.count, !starts(marker, at: cursor) { cursor += 1 }
            return min(cursor + marker.count, bytes.count)
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if starts(Array("<!--".utf8), at: index) { index = skip(to: Array("-->".utf8), from: index + 4); continue }
            if starts(Array("<![CDATA[".utf8), at: index) { index = skip(to: Array("]]>".utf8), from: index + 9); continue }
            if starts(Array("<?".utf8), at: index) { index = skip(to: Array("?>".utf8), from: index + 2); continue }
            let after = index + 1 + name.count
            guard starts(name, at: index + 1), after < bytes.count,
                  [UInt8(ascii: ">"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[after]) else {
                index += 1
                continue
            }
            // The end of the start tag, past quoted attribute values.
            var cursor = after
            var quote: UInt8?
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                cursor += 1
            }
            guard cursor < bytes.count else { break }
            if bytes[cursor - 1] == UInt8(ascii: "/") {
                ranges.append(cursor + 1..<cursor + 1)
                index = cursor + 1
                continue
            }
            let start = cursor + 1
            var end = start
            while end < bytes.count, !starts(close, at: end) { end += 1 }
            ranges.append(start..<end)
            index = end
        }
        return ranges
    }
}
