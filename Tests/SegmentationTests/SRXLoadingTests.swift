import Foundation
import PipelineCore
import Testing
@testable import Segmentation

/// Loading standard SRX files: language maps, cascading, rule order, vendor extensions, SRX 1.0.
struct SRXLoadingTests {
    /// Three language rules mapped by three patterns, with Okapi's vendor extensions sprinkled in
    /// (header options, a sample, an attribute on a rule) and one of our word lists.
    static func cascadingFile(cascade: Bool) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" xmlns:okpsrx="http://okapi.sf.net/srx-extensions"
             xmlns:pl="urn:pipeline:srx" version="2.0">
          <header segmentsubflows="yes" cascade="\(cascade ? "yes" : "no")">
            <formathandle type="start" include="no"/>
            <okpsrx:options oneSegmentIncludesAll="no" trimLeadingWhitespaces="yes"/>
            <okpsrx:sample language="de">Ein Beispiel. Noch eins.</okpsrx:sample>
            <pl:wordlist name="titles" file="titles.txt"/>
          </header>
          <body>
            <languagerules>
              <languagerule languagerulename="Swiss">
                <rule break="no">
                  <beforebreak>\\bvgl\\.</beforebreak>
                  <afterbreak>\\s</afterbreak>
                </rule>
              </languagerule>
              <languagerule languagerulename="German">
                <rule break="no">
                  <beforebreak>\\b{{titles}}\\.</beforebreak>
                  <afterbreak>\\s</afterbreak>
                </rule>
              </languagerule>
              <languagerule languagerulename="Common">
                <rule break="yes" okpsrx:comment="ends a sentence">
                  <beforebreak>[.?!]+</beforebreak>
                  <afterbreak>\\s+\\p{Lu}</afterbreak>
                </rule>
              </languagerule>
            </languagerules>
            <maprules>
              <languagemap languagepattern="de-CH" languagerulename="Swiss"/>
              <languagemap languagepattern="de.*" languagerulename="German"/>
              <languagemap languagepattern=".*" languagerulename="Common"/>
            </maprules>
          </body>
        </srx>
        """
    }

    static let text = "Der Termin steht, vgl. Anhang. Dr. Meier kommt. Ende."

    struct MapCase: Sendable, CustomTestStringConvertible {
        let language: String
        let cascade: Bool
        let sentences: [String]
        var testDescription: String { "\(language), cascade \(cascade ? "yes" : "no")" }
    }

    static let mapCases = [
        // de-CH matches all three maps: Swiss, German and Common rules apply in that order.
        MapCase(language: "de-CH", cascade: true, sentences: ["Der Termin steht, vgl. Anhang.", "Dr. Meier kommt.", "Ende."]),
        MapCase(language: "de-AT", cascade: true, sentences: ["Der Termin steht, vgl.", "Anhang.", "Dr. Meier kommt.", "Ende."]),
        MapCase(language: "fr", cascade: true, sentences: ["Der Termin steht, vgl.", "Anhang.", "Dr.", "Meier kommt.", "Ende."]),
        // Without cascade only the first matching map counts: Swiss rules alone have no break rule.
        MapCase(language: "de-CH", cascade: false, sentences: [text]),
        MapCase(language: "de-DE", cascade: false, sentences: [text]),
        MapCase(language: "en", cascade: false, sentences: ["Der Termin steht, vgl.", "Anhang.", "Dr.", "Meier kommt.", "Ende."]),
    ]

    @Test("Language maps select rules; cascade joins every matching map in order", arguments: mapCases)
    func languageMapsAndCascade(_ example: MapCase) throws {
        let folder = try TemporaryFolder()
        try folder.write("titles.txt", "# titles before names\nDr\nProf\n")
        let file = try folder.write("rules.srx", Self.cascadingFile(cascade: example.cascade))
        let segmenter = try Segmenter(rules: file, language: #require(LanguageTag(example.language)))
        let segmented = segmenter.segment(Self.text)
        #expect(segmented.sentences.map { Self.text.slice($0.span) } == example.sentences)
    }

    @Test("At each position the first matching rule in file order decides")
    func firstMatchingRuleDecides() throws {
        func file(noBreakFirst: Bool) -> String {
            let noBreak = #"<rule break="no"><beforebreak>\bca\.</beforebreak><afterbreak>\s</afterbreak></rule>"#
            let breakAll = #"<rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>"#
            return """
                <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body>
                <languagerules><languagerule languagerulename="Only">
                \(noBreakFirst ? noBreak + breakAll : breakAll + noBreak)
                </languagerule></languagerules>
                <maprules><languagemap languagepattern=".*" languagerulename="Only"/></maprules>
                </body></srx>
                """
        }
        let folder = try TemporaryFolder()
        let text = "Es kostet ca. zehn Euro. Mehr nicht."
        let language = try #require(LanguageTag("de"))
        let exceptionFirst = try Segmenter(rules: folder.write("a.srx", file(noBreakFirst: true)), language: language)
        let breakFirst = try Segmenter(rules: folder.write("b.srx", file(noBreakFirst: false)), language: language)
        #expect(exceptionFirst.segment(text).sentences.count == 2)
        #expect(breakFirst.segment(text).sentences.count == 3)
    }

    @Test("SRX 1.0 files with named maprule groups load too")
    func srx10Layout() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("old.srx", """
            <?xml version="1.0"?>
            <srx version="1.0">
              <header segmentsubflows="yes"/>
              <body>
                <languagerules>
                  <languagerule languagerulename="Default">
                    <rule><beforebreak>[.!?]</beforebreak><afterbreak>\\s</afterbreak></rule>
                  </languagerule>
                </languagerules>
                <maprules>
                  <maprule maprulename="Default">
                    <languagemap languagepattern=".*" languagerulename="Default"/>
                  </maprule>
                </maprules>
              </body>
            </srx>
            """)
        let segmenter = try Segmenter(rules: file, language: #require(LanguageTag("de")))
        #expect(segmenter.segment("Eins. Zwei! Drei?").sentences.count == 3)
    }

    @Test("The built-in rules run entirely on the compiled automaton", arguments: ["de", "de-AT", "en-GB", "fr"])
    func builtInRulesNeedNoICU(_ language: String) throws {
        let segmenter = try Segmenter(language: #require(LanguageTag(language)))
        #expect(segmenter.runsOnAutomatonOnly)
    }

    @Test("A rule only ICU can run (lookbehind) still decides, alongside compiled ones")
    func icuRulesMixWithCompiledOnes() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("lookbehind.srx", """
            <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body>
            <languagerules><languagerule languagerulename="L">
            <rule break="no"><beforebreak>(?&lt;=\\bNr)\\.</beforebreak><afterbreak></afterbreak></rule>
            <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule></languagerules>
            <maprules><languagemap languagepattern=".*" languagerulename="L"/></maprules>
            </body></srx>
            """)
        let segmenter = try Segmenter(rules: file, language: #require(LanguageTag("de")))
        #expect(!segmenter.runsOnAutomatonOnly)
        let text = "Zimmer Nr. 5 ist frei. Bitte melden."
        #expect(segmenter.segment(text).sentences.map { text.slice($0.span) } == ["Zimmer Nr. 5 ist frei.", "Bitte melden."])
    }
}
