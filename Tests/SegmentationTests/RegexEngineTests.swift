import Foundation
import Testing
@testable import Segmentation

/// The automaton must answer exactly as ICU (the regex flavour SRX prescribes) does: these tests run
/// both on every position of a set of texts, forwards (afterbreak) and backwards (beforebreak).
struct RegexEngineTests {
    static let automatonPatterns = [
        #"\b(?:Nr|Dr|z\.\s?B)\."#,
        #"[.!?…]["»«“”)]*"#,
        #"\s+\p{Lu}"#,
        #"\s+\p{Ll}+(?:[^\p{L}]|\z)"#,
        #"(?i)straße|strasse"#,
        #"(?i:ÄR)a"#,
        #"a{2,3}b?"#,
        #"\([^()]*\)"#,
        #"(?m)^\s*\d{1,3}[.)]"#,
        #"\B\w+"#,
        #"\b\w+\b"#,
        #"[\p{L}&&[^\x00-\x7F]]+"#,
        #"\x{1F44D}|\u00e4"#,
        #".+"#,
        #"[^\s]+\s"#,
        #"colou?r|Farbe"#,
        #"\d{1,3}(?:\.\d{3})*"#,
        #"(?:^|[^\p{L}\p{N}.,])\d{1,3}\."#,
        #"\s*\p{So}[\p{So}\p{Sk}\p{Mn}\x{200D}]*"#,
        #"\Qa.b\E|\A\w"#,
        #"(?x) a b  # a comment"#,
        #"[-a-c]+|[x\-z]"#,
        #"\p{Pd}|\p{Zs}|\p{Nd}"#,
        #"\S\z"#,
        #"(?s)a.b"#,
        #"(?m)x$|^y"#,
        #"[^\p{L}]*"#,
        #"x*"#,
        // ICU's `$` without (?m) and `\Z` at the end of a pattern: the end, or before a final line end.
        #"\w$"#,
        #"(a+)+$"#,
        #"\s*\Z"#,
        #"b$|^a"#,
        #"(?:x|y$)?"#,
    ]

    static let icuOnlyPatterns = [
        #"(?<=a)b"#,
        #"a(?=b)"#,
        #"(a)\1"#,
        #"a*+b"#,
        #"(?>ab|a)b"#,
        #"\p{Latin}+"#,
        #"a$\s"#,
        #"(?:a$)+"#,
    ]

    static let texts = [
        "Dr. Müller kam am 3. Oktober. Er sagte: „Nein!“ (Gut.) Danach…",
        "z.B. 1.000 Ärzte\nin Köln. ÄRA Ära, Nr.5",
        "👍 Großartig! colour Farbe Straße STRASSE a.b",
        "  a aab aaab abab x-z a\nb a\r\nb\rx\ny",
        "iPhone-Nutzer xAI eBay\t\u{A0}Wort\r\n12) Liste\n  3. Punkt",
        "ß ẞ ǅ ǆ — 2026",
        "aab\n",
        "ab\r\n",
        "ba\r",
        "b\n\n",
        "",
    ]

    @Test("The automaton runs these patterns and agrees with ICU everywhere", arguments: automatonPatterns)
    func automatonAgreesWithICU(_ pattern: String) throws {
        try compare(pattern, expectingAutomaton: true)
    }

    @Test("Lookaround, backreferences, atomic groups and other ICU-only syntax run on ICU", arguments: icuOnlyPatterns)
    func icuOnlyPatternsFallBack(_ pattern: String) throws {
        try compare(pattern, expectingAutomaton: false)
    }

    @Test("A regex ICU rejects is an error, whichever engine would run it", arguments: ["a(", "[a-", "x{2,1}", "\\p{Nonsense}"])
    func invalidPatternsThrow(_ pattern: String) {
        #expect(throws: RulePattern.CompileError.self) { try RulePattern(pattern, readsBackwards: false) }
        #expect(throws: RulePattern.CompileError.self) { try RulePattern(pattern, readsBackwards: true) }
    }

    private func compare(_ pattern: String, expectingAutomaton: Bool) throws {
        let forward = try RulePattern(pattern, readsBackwards: false).matcher()
        let backward = try RulePattern(pattern, readsBackwards: true).matcher()
        #expect(forward.runsOnAutomaton == expectingAutomaton)
        #expect(backward.runsOnAutomaton == expectingAutomaton)
        let icuForward = try NSRegularExpression(pattern: pattern)
        let icuBackward = try NSRegularExpression(pattern: RulePattern.anchoredAtEnd(pattern))
        for text in Self.texts {
            let utf16Length = (text as NSString).length
            var copy = text
            copy.withUTF8 { bytes in
                let window = TextWindow(bytes: bytes, lower: 0, upper: bytes.count)
                var icuText: ICUText?
                var utf16 = 0
                var offset = 0
                var scalars = text.unicodeScalars.makeIterator()
                while true {
                    let expectedForward = icuForward.firstMatch(
                        in: text, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds],
                        range: NSRange(location: utf16, length: utf16Length - utf16)) != nil
                    let expectedBackward = icuBackward.firstMatch(
                        in: text, options: [.withTransparentBounds], range: NSRange(location: 0, length: utf16)) != nil
                    #expect(forward.matches(in: window, at: window.position(offset), icu: &icuText) == expectedForward,
                            "forward /\(pattern)/ at byte \(offset) of \(text.debugDescription)")
                    // ICU can only test "ends here" by anchoring the search to the position, so in its
                    // eyes a `\z` or `$` inside the pattern matches there too; the automaton knows the
                    // text goes on.
                    if !pattern.contains("\\z"), !pattern.contains("\\Z"), !pattern.contains("$") {
                        #expect(backward.matches(in: window, at: window.position(offset), icu: &icuText) == expectedBackward,
                                "backward /\(pattern)/ at byte \(offset) of \(text.debugDescription)")
                    }
                    guard let scalar = scalars.next() else { break }
                    offset += UTF8.width(scalar)
                    utf16 += UTF16.width(scalar)
                }
            }
        }
    }
}
