import PipelineCore
import Testing
@testable import Segmentation

/// Paragraphs and hard line breaks, decided before any rule runs.
struct LineLayoutTests {
    struct Layout: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        /// Each paragraph's sentences, whitespace collapsed.
        let paragraphs: [[String]]
        var testDescription: String { name }
    }

    static let layouts = [
        Layout(name: "blank lines, also with spaces on them",
               text: "Erster Absatz. Noch ein Satz.\n\nZweiter Absatz.\n \t\nDritter.",
               paragraphs: [["Erster Absatz.", "Noch ein Satz."], ["Zweiter Absatz."], ["Dritter."]]),
        Layout(name: "a list after a colon",
               text: "Die Forderungen:\n- mehr Geld für Schulen\n- bessere Busverbindungen\n• günstigere Mieten",
               paragraphs: [["Die Forderungen:"], ["- mehr Geld für Schulen"], ["- bessere Busverbindungen"],
                            ["• günstigere Mieten"]]),
        Layout(name: "a numbered list",
               text: "Ablauf:\n1. Anmeldung\n2) Prüfung\n(a) Auswertung",
               paragraphs: [["Ablauf:"], ["1. Anmeldung"], ["2) Prüfung"], ["(a) Auswertung"]]),
        Layout(name: "numbered items that end in commas",
               text: "Drei Aufgaben:\n1. eine Dokumentation,\n2. eine Strategie,\n3. Tests auf Risiken.",
               paragraphs: [["Drei Aufgaben:"], ["1. eine Dokumentation,"], ["2. eine Strategie,"], ["3. Tests auf Risiken."]]),
        Layout(name: "hard-wrapped prose",
               text: "Der Stadtrat hat am Dienstagabend mit knapper\nMehrheit beschlossen, die Gebühren für das\nParken in der Innenstadt zu erhöhen. Die\nOpposition kündigte Widerstand an.",
               paragraphs: [["Der Stadtrat hat am Dienstagabend mit knapper Mehrheit beschlossen, die Gebühren für das Parken in der Innenstadt zu erhöhen.",
                             "Die Opposition kündigte Widerstand an."]]),
        Layout(name: "a date wrapped across lines",
               text: "Die Messe öffnet am\n3. Oktober ihre Tore. Erwartet werden\nmehr als 2.000 Aussteller.",
               paragraphs: [["Die Messe öffnet am 3. Oktober ihre Tore.", "Erwartet werden mehr als 2.000 Aussteller."]]),
        Layout(name: "a headline under its photo caption and credit",
               text: "Polizisten sichern am Abend den Tatort in der Innenstadt. (Foto: APA)\nAmokfahrt in Graz: Drei Tote\n\nGraz – Ein Mann raste durch die Stadt.",
               paragraphs: [["Polizisten sichern am Abend den Tatort in der Innenstadt.", "(Foto: APA)"], ["Amokfahrt in Graz: Drei Tote"],
                            ["Graz – Ein Mann raste durch die Stadt."]]),
        Layout(name: "a bracket wrapped inside a sentence stays soft",
               text: "Der Stadtrat (mit den Stimmen der SPÖ)\nbeschloss am Dienstag eine Erhöhung der Gebühren.",
               paragraphs: [["Der Stadtrat (mit den Stimmen der SPÖ) beschloss am Dienstag eine Erhöhung der Gebühren."]]),
        Layout(name: "a headline over its text",
               text: "Stadt erhöht Parkgebühren\nDer Stadtrat hat am Dienstagabend beschlossen, die Gebühren für das Parken deutlich zu erhöhen.",
               paragraphs: [["Stadt erhöht Parkgebühren"],
                            ["Der Stadtrat hat am Dienstagabend beschlossen, die Gebühren für das Parken deutlich zu erhöhen."]]),
        Layout(name: "a dateline with a dash runs into its sentence",
               text: "MÜNCHEN (dpa) –\nDie Polizei hat am Montag eine Razzia durchgeführt.",
               paragraphs: [["MÜNCHEN (dpa) – Die Polizei hat am Montag eine Razzia durchgeführt."]]),
        Layout(name: "a heading in capitals",
               text: "HINWEIS\nDie Bibliothek bleibt am Montag geschlossen, weil die Heizung repariert wird.",
               paragraphs: [["HINWEIS"], ["Die Bibliothek bleibt am Montag geschlossen, weil die Heizung repariert wird."]]),
        Layout(name: "a Markdown heading",
               text: "## Ergebnisse\nDie Zahlen sind gestiegen.",
               paragraphs: [["## Ergebnisse"], ["Die Zahlen sind gestiegen."]]),
        Layout(name: "one word a line",
               text: "Äpfel\nBirnen\nkirschen\nPflaumen",
               paragraphs: [["Äpfel"], ["Birnen"], ["kirschen"], ["Pflaumen"]]),
        Layout(name: "an exercise sheet: every line stands alone",
               text: "Übung 3\n1. Wir ___ nach Hause.\ngehen\ngeht\n2. Er ___ ein Buch.\nliest\nlesen",
               paragraphs: [["Übung 3"], ["1. Wir ___ nach Hause."], ["gehen"], ["geht"], ["2. Er ___ ein Buch."],
                            ["liest"], ["lesen"]]),
        Layout(name: "one paragraph per line",
               text: "Die Regierung hat ein neues Gesetz beschlossen. Es soll im Mai in Kraft treten.\nKurz\nKritiker halten es für unzureichend und kündigen Klagen an. Die Opposition schweigt.\nEnde",
               paragraphs: [["Die Regierung hat ein neues Gesetz beschlossen.", "Es soll im Mai in Kraft treten."], ["Kurz"],
                            ["Kritiker halten es für unzureichend und kündigen Klagen an.", "Die Opposition schweigt."], ["Ende"]]),
        Layout(name: "a trailing space marks a soft line break",
               text: "Andere \nSorten sind teurer.",
               paragraphs: [["Andere Sorten sind teurer."]]),
        Layout(name: "form feed and PARAGRAPH SEPARATOR end paragraphs",
               text: "Seite eins\u{0C}Seite zwei\u{2029}Seite drei",
               paragraphs: [["Seite eins"], ["Seite zwei"], ["Seite drei"]]),
    ]

    @Test("Paragraphs and their sentences", arguments: layouts)
    func paragraphs(_ layout: Layout) throws {
        let segmented = try Segmenter(language: #require(LanguageTag("de"))).segment(layout.text)
        var found = [[String]](repeating: [], count: segmented.paragraphs.count)
        for sentence in segmented.sentences {
            found[sentence.paragraph].append(SegmentationCase.collapsed(layout.text.slice(sentence.span)))
        }
        #expect(found == layout.paragraphs)
        SpanInvariants.check(segmented, of: layout.text)
    }
}
