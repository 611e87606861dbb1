import Foundation
import Testing
import ZIPFoundation
@testable import PipelineCore

/// Word documents: the text as Word shows it, runs' formatting as codes, bounded unzipping, and the
/// file written back as a zip that differs only in the text of its runs.
@Suite struct DOCXFormatTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    static let documentXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(w)><w:body>
        <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Chipfabrik braucht Wasser</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Der Plan</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">Die Fabrik braucht </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>viel Wasser</w:t></w:r><w:r><w:t xml:space="preserve"> &amp; Strom.</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve"> Sagt der </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>Verband</w:t></w:r></w:hyperlink><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">Es kostet </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>zehn</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>zwanzig</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> Millionen</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> Euro</w:t></w:r><w:r><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ort</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Menge</w:t></w:r><w:r><w:tab/><w:t>viel</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p/>
        <w:sectPr/></w:body></w:document>
        """

    static let footnotesXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:footnotes \(w)><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Laut Angaben der Stadt.</w:t></w:r></w:p></w:footnote></w:footnotes>
        """

    static let stylesXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <w:styles \(w)><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style></w:styles>
        """

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>
        """

    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """

    static let documentRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/verband" TargetMode="External"/></Relationships>
        """

    /// A zip of our own parts.
    static func zip(_ entries: [(String, Data)], compression: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static func wordFile(document: String = documentXML) throws -> Data {
        try zip([
            ("[Content_Types].xml", Data(contentTypes.utf8)), ("_rels/.rels", Data(rootRels.utf8)),
            ("word/_rels/document.xml.rels", Data(documentRels.utf8)), ("word/document.xml", Data(document.utf8)),
            ("word/styles.xml", Data(stylesXML.utf8)), ("word/footnotes.xml", Data(footnotesXML.utf8)),
        ])
    }

    /// The data written to a file of its own, since `write` reads the original zip again.
    static func file(_ data: Data, name: String = "chipfabrik.docx") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try data.write(to: file)
        return file
    }

    static func read(_ data: Data) throws -> Document {
        let file = try file(data)
        return try DOCXFormat.document(from: data, id: "chipfabrik", file: file)
    }

    static func entries(of data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var result: [String: Data] = [:]
        for entry in archive {
            var contents = Data()
            _ = try archive.extract(entry) { contents.append($0) }
            result[entry.path] = contents
        }
        return result
    }

    @Test func theTextIsWhatWordShows() throws {
        let document = try Self.read(try Self.wordFile())
        #expect(document.text.components(separatedBy: "\n\n") == [
            "Chipfabrik braucht Wasser", "Der Plan",
            "Die Fabrik braucht viel Wasser & Strom. Sagt der Verband.",
            "Es kostet zwanzig Millionen Euro.",
            "Ort", "Menge\tviel",
            "Laut Angaben der Stadt.",
        ])
        #expect(document.title == "Chipfabrik braucht Wasser")
        #expect(!document.text.contains("zehn"))
    }

    @Test func boldItalicAndLinkedRunsAreCodes() throws {
        let document = try Self.read(try Self.wordFile())
        let bold = try #require(document.codes.first { $0.role == .bold && $0.kind == .opening })
        #expect(bold.original == "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>" && bold.deletable)
        let close = try #require(document.codes.first { $0.id == bold.id && $0.kind == .closing })
        #expect(document.text.slice(TextSpan(start: bold.offset, end: close.offset)) == "viel Wasser")
        let link = try #require(document.codes.first { $0.role == .link && $0.kind == .opening })
        #expect(link.original.contains("<w:hyperlink r:id=\"rId9\">") && !link.deletable)
        #expect(document.codes.contains { $0.role == .italic })
    }

    @Test func headingStylesByNameGiveTheTitleWithoutATitleStyle() throws {
        let document = try Self.read(try Self.wordFile(document: Self.documentXML.replacingOccurrences(of: "w:val=\"Title\"", with: "w:val=\"Normal\"")))
        #expect(document.title == "Der Plan")
    }

    @Test func withoutTranslationsEveryEntryComesBackByteForByte() throws {
        let original = try Self.wordFile()
        let document = try Self.read(original)
        let written = try DOCXFormat().write(TranslatedDocument(document: document, replacements: []))
        #expect(try Self.entries(of: written) == Self.entries(of: original))
    }

    @Test func translatedRunsChangeOnlyTheirText() throws {
        let original = try Self.wordFile()
        let document = try Self.read(original)
        let translations = ["Chip factory needs water", "The plan", "The factory needs a lot of water & power. Says the association.",
                            "It costs twenty million euros.", "Place", "Amount\tmuch", "According to the city."]
        var replacements: [TranslatedDocument.Replacement] = []
        var start = 0
        for (block, translation) in Swift.zip(document.text.components(separatedBy: "\n\n"), translations) {
            replacements.append(.init(span: TextSpan(start: start, end: start + block.utf8.count), text: translation))
            start += block.utf8.count + 2
        }
        let written = try DOCXFormat().write(TranslatedDocument(document: document, replacements: replacements))
        let before = try Self.entries(of: original)
        let after = try Self.entries(of: written)
        #expect(Set(after.keys) == Set(before.keys))
        for (path, data) in before where path != "word/document.xml" && path != "word/footnotes.xml" { #expect(after[path] == data, "\(path)") }
        let again = try Self.read(written)
        #expect(again.text.components(separatedBy: "\n\n") == translations)
        #expect(again.codes.map(\.original) == document.codes.map(\.original))
        // Everything outside the runs' text is as it was.
        let strip = { (xml: String) in xml.replacing(/<w:t( [^>]*)?>[^<]*<\/w:t>/, with: "T") }
        #expect(strip(String(decoding: after["word/document.xml"]!, as: UTF8.self)) == strip(Self.documentXML))
        try Self.checkWithPythonDOCX(written, paragraphs: ["Chip factory needs water", "The plan"], bold: true)
    }

    @Test func spacesAtTheEdgeOfARunAreKept() throws {
        let document = try Self.read(try Self.wordFile())
        let start = try #require(document.text.utf8.firstRange(of: "Ort".utf8)).lowerBound
        let offset = document.text.utf8.distance(from: document.text.utf8.startIndex, to: start)
        let written = try DOCXFormat().write(TranslatedDocument(
            document: document, replacements: [.init(span: TextSpan(start: offset, end: offset + 3), text: " Place ")]))
        let xml = String(decoding: try #require(try Self.entries(of: written)["word/document.xml"]), as: UTF8.self)
        #expect(xml.contains("<w:t xml:space=\"preserve\"> Place </w:t>"))
    }

    /// python-docx opens the file and finds the paragraphs and the bold run; skipped without it.
    static func checkWithPythonDOCX(_ data: Data, paragraphs: [String], bold: Bool) throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import docx"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return print("python3 is not installed: python-docx check skipped") }
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { return print("python-docx is not installed (pip install python-docx): check skipped") }
        let file = try file(data, name: "check.docx")
        let script = """
            import docx, sys, json
            d = docx.Document(sys.argv[1])
            print(json.dumps({"paragraphs": [p.text for p in d.paragraphs], "bold": any(r.bold for p in d.paragraphs for r in p.runs)}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let result = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        let found = try #require(result["paragraphs"] as? [String])
        #expect(Array(found.prefix(paragraphs.count)) == paragraphs)
        #expect(result["bold"] as? Bool == bold)
    }

    @Test func badFilesAreClearErrorsNamingTheFile() throws {
        let bomb = Data(repeating: 0x20, count: 3 * 1024 * 1024)
        var cases: [(Data, String)] = [
            (Data("kein zip".utf8), "not a zip archive"),
            (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "encrypted or legacy"),
            (try Self.wordFile().prefix(200), "damaged or truncated"),
            (try Self.zip([("word/styles.xml", Data(Self.stylesXML.utf8))]), "has no word/document.xml"),
            (try Self.zip([("word/document.xml", bomb)]), "zip bomb"),
            (try Self.zip([("word/document.xml", Data("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><w:document \(Self.w)/>".utf8))]), "DOCTYPE"),
            (try Self.zip([("word/document.xml", Data("<w:document \(Self.w)><w:body><w:p>".utf8))]), "word/document.xml"),
        ]
        // A central directory that claims more compressed bytes than the zip has (found by fuzz-docx: a hang).
        var lying = try Self.zip([("word/document.xml", Data(Self.documentXML.utf8))])
        let header = try #require(lying.firstRange(of: Data([0x50, 0x4B, 0x01, 0x02]))).lowerBound
        lying.replaceSubrange(header + 20..<header + 24, with: [0x00, 0x00, 0xDB, 0x7E])
        cases.append((lying, "compressed bytes in a zip of"))
        for (data, message) in cases {
            let file = try Self.file(data, name: "kaputt.docx")
            do {
                _ = try DOCXFormat.document(from: data, id: "kaputt", file: file)
                Issue.record("read: \(message)")
            } catch {
                let description = error.errorDescription ?? ""
                #expect(description.contains("kaputt.docx") && description.contains(message), "\(description)")
            }
        }
    }

    @Test func tooManyEntriesAreRefused() throws {
        let entries = (0...DOCXArchive.maximumEntries).map { ("x/\($0).xml", Data()) }
        let data = try Self.zip(entries, compression: .none)
        let file = try Self.file(data, name: "viele.docx")
        #expect(throws: InputError.malformed(path: file.path, reason: "more than \(DOCXArchive.maximumEntries) entries in the zip archive")) {
            _ = try DOCXArchive(data: data, path: file.path)
        }
    }
}
