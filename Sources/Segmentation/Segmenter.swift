import Foundation
import PipelineCore

/// Splits text into paragraphs and sentences, as spans of the original text.
///
/// Two steps: the `LineLayout` finds paragraphs and the line breaks that end a sentence on their
/// own (headings, list items, blank lines); then SRX rules decide the breaks inside each paragraph.
/// The built-in rules are SRX files of our own in `Rules/`; any SRX 2.0 file can replace them.
public struct Segmenter: Sendable {
    private let compiled: Compiled

    /// The compiled rules and layout. A class, so a `Segmenter` is one reference wide whatever the
    /// compiled form holds: code in other modules never depends on its size.
    private final class Compiled: Sendable {
        let rules: CompiledRuleSet
        let layout: LineLayout

        init(rules: CompiledRuleSet, layout: LineLayout) {
            self.rules = rules
            self.layout = layout
        }
    }

    /// The built-in rules for a language, chosen by its language subtag (`de`, `en`); other
    /// languages get the language-neutral rules.
    public init(language: LanguageTag) throws {
        self = try BuiltInSegmenters.shared.segmenter(for: language)
    }

    /// Rules from an SRX file, selected for the language by its `maprules` (with `cascade`). The line
    /// layout uses the built-in word lists of the language.
    public init(rules file: URL, language: LanguageTag) throws {
        let document = try SRXReader.read(contentsOf: file)
        self.init(rules: try document.compiledRules(for: language), profile: try LanguageProfile.builtIn(for: language.language))
    }

    init(rules: CompiledRuleSet, profile: LanguageProfile) {
        compiled = Compiled(rules: rules, layout: LineLayout(profile: profile))
    }

    /// Whether every rule runs on the compiled automaton, none on ICU.
    var runsOnAutomatonOnly: Bool { compiled.rules.runsOnAutomatonOnly }

    public func segment(_ text: String) -> SegmentedText {
        var text = text
        return text.withUTF8 { segment(bytes: $0) }
    }

    /// Segments UTF-8 bytes (which must be valid UTF-8, as a `String`'s are).
    public func segment(bytes: UnsafeBufferPointer<UInt8>) -> SegmentedText {
        let rules = compiled.rules
        let paragraphs = compiled.layout.paragraphs(in: bytes)
        var sentences: [Sentence] = []
        sentences.reserveCapacity(paragraphs.count)
        var ends: [Int] = []
        for (index, paragraph) in paragraphs.enumerated() {
            ends.removeAll(keepingCapacity: true)
            rules.breaks(in: TextWindow(bytes: bytes, lower: paragraph.start, upper: paragraph.end), into: &ends)
            ends.append(paragraph.end)
            var start = paragraph.start
            for end in ends {
                if let span = Self.trimmed(bytes, start, end) { sentences.append(Sentence(span: span, paragraph: index)) }
                start = end
            }
        }
        return SegmentedText(paragraphs: paragraphs, sentences: sentences)
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TextSpan? {
        var low = start
        var high = end
        while low < high, let width = Whitespace.width(in: bytes, at: low, limit: high) { low += width }
        while high > low, let width = Whitespace.width(in: bytes, endingAt: high, floor: low) { high -= width }
        return low < high ? TextSpan(start: low, end: high) : nil
    }
}

/// Paragraphs and sentences of one text. Spans are UTF-8 byte offsets into the original text,
/// trimmed of whitespace; every sentence lies inside the paragraph it names.
public struct SegmentedText: Sendable, Hashable {
    public let paragraphs: [TextSpan]
    public let sentences: [Sentence]

    public init(paragraphs: [TextSpan], sentences: [Sentence]) {
        self.paragraphs = paragraphs
        self.sentences = sentences
    }
}

/// Compiles the built-in rules once per language and shares them: a segmenter is immutable.
final class BuiltInSegmenters: @unchecked Sendable {
    static let shared = BuiltInSegmenters()

    private let lock = NSLock()
    private var segmenters: [String: Segmenter] = [:]

    func segmenter(for language: LanguageTag) throws -> Segmenter {
        let key = language.language
        lock.lock()
        defer { lock.unlock() }
        if let known = segmenters[key] { return known }
        guard let file = BuiltInRules.srxFile else { throw SRXError.unreadable(file: "Rules/segment.srx", reason: "missing from the bundle") }
        let document = try SRXReader.read(contentsOf: file)
        // The built-in file maps every language; subtags without rules of their own get the neutral ones.
        let made = Segmenter(rules: try document.compiledRules(for: LanguageTag(key) ?? language),
                             profile: try LanguageProfile.builtIn(for: key))
        segmenters[key] = made
        return made
    }
}
