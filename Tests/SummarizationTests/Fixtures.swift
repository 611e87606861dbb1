import PipelineCore
@testable import Summarization

/// Hand-written German news texts, already cut into sentences as the segmenter would cut them.
enum Fixtures {
    /// A short article: the lead states the news, later sentences elaborate and digress.
    static let article = [
        "Berlin – Die Bundesregierung will den Bau neuer Rechenzentren für künstliche Intelligenz mit einem Förderprogramm beschleunigen.",
        "Das Programm soll Rechenzentren unterstützen, die ihren Strom aus erneuerbaren Quellen beziehen.",
        "Wirtschaftsverbände begrüßten die Pläne der Bundesregierung.",
        "Wie viel Geld fließt?",
        "Umweltverbände warnen dagegen vor dem hohen Wasserverbrauch der Rechenzentren.",
        "Am Abend regnete es in Berlin.",
        "Über das Förderprogramm soll der Bundestag im Herbst abstimmen.",
    ]

    static let articleTitle = "Förderprogramm für Rechenzentren"

    /// A long synthetic document: sentences drawn deterministically from a small vocabulary, so
    /// that many sentences share terms, the case that makes similarity graphs dense.
    static func longDocument(sentences count: Int) -> [String] {
        let subjects = ["Die Regierung", "Der Konzern", "Die Behörde", "Das Labor", "Der Verband", "Die Kommission"]
        let verbs = ["prüft", "fördert", "kritisiert", "plant", "bewertet", "begrenzt"]
        let objects = ["neue Rechenzentren", "große Sprachmodelle", "den Strombedarf", "die Chipfertigung",
                       "offene Modelle", "die Datenschutzregeln", "den Wasserverbrauch", "die Exportkontrollen"]
        let places = ["in Berlin", "in Brüssel", "in München", "in Wien", "in Hamburg", "in Zürich", "in Köln"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            "\(subjects[next(subjects.count)]) \(verbs[next(verbs.count)]) \(objects[next(objects.count)]) \(places[next(places.count)]) seit Woche \(index % 52)."
        }
    }

    static func german() throws -> LanguageProfile { try LanguageProfile(language: "de") }
}
