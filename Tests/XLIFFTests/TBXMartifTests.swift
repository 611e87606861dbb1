import Foundation
import PipelineCore
import Testing
@testable import XLIFF
@testable import XML

/// The TBX-Basic 2008 rules a `martif` file must keep, as the TBX-Basic specification (LISA, 2008:
/// core structure `TBXBasiccoreStructV02`, data categories `TBXBasicXCSV02.xcs`) states them; the RNG
/// and schematron are not available offline, so these checks stand in for them.
enum TBXBasic2008 {
    static let partsOfSpeech: Set<String> = ["noun", "verb", "adjective", "adverb", "properNoun", "other"]
    static let administrativeStatus: Set<String> = [
        "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts",
    ]
    /// Term-level data categories of TBX-Basic and where they may stand.
    static let termNotes: Set<String> = ["partOfSpeech", "administrativeStatus", "termType", "grammaticalGender", "geographicalUsage", "termLocation"]
    static let termDescrips: Set<String> = ["context"]

    /// Every breach of the rules, as readable findings; none for a valid file.
    static func findings(_ root: XMLTree.Element) -> [String] {
        var found: [String] = []
        if root.name != "martif" || root.namespace != nil { found.append("root is \(root.name) in \(root.namespace ?? "no namespace"), not martif") }
        if root.attribute("type") != "TBX-Basic" { found.append("martif/@type is not TBX-Basic") }
        if root.attribute("lang", namespace: XMLTree.xmlNamespace) == nil { found.append("martif has no xml:lang") }
        if root.elements.map(\.name) != ["martifHeader", "text"] { found.append("martif holds \(root.elements.map(\.name)), not martifHeader, text") }
        let header = root.firstElement(named: "martifHeader")
        let fileDesc = header?.firstElement(named: "fileDesc")
        let descNames = fileDesc?.elements.map(\.name) ?? []
        let expectedOrder = descNames.filter { $0 == "titleStmt" } + descNames.filter { $0 == "publicationStmt" } + descNames.filter { $0 == "sourceDesc" }
        if descNames.isEmpty || descNames != expectedOrder || !descNames.contains("sourceDesc") {
            found.append("fileDesc holds \(descNames), not (titleStmt?, publicationStmt?, sourceDesc+)")
        }
        let xcs = header?.firstElement(named: "encodingDesc")?.elements(named: "p").first { $0.attribute("type") == "XCSURI" }
        if xcs?.textContent != "TBXBasicXCSV02.xcs" { found.append("encodingDesc names no TBX-Basic XCS") }
        let body = root.firstElement(named: "text")?.firstElement(named: "body")
        if body == nil { found.append("no text/body") }
        var ids: Set<String> = []
        for entry in body?.elements ?? [] {
            guard entry.name == "termEntry" else { found.append("body holds \(entry.name)"); continue }
            guard let id = entry.attribute("id"), ids.insert(id).inserted else { found.append("termEntry without a unique id"); continue }
            let langSets = entry.elements(named: "langSet")
            if langSets.isEmpty { found.append("\(id): no langSet") }
            for langSet in langSets {
                guard langSet.attribute("lang", namespace: XMLTree.xmlNamespace) != nil else { found.append("\(id): langSet without xml:lang"); continue }
                if langSet.elements(named: "tig").isEmpty { found.append("\(id): langSet without tig") }
                for tig in langSet.elements(named: "tig") { found += tigFindings(tig, entry: id) }
            }
        }
        return found
    }

    /// A `tig` is `term`, then `termNote`s, then auxiliary information (`descrip`, `note`, …).
    private static func tigFindings(_ tig: XMLTree.Element, entry: String) -> [String] {
        var found: [String] = []
        let names = tig.elements.map(\.name)
        guard names.first == "term", names.filter({ $0 == "term" }).count == 1 else { return ["\(entry): tig does not start with one term: \(names)"] }
        let rest = names.dropFirst()
        if let firstAux = rest.firstIndex(where: { $0 != "termNote" }), rest[firstAux...].contains("termNote") {
            found.append("\(entry): termNote after auxiliary information")
        }
        if tig.firstElement(named: "term")?.textContent.isEmpty ?? true { found.append("\(entry): empty term") }
        for note in tig.elements(named: "termNote") {
            let type = note.attribute("type") ?? ""
            if !termNotes.contains(type) { found.append("\(entry): termNote type \(type) is not TBX-Basic") }
            if type == "partOfSpeech", !partsOfSpeech.contains(note.textContent) { found.append("\(entry): partOfSpeech \(note.textContent)") }
            if type == "administrativeStatus", !administrativeStatus.contains(note.textContent) {
                found.append("\(entry): administrativeStatus \(note.textContent)")
            }
        }
        for descrip in tig.elements(named: "descrip") where !termDescrips.contains(descrip.attribute("type") ?? "") {
            found.append("\(entry): descrip type \(descrip.attribute("type") ?? "") at term level")
        }
        return found
    }
}

@Suite struct TBXMartifTests {
    static let writer = TBXWriter(languages: SampleDocuments.languages, provenance: "pipeline test", dialect: .martif)

    static func written(_ count: Int = 1) throws -> XMLTree.Element {
        let documents = try (0..<count).map {
            try ExportedDocument(SampleDocuments.annotated(id: "d\($0)", ordinal: $0), options: XLIFFOptions())
        }
        return try SafeXMLReader.parse(try writer.write(documents), fileName: "terms.martif.tbx")
    }

    @Test func theTermBaseKeepsTheTBXBasic2008Rules() throws {
        let root = try Self.written()
        #expect(TBXBasic2008.findings(root) == [])
        #expect(root.descendants(named: "title").first?.textContent == "Terms used in “Rechenzentren für die KI” (de-DE → en-GB)")
    }

    @Test func conceptsCarryTermsStatusPartOfSpeechAndContext() throws {
        let entries = try Self.written().descendants(named: "termEntry")
        #expect(entries.map { $0.attribute("id") } == ["c-dc", "c-ai", "c-gov"])
        let ai = entries[1].elements(named: "langSet")
        #expect(ai.map { $0.attribute("lang", namespace: XMLTree.xmlNamespace) } == ["de-DE", "en-GB"])
        #expect(ai[0].descendants(named: "term").map(\.textContent) == ["KI", "künstliche Intelligenz"])
        #expect(ai[0].descendants(named: "descrip").map(\.textContent) == ["Rechenzentren für die KI", "Rechenzentren für die KI"])
        #expect(ai[1].descendants(named: "term").map(\.textContent) == ["AI"])
        let dc = entries[0].elements(named: "langSet")[1].elements(named: "tig")
        #expect(dc.map { $0.firstElement(named: "term")!.textContent } == ["data centre"], "OmegaT would offer a deprecated term")
        let status = dc.map { $0.elements(named: "termNote").first { $0.attribute("type") == "administrativeStatus" }?.textContent }
        #expect(status == ["preferredTerm-admn-sts"])
        #expect(dc.first?.firstElement(named: "note")?.textContent == "Avoid: computing centre")
        let gov = entries[2].descendants(named: "termNote").filter { $0.attribute("type") == "partOfSpeech" }.map(\.textContent)
        #expect(gov == ["properNoun", "properNoun"], "2008's list has properNoun, for source and target term")
    }

    @Test func aBatchMergesConceptsOnce() throws {
        let root = try Self.written(3)
        #expect(root.descendants(named: "termEntry").count == 3)
        #expect(TBXBasic2008.findings(root) == [])
    }

    /// The checks themselves: each rule catches its breach.
    @Test(arguments: [
        (#"<tbx type="TBX-Basic" xml:lang="en"/>"#, "root is tbx"),
        (#"<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc><titleStmt><title>t</title></titleStmt></fileDesc></martifHeader><text><body/></text></martif>"#, "fileDesc holds"),
        (#"<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc><encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc></martifHeader><text><body><termEntry id="a"><langSet xml:lang="de"><tig><term>x</term><termNote type="partOfSpeech">Name</termNote></tig></langSet></termEntry></body></text></martif>"#, "a: partOfSpeech Name"),
        (#"<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc><encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc></martifHeader><text><body><termEntry id="a"><langSet xml:lang="de"><tig><term>x</term><descrip type="context">c</descrip><termNote type="partOfSpeech">noun</termNote></tig></langSet></termEntry></body></text></martif>"#, "a: termNote after auxiliary information"),
        (#"<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc><encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc></martifHeader><text><body><termEntry id="a"><langSet xml:lang="de"><tig><term>x</term></tig></langSet></termEntry><termEntry id="a"><langSet xml:lang="de"><tig><term>y</term></tig></langSet></termEntry></body></text></martif>"#, "termEntry without a unique id"),
    ])
    func theChecksCatchBreaches(_ xml: String, _ expected: String) throws {
        let findings = TBXBasic2008.findings(try SafeXMLReader.parse(Data(xml.utf8), fileName: "bad.tbx"))
        #expect(findings.contains { $0.hasPrefix(expected) }, "\(findings)")
    }
}
