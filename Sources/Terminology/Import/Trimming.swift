extension StringProtocol {
    /// The text without leading and trailing whitespace and line breaks. Native, unlike Foundation's
    /// `trimmingCharacters(in:)`, which bridges through NSString and dominated glossary import.
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
