import Foundation
import PipelineCore

/// What the summarizer knows about a language: the words to ignore and how to reduce a word to
/// its stem, so that `Regierung` and `Regierungen` count as one term.
struct LanguageProfile: Sendable {
    let stopWords: Set<String>
    /// Reduces a lower-cased word to the form that terms are compared by.
    let stem: @Sendable (String) -> String

    /// Languages with a stop-word list in `StopWords/`.
    static let supportedLanguages = ["de", "en"]

    init(language: String) throws {
        let language = language.lowercased()
        guard Self.supportedLanguages.contains(language) else {
            throw SummarizationError.unsupportedLanguage(language, supported: Self.supportedLanguages)
        }
        stopWords = try Self.loadStopWords(language)
        switch language {
        case "de":
            let stemmer = GermanStemmer()
            stem = { stemmer.stem($0) }
        default:
            // No stemmer for this language yet: words are compared as lower-cased surface forms.
            stem = { $0 }
        }
    }

    private static func loadStopWords(_ language: String) throws -> Set<String> {
        guard let url = Bundle.module.url(forResource: language, withExtension: "txt", subdirectory: "StopWords") else {
            throw SummarizationError.missingResource("StopWords/\(language).txt")
        }
        let contents = try String(contentsOf: url, encoding: .utf8)
        var words = Set<String>()
        for line in contents.split(whereSeparator: \.isNewline) {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty || word.hasPrefix("#") { continue }
            words.insert(word.lowercased())
        }
        return words
    }
}
