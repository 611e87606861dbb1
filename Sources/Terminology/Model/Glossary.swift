import Foundation
import PipelineCore

/// The source terms of one or more glossaries, oriented to one translation direction, each with the
/// target term to offer. Immutable and `Sendable`: loaded once, shared by every parallel task.
///
/// The same files serve either direction: `de→en` offers the preferred English term for each German
/// term, `en→de` the preferred German term for each English one.
public struct Glossary: Sendable {
    public let languages: LanguagePair
    /// One entry per usable source term, in priority order: earlier glossaries first, then file order.
    /// A source term already present is not added again, so the earlier glossary wins.
    public let entries: [Entry]
    /// What the files held that is not used (unknown columns or values), each naming file and line.
    public private(set) var warnings: [String] = []

    public struct Entry: Sendable, Hashable {
        /// The source-language term with its grammar.
        public let term: GlossaryTerm
        /// The source term's status, with an unstated one resolved (see `Glossary.init`).
        public let status: TermStatus
        /// The concept's preferred target term; never a deprecated one.
        public let target: String
        public let conceptID: String
        /// The concept's deprecated target terms, for QA of translations.
        public let deprecatedTargets: [String]
        /// Index of the glossary (in load order) the entry came from.
        public let glossaryIndex: Int
    }

    /// Orients parsed concepts. `glossaries` is in priority order. A source term without a status is
    /// preferred when it is the first usable term of its language in the concept and none is marked
    /// preferred, admitted otherwise. A concept with no usable target term offers nothing.
    public init(glossaries: [[GlossaryConcept]], languages: LanguagePair) {
        self.languages = languages
        var entries: [Entry] = []
        var seen = Set<String>()
        for (glossaryIndex, concepts) in glossaries.enumerated() {
            for concept in concepts {
                let targets = concept.terms(in: languages.target)
                guard let target = Self.offeredTarget(among: targets) else { continue }
                let deprecated = targets.filter { $0.status == .deprecated }.map(\.text)
                let sources = concept.terms(in: languages.source)
                let hasPreferred = sources.contains { $0.status == .preferred }
                let firstUsable = sources.firstIndex { $0.status != .deprecated }
                for (index, term) in sources.enumerated() where seen.insert(term.text).inserted {
                    let status = term.status ?? (!hasPreferred && index == firstUsable ? .preferred : .admitted)
                    entries.append(Entry(
                        term: term, status: status, target: target.text, conceptID: concept.id,
                        deprecatedTargets: deprecated, glossaryIndex: glossaryIndex))
                }
            }
        }
        self.entries = entries
    }

    public init(concepts: [GlossaryConcept], languages: LanguagePair) {
        self.init(glossaries: [concepts], languages: languages)
    }

    /// Reads every file (TBX v3, TBX 2008, TBX-Min, OmegaT TSV, CSV; see `GlossaryFile`) and orients
    /// them. Earlier files take priority. Throws `GlossaryError` naming the file and line of any problem,
    /// including a file that has no terms in the source or the target language.
    public static func load(_ urls: [URL], source: LanguageTag, target: LanguageTag) throws -> Glossary {
        let languages = LanguagePair(source: source, target: target)
        var glossaries: [[GlossaryConcept]] = []
        var warnings: [String] = []
        for url in urls {
            let concepts = try GlossaryFile.read(url, languages: languages) { warnings.append($0) }
            for language in [source, target] where !concepts.contains(where: { !$0.terms(in: language).isEmpty }) {
                throw GlossaryError.languages(file: url.path, problem: "has no terms in '\(language.language)'")
            }
            glossaries.append(concepts)
        }
        var glossary = Glossary(glossaries: glossaries, languages: languages)
        glossary.warnings = warnings
        return glossary
    }

    /// Preferred first, then admitted or unmarked terms, in file order; deprecated terms never.
    static func offeredTarget(among terms: [GlossaryTerm]) -> GlossaryTerm? {
        terms.first { $0.status == .preferred } ?? terms.first { $0.status != .deprecated }
    }
}
