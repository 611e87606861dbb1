internal import CCMarkGFM

/// Parses Markdown with cmark-gfm (CommonMark plus GitHub's tables, strikethrough and bare-URL
/// autolinks), the reference implementation, into `MarkdownNode` values.
package enum MarkdownParser {
    /// Deeper nesting is refused: it never occurs in articles, and the tree is walked recursively.
    package static let maximumDepth = 100

    /// The GFM extensions the parser attaches; footnotes and task lists stay text.
    static let extensions = ["table", "strikethrough", "autolink"]

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    package static func parse(_ text: String) throws(MarkdownError) -> MarkdownNode {
        _ = registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { throw .unparsable }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var bytes = Array(text.utf8) + [0]
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count - 1)
            }
        }
        guard let root = cmark_parser_finish(parser) else { throw .unparsable }
        defer { cmark_node_free(root) }
        try checkDepth(root)
        return convert(root)
    }

    /// The decoded form of an entity or numeric character reference (`&auml;` → `ä`), as cmark
    /// decodes it in text; nil when `reference` is not one.
    package static func decodeReference(_ reference: String) -> String? {
        guard reference.hasPrefix("&"), reference.hasSuffix(";"), reference.utf8.count >= 3 else { return nil }
        // Parsed in a paragraph of its own, behind a letter so it cannot start a block.
        guard let root = try? parse("a" + reference), let paragraph = root.children.first, paragraph.type == "paragraph" else {
            return nil
        }
        let text = paragraph.children.map(\.literal).joined()
        guard text.hasPrefix("a") else { return nil }
        let decoded = String(text.dropFirst())
        return decoded == reference ? nil : decoded
    }

    /// Walks the tree by its links (no recursion) and refuses it when too deep.
    private static func checkDepth(_ root: OpaquePointer) throws(MarkdownError) {
        var node = root
        var depth = 0
        while true {
            if let child = cmark_node_first_child(node) {
                node = child
                depth += 1
                if depth > maximumDepth {
                    throw .tooDeep(line: max(Int(cmark_node_get_start_line(node)), 1), limit: maximumDepth)
                }
                continue
            }
            while cmark_node_next(node) == nil {
                guard node != root, let parent = cmark_node_parent(node) else { return }
                node = parent
                depth -= 1
                if node == root { return }
            }
            guard node != root, let next = cmark_node_next(node) else { return }
            node = next
        }
    }

    private static func convert(_ node: OpaquePointer) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current))
            child = cmark_node_next(current)
        }
        let type = string(cmark_node_get_type_string(node))
        let hasURL = type == "link" || type == "image"
        return MarkdownNode(
            type: type, literal: string(cmark_node_get_literal(node)), url: hasURL ? string(cmark_node_get_url(node)) : "",
            start: .init(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))),
            end: .init(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node))),
            children: children)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
