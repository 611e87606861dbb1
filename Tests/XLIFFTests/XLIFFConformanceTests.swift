import Foundation
import Testing
@testable import XLIFF

/// The rules the schemas cannot check, on the OASIS samples in ../shared and on our own cases.
@Suite struct XLIFFConformanceTests {
    static let sharedPresent = SharedFolder.isPresent

    /// Each spec-invalid (but schema-valid) OASIS sample and the rule that must flag it.
    static let specOnly: [(file: String, rule: XLIFFFinding.Rule)] = [
        ("Bad-gls_glossEntry-w-o-translation-or-definition.xlf", .glossEntryIncomplete),
        ("bad_EcBeforeSc.xlf", .endBeforeStart),
        ("bad_FileIdNotUnique.xlf", .duplicateFileID),
        ("bad_InvalidXmlLangOnFile.xlf", .sourceLanguageMismatch),
        ("bad_NoTrgLang.xlf", .missingTargetLanguage),
        ("bad_SegmentIdNotUnique.xlf", .duplicateSegmentID),
        ("bad_WrongLangOnTarget.xlf", .targetLanguageMismatch),
    ]

    @Test(.enabled(if: sharedPresent, "needs ../shared (schemas and test data beside the project; CI has it): skipped"))
    func everySpecOnlySampleIsFlaggedByItsRule() throws {
        let files = SharedFolder.samples("2.x/invalid-spec-only")
        #expect(Set(files.map(\.lastPathComponent)) == Set(Self.specOnly.map(\.file)), "a sample without an expectation")
        for (name, rule) in Self.specOnly {
            let url = files.first { $0.lastPathComponent == name }!
            let findings = try XLIFFReader.read(contentsOf: url).findings
            #expect(findings.map(\.rule).contains(rule), "\(name): \(findings)")
            #expect(findings.allSatisfy { $0.file == url.path && $0.line > 0 })
        }
    }

    @Test(.enabled(if: sharedPresent, "needs ../shared (schemas and test data beside the project; CI has it): skipped"), arguments: ["2.x/valid", "1.2/valid"])
    func validSamplesHaveNoFindings(_ folder: String) throws {
        let files = SharedFolder.samples(folder)
        #expect(!files.isEmpty)
        for url in files {
            let findings = try XLIFFReader.read(contentsOf: url).findings
            #expect(findings.isEmpty, "\(url.lastPathComponent): \(findings)")
        }
    }

    @Test(.enabled(if: sharedPresent, "needs ../shared (schemas and test data beside the project; CI has it): skipped"))
    func duplicateTransUnitIdsIn12AreFlagged() throws {
        let url = SharedFolder.samples("1.2/invalid").first { $0.lastPathComponent == "SF-12-Test01.xlf" }!
        #expect(try XLIFFReader.read(contentsOf: url).findings.map(\.rule).contains(.duplicateUnitID))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let unit: String
        let rule: XLIFFFinding.Rule
        var testDescription: String { name }
    }

    /// Units that break one rule each, inside an otherwise correct file.
    static let cases: [Case] = [
        Case(name: "ec without any sc", unit: #"<segment><source>a<ec startRef="9"/></source></segment>"#, rule: .endWithoutStart),
        Case(name: "em before sm", unit: #"<segment><source><em startRef="m1"/>a<sm id="m1"/></source></segment>"#, rule: .endBeforeStart),
        Case(name: "inline id equal to a segment id",
             unit: #"<segment id="s1"><source><ph id="s1"/>a</source></segment>"#, rule: .duplicateInlineID),
        Case(name: "order out of range",
             unit: #"<segment><source>a</source><target order="5">b</target></segment>"#, rule: .invalidOrder),
        Case(name: "order used twice",
             unit: #"<segment><source>a</source><target order="1">b</target></segment><segment><source>c</source><target order="1">d</target></segment>"#,
             rule: .invalidOrder),
        Case(name: "subState without state",
             unit: #"<segment subState="x:y"><source>a</source></segment>"#, rule: .subStateWithoutState),
        Case(name: "glossary reference to nothing",
             unit: ##"<gls:glossary><gls:glossEntry ref="#m7"><gls:term>a</gls:term><gls:translation>b</gls:translation></gls:glossEntry></gls:glossary><segment><source>a</source></segment>"##,
             rule: .danglingReference),
        Case(name: "note ids twice",
             unit: #"<notes><note id="n">a</note><note id="n">b</note></notes><segment><source>a</source></segment>"#,
             rule: .duplicateNoteID),
    ]

    @Test(arguments: cases)
    func ownCasesAreFlagged(_ example: Case) throws {
        let xml = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" \
            version="2.1" srcLang="de" trgLang="en"><file id="f1"><unit id="u1">\(example.unit)</unit></file></xliff>
            """
        let findings = try XLIFFReader.parse(Data(xml.utf8), fileName: "case.xlf").findings
        #expect(findings.map(\.rule) == [example.rule], "\(findings)")
    }

    @Test func unitAndGroupIdsShareTheFileScope() throws {
        let xml = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de" trgLang="en"><file id="f1">\
            <group id="x"><unit id="x"><segment><source>a</source></segment></unit></group></file></xliff>
            """
        #expect(try XLIFFReader.parse(Data(xml.utf8), fileName: "ids.xlf").findings.map(\.rule) == [.duplicateUnitID])
    }

    @Test func targetMarkersWithoutSourceIn12AreFlagged() throws {
        let xml = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="d" source-language="de" \
            target-language="en" datatype="plaintext"><body><trans-unit id="p1"><source>A.</source>\
            <seg-source><mrk mtype="seg" mid="s1">A.</mrk></seg-source>\
            <target><mrk mtype="seg" mid="s2">B.</mrk></target></trans-unit></body></file></xliff>
            """
        let findings = try XLIFFReader.parse(Data(xml.utf8), fileName: "mid.xlf").findings
        #expect(findings.map(\.rule) == [.targetMarkerWithoutSource])
        #expect(findings[0].description == "mid.xlf:1: target segment mid 's2' has no counterpart in <seg-source> [target-marker-without-source]")
    }
}
