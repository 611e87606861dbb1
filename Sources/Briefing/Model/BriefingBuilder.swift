import PipelineCore

/// Assembles a `DocumentBriefing` from an annotated document: key points from the summary and the
/// translations, term tables from the matches, and the term-consistency check.
public struct BriefingBuilder: Sendable {
    public let languages: LanguagePair

    public init(languages: LanguagePair) {
        self.languages = languages
    }

    public func briefing(for document: AnnotatedDocument) -> DocumentBriefing {
        let offsets = CodePointOffsets(document.text)
        let picks = document.summary?.picks.filter { $0.sentence < document.sentences.count } ?? []
        let keyPoints = picks.map { keyPoint(for: $0, in: document, offsets: offsets) }
        let findings = TermConsistencyChecker(targetLanguage: languages.target).check(document)
        // TBX writes `properNoun`; other glossaries say `proper noun`.
        let isName = { (term: TermMatch) in term.partOfSpeech?.lowercased().hasPrefix("proper") == true }
        return DocumentBriefing(
            id: document.document.id,
            ordinal: document.ordinal,
            title: document.document.title,
            titleTranslation: document.titleTranslation,
            source: document.document.source,
            metadata: document.document.metadata,
            languages: languages,
            summaryMethod: document.summary?.method,
            keyPoints: keyPoints,
            keyTerms: Self.tally(document.terms.filter { !isName($0) }),
            names: Self.tally(document.terms.filter(isName)),
            status: TranslationStatus(
                keyPoints: keyPoints.count,
                fromTranslator: keyPoints.count(where: { $0.origin == .translator }),
                fromMemory: keyPoints.count(where: { if case .memory = $0.origin { true } else { false } }),
                fromMachine: keyPoints.count(where: { if case .machine = $0.origin { true } else { false } })),
            qa: QAReport(document: document.document.id, checkedSegments: document.translations.count, findings: findings))
    }

    private func keyPoint(for pick: Summary.Pick, in document: AnnotatedDocument, offsets: CodePointOffsets) -> KeyPoint {
        let sentence = document.sentences[pick.sentence]
        let source = document.text(of: pick.sentence)
        let terms = Self.nonOverlapping(Array(document.terms(in: pick.sentence)))
        let sentenceStart = offsets.codePoint(atByte: sentence.span.start)
        let sourceTerms = terms.map { term in
            let (start, end) = offsets.codePoints(of: term.span)
            return TermMark(start: start - sentenceStart, end: end - sentenceStart, sourceTerm: term.source,
                            targetTerm: term.target, conceptID: term.conceptID)
        }
        // A fuzzy memory match translates another sentence: a suggestion for translators, never the briefing's English.
        let translation = document.translations[pick.sentence].flatMap { $0.origin.isFuzzyMemory ? nil : $0 }
        return KeyPoint(
            sentence: pick.sentence, rank: pick.rank, source: source, target: translation?.text,
            origin: translation?.origin,
            glossed: translation == nil ? Self.glossed(source, sentenceStart: sentence.span.start, terms: terms, text: document.text) : nil,
            sourceTerms: sourceTerms,
            targetTerms: translation.map {
                Self.targetMarks(in: $0.text, terms: terms, inflection: TermInflection(language: languages.target))
            } ?? [])
    }

    /// The source with `[approved target]` after each term.
    static func glossed(_ source: String, sentenceStart: Int, terms: [TermMatch], text: String) -> String {
        var result = ""
        var cursor = sentenceStart
        for term in terms {
            result += text.slice(TextSpan(start: cursor, end: term.span.end))
            result += " [\(term.target)]"
            cursor = term.span.end
        }
        let sentenceEnd = sentenceStart + source.utf8.count
        result += text.slice(TextSpan(start: cursor, end: sentenceEnd))
        return result
    }

    /// Where the approved targets of the source's terms stand in the translation.
    static func targetMarks(in translation: String, terms: [TermMatch], inflection: TermInflection) -> [TermMark] {
        let finder = TargetTermFinder(translation, inflection: inflection)
        var seen = Set<String>()
        var marks: [TermMark] = []
        for term in terms where seen.insert(term.conceptID).inserted {
            for range in finder.occurrences(of: term.target) {
                marks.append(TermMark(start: range.lowerBound, end: range.upperBound, sourceTerm: term.source,
                                      targetTerm: term.target, conceptID: term.conceptID))
            }
        }
        marks.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return marks.reduce(into: []) { kept, mark in
            if let last = kept.last, mark.start < last.end { return }
            kept.append(mark)
        }
    }

    /// Matches in position order, dropping any that overlap an earlier one, so marks never nest.
    static func nonOverlapping(_ terms: [TermMatch]) -> [TermMatch] {
        terms.sorted { $0.span < $1.span }.reduce(into: []) { kept, term in
            if let last = kept.last, term.span.start < last.span.end { return }
            kept.append(term)
        }
    }

    /// Groups matches by concept; most frequent first, then by source term, then by concept id.
    static func tally(_ terms: [TermMatch]) -> [KeyTerm] {
        var order: [String] = []
        var groups: [String: (sources: [String], target: String, count: Int)] = [:]
        for term in terms {
            if groups[term.conceptID] == nil {
                order.append(term.conceptID)
                groups[term.conceptID] = ([], term.target, 0)
            }
            if !groups[term.conceptID]!.sources.contains(term.source) { groups[term.conceptID]!.sources.append(term.source) }
            groups[term.conceptID]!.count += 1
        }
        return order.map { id in
            let group = groups[id]!
            return KeyTerm(source: group.sources.joined(separator: " / "), target: group.target, conceptID: id, count: group.count)
        }.sorted { ($1.count, $0.source, $0.conceptID) < ($0.count, $1.source, $1.conceptID) }
    }
}
