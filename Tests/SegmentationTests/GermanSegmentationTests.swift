import Testing
@testable import Segmentation

/// German cases written for this project, one table per phenomenon.
struct GermanSegmentationTests {
    static let abbreviationsCases: [SegmentationCase] = [
        SegmentationCase("Die Gemeinde hat ca. 3.500 Einw. Die Nachbarstadt ist größer.", ["Die Gemeinde hat ca. 3.500 Einw.", "Die Nachbarstadt ist größer."]),
        SegmentationCase("Die Stadt liegt ca. 20 km südl. von München.", ["Die Stadt liegt ca. 20 km südl. von München."]),
        SegmentationCase("Vorsitzender ist Hr. Meier.", ["Vorsitzender ist Hr. Meier."]),
        SegmentationCase("Das Gericht (Az. 3 O 12/21) wies die Klage ab.", ["Das Gericht (Az. 3 O 12/21) wies die Klage ab."]),
        SegmentationCase("Die Firma Schmidt GmbH & Co. KG. Sitz ist Hamburg.", ["Die Firma Schmidt GmbH & Co. KG.", "Sitz ist Hamburg."]),
        SegmentationCase("Seite 5 f. enthält die Details.", ["Seite 5 f. enthält die Details."]),
        SegmentationCase("Die Mio.-Grenze wurde überschritten.", ["Die Mio.-Grenze wurde überschritten."]),
        SegmentationCase("Der Angeklagte, Herr K., schwieg.", ["Der Angeklagte, Herr K., schwieg."]),
        SegmentationCase("Die A. B. C. GmbH wurde verkauft.", ["Die A. B. C. GmbH wurde verkauft."]),
        SegmentationCase("Prof. Dr. med. habil. Hans Müller leitet die Klinik.", ["Prof. Dr. med. habil. Hans Müller leitet die Klinik."]),
        SegmentationCase("Das Verfahren (Az. 5 K 123/20) wurde vertagt.", ["Das Verfahren (Az. 5 K 123/20) wurde vertagt."]),
        SegmentationCase("Die Regelung gilt bis Ende d. J. Danach wird neu entschieden.", ["Die Regelung gilt bis Ende d. J.", "Danach wird neu entschieden."]),
        SegmentationCase("Laut Prof. Dr. Klaus Berger vom Max-Planck-Institut sind die Ergebnisse robust. Weitere Studien folgen.", ["Laut Prof. Dr. Klaus Berger vom Max-Planck-Institut sind die Ergebnisse robust.", "Weitere Studien folgen."]),
        SegmentationCase("Die Firma investiert ca. 400 Mio. Euro in das neue Werk. Der Bau beginnt im Frühjahr.", ["Die Firma investiert ca. 400 Mio. Euro in das neue Werk.", "Der Bau beginnt im Frühjahr."]),
        SegmentationCase("Betroffen sind u. a. Bayern, Hessen und Sachsen. Dort gelten strengere Regeln.", ["Betroffen sind u. a. Bayern, Hessen und Sachsen.", "Dort gelten strengere Regeln."]),
        SegmentationCase("Die Kosten liegen bei rund 12 Mrd. Dollar bzw. 11 Mrd. Euro. Das ist mehr als geplant.", ["Die Kosten liegen bei rund 12 Mrd. Dollar bzw. 11 Mrd. Euro.", "Das ist mehr als geplant."]),
        SegmentationCase("Er verkaufte Äpfel, Birnen, Pflaumen usw. Danach ging er nach Hause.", ["Er verkaufte Äpfel, Birnen, Pflaumen usw.", "Danach ging er nach Hause."]),
        SegmentationCase("Er verkaufte Äpfel, Birnen usw. an Händler in der Region.", ["Er verkaufte Äpfel, Birnen usw. an Händler in der Region."]),
        SegmentationCase("Der Vorfall ereignete sich in der Goethestr. 12 in Weimar. Niemand wurde verletzt.", ["Der Vorfall ereignete sich in der Goethestr. 12 in Weimar.", "Niemand wurde verletzt."]),
        SegmentationCase("Die Veranstaltung findet am Mi., 5. Juni, statt.", ["Die Veranstaltung findet am Mi., 5. Juni, statt."]),
        SegmentationCase("Das Treffen ist am Fr. 7. März.", ["Das Treffen ist am Fr. 7. März."]),
        SegmentationCase("Der Verein Freunde der Oper e. V. lädt ein. Der Eintritt ist frei.", ["Der Verein Freunde der Oper e. V. lädt ein.", "Der Eintritt ist frei."]),
        SegmentationCase("Geschäftsführer ist Dipl.-Ing. Hans Kurz. Er leitet das Unternehmen seit 2019.", ["Geschäftsführer ist Dipl.-Ing. Hans Kurz.", "Er leitet das Unternehmen seit 2019."]),
        SegmentationCase("Die Schlacht fand 9 n. Chr. statt. Die Römer verloren.", ["Die Schlacht fand 9 n. Chr. statt.", "Die Römer verloren."]),
        SegmentationCase("Rom wurde 753 v. Chr. gegründet. So lautet jedenfalls die Legende.", ["Rom wurde 753 v. Chr. gegründet.", "So lautet jedenfalls die Legende."]),
        SegmentationCase("Die Stadt Frankfurt a. M. ist ein Finanzzentrum. Dort sitzt die EZB.", ["Die Stadt Frankfurt a. M. ist ein Finanzzentrum.", "Dort sitzt die EZB."]),
        SegmentationCase("Vgl. dazu die Ausführungen in Kap. 3. Dort wird das Thema vertieft.", ["Vgl. dazu die Ausführungen in Kap. 3.", "Dort wird das Thema vertieft."]),
        SegmentationCase("Siehe Art. 5 Abs. 3 GG. Die Norm schützt die Kunstfreiheit.", ["Siehe Art. 5 Abs. 3 GG.", "Die Norm schützt die Kunstfreiheit."]),
        SegmentationCase("Die Kfz-Steuer steigt, d.h. Autofahrer zahlen mehr. Das trifft vor allem Pendler.", ["Die Kfz-Steuer steigt, d.h. Autofahrer zahlen mehr.", "Das trifft vor allem Pendler."]),
        SegmentationCase("Sie hat u.a. in Wien und Berlin studiert. Heute lebt sie in Graz.", ["Sie hat u.a. in Wien und Berlin studiert.", "Heute lebt sie in Graz."]),
        SegmentationCase("Der Preis beträgt 19,99 € inkl. MwSt. Versandkosten fallen nicht an.", ["Der Preis beträgt 19,99 € inkl. MwSt.", "Versandkosten fallen nicht an."]),
        SegmentationCase("Das Museum hat tägl. von 10 bis 18 Uhr geöffnet.", ["Das Museum hat tägl. von 10 bis 18 Uhr geöffnet."]),
        SegmentationCase("Die Nr. 1 der Welt verlor im Viertelfinale.", ["Die Nr. 1 der Welt verlor im Viertelfinale."]),
        SegmentationCase("Die Lieferung kommt voraussichtl. am Dienstag.", ["Die Lieferung kommt voraussichtl. am Dienstag."]),
        SegmentationCase("Hauptsitz ist die Kaiserstr. 5 in Mainz.", ["Hauptsitz ist die Kaiserstr. 5 in Mainz."]),
        SegmentationCase("Im Jahr 2000 v. Chr. entstand die Siedlung.", ["Im Jahr 2000 v. Chr. entstand die Siedlung."]),
        SegmentationCase("Die Stadt hat ca. 50.000 Einw. und liegt am Rhein.", ["Die Stadt hat ca. 50.000 Einw. und liegt am Rhein."]),
    ]

    static let ordinalsAndDatesCases: [SegmentationCase] = [
        SegmentationCase("Er kam als 5. ins Ziel.", ["Er kam als 5. ins Ziel."]),
        SegmentationCase("Das Team wurde 5. Damit verpasste es die Qualifikation.", ["Das Team wurde 5.", "Damit verpasste es die Qualifikation."]),
        SegmentationCase("Der Film läuft im 2. Programm.", ["Der Film läuft im 2. Programm."]),
        SegmentationCase("Sie feierte ihren 80. Geburtstag. Viele Gäste kamen.", ["Sie feierte ihren 80. Geburtstag.", "Viele Gäste kamen."]),
        SegmentationCase("Am 1.5. ist Feiertag. Die Geschäfte bleiben zu.", ["Am 1.5. ist Feiertag.", "Die Geschäfte bleiben zu."]),
        SegmentationCase("Er belegte Platz 3. Dort hatte ihn niemand erwartet.", ["Er belegte Platz 3.", "Dort hatte ihn niemand erwartet."]),
        SegmentationCase("Die 16. Bundesversammlung wählte den Präsidenten.", ["Die 16. Bundesversammlung wählte den Präsidenten."]),
        SegmentationCase("Ludwig XIV. König von Frankreich regierte lange. Sein Hof war prächtig.", ["Ludwig XIV. König von Frankreich regierte lange.", "Sein Hof war prächtig."]),
        SegmentationCase("Die Wahl findet am 26. September statt. Umfragen sehen die Union vorn.", ["Die Wahl findet am 26. September statt.", "Umfragen sehen die Union vorn."]),
        SegmentationCase("Der 1. FC Köln stieg 2018 in die 2. Bundesliga ab. Ein Jahr später kehrte er zurück.", ["Der 1. FC Köln stieg 2018 in die 2. Bundesliga ab.", "Ein Jahr später kehrte er zurück."]),
        SegmentationCase("Er belegte beim Rennen den 3. Platz. Sieger wurde ein Norweger.", ["Er belegte beim Rennen den 3. Platz.", "Sieger wurde ein Norweger."]),
        SegmentationCase("Im 20. Jahrhundert wuchs die Stadt rasant. Heute zählt sie 2 Mio. Einwohner.", ["Im 20. Jahrhundert wuchs die Stadt rasant.", "Heute zählt sie 2 Mio. Einwohner."]),
        SegmentationCase("Das Gesetz gilt seit dem 1.1.2024. Es ersetzt die alte Regelung.", ["Das Gesetz gilt seit dem 1.1.2024.", "Es ersetzt die alte Regelung."]),
        SegmentationCase("Die Frist läuft am 31.12. ab. Danach sind keine Anträge mehr möglich.", ["Die Frist läuft am 31.12. ab.", "Danach sind keine Anträge mehr möglich."]),
        SegmentationCase("Zum 3. Mal in Folge gewann das Team den Titel. Die Fans feierten bis in die Nacht.", ["Zum 3. Mal in Folge gewann das Team den Titel.", "Die Fans feierten bis in die Nacht."]),
        SegmentationCase("Das Konzert beginnt am Sonntag, dem 4. Mai, um 20 Uhr.", ["Das Konzert beginnt am Sonntag, dem 4. Mai, um 20 Uhr."]),
        SegmentationCase("Am 9. November 1989 fiel die Mauer. Die Bilder gingen um die Welt.", ["Am 9. November 1989 fiel die Mauer.", "Die Bilder gingen um die Welt."]),
        SegmentationCase("Das Stück wurde im 18. Jh. geschrieben. Es gilt als verschollen.", ["Das Stück wurde im 18. Jh. geschrieben.", "Es gilt als verschollen."]),
        SegmentationCase("Er wohnt im 3. Stock. Die Wohnung hat drei Zimmer.", ["Er wohnt im 3. Stock.", "Die Wohnung hat drei Zimmer."]),
        SegmentationCase("Die Zahl stieg auf 1.234.567. Das ist ein Rekord.", ["Die Zahl stieg auf 1.234.567.", "Das ist ein Rekord."]),
        SegmentationCase("Heute ist Montag, der 12. Mai 2025. Es regnet.", ["Heute ist Montag, der 12. Mai 2025.", "Es regnet."]),
        SegmentationCase("Er wurde am 2. 3. 1950 in Graz geboren.", ["Er wurde am 2. 3. 1950 in Graz geboren."]),
        SegmentationCase("Der 2. Weltkrieg endete 1945. Europa lag in Trümmern.", ["Der 2. Weltkrieg endete 1945.", "Europa lag in Trümmern."]),
    ]

    static let numbersCases: [SegmentationCase] = [
        SegmentationCase("Er ist Jahrgang 1960. 1985 trat er in die Partei ein.", ["Er ist Jahrgang 1960.", "1985 trat er in die Partei ein."]),
        SegmentationCase("Das Ergebnis: 3:2 für Bayern. Die Fans jubelten.", ["Das Ergebnis: 3:2 für Bayern.", "Die Fans jubelten."]),
        SegmentationCase("Der Kurs stieg um 3 % auf 45,20 €. Analysten sind optimistisch.", ["Der Kurs stieg um 3 % auf 45,20 €.", "Analysten sind optimistisch."]),
        SegmentationCase("Er war 1,80 m groß und 75 kg schwer.", ["Er war 1,80 m groß und 75 kg schwer."]),
        SegmentationCase("Das Unternehmen beschäftigt 12.500 Mitarbeiter. 3.000 davon arbeiten in Deutschland.", ["Das Unternehmen beschäftigt 12.500 Mitarbeiter.", "3.000 davon arbeiten in Deutschland."]),
        SegmentationCase("Die Temperatur sank auf -5 Grad. Am Wochenende wird es wärmer.", ["Die Temperatur sank auf -5 Grad.", "Am Wochenende wird es wärmer."]),
        SegmentationCase("Das Spiel endete 3:1. Die Gäste waren chancenlos.", ["Das Spiel endete 3:1.", "Die Gäste waren chancenlos."]),
        SegmentationCase("Die Abstimmung endete 52:48. Damit ist der Antrag angenommen.", ["Die Abstimmung endete 52:48.", "Damit ist der Antrag angenommen."]),
        SegmentationCase("Der Dax schloss bei 18.500 Punkten. Am Vortag hatte er 1,2 Prozent verloren.", ["Der Dax schloss bei 18.500 Punkten.", "Am Vortag hatte er 1,2 Prozent verloren."]),
        SegmentationCase("Die Aktie kostet 12,50 €. Vor einem Jahr waren es 9 €.", ["Die Aktie kostet 12,50 €.", "Vor einem Jahr waren es 9 €."]),
        SegmentationCase("Sie trat 2021 zurück. Ihr Nachfolger wurde Olaf Scholz.", ["Sie trat 2021 zurück.", "Ihr Nachfolger wurde Olaf Scholz."]),
        SegmentationCase("Er gewann Gold über 100 m. Das war sein größter Erfolg.", ["Er gewann Gold über 100 m.", "Das war sein größter Erfolg."]),
        SegmentationCase("Wir sehen uns um 14.30 Uhr. Bis dann!", ["Wir sehen uns um 14.30 Uhr.", "Bis dann!"]),
        SegmentationCase("Ein Kilo kostet 3 Euro. 2 Kilo kosten 5 Euro.", ["Ein Kilo kostet 3 Euro.", "2 Kilo kosten 5 Euro."]),
    ]

    static let namesAndNumeralsCases: [SegmentationCase] = [
        SegmentationCase("Der Roman von J. R. R. Tolkien erschien 1954. Er wurde ein Welterfolg.", ["Der Roman von J. R. R. Tolkien erschien 1954.", "Er wurde ein Welterfolg."]),
        SegmentationCase("US-Präsident John F. Kennedy besuchte 1963 Berlin. Seine Rede ist legendär.", ["US-Präsident John F. Kennedy besuchte 1963 Berlin.", "Seine Rede ist legendär."]),
        SegmentationCase("Die Firma sitzt in den U.S.A. und in Kanada.", ["Die Firma sitzt in den U.S.A. und in Kanada."]),
        SegmentationCase("Papst Franziskus traf Karl III. Beide sprachen über den Klimaschutz.", ["Papst Franziskus traf Karl III.", "Beide sprachen über den Klimaschutz."]),
        SegmentationCase("Sie ist die Tochter von Wilhelm II. und lebte in Potsdam.", ["Sie ist die Tochter von Wilhelm II. und lebte in Potsdam."]),
        SegmentationCase("Auch Ludwig XIV. war ein absoluter Herrscher.", ["Auch Ludwig XIV. war ein absoluter Herrscher."]),
    ]

    static let unitsAfterNumbersCases: [SegmentationCase] = [
        SegmentationCase("Wir warteten 20 Min. Dann kam endlich der Bus.", ["Wir warteten 20 Min.", "Dann kam endlich der Bus."]),
        SegmentationCase("Nach 20 Min. Verspätung fuhr der Zug los.", ["Nach 20 Min. Verspätung fuhr der Zug los."]),
        SegmentationCase("Die Reparatur dauerte 3 Std. Danach lief die Anlage wieder.", ["Die Reparatur dauerte 3 Std.", "Danach lief die Anlage wieder."]),
        SegmentationCase("Sie brauchte 3 Std. Fahrzeit bis Hamburg.", ["Sie brauchte 3 Std. Fahrzeit bis Hamburg."]),
        SegmentationCase("Der Sieger lag nur 4 Sek. vorn. Er jubelte.", ["Der Sieger lag nur 4 Sek. vorn.", "Er jubelte."]),
        SegmentationCase("Der Umsatz stieg auf 3,2 Mio. Die Kosten sanken leicht.", ["Der Umsatz stieg auf 3,2 Mio.", "Die Kosten sanken leicht."]),
        SegmentationCase("Die Stadt hat 1,5 Mio. Einwohner und wächst.", ["Die Stadt hat 1,5 Mio. Einwohner und wächst."]),
        SegmentationCase("Der Verlust betrug 2 Mrd. Wir rechnen mit Besserung.", ["Der Verlust betrug 2 Mrd.", "Wir rechnen mit Besserung."]),
        SegmentationCase("Das Haus stammt aus dem 17. Jh. Seit 1990 ist es ein Museum.", ["Das Haus stammt aus dem 17. Jh.", "Seit 1990 ist es ein Museum."]),
        SegmentationCase("Im 19. Jh. Dampfmaschinen zu bauen war teuer.", ["Im 19. Jh. Dampfmaschinen zu bauen war teuer."]),
        SegmentationCase("Geliefert wurden 500 Stk. Schrauben.", ["Geliefert wurden 500 Stk. Schrauben."]),
        SegmentationCase("Der Bau kostete 12 Mill. Euro. Damit blieb er im Rahmen.", ["Der Bau kostete 12 Mill. Euro.", "Damit blieb er im Rahmen."]),
        SegmentationCase("Die Spende betrug 40 Tsd. „Das hilft uns sehr“, sagte sie.", ["Die Spende betrug 40 Tsd.", "„Das hilft uns sehr“, sagte sie."]),
    ]

    static let singleLettersCases: [SegmentationCase] = [
        SegmentationCase("Er nimmt jeden Tag Vitamin C. Das stärkt die Abwehr.", ["Er nimmt jeden Tag Vitamin C.", "Das stärkt die Abwehr."]),
        SegmentationCase("Wenn das scheitert, gibt es Plan B. Wir sind vorbereitet.", ["Wenn das scheitert, gibt es Plan B.", "Wir sind vorbereitet."]),
        SegmentationCase("Der Stürmer spielt jetzt in der Serie A. Dort ist er Stammspieler.", ["Der Stürmer spielt jetzt in der Serie A.", "Dort ist er Stammspieler."]),
        SegmentationCase("Die Krone erbte Friedrich I. Er regierte zwölf Jahre.", ["Die Krone erbte Friedrich I.", "Er regierte zwölf Jahre."]),
        SegmentationCase("Tesla-Chef Elon R. Musk sprach in Berlin.", ["Tesla-Chef Elon R. Musk sprach in Berlin."]),
        SegmentationCase("George W. Bush war acht Jahre Präsident.", ["George W. Bush war acht Jahre Präsident."]),
        SegmentationCase("Die Frauenrechtlerin Helene A. Lange gründete einen Verein.", ["Die Frauenrechtlerin Helene A. Lange gründete einen Verein."]),
        SegmentationCase("Die Klinik leitet Dr. Hans J. Kurz. Er ist Kardiologe.", ["Die Klinik leitet Dr. Hans J. Kurz.", "Er ist Kardiologe."]),
        SegmentationCase("Verurteilt wurde der Angeklagte Thomas K. Der Prozess dauerte drei Tage.", ["Verurteilt wurde der Angeklagte Thomas K.", "Der Prozess dauerte drei Tage."]),
        SegmentationCase("Die Firma kehrte in die U.S. Die Zentrale zog mit.", ["Die Firma kehrte in die U.S.", "Die Zentrale zog mit."]),
    ]

    static let quotesAndBracketsCases: [SegmentationCase] = [
        SegmentationCase("„Wir sind zufrieden“, sagte Vorstandschef Müller am Montag in Berlin.", ["„Wir sind zufrieden“, sagte Vorstandschef Müller am Montag in Berlin."]),
        SegmentationCase("„Wir sind zufrieden.“ Das sagte Müller am Montag.", ["„Wir sind zufrieden.“", "Das sagte Müller am Montag."]),
        SegmentationCase("„Ist das fair?“, fragte die Abgeordnete. Die Ministerin schwieg.", ["„Ist das fair?“, fragte die Abgeordnete.", "Die Ministerin schwieg."]),
        SegmentationCase("»Nein«, sagte er. »Auf keinen Fall.«", ["»Nein«, sagte er.", "»Auf keinen Fall.«"]),
        SegmentationCase("Sie rief: „Halt!“ Doch es war zu spät.", ["Sie rief: „Halt!“", "Doch es war zu spät."]),
        SegmentationCase("Der Slogan „Yes we can!“ wurde weltberühmt.", ["Der Slogan „Yes we can!“ wurde weltberühmt."]),
        SegmentationCase("‚Das ist gut‘, meinte sie.", ["‚Das ist gut‘, meinte sie."]),
        SegmentationCase("„Wir kommen wieder!“ – das versprach der Sprecher.", ["„Wir kommen wieder!“ – das versprach der Sprecher."]),
        SegmentationCase("Er kam spät. (Der Zug hatte Verspätung.) Danach begann die Sitzung.", ["Er kam spät.", "(Der Zug hatte Verspätung.)", "Danach begann die Sitzung."]),
        SegmentationCase("Er zitierte Kant (vgl. KrV, S. 12 ff.). Danach folgte eine Pause.", ["Er zitierte Kant (vgl. KrV, S. 12 ff.).", "Danach folgte eine Pause."]),
        SegmentationCase("„Ja“, sagte sie. „Nein“, sagte er.", ["„Ja“, sagte sie.", "„Nein“, sagte er."]),
        SegmentationCase("„Wir haben alles versucht“, sagte der Trainer. „Aber es hat nicht gereicht.“", ["„Wir haben alles versucht“, sagte der Trainer.", "„Aber es hat nicht gereicht.“"]),
        SegmentationCase("„Wann kommt der Zug?“, fragte sie. Niemand antwortete.", ["„Wann kommt der Zug?“, fragte sie.", "Niemand antwortete."]),
        SegmentationCase("„Das ist ein Skandal!“ rief ein Abgeordneter.", ["„Das ist ein Skandal!“ rief ein Abgeordneter."]),
        SegmentationCase("Er sagte: »Wir werden gewinnen.« Die Fans jubelten.", ["Er sagte: »Wir werden gewinnen.«", "Die Fans jubelten."]),
        SegmentationCase("Der Minister sprach von einem „historischen Tag“. Die Opposition widersprach.", ["Der Minister sprach von einem „historischen Tag“.", "Die Opposition widersprach."]),
        SegmentationCase("Sie nannte es \"unfassbar\". Dann verließ sie den Saal.", ["Sie nannte es \"unfassbar\".", "Dann verließ sie den Saal."]),
        SegmentationCase("Er fragte: „Kommst du mit?“ Sie nickte.", ["Er fragte: „Kommst du mit?“", "Sie nickte."]),
        SegmentationCase("Die Partei (gegründet 1990) hat 5.000 Mitglieder. Sie ist vor allem im Osten stark.", ["Die Partei (gegründet 1990) hat 5.000 Mitglieder.", "Sie ist vor allem im Osten stark."]),
        SegmentationCase("Das Gesetz (vgl. Anlage 2) tritt im Mai in Kraft.", ["Das Gesetz (vgl. Anlage 2) tritt im Mai in Kraft."]),
        SegmentationCase("Die Kosten steigen (siehe Grafik). Experten warnen.", ["Die Kosten steigen (siehe Grafik).", "Experten warnen."]),
        SegmentationCase("Der Wert sank stark (um 20 Prozent!). Anleger sind besorgt.", ["Der Wert sank stark (um 20 Prozent!).", "Anleger sind besorgt."]),
        SegmentationCase("Die Studie erschien im Fachblatt „Nature“. Die Autoren fordern mehr Forschung.", ["Die Studie erschien im Fachblatt „Nature“.", "Die Autoren fordern mehr Forschung."]),
    ]

    static let addressesAndPunctuationCases: [SegmentationCase] = [
        SegmentationCase("Was nun…? Keiner weiß es.", ["Was nun…?", "Keiner weiß es."]),
        SegmentationCase("Es war einmal… Und dann kam der Wolf.", ["Es war einmal…", "Und dann kam der Wolf."]),
        SegmentationCase("FRANKFURT. Die Börse schloss im Minus.", ["FRANKFURT.", "Die Börse schloss im Minus."]),
        SegmentationCase("Wirklich?! Das glaube ich nicht.", ["Wirklich?!", "Das glaube ich nicht."]),
        SegmentationCase("Ich bin's. Mach auf!", ["Ich bin's.", "Mach auf!"]),
        SegmentationCase("Hier endet der Text …", ["Hier endet der Text …"]),
        SegmentationCase("Danke für den Hinweis :-) Bis morgen!", ["Danke für den Hinweis :-)", "Bis morgen!"]),
        SegmentationCase("Mehr Informationen gibt es unter www.bundesregierung.de. Die Seite wird laufend aktualisiert.", ["Mehr Informationen gibt es unter www.bundesregierung.de.", "Die Seite wird laufend aktualisiert."]),
        SegmentationCase("Kontakt: info@example.org. Wir melden uns.", ["Kontakt: info@example.org.", "Wir melden uns."]),
        SegmentationCase("Er zögerte … und sagte dann nichts mehr.", ["Er zögerte … und sagte dann nichts mehr."]),
        SegmentationCase("Sie wartete und wartete... Aber niemand kam.", ["Sie wartete und wartete...", "Aber niemand kam."]),
        SegmentationCase("Das war's. Mehr gibt es nicht zu sagen.", ["Das war's.", "Mehr gibt es nicht zu sagen."]),
        SegmentationCase("Wie bitte? Das kann nicht sein!", ["Wie bitte?", "Das kann nicht sein!"]),
        SegmentationCase("Es geht um die Frage: Wer zahlt? Bisher gibt es keine Antwort.", ["Es geht um die Frage: Wer zahlt?", "Bisher gibt es keine Antwort."]),
        SegmentationCase("WIEN. Die Regierung hat sich auf ein Budget geeinigt.", ["WIEN.", "Die Regierung hat sich auf ein Budget geeinigt."]),
    ]

    static let lineStructureCases: [SegmentationCase] = [
        SegmentationCase("Tagesordnung\n1. Begrüßung\n2. Bericht des Vorstands\n3. Verschiedenes", ["Tagesordnung", "1. Begrüßung", "2. Bericht des Vorstands", "3. Verschiedenes"]),
        SegmentationCase("Von Anna Schmidt\n\nBerlin – Die Bundesregierung will die Steuern senken.", ["Von Anna Schmidt", "Berlin – Die Bundesregierung will die Steuern senken."]),
        SegmentationCase("Zutaten:\n200 g Mehl\n100 g Zucker\n2 Eier", ["Zutaten:", "200 g Mehl", "100 g Zucker", "2 Eier"]),
        SegmentationCase("Die Forderungen lauten:\nmehr Geld und mehr Personal.", ["Die Forderungen lauten: mehr Geld und mehr Personal."]),
        SegmentationCase("Sehr geehrte Damen und Herren,\nwir laden Sie herzlich ein.", ["Sehr geehrte Damen und Herren, wir laden Sie herzlich ein."]),
        SegmentationCase("Liebe Anna,\n\nvielen Dank für deinen Brief.", ["Liebe Anna,", "vielen Dank für deinen Brief."]),
        SegmentationCase("Regierung plant Reform\nOpposition kündigt Widerstand an\n\nDie Bundesregierung hat ein Reformpaket beschlossen.", ["Regierung plant Reform", "Opposition kündigt Widerstand an", "Die Bundesregierung hat ein Reformpaket beschlossen."]),
        SegmentationCase("Neue Regeln für E-Scooter\nAb Juli gelten in der Stadt strengere Vorschriften. Verstöße kosten bis zu 100 Euro.", ["Neue Regeln für E-Scooter", "Ab Juli gelten in der Stadt strengere Vorschriften.", "Verstöße kosten bis zu 100 Euro."]),
        SegmentationCase("Berlin, 12. März 2025\n\nDie Koalition hat sich geeinigt.", ["Berlin, 12. März 2025", "Die Koalition hat sich geeinigt."]),
        SegmentationCase("Wir fordern:\n1. höhere Löhne\n2. kürzere Arbeitszeiten\n3. mehr Urlaub", ["Wir fordern:", "1. höhere Löhne", "2. kürzere Arbeitszeiten", "3. mehr Urlaub"]),
        SegmentationCase("Die Regierung plant\neine Reform der Rente, die\nim kommenden Jahr in Kraft treten soll.", ["Die Regierung plant eine Reform der Rente, die im kommenden Jahr in Kraft treten soll."]),
        SegmentationCase("* Punkt eins\n* Punkt zwei", ["* Punkt eins", "* Punkt zwei"]),
        SegmentationCase("# Überschrift\nText folgt hier. Und noch ein Satz.", ["# Überschrift", "Text folgt hier.", "Und noch ein Satz."]),
        SegmentationCase("Erster Absatz.\r\n\r\nZweiter Absatz.", ["Erster Absatz.", "Zweiter Absatz."]),
    ]

    @Test("Abbreviations: never final (Mrd., z. B.), final (usw., v. Chr.), before numbers (Art. 5), streets", arguments: abbreviationsCases)
    func abbreviations(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("Ordinals and dates, decided by the words that follow (am 3. Oktober, im 18. Jh.)", arguments: ordinalsAndDatesCases)
    func ordinalsAndDates(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("Numbers, units and scores", arguments: numbersCases)
    func numbers(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("Initials, letter chains and Roman numerals", arguments: namesAndNumeralsCases)
    func namesAndNumerals(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("Units after numbers end a sentence only before a sentence starter (20 Min. Dann …)", arguments: unitsAfterNumbersCases)
    func unitsAfterNumbers(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("A single capital letter ends a sentence before a sentence starter, not in names", arguments: singleLettersCases)
    func singleLetters(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("Quotes and brackets stay with their sentence; no break before a speech tag", arguments: quotesAndBracketsCases)
    func quotesAndBrackets(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("URLs, e-mail addresses, ellipses, question and exclamation marks", arguments: addressesAndPunctuationCases)
    func addressesAndPunctuation(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }

    @Test("Headlines, datelines, lists, hard wraps, blank lines", arguments: lineStructureCases)
    func lineStructure(_ example: SegmentationCase) throws {
        try example.check(language: "de")
    }
}
