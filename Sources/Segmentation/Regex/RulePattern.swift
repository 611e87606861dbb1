import Foundation

/// One side of an SRX rule — its `beforebreak` or `afterbreak` regex — parsed, checked and analysed.
///
/// Patterns run on automata (`DFA`) whenever they can; only constructs the automaton cannot run
/// exactly (lookaround, backreferences, atomic groups, some property names) go to ICU via
/// `NSRegularExpression`, which is the regex flavour SRX 2.0 prescribes. Every pattern is compiled
/// by ICU once, so a regex ICU rejects is an error whichever engine would run it.
final class RulePattern: Sendable {
    let source: String
    let readsBackwards: Bool
    /// The parsed pattern, when the automaton can run it exactly.
    let tree: RegexNode?
    /// ICU's compiled pattern; nil for the empty pattern, which matches everywhere.
    let icu: ICUPattern?
    /// What the pattern's first step (in its reading direction) can consume, and whether it can
    /// match without consuming: lets the engine skip positions where a rule cannot fire.
    let leadingSets: [ScalarSet]
    let nullable: Bool

    /// Bytes a pattern may read either side of a position. Like Java's bounded lookbehind in other
    /// SRX engines, this keeps every check cheap and the whole run linear in the text length.
    static let reach = 2048

    enum CompileError: Error {
        /// ICU's own message.
        case invalid(String)
    }

    init(_ pattern: String, readsBackwards: Bool) throws(CompileError) {
        source = pattern
        self.readsBackwards = readsBackwards
        if pattern.isEmpty {
            tree = .empty
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
        tree = parsed?.isAutomatonCompatible == true ? parsed : nil
        if let parsed, let analysed = try? NFA(parsed, readsBackwards: readsBackwards, approximate: true) {
            (leadingSets, nullable) = analysed.leadingScalars()
        } else {
            (leadingSets, nullable) = ([.all], true)
        }
    }

    /// A matcher for this pattern alone: the automaton if it can run it, else ICU.
    func matcher() -> PatternMatcher {
        if source.isEmpty { return .always }
        if let tree, let nfa = try? NFA(tree, readsBackwards: readsBackwards), let dfa = try? DFA(nfa) {
            return .automaton(dfa)
        }
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
            let range = NSRange(location: start, length: location - start)
            return regex.firstMatch(in: text.string, options: [.withTransparentBounds], range: range) != nil
        }
        let range = NSRange(location: location, length: text.utf16Length - location)
        return regex.firstMatch(in: text.string, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds],
                                range: range) != nil
    }
}

/// The window's text as ICU needs it (UTF-16), made once per window and only when a rule needs ICU.
struct ICUText {
    let string: String
    let lowerByte: Int
    let utf16Length: Int
    /// UTF-16 offset of each byte offset of the window, relative to its start.
    private let offsets: [Int]

    init(_ window: TextWindow) {
        let slice = UnsafeBufferPointer(rebasing: window.bytes[window.lower..<window.upper])
        string = String(decoding: slice, as: UTF8.self)
        lowerByte = window.lower
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
