import Foundation

/// One side of an SRX rule — its `beforebreak` or `afterbreak` regex — parsed, checked and analysed.
///
/// Patterns run on automata (`DFA`) whenever they can; only constructs the automaton cannot run
/// exactly (lookaround, backreferences, atomic groups, some property names) go to ICU via
/// `NSRegularExpression`, which is the regex flavour SRX 2.0 prescribes. Every pattern is compiled
/// by ICU once, so a regex ICU rejects is an error whichever engine would run it.
///
/// Rules come from files users hand us, so both engines are bounded (`RegexBudget`): a pattern
/// whose automaton would be too large is refused, and so is one that needs ICU and has a nested
/// quantifier (`(a+)+`), on which ICU backtracks exponentially; ICU's other checks have a step
/// budget.
final class RulePattern: Sendable {
    let source: String
    let readsBackwards: Bool
    /// The parsed pattern, when the automaton can run it exactly.
    let tree: RegexNode?
    /// The pattern's own automaton, when it has a tree.
    let automaton: DFA?
    /// ICU's compiled pattern; nil for the empty pattern, which matches everywhere.
    let icu: ICUPattern?
    /// What the pattern's first step (in its reading direction) can consume, and whether it can
    /// match without consuming: lets the engine skip positions where a rule cannot fire.
    let leadingSets: [ScalarSet]
    let nullable: Bool

    /// Bytes a pattern may read either side of a position. Like Java's bounded lookbehind in other
    /// SRX engines, this keeps every check cheap and the whole run linear in the text length.
    static let reach = 2048

    enum CompileError: Error, Equatable {
        /// ICU's own message.
        case invalid(String)
        /// What budget the pattern exceeds, or why ICU cannot run it safely.
        case tooComplex(String)
    }

    init(_ pattern: String, readsBackwards: Bool) throws(CompileError) {
        source = pattern
        self.readsBackwards = readsBackwards
        if pattern.isEmpty {
            tree = .empty
            automaton = try Self.automaton(.empty, readsBackwards: readsBackwards)
            icu = nil
            leadingSets = []
            nullable = true
            return
        }
        do {
            let regex = try NSRegularExpression(pattern: readsBackwards ? Self.anchoredAtEnd(pattern) : pattern)
            icu = ICUPattern(regex: regex, readsBackwards: readsBackwards)
        } catch {
            throw .invalid(Self.icuMessage(error))
        }
        let parsed = try? RegexParser.parse(pattern)
        if let size = parsed?.estimatedStates, size > RegexBudget.nfaStates {
            throw .tooComplex("its automaton would need \(size == Int.max ? "too many" : "\(size)") NFA states, more than "
                + "the \(RegexBudget.nfaStates) allowed (counted repetitions multiply, {1,100} inside {1,100} is 10,000 copies; "
                + "every word of a word list counts)")
        }
        if let parsed, parsed.isAutomatonCompatible {
            tree = parsed
            automaton = try Self.automaton(parsed, readsBackwards: readsBackwards)
        } else {
            tree = nil
            automaton = nil
            if let nested = NestedQuantifier.find(in: pattern) {
                let reason = parsed?.icuOnlyReason ?? "syntax the automaton does not model"
                throw .tooComplex("it needs ICU (for its \(reason)), and '\(SRXError.excerpt(nested))' nests quantifiers, "
                    + "on which ICU takes exponential time; write it without the nesting")
            }
        }
        if let parsed, let analysed = try? NFA(parsed, readsBackwards: readsBackwards, approximate: true) {
            (leadingSets, nullable) = analysed.leadingScalars()
        } else {
            (leadingSets, nullable) = ([.all], true)
        }
    }

    private static func automaton(_ tree: RegexNode, readsBackwards: Bool) throws(CompileError) -> DFA {
        let nfa: NFA
        do { nfa = try NFA(tree, readsBackwards: readsBackwards) } catch {
            throw .tooComplex("its automaton needs more than \(RegexBudget.nfaStates) NFA states")
        }
        do { return try DFA(nfa) } catch {
            switch error {
            case .tooManyStates: throw .tooComplex("its automaton needs more than \(RegexBudget.dfaStates) DFA states")
            case .tooMuchWork: throw .tooComplex("building its automaton takes more than \(RegexBudget.dfaWork) steps")
            }
        }
    }

    /// A matcher for this pattern alone: the automaton if it can run it, else ICU.
    func matcher() -> PatternMatcher {
        if source.isEmpty { return .always }
        if let automaton { return .automaton(automaton) }
        return .icu(icu!)
    }

    /// `(?:P)\z`; in `(?x)` mode a `#` comment would swallow the closing parenthesis, so a line
    /// break (which that mode ignores) ends it first.
    static func anchoredAtEnd(_ pattern: String) -> String {
        let extended = pattern.range(of: #"\(\?[a-wyz-]*x"#, options: .regularExpression) != nil
        return "(?:\(pattern)\(extended ? "\n" : ""))\\z"
    }

    private static func icuMessage(_ error: Error) -> String {
        let nsError = error as NSError
        if let reason = nsError.userInfo["NSInvalidValue"] as? String { return "ICU rejects \(reason)" }
        return nsError.localizedDescription
    }
}

/// How one pattern is tested at a position.
enum PatternMatcher: Sendable {
    /// The empty pattern: matches everywhere.
    case always
    case automaton(DFA)
    case icu(ICUPattern)

    var runsOnAutomaton: Bool {
        if case .icu = self { false } else { true }
    }

    func matches(in window: TextWindow, at position: TextPosition, icu text: inout ICUText?) -> Bool {
        switch self {
        case .always:
            return true
        case .automaton(let dfa):
            return dfa.matches(in: window, at: position, reach: RulePattern.reach)
        case .icu(let pattern):
            if text == nil { text = ICUText(window) }
            return pattern.matches(in: text!, at: position.offset, reach: RulePattern.reach)
        }
    }
}

/// A pattern ICU runs. `NSRegularExpression` is immutable and safe to share between threads.
struct ICUPattern: @unchecked Sendable {
    let regex: NSRegularExpression
    let readsBackwards: Bool

    func matches(in text: ICUText, at position: Int, reach: Int) -> Bool {
        let location = text.utf16Offset(ofByte: position)
        if readsBackwards {
            // `(?:P)\z` within a bounded stretch ending here; transparent bounds let lookbehind and
            // `\b` see past its start.
            let start = text.utf16Offset(ofByte: max(text.lowerByte, position - reach))
            return firstMatch(in: text.string, options: [.withTransparentBounds], range: NSRange(location: start, length: location - start))
        }
        // Without anchoring bounds `$` and `\z` still mean the end of the window, not of the stretch.
        let end = text.utf16Offset(ofByte: min(text.upperByte, position + reach))
        return firstMatch(in: text.string, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds],
                          range: NSRange(location: location, length: end - location))
    }

    /// Whether ICU finds a match within its step budget (`RegexBudget.icuStepReports`); a check
    /// that runs out counts as no match. Steps, unlike time, make the answer the same on every run.
    private func firstMatch(in string: String, options: NSRegularExpression.MatchingOptions, range: NSRange) -> Bool {
        var found = false
        var reports = 0
        // ICU reports once per start position it tries, and once every 10,000 steps.
        let allowed = range.length + 1 + RegexBudget.icuStepReports
        regex.enumerateMatches(in: string, options: options.union(.reportProgress), range: range) { result, _, stop in
            if result != nil {
                found = true
                stop.pointee = true
            } else {
                reports += 1
                if reports > allowed { stop.pointee = true }
            }
        }
        return found
    }
}

/// The window's text as ICU needs it (UTF-16), made once per window and only when a rule needs ICU.
struct ICUText {
    let string: String
    let lowerByte: Int
    let upperByte: Int
    let utf16Length: Int
    /// UTF-16 offset of each byte offset of the window, relative to its start.
    private let offsets: [Int]

    init(_ window: TextWindow) {
        let slice = UnsafeBufferPointer(rebasing: window.bytes[window.lower..<window.upper])
        string = String(decoding: slice, as: UTF8.self)
        lowerByte = window.lower
        upperByte = window.upper
        var offsets = [Int](repeating: 0, count: slice.count + 1)
        var utf16 = 0
        var index = 0
        while index < slice.count {
            let (scalar, length) = UTF8Decoding.decode(slice, at: index, limit: slice.count)
            for inner in 0..<length { offsets[index + inner] = utf16 }
            utf16 += scalar > 0xFFFF ? 2 : 1
            index += length
        }
        offsets[slice.count] = utf16
        utf16Length = utf16
        self.offsets = offsets
    }

    func utf16Offset(ofByte byte: Int) -> Int { offsets[byte - lowerByte] }
}
