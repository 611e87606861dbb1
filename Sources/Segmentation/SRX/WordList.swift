import Foundation

/// Words kept as data — abbreviations, words that follow ordinal numbers — that SRX rules use as
/// `{{name}}` inside a regex. This is our one SRX extension: the header declares each list as
/// `<pl:wordlist name="…" file="…"/>` in the `urn:pipeline:srx` namespace, with the file path
/// relative to the SRX file.
///
/// File format: one entry a line, UTF-8; `#` starts a comment. An entry is written as it appears in
/// text, without a final period (the rule adds it): `Nr`, `z. B`, `Dipl.-Ing`. Inside an entry a
/// period may be followed by one space or none (`z. B` also matches `z.B`); an entry that starts
/// with a lower-case letter also matches with that letter capitalised, as at the start of a
/// sentence; a final `*` lets the word continue (`Jahrhundert*` covers `Jahrhunderts`).
struct WordList: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        let text: String
        let isPrefix: Bool
        let line: Int
    }

    let file: String
    let entries: [Entry]

    static let namespace = "urn:pipeline:srx"

    init(contentsOf url: URL) throws(SRXError) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .unreadable(file: url.path, reason: error.localizedDescription)
        }
        try self.init(text: text, file: url.path)
    }

    init(text: String, file: String) throws(SRXError) {
        self.file = file
        var entries: [Entry] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            var entry = line.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty else { continue }
            let isPrefix = entry.hasSuffix("*")
            if isPrefix { entry.removeLast() }
            if let reason = Self.problem(with: entry) {
                throw .invalidWordListEntry(file: file, line: offset + 1, entry: entry, reason: reason)
            }
            entries.append(Entry(text: entry, isPrefix: isPrefix, line: offset + 1))
        }
        self.entries = entries
    }

    /// Why an entry cannot become part of a regex, or nil if it can.
    static func problem(with entry: String) -> String? {
        guard let first = entry.unicodeScalars.first else { return "is empty" }
        guard first.properties.isAlphabetic || first.properties.numericType != nil else {
            return "must start with a letter or digit"
        }
        if entry.hasSuffix(".") { return "must not end with '.': the rules add the period" }
        if entry.contains("  ") || entry.contains(" .") { return "has stray spaces" }
        for scalar in entry.unicodeScalars where !isAllowed(scalar) {
            return "contains '\(scalar)': only letters, digits and . - & ' ’ and single spaces are allowed"
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.numericType == .decimal || ".-&'’ ".unicodeScalars.contains(scalar)
    }

    /// The entries as one regex alternation.
    var pattern: String {
        "(?:" + entries.map(Self.pattern(for:)).joined(separator: "|") + ")"
    }

    static func pattern(for entry: Entry) -> String {
        var result = ""
        let scalars = Array(entry.text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if index == 0, scalar.properties.isLowercase,
               let upper = CaseMapping.variants(of: scalar.value).compactMap(Unicode.Scalar.init).first(where: \.properties.isUppercase) {
                result += "[\(scalar)\(upper)]"
            } else if scalar == "." {
                result += "\\.\\s?"
                if index + 1 < scalars.count, scalars[index + 1] == " " { index += 1 }
            } else if scalar == " " {
                result += "\\s+"
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || scalar.properties.generalCategory == .nonspacingMark {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\"
                result.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return entry.isPrefix ? result + "\\p{L}*" : result
    }

    /// Replaces every `{{name}}` in a rule regex by its list's alternation.
    static func expand(_ regex: String, lists: [String: WordList], at location: SRXError.RuleLocation) throws(SRXError) -> String {
        guard regex.contains("{{") else { return regex }
        var result = ""
        var rest = Substring(regex)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard let list = lists[name] else { throw .unknownWordList(location, name: name) }
            result += rest[..<open.lowerBound] + list.pattern
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// Entries that are valid but suspicious in a list we ship: repeated entries, and entries a
    /// prefix entry already covers. Each finding names the file and line.
    func lint() -> [String] {
        var findings: [String] = []
        var seen: [String: Int] = [:]
        for entry in entries {
            let key = Self.normalized(entry.text)
            if let first = seen[key] {
                findings.append("\(file):\(entry.line): '\(entry.text)' repeats line \(first)")
            } else {
                seen[key] = entry.line
            }
        }
        for prefix in entries where prefix.isPrefix {
            for entry in entries where entry.line != prefix.line && entry.text.hasPrefix(prefix.text)
                && (entry.text != prefix.text || !entry.isPrefix) {
                findings.append("\(file):\(entry.line): '\(entry.text)' is already covered by '\(prefix.text)*' on line \(prefix.line)")
            }
        }
        return findings
    }

    /// The form two entries share when they match the same text: `z. B` and `z.B` are one.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: ". ", with: ".")
    }
}
