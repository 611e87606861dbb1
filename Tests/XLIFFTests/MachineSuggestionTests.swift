import Foundation
import PipelineCore
import Testing
@testable import XLIFF
@testable import XML

/// Machine output in XLIFF is a suggestion for translators: marked as machine translation in both
/// versions, schema-valid, and never read back as a translator's work until someone confirms it.
@Suite struct MachineSuggestionTests {
    /// Sentence 2 machine-translated beside a translator's sentence 1 in the same paragraph; sentence 4 alone.
    static func document() -> AnnotatedDocument {
        var document = Export.document()
        document.translations[2] = Translation(sentence: 2, text: "The power demand of AI is growing fast.", origin: .machine(engine: "DeepL"))
        document.translations[3] = Translation(sentence: 3, text: "Critics warn of megalomania.", origin: .machine(engine: "DeepL"))
        document.translations[4] = Translation(sentence: 4, text: "The data centres are to be finished in 2027.", origin: .machine(engine: "DeepL"))
        return document
    }

    @Test func version12MarksTheTargetAsAMachineSuggestionToReview() throws {
        let root = try Export.tree(try Export.write(XLIFFOptions(version: .v1_2, prefill: .memory, state: .translated, units: .paragraph), document: Self.document()))
        let units = root.descendants(named: "trans-unit")
        let targets = Dictionary(uniqueKeysWithValues: units.map { ($0.attribute("id")!, $0.firstElement(named: "target")!) })
        #expect(targets["p1"]?.attribute("state") == "needs-translation")
        #expect(targets["p1"]?.attribute("state-qualifier") == nil)
        #expect(targets["p2"]?.attribute("state") == "needs-review-translation")
        #expect(targets["p2"]?.attribute("state-qualifier") == "mt-suggestion")
        #expect(targets["p3"]?.attribute("state-qualifier") == "mt-suggestion")
        #expect(units[2].elements(named: "note").contains { $0.textContent == "s5: target pre-filled by machine translation (DeepL)" })
    }

    @Test func version21KeepsMachineSegmentsInitialWithSubStateAndEngine() throws {
        let root = try Export.tree(try Export.write(XLIFFOptions(version: .v2_1, prefill: .memory, state: .translated), document: Self.document()))
        let segments = Dictionary(uniqueKeysWithValues: root.descendants(named: "segment").map { ($0.attribute("id")!, $0) })
        #expect(segments["s2"]?.attribute("state") == "translated")
        #expect(segments["s2"]?.attribute("subState") == nil)
        #expect(segments["s3"]?.attribute("state") == "initial")
        #expect(segments["s3"]?.attribute("subState") == "pipeline:mt-suggestion")
        let engines = root.descendants(named: "meta").filter { $0.attribute("type") == "engine" }.map(\.textContent)
        #expect(engines == ["DeepL", "DeepL", "DeepL"])
    }

    @Test(.enabled(if: SharedFolder.isPresent, "needs ../shared (schemas and test data beside the project; CI has it): skipped"),
          arguments: XLIFFVersion.allCases, [XLIFFOptions.Prefill.memory, .memoryOrSource])
    func machineSuggestionsAreSchemaValid(_ version: XLIFFVersion, _ prefill: XLIFFOptions.Prefill) throws {
        let data = try Export.write(XLIFFOptions(version: version, prefill: prefill, state: .translated), document: Self.document())
        let violations = try SharedFolder.validator(for: version).violations(in: data, fileName: "mt.xlf")
        #expect(violations.isEmpty, "\(violations)")
        #expect(try XLIFFReader.parse(data, fileName: "mt.xlf").findings.isEmpty)
    }

    /// An untouched suggestion is not a translator's translation; once confirmed, it is.
    @Test(arguments: XLIFFVersion.allCases)
    func unreviewedSuggestionsDoNotComeBackAsTranslations(_ version: XLIFFVersion) throws {
        let document = Self.document()
        let data = try Export.write(XLIFFOptions(version: version, prefill: .memory, state: .translated), document: document)
        let untouched = try XLIFFReader.parse(data, fileName: "mt.xlf").translations(for: document, languages: Export.languages)
        #expect(untouched.keys.sorted() == [1])

        let confirmed = try XLIFFReader.parse(try Translator.fill(data), fileName: "confirmed.xlf")
            .translations(for: document, languages: Export.languages)
        #expect(confirmed.keys.sorted() == [0, 1, 2, 3, 4])
    }
}
