import PipelineCore

/// Checks translated segments against the glossary terms matched in their sources: the approved
/// target term must be used, and no deprecated target term may be (OmegaT's terminology issues,
/// Okapi's TermChecker).
///
/// At most one finding per concept and segment: a deprecated term used in place of the approved one
/// is one problem, not two. Terms found only inside a German compound (`Rechenzentrumsbetreiber`)
/// are not required in the translation, which often renders the compound differently, but a
/// deprecated term for them is still flagged.
public struct TermConsistencyChecker: Sendable {
    public let inflection: TermInflection

    /// `targetLanguage` decides which inflected forms of a target term count.
    public init(targetLanguage: LanguageTag) {
        inflection = TermInflection(language: targetLanguage)
    }

    /// A source term that is itself part of the approved target (`Feldmann` in `Jonas Feldmann`,
    /// `Musk` in `Elon Musk`) is a short form, and using it unchanged in the translation is correct.
    func usesShortForm(_ term: TermMatch, _ finder: TargetTermFinder) -> Bool {
        TargetTermFinder(term.target, inflection: .none).contains(term.source) && finder.contains(term.source)
    }

    /// Findings for every translated sentence of the document, in sentence order.
    public func check(_ document: AnnotatedDocument) -> [QAFinding] {
        document.translations.keys.sorted().flatMap { sentence -> [QAFinding] in
            guard let translation = document.translations[sentence], sentence < document.sentences.count else { return [] }
            return check(translation, terms: Array(document.terms(in: sentence)))
        }
    }

    /// Findings for one translation, given the term matches of its source sentence.
    public func check(_ translation: Translation, terms: [TermMatch]) -> [QAFinding] {
        let finder = TargetTermFinder(translation.text, inflection: inflection)
        var seen = Set<String>()
        let concepts = terms.filter { seen.insert($0.conceptID).inserted }
        // Deprecated terms inside an approved term (`centre` in `data centre`) are not violations.
        let approvedRanges = concepts.flatMap { finder.occurrences(of: $0.target) }
        return concepts.compactMap { term in
            let deprecated = term.deprecatedTargets.first { candidate in
                finder.occurrences(of: candidate).contains { range in
                    !approvedRanges.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
                }
            }
            let kind: QAFinding.Kind
            if deprecated != nil {
                kind = .deprecatedTermUsed
            } else if term.kind != .compound, !finder.contains(term.target), !usesShortForm(term, finder) {
                kind = .missingApprovedTerm
            } else {
                return nil
            }
            return QAFinding(
                kind: kind, sentence: translation.sentence, origin: translation.origin,
                sourceTerm: term.source, sourceSurface: term.surface, conceptID: term.conceptID,
                approvedTarget: term.target, deprecatedTarget: deprecated, translation: translation.text)
        }
    }
}
