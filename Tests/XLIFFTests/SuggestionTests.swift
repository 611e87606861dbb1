import Foundation
import PipelineCore
import Testing
@testable import XLIFF
@testable import XML

/// Memory matches are suggestions: fuzzy ones never fill a target, in either version; they stand
/// beside it as 1.2 `<alt-trans match-quality>` and 2.1 `<mtc:match>`, schema-valid, and a file
/// returned untouched gives no translator's work.
@Suite struct SuggestionTests {
    /// Sentence 1 has an exact match, sentence 3 a fuzzy one (85%) from `memory.tmx`.
    static func document() -> AnnotatedDocument {
        var document = SampleDocuments.annotated()
        document.translations = [
            1: Translation(sentence: 1, text: "The Federal Government plans new data centres in Brandenburg.", origin: .memory(percent: 100),
                           memoryUnit: .init(source: Export.segmentText(1, in: document), file: "memory.tmx")),
            3: Translation(sentence: 3, text: "Critics warn of megalomania.", origin: .memory(percent: 85),
                           memoryUnit: .init(source: "Kritiker warnen vor Größenwahn.", file: "memory.tmx")),
        ]
        return document
    }

    static func units(_ options: XLIFFOptions) throws -> [String: XMLTree.Element] {
        let root = try Export.tree(try Export.write(options, document: document()))
        return Dictionary(uniqueKeysWithValues: root.descendants(named: "trans-unit").map { ($0.attribute("id")!, $0) })
    }

    @Test(arguments: XLIFFOptions.Prefill.allCases)
    func fuzzyMatchesAreAltTransNeverTargets12(prefill: XLIFFOptions.Prefill) throws {
        let units = try Self.units(XLIFFOptions(version: .v1_2, prefill: prefill, state: .translated))
        let fuzzy = try #require(units["s4"])
        #expect(fuzzy.firstElement(named: "target")?.textContent != "Critics warn of megalomania.")
        let alternative = try #require(fuzzy.firstElement(named: "alt-trans"))
        #expect(alternative.attribute("match-quality") == "85")
        #expect(alternative.attribute("origin") == "memory.tmx")
        #expect(alternative.firstElement(named: "source")?.textContent == "Kritiker warnen vor Größenwahn.")
        #expect(alternative.firstElement(named: "target")?.textContent == "Critics warn of megalomania.")
    }

    @Test func exactMatchesFillTheTargetOnlyWhenAskedAndSaySo() throws {
        let memory = try Self.units(XLIFFOptions(version: .v1_2, prefill: .memoryOrSource, state: .translated))
        let exact = try #require(memory["s2"]?.firstElement(named: "target"))
        #expect(exact.textContent == "The Federal Government plans new data centres in Brandenburg.")
        #expect(exact.attribute("state-qualifier") == "exact-match")
        #expect(memory["s2"]?.firstElement(named: "alt-trans") == nil)

        // The default shows OmegaT German everywhere: the exact match is offered, the target is the source.
        let source = try Self.units(XLIFFOptions(version: .v1_2, state: .translated))
        let unit = try #require(source["s2"])
        #expect(unit.firstElement(named: "target")?.textContent == unit.firstElement(named: "source")?.textContent)
        #expect(unit.firstElement(named: "target")?.attribute("state") == "needs-translation")
        #expect(unit.firstElement(named: "alt-trans")?.attribute("match-quality") == "100")
    }

    @Test func version12GroupsSentencesPerParagraph() throws {
        let root = try Export.tree(try Export.write(XLIFFOptions(version: .v1_2), document: Self.document()))
        let groups = root.descendants(named: "group")
        #expect(!groups.isEmpty && groups.allSatisfy { $0.attribute("restype") == "x-paragraph" && $0.attribute("id")!.hasPrefix("p") })
        let ids = groups.flatMap { $0.elements(named: "trans-unit").map { $0.attribute("id")! } }
        #expect(ids == (1...Self.document().sentences.count).map { "s\($0)" })
        #expect(root.descendants(named: "seg-source").isEmpty)
    }

    @Test func version21OffersMatchesInTheMatchesModule() throws {
        let root = try Export.tree(try Export.write(XLIFFOptions(version: .v2_1, prefill: .memory), document: Self.document()))
        let matches = root.descendants(named: "match")
        #expect(matches.count == 1)
        let match = try #require(matches.first)
        #expect(match.namespace == XLIFFNamespace.matches)
        #expect(match.attribute("ref") == "#s4" && match.attribute("matchQuality") == "85" && match.attribute("type") == "tm")
        let segment = try #require(root.descendants(named: "segment").first { $0.attribute("id") == "s4" })
        #expect(segment.firstElement(named: "target") == nil)
    }

    @Test(.enabled(if: SharedFolder.isPresent, "needs ../shared (the XLIFF schemas; CI has it): skipped"),
          arguments: [XLIFFVersion.v1_2, .v2_1], XLIFFOptions.Prefill.allCases)
    func suggestionsAreSchemaValid(version: XLIFFVersion, prefill: XLIFFOptions.Prefill) throws {
        let data = try Export.write(XLIFFOptions(version: version, prefill: prefill), document: Self.document())
        let violations = try SharedFolder.validator(for: version).violations(in: data, fileName: "matches.xlf")
        #expect(violations.isEmpty, "\(violations)")
    }

    /// A file a tool returns untouched has no translator's work in it: the copies are not translations,
    /// and the fuzzy match stayed out of the target.
    @Test(arguments: [XLIFFVersion.v1_2, .v2_1])
    func anUntouchedFileReturnsNoTranslatorWork(version: XLIFFVersion) throws {
        let data = try Export.write(XLIFFOptions(version: version, state: .translated), document: Self.document())
        let returned = try XLIFFReader.parse(data, fileName: "untouched.xlf")
        #expect(try returned.returnedTranslations(for: Self.document(), languages: Export.languages).isEmpty)
    }
}
