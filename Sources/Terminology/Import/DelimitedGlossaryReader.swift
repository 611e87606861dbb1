import Foundation
import PipelineCore

/// Reads glossaries kept as rows of text: the OmegaT tab-separated layout and CSV with a header row.
///
/// Neither format states the grammar in fixed places, so both read it where people put it: OmegaT's
/// free comment column (keywords such as `noun; feminine; deprecated; match-case=sensitive`), and CSV
/// columns found by name (`PartOfSpeech`, `Gender`, `German_Status`…). Rows that share a concept id
/// (CSV) or a second-column term are synonyms of one concept.
enum DelimitedGlossaryReader {
    // MARK: - OmegaT TSV

    /// `source<TAB>target[<TAB>comment]`, UTF-8, no header. The columns' languages come from the file
    /// name when it declares them (`glossary_de-en.tsv`), else they are the run's source and target.
    static func tsv(_ text: String, file: String, fileName: String, languages: LanguagePair) throws -> [GlossaryConcept] {
        let (first, second) = columnLanguages(fileName: fileName, languages: languages)
        var builder = ConceptBuilder(file: file)
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            if line.trimmed.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmed }
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw GlossaryError.badRow(file: file, line: lineNumber, problem: "expected source<TAB>target[<TAB>comment], found \(fields.count == 1 ? "no tab" : "an empty term")")
            }
            let comment = fields.count > 2 ? fields[2...].joined(separator: "\t") : ""
            let facts = CommentFacts(comment)
            builder.add(
                conceptKey: fields[1], line: lineNumber,
                terms: [
                    facts.term(fields[0], language: first, withStatus: true),
                    facts.term(fields[1], language: second, withStatus: false),
                ])
        }
        return builder.concepts
    }

    /// Grammar keywords in a free comment, separated by `;` or `,`.
    struct CommentFacts {
        var status: TermStatus?
        var partOfSpeech: String?
        var gender: GrammaticalGender?
        var number: GrammaticalNumber?
        var caseSensitive = false
        var note: String?

        init(_ comment: String) {
            note = comment.isEmpty ? nil : comment
            caseSensitive = TermNotes.saysCaseSensitive(comment)
            for field in comment.split(whereSeparator: { $0 == ";" || $0 == "," }) {
                let word = field.trimmed
                switch word.lowercased() {
                case "noun", "propernoun", "proper noun", "verb", "adjective", "adverb":
                    partOfSpeech = partOfSpeech ?? (word.lowercased() == "proper noun" ? "properNoun" : word)
                case "masculine", "feminine", "neuter", "maskulin", "feminin", "neutrum":
                    gender = gender ?? GrammaticalGender(spelling: word)
                case "plural", "singular":
                    number = number ?? GrammaticalNumber(spelling: word)
                default:
                    if word.split(separator: " ").count == 1 { status = status ?? TermStatus(spelling: word) }
                }
            }
        }

        func term(_ text: String, language: String, withStatus: Bool) -> GlossaryTerm {
            GlossaryTerm(
                text: text, language: language, status: withStatus ? status : nil, partOfSpeech: partOfSpeech,
                gender: gender, number: number, caseSensitive: caseSensitive, note: note)
        }
    }

    // MARK: - CSV

    /// CSV (RFC 4180) with a header row. Term columns are named by language (`German`, `de`, `en-GB`) or
    /// `Source`/`Target`; other columns by role, optionally per language (`German_Status`).
    static func csv(
        _ text: String, file: String, fileName: String, languages: LanguagePair, warn: (String) -> Void = { _ in }
    ) throws -> [GlossaryConcept] {
        let records = try CSVRecords.parse(text, file: file, delimiter: CSVRecords.delimiter(of: text))
        guard let header = records.first else { throw GlossaryError.badRow(file: file, line: 1, problem: "the file is empty; expected a header row") }
        let layout = try CSVLayout(header: header, file: file, fileName: fileName, languages: languages)
        for (column, name) in layout.unread {
            warn("\(file):\(header.line): column \(column + 1) '\(name)' is not read; term columns are named by language or Source/Target, others ConceptID, Status, PartOfSpeech, Gender, Number, TermType, MatchCase, Note")
        }
        var builder = ConceptBuilder(file: file)
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw GlossaryError.badRow(file: file, line: record.line, problem: "\(record.fields.count) fields, but the header has \(header.fields.count)")
            }
            for problem in layout.unknownValues(in: record.fields) { warn("\(file):\(record.line): \(problem); ignored") }
            let terms = layout.terms(in: record.fields)
            guard !terms.isEmpty else { continue }
            let key = layout.conceptID.map { record.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
                ?? terms.last!.text
            builder.add(conceptKey: key, line: record.line, terms: terms)
        }
        return builder.concepts
    }

    /// Which CSV column holds what.
    struct CSVLayout {
        var termColumns: [(column: Int, language: String)] = []
        var conceptID: Int?
        /// Attribute columns: key is the attribute, language nil when the column applies to every term.
        var attributes: [(column: Int, attribute: Attribute, language: String?)] = []
        /// Columns that match no known name, with their header text: said once, never silently dropped.
        var unread: [(column: Int, name: String)] = []

        enum Attribute: CaseIterable {
            case status, partOfSpeech, gender, number, termType, matchCase, note

            var name: String {
                switch self {
                case .status: "status"
                case .partOfSpeech: "part of speech"
                case .gender: "gender"
                case .number: "number"
                case .termType: "term type"
                case .matchCase: "match case"
                case .note: "note"
                }
            }

            /// The values a closed list accepts, for the warning about one it does not.
            var expected: String {
                switch self {
                case .status: "preferred, admitted, deprecated"
                case .gender: "masculine, feminine, neuter"
                case .number: "singular, plural"
                case .matchCase: "sensitive or insensitive"
                case .partOfSpeech, .termType, .note: "any"
                }
            }

            init?(normalisedName name: String) {
                switch name {
                case "status", "termstatus", "administrativestatus": self = .status
                case "partofspeech", "pos", "wordclass": self = .partOfSpeech
                case "gender", "grammaticalgender", "genus": self = .gender
                case "number", "grammaticalnumber": self = .number
                case "termtype", "type": self = .termType
                case "matchcase", "case", "casesensitive", "casesensitivity": self = .matchCase
                case "note", "notes", "comment", "comments", "remark": self = .note
                default: return nil
                }
            }
        }

        init(header: CSVRecords.Record, file: String, fileName: String, languages: LanguagePair) throws {
            let (sourceColumn, targetColumn) = columnLanguages(fileName: fileName, languages: languages)
            for (column, rawName) in header.fields.enumerated() {
                let name = rawName.trimmed
                let normalised = Self.normalise(name)
                if ["conceptid", "concept", "id", "entryid", "entry", "termentry"].contains(normalised) {
                    conceptID = column
                } else if normalised == "source" || normalised == "sourceterm" {
                    termColumns.append((column, sourceColumn))
                } else if normalised == "target" || normalised == "targetterm" || normalised == "translation" {
                    termColumns.append((column, targetColumn))
                } else if let language = LanguageNames.language(ofHeader: name) {
                    termColumns.append((column, language))
                } else if let attribute = Attribute(normalisedName: normalised) {
                    attributes.append((column, attribute, nil))
                } else if let split = name.lastIndex(where: { $0 == "_" || $0 == " " }),
                          let language = LanguageNames.language(ofHeader: String(name[..<split])),
                          let attribute = Attribute(normalisedName: Self.normalise(String(name[name.index(after: split)...]))) {
                    attributes.append((column, attribute, language))
                } else {
                    unread.append((column, name))
                }
            }
            guard termColumns.count >= 2 else {
                throw GlossaryError.badRow(file: file, line: header.line, problem: "the header names \(termColumns.count) term column\(termColumns.count == 1 ? "" : "s"); expected two or more named by language (German,English or de,en) or Source,Target")
            }
            // An unqualified status describes the first term column, as in a `Term,Translation,Status` layout.
            attributes = attributes.map { entry in
                entry.attribute == .status && entry.language == nil ? (entry.column, .status, termColumns[0].language) : entry
            }
        }

        /// Values in columns with a closed list (status, gender, number, match case) that are on none.
        func unknownValues(in fields: [String]) -> [String] {
            attributes.compactMap { column, attribute, _ in
                let value = fields[column].trimmed
                guard !value.isEmpty else { return nil }
                let known: Bool = switch attribute {
                case .status: TermStatus(spelling: value) != nil
                case .gender: GrammaticalGender(spelling: value) != nil
                case .number: GrammaticalNumber(spelling: value) != nil
                case .matchCase: Self.matchCaseValues.contains(value.lowercased())
                case .partOfSpeech, .termType, .note: true
                }
                return known ? nil : "\(attribute.name) '\(value)' is not one this reader knows (\(attribute.expected))"
            }
        }

        static let caseSensitiveValues = ["sensitive", "case-sensitive", "yes", "true", "1", "exact"]
        static let matchCaseValues = Set(caseSensitiveValues + ["insensitive", "case-insensitive", "no", "false", "0"])

        static func normalise(_ name: String) -> String {
            name.lowercased().filter { $0.isLetter || $0.isNumber }
        }

        func terms(in fields: [String]) -> [GlossaryTerm] {
            termColumns.compactMap { column, language in
                let text = fields[column].trimmed
                guard !text.isEmpty else { return nil }
                func value(_ attribute: Attribute) -> String? {
                    attributes.first { $0.attribute == attribute && $0.language == language }
                        .map { fields[$0.column] }
                        ?? attributes.first { $0.attribute == attribute && $0.language == nil }.map { fields[$0.column] }
                }
                let note = value(.note).flatMap { $0.isEmpty ? nil : $0 }
                let matchCase = value(.matchCase)?.lowercased().trimmed ?? ""
                return GlossaryTerm(
                    text: text, language: language,
                    status: value(.status).flatMap(TermStatus.init(spelling:)),
                    partOfSpeech: value(.partOfSpeech).flatMap { $0.isEmpty ? nil : $0 },
                    gender: value(.gender).flatMap(GrammaticalGender.init(spelling:)),
                    number: value(.number).flatMap(GrammaticalNumber.init(spelling:)),
                    termType: value(.termType).flatMap { $0.isEmpty ? nil : $0 },
                    caseSensitive: Self.caseSensitiveValues.contains(matchCase)
                        || TermNotes.saysCaseSensitive(note ?? ""),
                    note: note)
            }
        }
    }

    // MARK: - Shared

    /// The languages of the first two columns: as the file name declares them (`glossary_de-en.tsv`),
    /// else the run's source and target. A declared pair that shares no language with the run is taken
    /// for a coincidence of the name (`big-cat.tsv`) and ignored.
    static func columnLanguages(fileName: String, languages: LanguagePair) -> (String, String) {
        let wanted = [languages.source.language, languages.target.language]
        if let (first, second) = LanguageNames.pair(inFileName: fileName), !Set([first, second]).isDisjoint(with: wanted) {
            return (first, second)
        }
        return (wanted[0], wanted[1])
    }

    /// Groups rows into concepts in order of first appearance, dropping repeated terms.
    struct ConceptBuilder {
        let file: String
        private var order: [String] = []
        private var byKey: [String: GlossaryConcept] = [:]

        init(file: String) { self.file = file }

        mutating func add(conceptKey: String, line: Int, terms: [GlossaryTerm]) {
            var concept = byKey[conceptKey] ?? {
                order.append(conceptKey)
                return GlossaryConcept(id: conceptKey, terms: [], origin: "\(file):\(line)")
            }()
            for term in terms where !concept.terms.contains(where: { $0.language == term.language && $0.text == term.text }) {
                concept.terms.append(term)
            }
            byKey[conceptKey] = concept
        }

        var concepts: [GlossaryConcept] { order.map { byKey[$0]! } }
    }
}
