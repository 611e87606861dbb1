import PipelineCore

/// A way a glossary term may appear in text: the citation form itself or an inflected form.
public struct TermForm: Sendable, Hashable {
    public let text: String
    /// `.exact` for the citation form, `.inflected` for a generated one.
    public let kind: MatchKind
    /// What the form can be (the singular of the term's gender, a plural), so that an article that
    /// contradicts it (`die Kunde` for the masculine `Kunde`) rules the match out. Empty: not checked.
    public let agreement: Agreement

    public init(text: String, kind: MatchKind, agreement: Agreement = []) {
        self.text = text
        self.kind = kind
        self.agreement = agreement
    }
}

/// Gender and number a German noun form or a determiner can stand for; two agree when they share one.
public struct Agreement: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let masculine = Agreement(rawValue: 1)
    public static let feminine = Agreement(rawValue: 2)
    public static let neuter = Agreement(rawValue: 4)
    public static let plural = Agreement(rawValue: 8)

    /// The singular of a gender.
    public init(singularOf gender: GrammaticalGender) {
        switch gender {
        case .masculine: self = .masculine
        case .feminine: self = .feminine
        case .neuter: self = .neuter
        }
    }
}

/// Chooses how a term's forms are found, by the language it is in.
public enum TermForms {
    /// The forms to index, and whether the stemmer must stand in for missing grammar (`fuzzy` matches).
    /// Forms the term's note spells out (`plural Rechenzentren`, `forms=Abgeordnete`) are added to the
    /// generated ones.
    public static func forms(of term: GlossaryTerm) -> (forms: [TermForm], needsStemmer: Bool) {
        let citation = TermForm(text: term.text, kind: .exact)
        var (forms, needsStemmer): ([TermForm], Bool)
        switch term.language {
        case "de":
            if let generated = GermanInflection.forms(of: term) { (forms, needsStemmer) = (generated, false) }
            else { (forms, needsStemmer) = ([citation], true) }
        case "en":
            (forms, needsStemmer) = (EnglishInflection.forms(of: term), false)
        default:
            (forms, needsStemmer) = ([citation], false)
        }
        var known = Set(forms.map(\.text))
        for declared in TermNotes.declaredForms(in: term.note ?? "", of: term.text) where known.insert(declared).inserted {
            forms.append(TermForm(text: declared, kind: .inflected))
        }
        return (forms, needsStemmer)
    }
}
