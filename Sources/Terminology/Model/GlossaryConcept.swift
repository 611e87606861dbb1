import Foundation
import PipelineCore

/// One concept of a termbase as a file states it: its terms in every language, not yet oriented
/// to a translation direction. Every reader produces these; `Glossary` orients them.
public struct GlossaryConcept: Sendable, Hashable {
    public let id: String
    public var terms: [GlossaryTerm]
    /// Where the concept starts, for messages: `file:line`.
    public let origin: String

    public init(id: String, terms: [GlossaryTerm], origin: String) {
        self.id = id
        self.terms = terms
        self.origin = origin
    }

    /// The terms of one language (`de` also takes `de-DE`, `de-AT`), in file order.
    public func terms(in language: LanguageTag) -> [GlossaryTerm] {
        terms.filter { $0.language == language.language }
    }
}

/// A term with the grammar and usage facts the matcher and QA need.
public struct GlossaryTerm: Sendable, Hashable {
    public let text: String
    /// The primary language subtag in lower case (`de`), which is what matching depends on.
    public let language: String
    /// nil when the file says nothing; such a term is usable but not preferred over one marked preferred.
    public let status: TermStatus?
    /// As the file spells it (`noun`, `properNoun`, `verb`…).
    public let partOfSpeech: String?
    public let gender: GrammaticalGender?
    public let number: GrammaticalNumber?
    /// TBX `termType`: `fullForm`, `abbreviation`, `acronym`, …
    public let termType: String?
    /// Matched with exact case (brands, acronyms); otherwise memoQ-style permissive case.
    public let caseSensitive: Bool
    public let note: String?

    public init(
        text: String, language: String, status: TermStatus? = nil, partOfSpeech: String? = nil,
        gender: GrammaticalGender? = nil, number: GrammaticalNumber? = nil, termType: String? = nil,
        caseSensitive: Bool = false, note: String? = nil
    ) {
        self.text = text
        self.language = language.lowercased()
        self.status = status
        self.partOfSpeech = partOfSpeech
        self.gender = gender
        self.number = number
        self.termType = termType
        self.caseSensitive = caseSensitive
        self.note = note
    }

    public var isProperNoun: Bool { partOfSpeech.map { $0.lowercased().hasPrefix("proper") } ?? false }
    public var isAbbreviation: Bool {
        guard let termType = termType?.lowercased() else { return false }
        return ["abbreviation", "acronym", "initialism", "shortform"].contains(termType)
    }
}

public enum GrammaticalGender: String, Sendable, Hashable, Codable, CaseIterable {
    case masculine, feminine, neuter

    /// Reads the spellings glossaries use: TBX `masculine`, short `m`/`f`/`n`, German `maskulin`, articles.
    public init?(spelling: String) {
        switch spelling.trimmed.lowercased() {
        case "masculine", "masc", "m", "maskulin", "männlich", "der": self = .masculine
        case "feminine", "fem", "f", "feminin", "weiblich", "die": self = .feminine
        case "neuter", "neut", "n", "neutrum", "sächlich", "das": self = .neuter
        default: return nil
        }
    }
}

public enum GrammaticalNumber: String, Sendable, Hashable, Codable, CaseIterable {
    case singular, plural

    public init?(spelling: String) {
        switch spelling.trimmed.lowercased() {
        case "singular", "sg", "sing": self = .singular
        case "plural", "pl", "plur": self = .plural
        default: return nil
        }
    }
}

extension TermStatus {
    /// Reads TBX `administrativeStatus` (`preferredTerm-admn-sts`), TBX-Min `termStatus`
    /// (`preferred`, `admitted`, `notRecommended`, `obsolete`) and plain words. Superseded, obsolete
    /// and not-recommended terms count as deprecated: none of them may be offered as a target.
    public init?(spelling: String) {
        let word = spelling.trimmed.lowercased()
        let stem = word.hasSuffix("term-admn-sts") ? String(word.dropLast("term-admn-sts".count)) : word
        switch stem {
        case "preferred", "standardized", "normative", "legal", "regulated": self = .preferred
        case "admitted", "allowed", "accepted": self = .admitted
        case "deprecated", "superseded", "obsolete", "notrecommended", "not recommended", "forbidden", "rejected":
            self = .deprecated
        default: return nil
        }
    }
}
