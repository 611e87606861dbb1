import Foundation
import Testing
@testable import XLIFF
@testable import XML

/// Hostile and broken files: each gets a clear error, and libxml2 reads nothing from disk or network.
@Suite(.serialized) struct XLIFFReaderSafetyTests {
    /// A file the payloads try to read; its content must never show up anywhere.
    static let secret: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xliff-reader-secret-\(getpid()).txt")
        try? "TOP-SECRET-CANARY".write(to: url, atomically: true, encoding: .utf8)
        return url
    }()

    static let xliffOpen = #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de-DE" trgLang="en-GB">"#

    struct Payload: CustomTestStringConvertible, Sendable {
        let name: String
        let xml: String
        var testDescription: String { name }
    }

    static let payloads: [Payload] = [
        Payload(name: "XXE external general entity", xml: """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
            \(xliffOpen)<file id="f1"><unit id="u1"><segment><source>&xxe;</source></segment></unit></file></xliff>
            """),
        Payload(name: "XXE external parameter entity", xml: """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [<!ENTITY % remote SYSTEM "file://\(secret.path)"> %remote;]>
            \(xliffOpen)<file id="f1"><unit id="u1"><segment><source>x</source></segment></unit></file></xliff>
            """),
        Payload(name: "external DTD over the network", xml: """
            <?xml version="1.0"?>
            <!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/evil.dtd">
            \(xliffOpen)<file id="f1"><unit id="u1"><segment><source>x</source></segment></unit></file></xliff>
            """),
        Payload(name: "billion laughs", xml: """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [
              <!ENTITY a "haha">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
              <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
              <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
              <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
              <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
            ]>
            \(xliffOpen)<file id="f1"><unit id="u1"><segment><source>&i;</source></segment></unit></file></xliff>
            """),
        Payload(name: "plain DOCTYPE", xml: """
            <?xml version="1.0"?>
            <!DOCTYPE xliff>
            \(xliffOpen)<file id="f1"><unit id="u1"><segment><source>x</source></segment></unit></file></xliff>
            """),
    ]

    /// A DOCTYPE that declares anything is refused; one that only names an external DTD is ignored
    /// (one policy for every XML reader: TBX 2008, TMX and XLIFF files from tools carry such names).
    /// Either way nothing is loaded.
    @Test(arguments: payloads)
    func hostileFilesAreRefusedOrIgnoredAndReadNothing(_ payload: Payload) throws {
        let before = EntityLoaderPolicy.requests.count
        let declares = payload.xml.contains("<!ENTITY")
        do {
            let returned = try XLIFFReader.parse(Data(payload.xml.utf8), fileName: "hostile.xlf")
            #expect(!declares, "a DOCTYPE with declarations must be refused")
            #expect(returned.files.flatMap(\.units).flatMap(\.segments).map(\.source) == ["x"])
        } catch {
            #expect(declares, "only declarations are refused: \(error)")
            let description = error.localizedDescription
            #expect(description.hasPrefix("hostile.xlf:"), "the error names the file: \(description)")
            #expect(!description.contains("TOP-SECRET-CANARY"))
        }
        // Whatever libxml2 asked the loader for was refused.
        let asked = EntityLoaderPolicy.requests.dropFirst(before)
            .filter { $0.url.contains("xliff-reader-secret") || $0.url.hasPrefix("http") }
        #expect(asked.allSatisfy { !$0.allowed })
        _ = Self.secret
    }

    /// libxml2 does not even ask for the entities above with our parse options; this shows the
    /// loader's own refusal, through the one path that does load files: schema imports.
    @Test func theLoaderRefusesFilesOutsideTrustedFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xliff-loader-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = folder.appendingPathComponent("main.xsd")
        try """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="\(Self.secret.path)"/>
            </xs:schema>
            """.write(to: schema, atomically: true, encoding: .utf8)
        #expect(throws: XMLSchemaError.self) { try XMLSchemaValidator(schemaFile: schema, importsUnder: folder) }
        let asked = EntityLoaderPolicy.requests.filter { $0.url.contains("xliff-reader-secret") }
        #expect(!asked.isEmpty)
        #expect(asked.allSatisfy { !$0.allowed })
    }

    /// Older formats (TBX 2008) name an external DTD; that DOCTYPE may be ignored, never one that declares.
    @Test func ignoringExternalReferencesStillRefusesDeclarations() throws {
        let external = #"<?xml version="1.0"?><!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd"><martif/>"#
        #expect(try SafeXMLReader.parse(Data(external.utf8), fileName: "old.tbx", doctype: .ignoreExternalReference).name == "martif")
        for payload in Self.payloads where payload.xml.contains("<!ENTITY") {
            #expect(throws: XMLReadError.self) {
                try SafeXMLReader.parse(Data(payload.xml.utf8), fileName: "hostile.tbx", doctype: .ignoreExternalReference)
            }
        }
    }

    @Test func aDoctypeIsNamedInTheError() {
        #expect(throws: XLIFFImportError.xml(.doctypeForbidden(file: "hostile.xlf", line: 2))) {
            try XLIFFReader.parse(Data(Self.payloads[0].xml.utf8), fileName: "hostile.xlf")
        }
    }

    @Test(arguments: XLIFFVersion.allCases)
    func aTruncatedFileIsNotWellFormed(_ version: XLIFFVersion) throws {
        let data = try Export.write(XLIFFOptions(version: version))
        let truncated = data.prefix(data.count / 2)
        #expect {
            try XLIFFReader.parse(truncated, fileName: "cut.xlf")
        } throws: { error in
            guard case XLIFFImportError.xml(.notWellFormed(let file, let line, _)) = error else { return false }
            return file == "cut.xlf" && line > 1
        }
    }

    @Test func anEmptyFileIsNotWellFormed() {
        #expect(throws: XLIFFImportError.xml(.notWellFormed(file: "empty.xlf", line: 1, message: "the file is empty"))) {
            try XLIFFReader.parse(Data(), fileName: "empty.xlf")
        }
    }

    @Test func aFileOverTheSizeBoundIsRefusedBeforeParsing() throws {
        let data = try Export.write(XLIFFOptions())
        #expect(throws: XLIFFImportError.xml(.tooLarge(file: "big.xlf", bytes: data.count, limit: 1000))) {
            try XLIFFReader.parse(data, fileName: "big.xlf", maximumBytes: 1000)
        }
    }

    @Test func malformedUTF8IsRefused() {
        var bytes = Array("\(Self.xliffOpen)<file id=\"f1\"><unit id=\"u1\"><segment><source>".utf8)
        bytes += [0xC3, 0x28] // a lead byte followed by a non-continuation byte
        bytes += Array("</source></segment></unit></file></xliff>".utf8)
        #expect(throws: XLIFFImportError.self) { try XLIFFReader.parse(Data(bytes), fileName: "bad.xlf") }
    }

    @Test func somethingElseThanXLIFFIsNamed() {
        #expect(throws: XLIFFImportError.notXLIFF(file: "tmx.xml", root: "tmx", namespace: nil)) {
            try XLIFFReader.parse(Data(#"<tmx version="1.4"><body/></tmx>"#.utf8), fileName: "tmx.xml")
        }
    }
}
