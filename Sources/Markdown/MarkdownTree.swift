/// A Markdown document as cmark-gfm parses it, in plain Swift values: what the rest of the project
/// sees instead of cmark's C nodes.
package struct MarkdownNode: Sendable, Hashable {
    /// cmark's type name: `paragraph`, `heading`, `text`, `emph`, `link`, `table_cell`, `strikethrough`…
    package let type: String
    /// The decoded text of `text`, `code` and `html_inline` nodes (entities and backslash escapes resolved).
    package let literal: String
    /// A link's or an image's destination.
    package let url: String
    /// 1-based line and byte column where a block starts and ends, as cmark reports them (0 when
    /// it does not; inline nodes' positions are not reliable in cmark and are not used).
    package let start: Position
    package let end: Position
    package let children: [MarkdownNode]

    package struct Position: Sendable, Hashable {
        package let line: Int
        package let column: Int

        package init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    package init(type: String, literal: String = "", url: String = "", start: Position, end: Position, children: [MarkdownNode] = []) {
        self.type = type
        self.literal = literal
        self.url = url
        self.start = start
        self.end = end
        self.children = children
    }
}

package enum MarkdownError: Error, Equatable, Sendable {
    /// Containers nested deeper than `MarkdownParser.maximumDepth` (`> > > …`, `[[[[…`).
    case tooDeep(line: Int, limit: Int)
    case unparsable
}
