import Foundation
import PipelineCore
import Testing
@testable import XLIFF
@testable import XML

@Suite struct TBXWriterTests {
    static let writer = TBXWriter(languages: SampleDocuments.languages, provenance: "pipeline test")

    @Test func conceptsAreWrittenOnceWithSourceTermsAndTargets() throws {
        let exported = try ExportedDocument(SampleDocuments.annotated(), options: XLIFFOptions())
        let root = try SafeXMLReader.parse(try Self.writer.write([exported]), fileName: "terms.tbx")
        #expect(root.name == "tbx")
        #expect(root.namespace == XLIFFNamespace.tbx)
        #expect(root.attribute("type") == "TBX-Basic")
        #expect(root.attribute("style") == "dca")
        let entries = root.descendants(named: "conceptEntry")
        #expect(entries.map { $0.attribute("id") } == ["c-dc", "c-ai", "c-gov"])
        let ai = entries[1].elements(named: "langSec")
        #expect(ai.map { $0.attribute("lang", namespace: XMLTree.xmlNamespace) } == ["de-DE", "en-GB"])
        #expect(ai[0].descendants(named: "term").map(\.textContent) == ["KI", "künstliche Intelligenz"])
        #expect(ai[0].descendants(named: "termNote").filter { $0.attribute("type") == "partOfSpeech" }.map(\.textContent) == ["noun", "noun"])
        let context = ai[0].descendants(named: "descrip").first { $0.attribute("type") == "context" }
        #expect(context?.textContent == "Rechenzentren für die KI")
        let dc = entries[0].elements(named: "langSec")[1].elements(named: "termSec")
        #expect(dc.map { $0.firstElement(named: "term")!.textContent } == ["data centre", "computing centre"])
        #expect(dc.map { $0.firstElement(named: "termNote")!.textContent } == ["preferredTerm-admn-sts", "deprecatedTerm-admn-sts"])
        let gov = entries[2].descendants(named: "termNote").first { $0.attribute("type") == "partOfSpeech" }
        #expect(gov?.textContent == "noun", "TBX v3's TBX-Basic has no properNoun")
    }

    @Test func aBatchMergesConceptsAcrossDocuments() throws {
        let documents = try (0..<2).map { try ExportedDocument(SampleDocuments.annotated(id: "d\($0)", ordinal: $0), options: XLIFFOptions()) }
        let root = try SafeXMLReader.parse(try Self.writer.write(documents), fileName: "batch.tbx")
        #expect(root.descendants(named: "conceptEntry").count == 3)
        #expect(root.descendants(named: "title").first?.textContent == "Terms used in 2 documents (de-DE → en-GB)")
    }

    @Test(arguments: [("c-dc", "c-dc"), ("42", "c-42"), ("Käse 1", "K_se_1"), ("-x", "c--x")])
    func conceptIdsBecomeXMLNames(_ conceptID: String, _ expected: String) {
        var used: Set<String> = []
        #expect(TBXWriter.uniqueID(conceptID, in: &used) == expected)
        #expect(TBXWriter.uniqueID(conceptID, in: &used) == expected + "-2")
    }

    @Test(arguments: [("noun", "noun"), ("N", "noun"), ("proper noun", "properNoun"), ("adj", "adjective"), ("phrase", "other")])
    func partsOfSpeechUseTheTBXBasic2008Values(_ given: String, _ expected: String) {
        #expect(TBXWriter.partOfSpeech(given, dialect: .martif) == expected)
        #expect(TBXBasic2008.partsOfSpeech.contains(expected))
    }

    @Test(arguments: [("proper noun", "noun"), ("Eigenname", "noun"), ("verb", "verb"), ("", nil)] as [(String, String?)])
    func partsOfSpeechInV3AvoidProperNoun(_ given: String, _ expected: String?) {
        #expect(TBXWriter.partOfSpeech(given, dialect: .v3) == expected)
    }
}
