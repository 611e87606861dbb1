import Foundation
import PipelineCore

/// The content of an SRX 2.0 (or 1.0) file: named lists of rules and the map from language codes
/// to them. Vendor extensions are skipped when reading; ours, word lists, are kept.
struct SRXDocument: Sendable {
    /// Where the document came from, for error messages.
    let file: String
    /// With cascade, every language map that matches contributes its rules, in map order;
    /// without, only the first one does.
    let cascade: Bool
    let languageRules: [LanguageRule]
    let languageMaps: [LanguageMap]
    /// Lists named in the header's `<pl:wordlist>` elements, for `{{name}}` in rule regexes.
    let wordLists: [String: WordList]

    struct Rule: Sendable {
        let isBreak: Bool
        let before: String
        let after: String
        /// 1-based position within its language rule, and the line of its element.
        let number: Int
        let line: Int
    }

    struct LanguageRule: Sendable {
        let name: String
        let rules: [Rule]
        let line: Int
    }

    struct LanguageMap: Sendable {
        /// A regex that must match the whole language code (case-insensitively).
        let pattern: String
        let ruleName: String
        let line: Int
    }

    /// The rules that apply to a language, in the order they are tried, each with the name of the
    /// language rule it came from.
    func rules(for language: LanguageTag) throws(SRXError) -> [(rule: Rule, languageRule: String)] {
        var selected: [(Rule, String)] = []
        var matchedAny = false
        for map in languageMaps {
            let regex: NSRegularExpression
            do {
                regex = try NSRegularExpression(pattern: "^(?:\(map.pattern))$", options: [.caseInsensitive])
            } catch {
                throw .invalidLanguagePattern(file: file, line: map.line, pattern: map.pattern)
            }
            let code = language.tag
            guard regex.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil else { continue }
            guard let languageRule = languageRules.first(where: { $0.name == map.ruleName }) else {
                throw .unknownLanguageRule(file: file, line: map.line, name: map.ruleName)
            }
            matchedAny = true
            selected += languageRule.rules.map { ($0, languageRule.name) }
            if !cascade { break }
        }
        guard matchedAny else { throw .noRulesForLanguage(file: file, language: language.tag) }
        return selected
    }

    /// Compiles the rules for a language, expanding word lists, with errors that name the rule.
    func compiledRules(for language: LanguageTag) throws(SRXError) -> CompiledRuleSet {
        var compiled: [CompiledRuleSet.Rule] = []
        var cache: [String: RulePattern] = [:]
        for (rule, languageRule) in try rules(for: language) {
            func pattern(_ source: String, backwards: Bool, side: String) throws(SRXError) -> RulePattern {
                let location = SRXError.RuleLocation(file: file, line: rule.line, languageRule: languageRule,
                                                     number: rule.number, side: side)
                let expanded = try WordList.expand(source, lists: wordLists, at: location)
                let key = (backwards ? "<" : ">") + expanded
                if let known = cache[key] { return known }
                do {
                    let made = try RulePattern(expanded, readsBackwards: backwards)
                    cache[key] = made
                    return made
                } catch {
                    switch error {
                    case .invalid(let message): throw .invalidRegex(location, pattern: source, message: message)
                    case .tooComplex(let problem): throw .regexTooComplex(location, pattern: source, problem: problem)
                    }
                }
            }
            compiled.append(CompiledRuleSet.Rule(
                isBreak: rule.isBreak,
                before: try pattern(rule.before, backwards: true, side: "beforebreak"),
                after: try pattern(rule.after, backwards: false, side: "afterbreak")))
        }
        return CompiledRuleSet(rules: compiled)
    }
}
