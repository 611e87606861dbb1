import Testing
@testable import Segmentation

/// The error classes found on real German news (issue 16), one table per class. The sentences are
/// our own, written to cover each class of the language, not copies of the text they were found in.
struct GermanRealTextClassesTests {
    /// A number, score or ordinal-looking token before a capitalised word that is not a sentence
    /// starter: what stands before the number decides.
    static let numberBeforeCapitalCases: [SegmentationCase] = [
        SegmentationCase("Rapid gewann das Derby mit 3:2. Trainer Barisic lobte die Moral.", ["Rapid gewann das Derby mit 3:2.", "Trainer Barisic lobte die Moral."]),
        SegmentationCase("Die Abstimmung im Ausschuss endete 5:4. Kritiker sprachen von Zufall.", ["Die Abstimmung im Ausschuss endete 5:4.", "Kritiker sprachen von Zufall."]),
        SegmentationCase("Das Interview lief in der ZiB 2. Moderator Armin Wolf hakte nach.", ["Das Interview lief in der ZiB 2.", "Moderator Armin Wolf hakte nach."]),
        SegmentationCase("Die Zahlen stehen auf Seite 7. Unklar bleibt, wer sie erhoben hat.", ["Die Zahlen stehen auf Seite 7.", "Unklar bleibt, wer sie erhoben hat."]),
        SegmentationCase("Das Team landete auf Rang 12. Österreich verpasste damit das Finale.", ["Das Team landete auf Rang 12.", "Österreich verpasste damit das Finale."]),
        SegmentationCase("Das Update kam mit Android 6. Nutzer älterer Geräte gehen leer aus.", ["Das Update kam mit Android 6.", "Nutzer älterer Geräte gehen leer aus."]),
        SegmentationCase("Sie wohnt in der Kaiserstraße 12. Nachbarn klagen über Lärm.", ["Sie wohnt in der Kaiserstraße 12.", "Nachbarn klagen über Lärm."]),
        SegmentationCase("Der Beitrag erschien in Heft 3. Leser reagierten empört.", ["Der Beitrag erschien in Heft 3.", "Leser reagierten empört."]),
        SegmentationCase("Die Abstimmung fiel knapp aus: 52:48. Gegner kündigten Klagen an.", ["Die Abstimmung fiel knapp aus: 52:48.", "Gegner kündigten Klagen an."]),
        SegmentationCase("Der 2. Nationalratspräsident eröffnete die Sitzung.", ["Der 2. Nationalratspräsident eröffnete die Sitzung."]),
        SegmentationCase("Er besuchte die 7. Kunstbiennale in Venedig.", ["Er besuchte die 7. Kunstbiennale in Venedig."]),
        SegmentationCase("Im 4. Wiener Gemeindebezirk wird gebaut.", ["Im 4. Wiener Gemeindebezirk wird gebaut."]),
        SegmentationCase("Die Wahl ist am 3. Oktober. Die Parteien werben schon.", ["Die Wahl ist am 3. Oktober.", "Die Parteien werben schon."]),
        SegmentationCase("Sie wurde beim Rennen in Kitzbühel 5. Damit ist sie Gesamtzweite.", ["Sie wurde beim Rennen in Kitzbühel 5.", "Damit ist sie Gesamtzweite."]),
    ]

    /// Lower-case abbreviations match capitalised only where a sentence starts, so a capitalised noun
    /// of the same letters (die Schweiz, schweiz. for schweizerisch) ends a sentence.
    static let capitalisedNounCases: [SegmentationCase] = [
        SegmentationCase("Das Turnier findet in der Schweiz. Große Namen fehlen.", ["Das Turnier findet in der Schweiz.", "Große Namen fehlen."]),
        SegmentationCase("Er lebt seit Jahren in der Schweiz. Die Familie blieb in Graz.", ["Er lebt seit Jahren in der Schweiz.", "Die Familie blieb in Graz."]),
        SegmentationCase("Das Paket kam aus der Schweiz. Zoll fiel keiner an.", ["Das Paket kam aus der Schweiz.", "Zoll fiel keiner an."]),
        SegmentationCase("Die Band spielte Gentle on My Mind. Danach war Pause.", ["Die Band spielte Gentle on My Mind.", "Danach war Pause."]),
        SegmentationCase("Der Hund heißt Max. Er ist zwölf Jahre alt.", ["Der Hund heißt Max.", "Er ist zwölf Jahre alt."]),
        SegmentationCase("Der Käse ist schweiz. Herkunft und teuer.", ["Der Käse ist schweiz. Herkunft und teuer."]),
        SegmentationCase("Vgl. dazu die Studie aus dem Jahr 2019.", ["Vgl. dazu die Studie aus dem Jahr 2019."]),
        SegmentationCase("Das Ergebnis (Vgl. Tabelle 2) überrascht.", ["Das Ergebnis (Vgl. Tabelle 2) überrascht."]),
        SegmentationCase("Er sagte: Ca. 300 Menschen waren gekommen.", ["Er sagte: Ca. 300 Menschen waren gekommen."]),
        SegmentationCase("Sie wartete ca. 20 Jahre. Ca. die Hälfte davon im Ausland.", ["Sie wartete ca. 20 Jahre.", "Ca. die Hälfte davon im Ausland."]),
        SegmentationCase("Sie arbeitet bei der Dt. Bahn in Wien.", ["Sie arbeitet bei der Dt. Bahn in Wien."]),
        SegmentationCase("Die Kath. Kirche und die Ev. Kirche luden gemeinsam ein.", ["Die Kath. Kirche und die Ev. Kirche luden gemeinsam ein."]),
        SegmentationCase("Der Papst sprach über den Hl. Franziskus.", ["Der Papst sprach über den Hl. Franziskus."]),
    ]

    /// A spaced ellipsis before a capitalised word ends the sentence; a small letter, a closing
    /// quote or a comma before it keeps the sentence open.
    static let ellipsisCases: [SegmentationCase] = [
        SegmentationCase("Das ist so eine Rhetorik ... Es gibt sie schon lange.", ["Das ist so eine Rhetorik ...", "Es gibt sie schon lange."]),
        SegmentationCase("Er wartete … Niemand kam.", ["Er wartete …", "Niemand kam."]),
        SegmentationCase("Salzburg wird Meister, weil ... Zeidler: Weil wir besser sind.", ["Salzburg wird Meister, weil ...", "Zeidler: Weil wir besser sind."]),
        SegmentationCase("Es war ein langer Tag … Morgen geht es weiter.", ["Es war ein langer Tag …", "Morgen geht es weiter."]),
        SegmentationCase("Der Rest ist bekannt .... Am Ende gewann Wien.", ["Der Rest ist bekannt ....", "Am Ende gewann Wien."]),
        SegmentationCase("Die Preise stiegen um 20 … Verbraucher klagen.", ["Die Preise stiegen um 20 …", "Verbraucher klagen."]),
        SegmentationCase("Sie wollte ... nein, sie konnte nicht.", ["Sie wollte ... nein, sie konnte nicht."]),
        SegmentationCase("„Wir werden sehen …“ Dann ging er.", ["„Wir werden sehen …“ Dann ging er."]),
        SegmentationCase("Wie geht es weiter? ... Niemand weiß es.", ["Wie geht es weiter?", "... Niemand weiß es."]),
        SegmentationCase("Gemeint ist die zweite, dritte, ... Reihe.", ["Gemeint ist die zweite, dritte, ... Reihe."]),
        SegmentationCase("Die Ausstellung (…) Besucher sind begeistert.", ["Die Ausstellung (…) Besucher sind begeistert."]),
        SegmentationCase("Sie rief: ... Hilfe!", ["Sie rief: ... Hilfe!"]),
        SegmentationCase("Der Satz bricht einfach ab ...", ["Der Satz bricht einfach ab ..."]),
    ]

    /// No space after the period: a word, its period, then a sentence starter or an opening bracket
    /// or quote; never inside addresses, names with a period, or abbreviations.
    static let missingSpaceCases: [SegmentationCase] = [
        SegmentationCase("Die Klage scheiterte vor dem EuGH.Hingegen hatte die Regierung Erfolg.", ["Die Klage scheiterte vor dem EuGH.", "Hingegen hatte die Regierung Erfolg."]),
        SegmentationCase("Er hat es bestätigt.Dann ging er.", ["Er hat es bestätigt.", "Dann ging er."]),
        SegmentationCase("Das Urteil fiel am Montag.Am Dienstag legte er Berufung ein.", ["Das Urteil fiel am Montag.", "Am Dienstag legte er Berufung ein."]),
        SegmentationCase("Der Text endet hier.(Anna Berger, 3.5.2016)", ["Der Text endet hier.", "(Anna Berger, 3.5.2016)"]),
        SegmentationCase("Die Regierung tagte.„Wir sind zufrieden“, sagte der Kanzler.", ["Die Regierung tagte.", "„Wir sind zufrieden“, sagte der Kanzler."]),
        SegmentationCase("Mehr steht unter www.Beispiel.de im Netz.", ["Mehr steht unter www.Beispiel.de im Netz."]),
        SegmentationCase("Die App basiert auf Xamarin.Forms und läuft überall.", ["Die App basiert auf Xamarin.Forms und läuft überall."]),
        SegmentationCase("Das Modul System.Collections wird geladen.", ["Das Modul System.Collections wird geladen."]),
        SegmentationCase("Man könnte z.B.Callcenter ersetzen.", ["Man könnte z.B.Callcenter ersetzen."]),
        SegmentationCase("Die Kampagne Leave.EU warb für den Austritt.", ["Die Kampagne Leave.EU warb für den Austritt."]),
        SegmentationCase("Die Truppe der U.S.Army zog ab.", ["Die Truppe der U.S.Army zog ab."]),
        SegmentationCase("Er schrieb an presse.Wien@example.org eine Mail.", ["Er schrieb an presse.Wien@example.org eine Mail."]),
        SegmentationCase("Im Jg.(Nr. 22) steht es.", ["Im Jg.(Nr. 22) steht es."]),
    ]

    /// Letter chains written with periods that no list holds stay whole before a bracket, a digit
    /// or §, and a chain that starts with a small letter ends a sentence only before a starter.
    static let dottedAbbreviationCases: [SegmentationCase] = [
        SegmentationCase("Das Urteil ist i.E. (so das Gericht) richtig.", ["Das Urteil ist i.E. (so das Gericht) richtig."]),
        SegmentationCase("Er zahlte i.H.v. 500 Euro an die Kasse.", ["Er zahlte i.H.v. 500 Euro an die Kasse."]),
        SegmentationCase("Er zahlte i.H.v. § 5 des Tarifs.", ["Er zahlte i.H.v. § 5 des Tarifs."]),
        SegmentationCase("Die Klage ist i.S.d. Gesetzes zulässig.", ["Die Klage ist i.S.d. Gesetzes zulässig."]),
        SegmentationCase("Er diente in der k.u.k. Armee als Offizier.", ["Er diente in der k.u.k. Armee als Offizier."]),
        SegmentationCase("Das gilt i.d.F. (von 2015) weiter.", ["Das gilt i.d.F. (von 2015) weiter."]),
        SegmentationCase("Er verwies auf die Quelle a.a.O. (S. 12).", ["Er verwies auf die Quelle a.a.O. (S. 12)."]),
        SegmentationCase("Das stand in der B.Z. (Ausgabe vom Montag) zu lesen.", ["Das stand in der B.Z. (Ausgabe vom Montag) zu lesen."]),
        SegmentationCase("Die Regel gilt i.V.m. dem Vertrag von 2010.", ["Die Regel gilt i.V.m. dem Vertrag von 2010."]),
        SegmentationCase("Sie zitierte das Werk a.a.O. Dort steht es anders.", ["Sie zitierte das Werk a.a.O.", "Dort steht es anders."]),
        SegmentationCase("Der Betrag i.H.v. 5 Mio. Euro wurde bezahlt. Die Firma atmete auf.", ["Der Betrag i.H.v. 5 Mio. Euro wurde bezahlt.", "Die Firma atmete auf."]),
        SegmentationCase("Die Firma kehrte in die U.S. Die Zentrale zog mit.", ["Die Firma kehrte in die U.S.", "Die Zentrale zog mit."]),
    ]

    /// Month abbreviations, Austrian ones included, before a year or day; a capital after them may
    /// start a sentence.
    static let monthAbbreviationCases: [SegmentationCase] = [
        SegmentationCase("Die Frist endet am 15. Jän. 2016 um Mitternacht.", ["Die Frist endet am 15. Jän. 2016 um Mitternacht."]),
        SegmentationCase("Ab 1. Jän. gelten neue Regeln.", ["Ab 1. Jän. gelten neue Regeln."]),
        SegmentationCase("Ende Jän. 2016 lag die Zahl bei 300.", ["Ende Jän. 2016 lag die Zahl bei 300."]),
        SegmentationCase("Der Vertrag gilt ab Sept. 2016 für alle.", ["Der Vertrag gilt ab Sept. 2016 für alle."]),
        SegmentationCase("Am 12. Okt. 2015 wurde gewählt.", ["Am 12. Okt. 2015 wurde gewählt."]),
        SegmentationCase("Seit Dez. 2014 ist er im Amt.", ["Seit Dez. 2014 ist er im Amt."]),
        SegmentationCase("Die Sitzung ist am Di. 14. Feb. 2017 im Rathaus.", ["Die Sitzung ist am Di. 14. Feb. 2017 im Rathaus."]),
        SegmentationCase("Das Konzert am 5. Sept. begeisterte alle.", ["Das Konzert am 5. Sept. begeisterte alle."]),
        SegmentationCase("Er kam am 3. Jän. zurück.", ["Er kam am 3. Jän. zurück."]),
        SegmentationCase("Die Vorwahl war am 3. Feb. Danach kam die Hauptwahl.", ["Die Vorwahl war am 3. Feb.", "Danach kam die Hauptwahl."]),
        SegmentationCase("Die Messe läuft bis 20. Apr. Aussteller kommen aus 30 Ländern.", ["Die Messe läuft bis 20. Apr.", "Aussteller kommen aus 30 Ländern."]),
        SegmentationCase("Im Nov. 2015 begann der Umbau. Er dauerte ein Jahr.", ["Im Nov. 2015 begann der Umbau.", "Er dauerte ein Jahr."]),
    ]

    /// A range of ordinals with a dash stays one sentence.
    static let ordinalRangeCases: [SegmentationCase] = [
        SegmentationCase("Im 1. -3. Jahrhundert blühte die Stadt.", ["Im 1. -3. Jahrhundert blühte die Stadt."]),
        SegmentationCase("Vom 5. – 7. Juni findet das Fest statt.", ["Vom 5. – 7. Juni findet das Fest statt."]),
        SegmentationCase("Die Plätze 1.-3. gingen an Norwegen.", ["Die Plätze 1.-3. gingen an Norwegen."]),
        SegmentationCase("Die Klassen 5. - 8. fahren auf Skikurs.", ["Die Klassen 5. - 8. fahren auf Skikurs."]),
        SegmentationCase("Am 12. — 14. März wird gestreikt.", ["Am 12. — 14. März wird gestreikt."]),
        SegmentationCase("Die Kurse für die 1. -4. Schulstufe beginnen.", ["Die Kurse für die 1. -4. Schulstufe beginnen."]),
        SegmentationCase("Zwischen dem 18. -20. Jahrhundert wuchs die Stadt.", ["Zwischen dem 18. -20. Jahrhundert wuchs die Stadt."]),
        SegmentationCase("Die 2. – 4. Runde wird verschoben.", ["Die 2. – 4. Runde wird verschoben."]),
        SegmentationCase("Im 3. –5. Semester sind Praktika Pflicht.", ["Im 3. –5. Semester sind Praktika Pflicht."]),
        SegmentationCase("Die Tage 1. - 3. sind frei. Danach wird gearbeitet.", ["Die Tage 1. - 3. sind frei.", "Danach wird gearbeitet."]),
    ]

    @Test("A number, score or ordinal before a capital: what precedes the number decides", arguments: numberBeforeCapitalCases)
    func numberBeforeCapital(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("Lower-case abbreviations never match a capitalised noun mid-sentence (in der Schweiz. …)", arguments: capitalisedNounCases)
    func capitalisedNoun(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("A spaced ellipsis before a capital ends the sentence", arguments: ellipsisCases)
    func ellipsis(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("No space after the period: split before a sentence starter, not in addresses or names", arguments: missingSpaceCases)
    func missingSpace(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("Dotted abbreviations no list holds stay whole before a bracket, digit or small letter", arguments: dottedAbbreviationCases)
    func dottedAbbreviation(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("Month abbreviations (Jän., Feb., Sept.) before a year or day", arguments: monthAbbreviationCases)
    func monthAbbreviation(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("A range of ordinals (1. -3. Jahrhundert) stays whole", arguments: ordinalRangeCases)
    func ordinalRange(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }
}
