import Foundation
import Testing
@testable import PipelineCore

@Suite struct DocumentSourceTests {
    let languages = LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!)

    func documents(_ files: [URL], shard: Shard? = nil, template: String = "{stem}") -> [DocumentLoad] {
        let source = FileDocumentSource(files: files, namer: DocumentNamer(template: template, pipelineName: "p", languages: languages))
        return shard.map { Self.drain(ShardedSource(source, shard: $0)) } ?? Self.drain(source)
    }

    static func drain(_ source: some DocumentSource) -> [DocumentLoad] {
        var source = source
        var loads: [DocumentLoad] = []
        while let load = source.next() { loads.append(load) }
        return loads
    }

    @Test(arguments: [
        ("# Die Überschrift\n\nText.", "md", "Die Überschrift", "Die Überschrift\n\nText."),
        ("Vorspann ohne Raute\n# Später\n", "md", "Später", "Vorspann ohne Raute\n\nSpäter"),
        ("\n\nErste Zeile\nZweite", "txt", "Erste Zeile", "\n\nErste Zeile\nZweite"),
        ("# Keine Überschrift in Text\n", "txt", "# Keine Überschrift in Text", "# Keine Überschrift in Text\n"),
    ])
    func titleIsTheFirstHeadingOrLine(text: String, fileExtension: String, title: String, plainText: String) throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("a.\(fileExtension)")
        try text.write(to: file, atomically: true, encoding: .utf8)
        guard case .document(let document) = documents([file]).first else {
            Issue.record("no document")
            return
        }
        #expect(document.title == title)
        // Markdown's text is its plain text: headings without their `#`, blocks a blank line apart.
        #expect(document.text == plainText)
        #expect(document.id == "a")
    }

    @Test func readsJSONLinesRefusesRepeatedIdsAndKeepsNamesUnique() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("batch.jsonl")
        try """
            {"id": "x", "title": "Eins", "text": "Erster.", "source": "Agentur"}

            {"id": "x", "text": "Zweiter Text\\nmit Zeilen."}
            not json
            {"id": 7, "title": "Drei"}
            """.write(to: file, atomically: true, encoding: .utf8)
        let other = folder.appendingPathComponent("more.jsonl")
        try #"{"id": "x", "text": "Zweiter Text\nmit Zeilen."}"#.write(to: other, atomically: true, encoding: .utf8)
        let loads = documents([file, other], template: "{stem}.{target}")
        #expect(loads.count == 5)
        guard case .document(let first) = loads[0], case .document(let fromOtherFile) = loads[4] else {
            Issue.record("expected a document first and last")
            return
        }
        #expect(first.id == "x.en-GB")
        #expect(first.metadata == [MetadataEntry("source", "Agentur")])
        // One id in two files: both kept, the later one named apart.
        #expect(fromOtherFile.id == "x.en-GB-2")
        #expect(fromOtherFile.title == "Zweiter Text")
        guard case .failure(_, let repeated, _) = loads[1], case .failure(let where3, let error3, _) = loads[2],
              case .failure(_, let error4, _) = loads[3] else {
            Issue.record("expected three failures")
            return
        }
        #expect(repeated.localizedDescription.hasSuffix("batch.jsonl:3: id 'x' is already used on line 1; ids must be unique"))
        #expect(where3.hasSuffix("batch.jsonl:4"))
        #expect(error3.localizedDescription.contains("not a JSON object"))
        #expect(error4.localizedDescription.contains(":5: no string field \"text\""))
    }

    @Test(arguments: [(1, ["d0", "d3", "d6"]), (2, ["d1", "d4"]), (3, ["d2", "d5"])])
    func shardsSplitTheBatchDeterministically(index: Int, expected: [String]) throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("batch.jsonl")
        try (0..<7).map { "{\"id\": \"d\($0)\", \"text\": \"T.\"}" }.joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let ids = documents([file], shard: Shard("\(index)/3")).compactMap { load -> String? in
            if case .document(let document) = load { document.id } else { nil }
        }
        #expect(ids == expected)
    }

    @Test(arguments: ["0/3", "4/3", "1", "a/b", "1/0"])
    func rejectsMalformedShards(text: String) {
        #expect(Shard(text) == nil)
    }
}

@Suite struct InputResolverTests {
    @Test func resolvesFilesFoldersAndGlobsInSortedOrder() throws {
        let root = try temporaryFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("in/sub"), withIntermediateDirectories: true)
        for name in ["in/b.md", "in/a.txt", "in/sub/c.txt", "in/skip.pdf", "in/.hidden.txt"] {
            try "x".write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let resolver = InputResolver()
        let names = { (patterns: [String]) in try resolver.resolve(patterns, against: root).map { $0.path.replacingOccurrences(of: root.path + "/", with: "") } }
        #expect(try names(["in"]) == ["in/a.txt", "in/b.md", "in/sub/c.txt"])
        #expect(try names(["in/*.txt"]) == ["in/a.txt"])
        // `**` as a whole folder name matches any number of folders, none included (bash globstar, gitignore);
        // inside a name it is a plain `*`.
        #expect(try names(["in/**/*.txt"]) == ["in/a.txt", "in/sub/c.txt"])
        #expect(try names(["**/c.txt"]) == ["in/sub/c.txt"])
        #expect(try names(["in/**"]) == ["in/a.txt", "in/b.md", "in/sub/c.txt"])
        #expect(try names(["in/**.txt"]) == ["in/a.txt"])
        #expect(try names(["in/*/*.txt"]) == ["in/sub/c.txt"])
        #expect(try names(["in/b.md", "in"]) == ["in/b.md", "in/a.txt", "in/sub/c.txt"])
        #expect(throws: InputError.missing(path: root.appendingPathComponent("nope").path)) { try resolver.resolve(["nope"], against: root) }
        #expect(throws: InputError.noMatch(pattern: "in/*.doc")) { try resolver.resolve(["in/*.doc"], against: root) }
        // The output folder is never read back, however the inputs are written.
        let (files, excluded) = try resolver.resolve(["**/*.txt"], against: root, excluding: root.appendingPathComponent("in/sub"))
        #expect(files.map(\.lastPathComponent) == ["a.txt"])
        #expect(excluded.map(\.lastPathComponent) == ["c.txt"])
    }
}

@Suite struct BlankDocumentTests {
    @Test(arguments: ["", "   \n\n \t\n", "\u{00A0}\u{2003}"])
    func blankFilesAreReportedNotProcessed(text: String) throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("leer.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        var source = FileDocumentSource(
            files: [file],
            namer: DocumentNamer(template: "{stem}", pipelineName: "p", languages: LanguagePair(source: LanguageTag("de")!, target: LanguageTag("en")!)))
        guard case .failure(let place, let error, _) = source.next() else {
            Issue.record("a blank file must not become a document")
            return
        }
        #expect(place == file.path)
        #expect(error.localizedDescription.contains("no text"))
    }
}
