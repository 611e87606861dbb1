import Foundation
import PipelineCore
import Testing
import XML
import TestSupport
@testable import Leverage

@Suite struct TMXReaderTests {
    static let languages = DocumentFixture.languages

    static func tmx(_ body: String, prolog: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") -> Data {
        Data("""
        \(prolog)<tmx version="1.4">
        <header creationtool="tests" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="de-DE" datatype="plaintext"/>
        <body>
        \(body)
        </body>
        </tmx>
        """.utf8)
    }

    @Test func readsUnitsForTheLanguagePair() throws {
        let data = Self.tmx("""
        <tu tuid="1"><tuv xml:lang="de-DE"><seg>Der Chip ist schnell.</seg></tuv><tuv xml:lang="en-GB"><seg>The chip is fast.</seg></tuv></tu>
        <tu tuid="2"><tuv xml:lang="de"><seg>Nur Deutsch.</seg></tuv><tuv xml:lang="fr-FR"><seg>Seulement français.</seg></tuv></tu>
        <tu tuid="3"><tuv xml:lang="en-US"><seg>The data center.</seg></tuv><tuv xml:lang="en-GB"><seg>The data centre.</seg></tuv><tuv xml:lang="DE-de"><seg>Das Rechenzentrum.</seg></tuv></tu>
        """)
        let units = try TMXReader.parse(data, fileName: "memory.tmx", languages: Self.languages)
        #expect(units.map(\.source) == ["Der Chip ist schnell.", "Das Rechenzentrum."])
        // An exact tag match beats a match of the language alone.
        #expect(units.map(\.target) == ["The chip is fast.", "The data centre."])
        #expect(units.map(\.line) == [5, 7])
        #expect(units.allSatisfy { $0.file == "memory.tmx" })
    }

    @Test func readsTheOtherDirectionToo() throws {
        let data = Self.tmx("""
        <tu><tuv xml:lang="de-DE"><seg>Der Chip.</seg></tuv><tuv xml:lang="en-GB"><seg>The chip.</seg></tuv></tu>
        """)
        let reversed = LanguagePair(source: LanguageTag("en-GB")!, target: LanguageTag("de-DE")!)
        let units = try TMXReader.parse(data, fileName: "memory.tmx", languages: reversed)
        #expect(units.map(\.source) == ["The chip."])
        #expect(units.map(\.target) == ["Der Chip."])
    }

    @Test func inlineCodesAreDroppedAndHighlightsKept() throws {
        let data = Self.tmx("""
        <tu><tuv xml:lang="de-DE"><seg>Ein <bpt i="1">&lt;b&gt;</bpt>fetter<ept i="1">&lt;/b&gt;</ept> und <hi>wichtiger</hi>   Satz.<ph>&lt;br/&gt;</ph></seg></tuv>
        <tuv xml:lang="en-GB"><seg>A bold and important sentence.</seg></tuv></tu>
        """)
        let units = try TMXReader.parse(data, fileName: "memory.tmx", languages: Self.languages)
        #expect(units.map(\.source) == ["Ein fetter und wichtiger Satz."])
    }

    @Test func badXMLNamesFileAndLine() {
        let data = Self.tmx("<tu><tuv xml:lang=\"de-DE\"><seg>Chips & Rechenzentren</seg></tuv></tu>")
        #expect {
            try TMXReader.parse(data, fileName: "broken.tmx", languages: Self.languages)
        } throws: { error in
            guard case .xml(.notWellFormed(let file, let line, _)) = error as? TMXError else { return false }
            return file == "broken.tmx" && line == 5
                && error.localizedDescription.hasPrefix("broken.tmx:5: not well-formed XML")
        }
    }

    @Test func doctypeIsRefused() {
        let data = Self.tmx(
            "<tu><tuv xml:lang=\"de-DE\"><seg>&xxe;</seg></tuv></tu>",
            prolog: "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n")
        #expect {
            try TMXReader.parse(data, fileName: "evil.tmx", languages: Self.languages)
        } throws: { error in
            guard case .xml(.doctypeForbidden(let file, _)) = error as? TMXError else { return false }
            return file == "evil.tmx" && error.localizedDescription.contains("DOCTYPE is not allowed")
        }
    }

    @Test func otherXMLIsNotTMX() {
        #expect(throws: TMXError.notTMX(file: "x.xml", line: 1, root: "xliff")) {
            try TMXReader.parse(Data("<xliff version=\"1.2\"/>".utf8), fileName: "x.xml", languages: Self.languages)
        }
    }

    @Test func aVariantWithoutSegmentIsMalformed() {
        let data = Self.tmx("<tu><tuv xml:lang=\"de-DE\"><note>kein Segment</note></tuv></tu>")
        #expect(throws: TMXError.malformed(file: "m.tmx", line: 5, problem: "<tuv xml:lang=\"de-DE\"> has no <seg>")) {
            try TMXReader.parse(data, fileName: "m.tmx", languages: Self.languages)
        }
    }

    @Test func foldersContributeTheirTMXFilesInPathOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tmx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, word) in [("b.tmx", "Zwei"), ("a.tmx", "Eins"), ("c.txt", "Drei")] {
            try Self.tmx("<tu><tuv xml:lang=\"de-DE\"><seg>\(word).</seg></tuv><tuv xml:lang=\"en-GB\"><seg>\(word)!</seg></tuv></tu>")
                .write(to: folder.appendingPathComponent(name))
        }
        let memory = try TranslationMemory.load([folder], languages: Self.languages)
        #expect(memory.units.map(\.source) == ["Eins.", "Zwei."])
        #expect(throws: TMXError.xml(.unreadable(file: folder.appendingPathComponent("none.tmx").path, reason: "no such file or folder"))) {
            try TranslationMemory.load([folder.appendingPathComponent("none.tmx")], languages: Self.languages)
        }
    }

    /// The memory bundled with the samples must load with the sample pipeline's languages.
    @Test func theBundledMemoryLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("Samples/memory.tmx")
        let memory = try TranslationMemory.load([file], languages: Self.languages)
        // Every unit has a German and an English variant.
        let units = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "<tu ").count - 1
        #expect(memory.units.count == units && units > 0)
        #expect(memory.units.allSatisfy { !$0.source.isEmpty && !$0.target.isEmpty })
    }

    @Test func aMemoryInOtherLanguagesIsWarnedAbout() throws {
        var warnings: [String] = []
        let units = try TMXReader.parse(Self.tmx("""
            <tu><tuv xml:lang="fr-FR"><seg>Bonjour.</seg></tuv><tuv xml:lang="en-GB"><seg>Hello.</seg></tuv></tu>
            """), fileName: "fr.tmx", languages: Self.languages)
        #expect(units.isEmpty)
        _ = try TMXReader.units(
            in: SafeXMLReader.parse(Self.tmx("<tu><tuv xml:lang=\"fr-FR\"><seg>Bonjour.</seg></tuv><tuv xml:lang=\"en-GB\"><seg>Hello.</seg></tuv></tu>"), fileName: "fr.tmx"),
            file: "fr.tmx", languages: Self.languages) { warnings.append($0) }
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("fr.tmx:") == true)
        #expect(warnings.first?.contains("none of its 1 units has both de-DE and en-GB (it holds en-GB, fr-FR)") == true, "\(warnings)")
    }
}
