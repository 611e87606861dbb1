import Foundation
import PipelineCore

/// Recognises languages where delimited glossaries name them: column headers (`German`, `de-DE`,
/// `Deutsch`) and file names (`glossary_de-en.tsv`, `ai-politics.de-en.csv`).
enum LanguageNames {
    /// English and native names of the languages a glossary header is likely to use.
    private static let names: [String: String] = [
        "german": "de", "deutsch": "de", "english": "en", "englisch": "en", "french": "fr", "français": "fr",
        "francais": "fr", "spanish": "es", "español": "es", "espanol": "es", "italian": "it", "italiano": "it",
        "dutch": "nl", "nederlands": "nl", "portuguese": "pt", "português": "pt", "polish": "pl", "polski": "pl",
        "czech": "cs", "danish": "da", "swedish": "sv", "norwegian": "no", "finnish": "fi", "russian": "ru",
        "ukrainian": "uk", "chinese": "zh", "japanese": "ja", "korean": "ko", "turkish": "tr", "greek": "el",
        "hungarian": "hu", "romanian": "ro", "arabic": "ar",
    ]

    /// The primary language subtag a header names, or nil: `German` → `de`, `en-GB` → `en`.
    static func language(ofHeader header: String) -> String? {
        let trimmed = header.trimmed
        if let known = names[trimmed.lowercased()] { return known }
        // A bare code must have two letters (`de`); longer bare words are column names, not languages.
        guard trimmed.count <= 12, trimmed.contains("-") || trimmed.count == 2, let tag = LanguageTag(trimmed),
              trimmed.lowercased() != "id"
        else { return nil }
        return tag.language
    }

    /// The language pair a file name declares, as in `glossary_de-en.tsv`: two 2–3 letter codes joined
    /// by a hyphen, standing between separators. The last such pair wins.
    static func pair(inFileName name: String) -> (String, String)? {
        let stem = name.split(separator: ".").count > 1 ? String(name[..<name.lastIndex(of: ".")!]) : name
        let parts = stem.split(whereSeparator: { $0 == "_" || $0 == "." || $0 == " " }).map(String.init)
        for part in parts.reversed() {
            let codes = part.split(separator: "-").map(String.init)
            guard codes.count >= 2 else { continue }
            let first = codes[codes.count - 2], second = codes[codes.count - 1]
            if [first, second].allSatisfy({ (2...3).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isLetter } }) {
                return (first.lowercased(), second.lowercased())
            }
        }
        return nil
    }
}
