/// Limits that keep compiling and running user-supplied SRX regexes bounded, whatever the regex.
///
/// The automaton runs in time linear in what it reads, but building it can explode: counted
/// repetitions multiply (`(?:[a-z]{1,100}){1,100}` is 10,000 copies of `[a-z]`) and subset
/// construction can be exponential (`(a|b)*a(a|b){20}`). Every regex is measured against these
/// budgets and refused with an error naming the rule when it exceeds one; the built-in rules use
/// a small part of each.
enum RegexBudget {
    /// NFA states of one pattern (reckoned from the parsed tree before building) or of one union
    /// of patterns.
    static let nfaStates = 20_000
    /// DFA states of one automaton; its table is states × character classes × 4 bytes.
    static let dfaStates = 20_000
    /// NFA states visited while building one DFA: bounds the time of the subset construction.
    static let dfaWork = 10_000_000
    /// Steps, in ICU's units of 10,000, that one check of a rule only ICU can run (lookaround,
    /// backreferences) may take: 2 million steps, some milliseconds. A check that uses them all
    /// counts as no match. With each such check also limited to `RulePattern.reach` bytes, a whole
    /// run stays linear in the length of the text.
    static let icuStepReports = 200
}
