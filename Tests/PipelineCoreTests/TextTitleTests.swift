import Foundation
import Testing
@testable import PipelineCore

/// The title of a `.txt` file: its headline, not the photo caption or kicker above it.
struct TextTitleTests {
    static let caption = "Polizisten sichern am Montagabend den Tatort in der Grazer Innenstadt."

    static let headlineCases: [(text: String, title: String)] = [
        ("\(caption)\nAmokfahrt in Graz: Drei Tote\n\nGraz – Ein Mann raste durch die Stadt.", "Amokfahrt in Graz: Drei Tote"),
        ("\(caption) (Foto: APA)\nAmokfahrt in Graz: Drei Tote\n\nGraz – Ein Mann raste durch die Stadt.", "Amokfahrt in Graz: Drei Tote"),
        ("\(caption)\n\nAmokfahrt in Graz: Drei Tote\n\nGraz – Ein Mann raste durch die Stadt.", "Amokfahrt in Graz: Drei Tote"),
        ("\n\n  \(caption)\nWie geht es in Graz weiter?\n\nDie Stadt trauert.", "Wie geht es in Graz weiter?"),
        ("\(caption)\n„Ein schwarzer Tag für Graz“\n\nDer Bürgermeister sprach.", "„Ein schwarzer Tag für Graz“"),
        ("Amokfahrt in Graz: Drei Tote\n\nGraz – Ein Mann raste am Samstag durch die Innenstadt.", "Amokfahrt in Graz: Drei Tote"),
        ("Regierung beschließt das Budget.\nDie Opposition kritisiert den Entwurf", "Regierung beschließt das Budget."),
        ("\(caption)\nDie Polizei sperrte die Innenstadt am Abend für mehrere Stunden ab.", caption),
        ("\(caption)\nDie Ermittler sagen:", caption),
        ("Die Lage in der Stadt ist seit dem Wochenende sehr angespannt ...\nAmokfahrt in Graz", "Die Lage in der Stadt ist seit dem Wochenende sehr angespannt ..."),
        ("Was geschah am Samstag in der Innenstadt von Graz wirklich?\nAmokfahrt in Graz", "Was geschah am Samstag in der Innenstadt von Graz wirklich?"),
        ("\(caption)\nGraz", caption),
        ("\(caption)\nEin Mann ist am Samstag mit seinem Auto durch die Grazer Innenstadt gerast und hat drei Menschen", caption),
        ("Nur eine Zeile", "Nur eine Zeile"),
        ("\n \n", ""),
    ]

    @Test("The headline is the first line, or the line under a long caption or kicker that ends in a period",
          arguments: headlineCases)
    func headline(_ text: String, _ title: String) {
        #expect(TextTitle.headline(of: text) == title)
    }

    @Test("A .txt file is titled by its headline")
    func plainTextTitle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("title-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.txt")
        try "\(Self.caption)\nAmokfahrt in Graz\n\nGraz – Ein Mann raste durch die Stadt.\n".write(to: file, atomically: true, encoding: .utf8)
        var reader = try PlainTextFormat().reader(for: file)
        var namer = DocumentNamer(template: "{stem}", pipelineName: "p",
                                  languages: LanguagePair(source: LanguageTag("de-DE")!, target: LanguageTag("en-GB")!))
        guard case .document(let document) = reader.next(namer: &namer) else {
            Issue.record("no document")
            return
        }
        #expect(document.title == "Amokfahrt in Graz")
    }
}
