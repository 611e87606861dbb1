import XML

/// Turns a parsed page into plain text, inline codes and a skeleton.
///
/// The main content is the page's `<article>` (the one with most text), else `<main>` or
/// `role="main"`, else the element whose paragraphs hold most text (a text-density heuristic as in
/// Readability). Inside it, boilerplate (scripts, navigation, asides, footers, header menus, cookie
/// and consent banners, share and newsletter boxes) stays out of the text but in the skeleton; each
/// run of inline content between block elements is a block of the text. Outside it, everything is
/// skeleton, except `<title>` (translated too) and `lang` attributes (set to the target).
struct HTMLExtractor {
    let page: HTMLPage
    private(set) var builder = SkeletonBuilder()
    private(set) var title: String?
    private(set) var metadata: [MetadataEntry] = []
    private var mainPath: [Int] = []
    private var blocks: [(span: TextSpan, text: String, hasCodes: Bool)] = []
    private var titleElement: (text: String, original: String)?
    private var titleSlot: Int?

    init(page: HTMLPage) {
        self.page = page
    }

    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
        "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
        "u", "var", "wbr",
    ]
    /// Never text to translate, wherever they stand.
    static let boilerplateElements: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button", "iframe", "svg", "canvas",
        "select", "textarea", "input", "object", "embed", "dialog", "menu", "math", "head",
    ]
    /// Kept as they are: preformatted text is code or ASCII art more often than prose.
    static let verbatimElements: Set<String> = ["pre"]
    static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
    ]
    /// Words in `id` or `class` that mark boilerplate (matched as whole words of the name).
    static let boilerplateWords: Set<String> = [
        "cookie", "cookies", "consent", "gdpr", "newsletter", "share", "sharing", "social", "related", "comments",
        "advert", "advertisement", "promo", "breadcrumb", "breadcrumbs", "subscribe", "sidebar", "menu", "skiplink",
        "paywall", "outbrain", "taboola",
    ]

    /// The page's plain text, codes and skeleton.
    mutating func extract() -> (text: String, codes: [InlineCode], skeleton: Skeleton) {
        mainPath = Self.mainContentPath(in: page)
        metadata = Self.metadata(of: page)
        if let doctype = page.doctype { builder.addMarkup(doctype + "\n") }
        for (index, node) in page.nodes.enumerated() { outside(node, path: [index]) }
        finishTitle()
        return (builder.text, builder.codes, builder.skeleton())
    }

    // MARK: Outside the main content

    private mutating func outside(_ node: HTMLNode, path: [Int]) {
        guard case .element(let element) = node else { return builder.addMarkup(HTMLMarkup.serialize(node)) }
        if path == mainPath { return container(element) }
        let onTheWay = mainPath.starts(with: path)
        if element.name == "title", titleElement == nil {
            let text = InlineTextBuilder.collapsed(element.textContent)
            startTag(element)
            titleElement = (text, element.children.map { HTMLMarkup.serialize($0) }.joined())
            titleSlot = builder.reservePart() // filled in `finishTitle`, once the headings are known
            builder.addMarkup(HTMLMarkup.endTag(element))
            return
        }
        guard onTheWay || element.name == "html" || element.name == "head" else {
            return builder.addMarkup(HTMLMarkup.serialize(node))
        }
        startTag(element)
        for (index, child) in element.children.enumerated() { outside(child, path: path + [index]) }
        builder.addMarkup(HTMLMarkup.endTag(element))
    }

    /// A start tag with its `lang` values as language parts, and the charset said as UTF-8, which
    /// is what the page is written in.
    private mutating func startTag(_ element: HTMLElement) {
        var attributes = element.attributes
        if element.name == "meta" {
            attributes = attributes.map { attribute in
                switch attribute.name.lowercased() {
                case "charset": HTMLAttribute(name: attribute.name, value: "utf-8")
                case "content" where element.attribute("http-equiv")?.lowercased() == "content-type":
                    HTMLAttribute(name: attribute.name, value: "text/html; charset=utf-8")
                default: attribute
                }
            }
        }
        guard attributes.contains(where: { $0.name.lowercased() == "lang" || $0.name.lowercased() == "xml:lang" }) else {
            return builder.addMarkup(HTMLMarkup.startTag(element, attributes: attributes))
        }
        builder.addMarkup("<" + element.name)
        for attribute in attributes {
            let name = attribute.name.lowercased()
            if name == "lang" || name == "xml:lang" {
                builder.addMarkup(" \(attribute.name)=\"")
                builder.addLanguage(HTMLMarkup.escapeAttribute(attribute.value))
                builder.addMarkup("\"")
            } else {
                builder.addMarkup(" \(attribute.name)=\"\(HTMLMarkup.escapeAttribute(attribute.value))\"")
            }
        }
        builder.addMarkup(HTMLMarkup.voidElements.contains(element.name) ? " />" : ">")
    }

    /// The `<title>` shares the `<h1>`'s block when they say the same; otherwise it is a block of
    /// its own, at the end of the text.
    private mutating func finishTitle() {
        guard let titleElement else { return }
        if title == nil, !titleElement.text.isEmpty { title = titleElement.text }
        guard let slot = titleSlot else { return }
        if let heading = blocks.first(where: { $0.text == titleElement.text && !$0.hasCodes }) {
            builder.setPart(slot, to: .text(heading.span, original: titleElement.original))
        } else if let span = builder.addBlock(titleElement.text, codes: [], original: titleElement.original, detached: true) {
            builder.setPart(slot, to: .text(span, original: titleElement.original))
        } else {
            builder.setPart(slot, to: .markup(titleElement.original))
        }
    }

    // MARK: The main content

    /// A block-level element of the content: its inline runs become blocks.
    private mutating func container(_ element: HTMLElement) {
        if Self.isBoilerplate(element) || Self.verbatimElements.contains(element.name) {
            return builder.addMarkup(HTMLMarkup.serialize(.element(element)))
        }
        startTag(element)
        var run: [HTMLNode] = []
        for child in element.children {
            if isInlineLevel(child) {
                run.append(child)
            } else {
                flush(run, in: element)
                run = []
                if case .element(let block) = child { container(block) }
            }
        }
        flush(run, in: element)
        builder.addMarkup(HTMLMarkup.endTag(element))
    }

    private func isInlineLevel(_ node: HTMLNode) -> Bool {
        guard case .element(let element) = node else { return true }
        return Self.inlineElements.contains(element.name) && !Self.containsBlock(element)
    }

    static func containsBlock(_ element: HTMLElement) -> Bool {
        element.elements.contains { !inlineElements.contains($0.name) && !boilerplateElements.contains($0.name) || containsBlock($0) }
    }

    /// One run of inline content: a block of text with its codes, or markup when it has no text.
    private mutating func flush(_ run: [HTMLNode], in parent: HTMLElement) {
        guard !run.isEmpty else { return }
        let original = run.map { HTMLMarkup.serialize($0) }.joined()
        var inline = InlineTextBuilder(collapsesWhitespace: true)
        for node in run { collect(node, into: &inline) }
        let (text, codes) = inline.trimmed()
        if let span = builder.addBlock(text, codes: codes, original: original) {
            blocks.append((span, text, !codes.isEmpty))
            if title == nil, parent.name == "h1" { title = text }
        }
    }

    private mutating func collect(_ node: HTMLNode, into inline: inout InlineTextBuilder) {
        switch node {
        case .text(let text):
            inline.append(text)
        case .comment(let text):
            let id = builder.newID()
            inline.add { InlineCode(id: id, kind: .isolated, role: .html, offset: $0, original: HTMLMarkup.comment(text),
                                    display: "<!---->", deletable: true) }
        case .element(let element):
            let id = builder.newID()
            let display = "<\(element.name)>"
            if element.name == "br" {
                return inline.lineBreak { InlineCode(id: id, kind: .isolated, role: .lineBreak, offset: $0,
                                                     original: HTMLMarkup.startTag(element), display: display, deletable: true) }
            }
            if HTMLMarkup.voidElements.contains(element.name) || Self.isBoilerplate(element) {
                let role: InlineCode.Role = element.name == "img" ? .image : .html
                return inline.add { InlineCode(id: id, kind: .isolated, role: role, offset: $0,
                                               original: HTMLMarkup.serialize(node), display: display,
                                               deletable: element.name == "wbr") }
            }
            let role = Self.role(of: element.name)
            let deletable = role != .link
            inline.add { InlineCode(id: id, kind: .opening, role: role, offset: $0, original: HTMLMarkup.startTag(element),
                                    display: display, deletable: deletable) }
            for child in element.children { collect(child, into: &inline) }
            inline.add { InlineCode(id: id, kind: .closing, role: role, offset: $0, original: HTMLMarkup.endTag(element),
                                    display: "</\(element.name)>", deletable: deletable) }
        }
    }

    static func role(of name: String) -> InlineCode.Role {
        switch name {
        case "b", "strong": .bold
        case "i", "em", "cite", "dfn": .italic
        case "u", "ins": .underline
        case "a": .link
        case "sup": .superscript
        case "sub": .subscript
        case "code", "kbd", "samp", "tt", "var": .code
        default: .span
        }
    }

    // MARK: Finding the main content

    static func isBoilerplate(_ element: HTMLElement) -> Bool {
        if boilerplateElements.contains(element.name) { return true }
        if element.name == "header", !containsHeading(element) { return true }
        if element.attribute("hidden") != nil || element.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let role = element.attribute("role")?.lowercased(), boilerplateRoles.contains(role) { return true }
        let names = ((element.attribute("id") ?? "") + " " + (element.attribute("class") ?? "")).lowercased()
        let words = names.split { !$0.isLetter && !$0.isNumber }
        return words.contains { boilerplateWords.contains(String($0)) }
    }

    static func containsHeading(_ element: HTMLElement) -> Bool {
        element.elements.contains { ["h1", "h2", "h3", "h4", "h5", "h6"].contains($0.name) || containsHeading($0) }
    }

    /// Length of the text a reader would see: boilerplate left out.
    static func visibleTextLength(_ element: HTMLElement) -> Int {
        element.children.reduce(0) { total, node in
            switch node {
            case .text(let text): total + text.unicodeScalars.count { !$0.properties.isWhitespace }
            case .element(let child): total + (isBoilerplate(child) ? 0 : visibleTextLength(child))
            case .comment: total
            }
        }
    }

    /// The path (child indexes from the page's top) of the main content element.
    static func mainContentPath(in page: HTMLPage) -> [Int] {
        var articles: [([Int], Int)] = []
        var mains: [[Int]] = []
        var scores: [[Int]: Double] = [:]
        var body: [Int]?
        func walk(_ element: HTMLElement, _ path: [Int]) {
            if element.name == "body", body == nil { body = path }
            if isBoilerplate(element) { return }
            switch element.name {
            case "article": articles.append((path, visibleTextLength(element)))
            case "main": mains.append(path)
            default: if element.attribute("role")?.lowercased() == "main" { mains.append(path) }
            }
            if element.name == "p" || element.name == "pre" || element.name == "td" {
                let length = visibleTextLength(element)
                if length >= 25, path.count >= 2 {
                    scores[Array(path.dropLast()), default: 0] += Double(length)
                    if path.count >= 3 { scores[Array(path.dropLast(2)), default: 0] += Double(length) / 2 }
                }
            }
            for (index, child) in element.children.enumerated() {
                if case .element(let inner) = child { walk(inner, path + [index]) }
            }
        }
        for (index, node) in page.nodes.enumerated() {
            if case .element(let element) = node { walk(element, [index]) }
        }
        if let best = articles.max(by: { $0.1 < $1.1 }), best.1 > 0 { return best.0 }
        if let main = mains.first { return main }
        if let best = scores.max(by: { ($0.value, $1.key.count) < ($1.value, $0.key.count) }) { return best.key }
        return body ?? []
    }

    // MARK: Metadata

    static func metadata(of page: HTMLPage) -> [MetadataEntry] {
        var language: String?
        var author: String?
        var date: String?
        var url: String?
        var time: String?
        func walk(_ element: HTMLElement) {
            switch element.name {
            case "html": language = language ?? element.attribute("lang") ?? element.attribute("xml:lang")
            case "meta":
                let key = (element.attribute("name") ?? element.attribute("property") ?? "").lowercased()
                let content = element.attribute("content")?.trimmingCharacters(in: .whitespacesAndNewlines)
                guard let content, !content.isEmpty else { break }
                switch key {
                case "author", "article:author", "dc.creator": author = author ?? content
                case "article:published_time", "date", "dc.date", "pubdate", "publishdate", "datepublished": date = date ?? content
                case "og:url": url = url ?? content
                default: break
                }
            case "link":
                if element.attribute("rel")?.lowercased().split(separator: " ").contains("canonical") == true,
                   let href = element.attribute("href"), !href.isEmpty {
                    url = href
                }
            case "time": time = time ?? element.attribute("datetime")
            default: break
            }
            for child in element.elements { walk(child) }
        }
        if let root = page.root { walk(root) }
        var entries: [MetadataEntry] = []
        if let language, !language.isEmpty { entries.append(MetadataEntry("language", language)) }
        if let author { entries.append(MetadataEntry("author", author)) }
        if let date = date ?? time { entries.append(MetadataEntry("date", date)) }
        if let url { entries.append(MetadataEntry("url", url)) }
        return entries
    }
}

extension InlineTextBuilder {
    /// Whitespace runs as one space, trimmed: how a browser shows a title.
    static func collapsed(_ text: String) -> String {
        var builder = InlineTextBuilder(collapsesWhitespace: true)
        builder.append(text)
        return builder.trimmed().text
    }
}
