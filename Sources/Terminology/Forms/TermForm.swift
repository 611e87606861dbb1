import PipelineCore

/// A way a glossary term may appear in text: the citation form itself or an inflected form.
public struct TermForm: Sendable, Hashable {
    public let text: String
    /// `.exact` for the citation form, `.inflected` for a generated one.
    public let kind: MatchKind
    /// Whether the form may start a closed compound (`Rechenzentrum|sbetreiber`). Genitive forms may not:
    /// their `-s` is the compound's linking element, which belongs to the rest of the word.
    public let startsCompounds: Bool

    public init(text: String, kind: MatchKind, startsCompounds: Bool) {
        self.text = text
        self.kind = kind
        self.startsCompounds = startsCompounds
    }
}

/// Chooses how a term's forms are found, by the language it is in.
public enum TermForms {
    /// The forms to index, and whether the stemmer must stand in for missing grammar (`fuzzy` matches).
    /// Forms the term's note spells out (`plural Rechenzentren`) are added to the generated ones.
    public static func forms(of term: GlossaryTerm) -> (forms: [TermForm], needsStemmer: Bool) {
        let citation = TermForm(text: term.text, kind: .exact, startsCompounds: true)
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
        for declared in TermNotes.declaredForms(in: term.note ?? "", of: term.text) where !forms.contains(where: { $0.text == declared }) {
            forms.append(TermForm(text: declared, kind: .inflected, startsCompounds: false))
        }
        return (forms, needsStemmer)
    }
}
