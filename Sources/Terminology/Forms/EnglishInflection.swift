import PipelineCore

/// English forms of a term: the plural of its head noun. Possessives need no forms, since an
/// apostrophe ends a token (`OpenAI's` holds `OpenAI`). Proper nouns keep their one form.
enum EnglishInflection {
    static func forms(of term: GlossaryTerm) -> [TermForm] {
        let citation = TermForm(text: term.text, kind: .exact)
        let partOfSpeech = term.partOfSpeech?.lowercased()
        guard !term.isProperNoun, partOfSpeech == nil || partOfSpeech == "noun" else { return [citation] }
        var words = term.text.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [citation] }
        let head = words.indices.dropFirst().first { functionWords.contains(words[$0].lowercased()) }.map { $0 - 1 }
            ?? words.count - 1
        words[head] = plural(of: words[head])
        return [citation, TermForm(text: words.joined(separator: " "), kind: .inflected)]
    }

    static let functionWords: Set<String> = ["of", "on", "for", "in", "to", "with", "by", "at", "from", "about", "under", "and", "or"]

    static func plural(of word: String) -> String {
        let lower = word.lowercased()
        let letters = word.filter(\.isLetter)
        if letters.count >= 2, letters.allSatisfy(\.isUppercase) { return word + "s" }
        if ["s", "x", "z", "ch", "sh"].contains(where: { lower.hasSuffix($0) }) { return word + "es" }
        if lower.hasSuffix("y"), lower.count >= 2, !"aeiou".contains(lower.dropLast().last!) { return word.dropLast() + "ies" }
        return word + "s"
    }
}
