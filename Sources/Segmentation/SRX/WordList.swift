import Foundation

/// Words kept as data — abbreviations, words that follow ordinal numbers — that SRX rules use as
/// `{{name}}` inside a regex. This is our one SRX extension: the header declares each list as
/// `<pl:wordlist name="…" file="…"/>` in the `urn:pipeline:srx` namespace, with the file path
/// relative to the SRX file.
///
/// File format: one entry a line, UTF-8; `#` starts a comment. An entry is written as it appears in
/// text, without a final period (the rule adds it): `Nr`, `z. B`, `Dipl.-Ing`. Inside an entry a
/// period may be followed by one space or none (`z. B` also matches `z.B`); an entry that starts
/// with a lower-case letter also matches with that letter capitalised, but only where a sentence
/// starts (`sentenceStart`): mid-sentence the capitalised form is another word (`schweiz` for
/// *schweizerisch* must not match the country in `in der Schweiz. Die …`); a final `*` lets the
/// word continue (`Jahrhundert*` covers `Jahrhunderts`).
struct WordList: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        let text: String
        let isPrefix: Bool
        let line: Int
    }

    let file: String
    let entries: [Entry]

    static let namespace = "urn:pipeline:srx"

    /// Bytes a list may hold: the largest shipped list is under 4 KiB, and every entry becomes part
    /// of a regex, which has a state budget of its own.
    static let byteLimit = 256 * 1024

    /// Reads a list; the file must be a regular file (not a FIFO or device, which could block or
    /// never end) of at most `byteLimit` bytes, in UTF-8.
    init(contentsOf url: URL) throws(SRXError) {
        let data: Data
        do { data = try Self.boundedContents(of: url) } catch let problem {
            throw .unreadable(file: url.path, reason: problem.reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: url.path, reason: "not UTF-8 text")
        }
        try self.init(text: text, file: url.path)
    }

    /// A word list declared in an SRX file: `path` must lead, after `..` and symbolic links are
    /// resolved, to a file inside the SRX file's folder — a rule file handed to us must not make us
    /// read, and quote in errors, files it has no business with. Errors name the SRX file, the line
    /// of the declaration and the path as written.
    init(declaredPath path: String, in srxFile: URL, line: Int) throws(SRXError) {
        func refuse(_ problem: String) -> SRXError {
            .badWordList(file: srxFile.path, line: line, path: path, problem: problem)
        }
        guard !path.isEmpty else { throw refuse("the file attribute is empty") }
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else {
            throw refuse("is an absolute path; word lists are named relative to the SRX file, inside its folder")
        }
        let folder = srxFile.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath()
        let resolved = folder.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
        let inside = folder.pathComponents
        guard resolved.pathComponents.count > inside.count, Array(resolved.pathComponents.prefix(inside.count)) == inside else {
            throw refuse("leads outside the folder of the SRX file; word lists must sit in that folder or below it")
        }
        let data: Data
        do { data = try Self.boundedContents(of: resolved) } catch let problem { throw refuse(problem.reason) }
        guard let text = String(data: data, encoding: .utf8) else { throw refuse("is not UTF-8 text") }
        try self.init(text: text, file: resolved.path)
    }

    private struct ReadProblem: Error {
        let reason: String
    }

    /// The bytes of a regular file of at most `byteLimit` bytes; the type and size are checked
    /// before the file is opened.
    private static func boundedContents(of url: URL) throws(ReadProblem) -> Data {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: url.path) } catch {
            throw ReadProblem(reason: "does not exist or cannot be read")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { throw ReadProblem(reason: "is not a regular file") }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= byteLimit else {
            throw ReadProblem(reason: "is \(size) bytes; a word list may hold at most \(byteLimit) bytes")
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw ReadProblem(reason: "cannot be opened") }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: byteLimit + 1) ?? Data() else { throw ReadProblem(reason: "cannot be read") }
        // The file may have grown since its size was checked.
        guard data.count <= byteLimit else { throw ReadProblem(reason: "holds more than \(byteLimit) bytes") }
        return data
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
                // The text may not be a word list at all (any file can be named): quote no more
                // than a short, escaped excerpt of the entry.
                throw .invalidWordListEntry(file: file, line: offset + 1, entry: SRXError.excerpt(entry), reason: reason)
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
            return "contains '\(SRXError.excerpt(String(scalar)))': only letters, digits and . - & ' ’ and single spaces are allowed"
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.numericType == .decimal || ".-&'’ ".unicodeScalars.contains(scalar)
    }

    /// Where a sentence starts, read backwards from a capitalised word: the start of the
    /// paragraph, sentence-final punctuation or a colon with closing marks and a space, or an
    /// opening bracket or quote.
    static let sentenceStart = #"(?:^|[.!?…:]+["'»«”“’‘›‹)\]]*\s+|[(\[„‚"»«‹›]\s?)"#

    /// The entries as one regex alternation.
    var pattern: String { pattern(wordBoundaryBefore: false) }

    /// The entries as one regex alternation: each as written, and those starting with a small letter
    /// also capitalised after `sentenceStart`. With `wordBoundaryBefore` (the list stands after
    /// `\b` in the rule), the boundary applies to the entries as written; the capitalised forms
    /// begin with their own context, which a `\b` before an opening bracket would refuse.
    func pattern(wordBoundaryBefore: Bool) -> String {
        let boundary = wordBoundaryBefore ? #"\b"# : ""
        let asWritten = "(?:" + entries.map(Self.pattern(for:)).joined(separator: "|") + ")"
        let capitalised = entries.compactMap(Self.capitalisedPattern(for:))
        guard !capitalised.isEmpty else { return boundary + asWritten }
        return "(?:" + boundary + asWritten + "|" + Self.sentenceStart + "(?:" + capitalised.joined(separator: "|") + "))"
    }

    /// The regex of one entry as written.
    static func pattern(for entry: Entry) -> String {
        pattern(for: entry, first: nil)
    }

    /// The regex of an entry's capitalised form, or nil when it does not start with a small letter.
    static func capitalisedPattern(for entry: Entry) -> String? {
        guard let first = entry.text.unicodeScalars.first, first.properties.isLowercase,
              let upper = CaseMapping.variants(of: first.value).compactMap(Unicode.Scalar.init).first(where: \.properties.isUppercase)
        else { return nil }
        return pattern(for: entry, first: upper)
    }

    /// The regex of an entry, with its first scalar replaced by `first` if given.
    private static func pattern(for entry: Entry, first: Unicode.Scalar?) -> String {
        var result = ""
        let scalars = Array(entry.text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = index == 0 ? first ?? scalars[0] : scalars[index]
            if scalar == "." {
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
            result += rest[..<open.lowerBound]
            // `\b{{name}}`: the list takes the boundary in; `\\b` is a backslash and a letter.
            let escapes = result.dropLast(2).reversed().prefix { $0 == "\\" }.count
            let boundary = result.hasSuffix(#"\b"#) && escapes.isMultiple(of: 2)
            if boundary { result.removeLast(2) }
            result += list.pattern(wordBoundaryBefore: boundary)
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
