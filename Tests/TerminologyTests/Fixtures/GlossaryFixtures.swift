import Foundation
import PipelineCore
import Testing
@testable import Terminology

/// One small glossary, written by us, in every format the importer reads. Each spelling holds the
/// same German→English content, so every format must yield the same entries:
/// - k1 Rechenzentrum (preferred) and Datacenter (deprecated) → data centre; `computer centre` is a
///   deprecated English term, never a target (TSV has no place for it);
/// - k2 Wahl → election, no status given (so it resolves to preferred);
/// - k3 xAI → xAI, case-sensitive through the note `match-case=sensitive`;
/// - k4 Konkurrent (admitted) → competitor.
enum GlossaryFixtures {
    struct Fixture: CustomTestStringConvertible, Sendable {
        let fileName: String
        let contents: String
        /// Whether the format can mark a target term as deprecated.
        let hasDeprecatedTargets: Bool
        var testDescription: String { fileName }
    }

    static let deEn = LanguagePair(source: LanguageTag("de")!, target: LanguageTag("en")!)
    static let enDe = LanguagePair(source: LanguageTag("en")!, target: LanguageTag("de")!)

    static func concepts(_ fixture: Fixture, languages: LanguagePair = deEn) throws -> [GlossaryConcept] {
        try GlossaryFile.parse(Data(fixture.contents.utf8), file: fixture.fileName, fileName: fixture.fileName, languages: languages)
    }

    static let all: [Fixture] = [tbx3DCA, tbx3DCT, tbx2008, tbxMin, tbxMinDraft, tsv, csv]

    static let tbx3DCA = Fixture(fileName: "fixture-v3-dca.tbx", contents: """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>Test fixture</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
            <conceptEntry id="k1">
              <descrip type="subjectField">computing</descrip>
              <langSec xml:lang="de">
                <termSec>
                  <term>Rechenzentrum</term>
                  <termNote type="partOfSpeech">noun</termNote>
                  <termNote type="grammaticalGender">neuter</termNote>
                  <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                </termSec>
                <termSec>
                  <term>Datacenter</term>
                  <termNote type="partOfSpeech">noun</termNote>
                  <termNote type="grammaticalGender">neuter</termNote>
                  <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
                  <note>anglicism</note>
                </termSec>
              </langSec>
              <langSec xml:lang="en-GB">
                <termSec>
                  <term>computer centre</term>
                  <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
                </termSec>
                <termSec>
                  <term>data centre</term>
                  <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                </termSec>
              </langSec>
            </conceptEntry>
            <conceptEntry id="k2">
              <langSec xml:lang="de"><termSec><term>Wahl</term>
                <termNote type="partOfSpeech">noun</termNote><termNote type="grammaticalGender">feminine</termNote>
              </termSec></langSec>
              <langSec xml:lang="en"><termSec><term>election</term></termSec></langSec>
            </conceptEntry>
            <conceptEntry id="k3">
              <langSec xml:lang="de"><termSec><term>xAI</term>
                <termNote type="partOfSpeech">properNoun</termNote><note>company name; match-case=sensitive</note>
              </termSec></langSec>
              <langSec xml:lang="en"><termSec><term>xAI</term></termSec></langSec>
            </conceptEntry>
            <conceptEntry id="k4">
              <langSec xml:lang="de"><termSec><term>Konkurrent</term>
                <termNote type="partOfSpeech">noun</termNote><termNote type="grammaticalGender">masculine</termNote>
                <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
              </termSec></langSec>
              <langSec xml:lang="en"><termSec><term>competitor</term>
                <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
              </termSec></langSec>
            </conceptEntry>
          </body></text>
        </tbx>
        """, hasDeprecatedTargets: true)

    /// DCT style: data categories as namespaced elements; the draft TBX v3 namespace.
    static let tbx3DCT = Fixture(fileName: "fixture-v3-dct.tbx", contents: """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0"
             xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
          <tbxHeader><fileDesc><sourceDesc><p>Test fixture</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
            <conceptEntry id="k1">
              <langSec xml:lang="de">
                <termSec><term>Rechenzentrum</term><min:partOfSpeech>noun</min:partOfSpeech>
                  <basic:grammaticalGender>neuter</basic:grammaticalGender>
                  <min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>
                <termSec><term>Datacenter</term><min:partOfSpeech>noun</min:partOfSpeech>
                  <basic:grammaticalGender>neuter</basic:grammaticalGender>
                  <min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec>
              </langSec>
              <langSec xml:lang="en">
                <termSec><term>computer centre</term><min:administrativeStatus>deprecatedTerm-admn-sts</min:administrativeStatus></termSec>
                <termSec><term>data centre</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus></termSec>
              </langSec>
            </conceptEntry>
            <conceptEntry id="k2">
              <langSec xml:lang="de"><termSec><term>Wahl</term><min:partOfSpeech>noun</min:partOfSpeech>
                <basic:grammaticalGender>feminine</basic:grammaticalGender></termSec></langSec>
              <langSec xml:lang="en"><termSec><term>election</term></termSec></langSec>
            </conceptEntry>
            <conceptEntry id="k3">
              <langSec xml:lang="de"><termSec><term>xAI</term><min:partOfSpeech>properNoun</min:partOfSpeech>
                <note>match-case=sensitive</note></termSec></langSec>
              <langSec xml:lang="en"><termSec><term>xAI</term></termSec></langSec>
            </conceptEntry>
            <conceptEntry id="k4">
              <langSec xml:lang="de"><termSec><term>Konkurrent</term><min:partOfSpeech>noun</min:partOfSpeech>
                <basic:grammaticalGender>masculine</basic:grammaticalGender>
                <min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus></termSec></langSec>
              <langSec xml:lang="en"><termSec><term>competitor</term></termSec></langSec>
            </conceptEntry>
          </body></text>
        </tbx>
        """, hasDeprecatedTargets: true)

    /// TBX 2008 with the DOCTYPE such files carry: ignored, never loaded.
    static let tbx2008 = Fixture(fileName: "fixture-2008.tbx", contents: """
        <?xml version="1.0"?>
        <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
        <martif type="TBX-Basic" xml:lang="en">
          <martifHeader><fileDesc><sourceDesc><p>Test fixture</p></sourceDesc></fileDesc></martifHeader>
          <text><body>
            <termEntry id="k1">
              <langSet xml:lang="de">
                <tig><term>Rechenzentrum</term><termNote type="partOfSpeech">noun</termNote>
                  <termNote type="grammaticalGender">neuter</termNote>
                  <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
                <ntig><termGrp><term>Datacenter</term><termNote type="partOfSpeech">noun</termNote>
                  <termNote type="grammaticalGender">neuter</termNote>
                  <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
              </langSet>
              <langSet xml:lang="en">
                <tig><term>computer centre</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
                <tig><term>data centre</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
              </langSet>
            </termEntry>
            <termEntry id="k2">
              <langSet xml:lang="de"><tig><term>Wahl</term><termNote type="partOfSpeech">noun</termNote>
                <termNote type="grammaticalGender">feminine</termNote></tig></langSet>
              <langSet xml:lang="en"><tig><term>election</term></tig></langSet>
            </termEntry>
            <termEntry id="k3">
              <langSet xml:lang="de"><tig><term>xAI</term><termNote type="partOfSpeech">properNoun</termNote>
                <note>match-case=sensitive</note></tig></langSet>
              <langSet xml:lang="en"><tig><term>xAI</term></tig></langSet>
            </termEntry>
            <termEntry id="k4">
              <langSet xml:lang="de"><tig><term>Konkurrent</term><termNote type="partOfSpeech">noun</termNote>
                <termNote type="grammaticalGender">masculine</termNote>
                <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig></langSet>
              <langSet xml:lang="en"><tig><term>competitor</term></tig></langSet>
            </termEntry>
          </body></text>
        </martif>
        """, hasDeprecatedTargets: true)

    static let tbxMin = Fixture(fileName: "fixture-min.tbx", contents: """
        <TBX dialect="TBX-Min">
          <header><id>fixture</id><languages source="de" target="en"/></header>
          <body>
            <termEntry id="k1">
              <langSet xml:lang="de">
                <tig><term>Rechenzentrum</term><partOfSpeech>noun</partOfSpeech><termStatus>preferred</termStatus></tig>
                <tig><term>Datacenter</term><termStatus>notRecommended</termStatus></tig>
              </langSet>
              <langSet xml:lang="en">
                <tig><term>computer centre</term><termStatus>obsolete</termStatus></tig>
                <tig><term>data centre</term><termStatus>preferred</termStatus></tig>
              </langSet>
            </termEntry>
            <termEntry id="k2">
              <langSet xml:lang="de"><tig><term>Wahl</term><partOfSpeech>noun</partOfSpeech></tig></langSet>
              <langSet xml:lang="en"><tig><term>election</term></tig></langSet>
            </termEntry>
            <termEntry id="k3">
              <langSet xml:lang="de"><tig><term>xAI</term>
                <noteGrp><note><noteKey>matching</noteKey><noteValue>match-case=sensitive</noteValue></note></noteGrp></tig></langSet>
              <langSet xml:lang="en"><tig><term>xAI</term></tig></langSet>
            </termEntry>
            <termEntry id="k4">
              <langSet xml:lang="de"><tig><term>Konkurrent</term><termStatus>admitted</termStatus></tig></langSet>
              <langSet xml:lang="en"><tig><term>competitor</term></tig></langSet>
            </termEntry>
          </body>
        </TBX>
        """, hasDeprecatedTargets: true)

    /// The 2013 TBX-Min draft: conceptEntry/langGroup/termGroup.
    static let tbxMinDraft = Fixture(fileName: "fixture-min-draft.tbx", contents: """
        <?xml version="1.0" encoding="UTF-8"?>
        <TBX dialect="TBX-Min">
          <header><languages source="de" target="en"/></header>
          <body>
            <conceptEntry id="k1">
              <langGroup xml:lang="de">
                <termGroup><term>Rechenzentrum</term><termStatus>preferred</termStatus></termGroup>
                <termGroup><term>Datacenter</term><termStatus>deprecated</termStatus></termGroup>
              </langGroup>
              <langGroup xml:lang="en">
                <termGroup><term>computer centre</term><termStatus>deprecated</termStatus></termGroup>
                <termGroup><term>data centre</term><termStatus>preferred</termStatus></termGroup>
              </langGroup>
            </conceptEntry>
            <conceptEntry id="k2">
              <langGroup xml:lang="de"><termGroup><term>Wahl</term></termGroup></langGroup>
              <langGroup xml:lang="en"><termGroup><term>election</term></termGroup></langGroup>
            </conceptEntry>
            <conceptEntry id="k3">
              <langGroup xml:lang="de"><termGroup><term>xAI</term><note>match-case=sensitive</note></termGroup></langGroup>
              <langGroup xml:lang="en"><termGroup><term>xAI</term></termGroup></langGroup>
            </conceptEntry>
            <conceptEntry id="k4">
              <langGroup xml:lang="de"><termGroup><term>Konkurrent</term><termStatus>admitted</termStatus></termGroup></langGroup>
              <langGroup xml:lang="en"><termGroup><term>competitor</term></termGroup></langGroup>
            </conceptEntry>
          </body>
        </TBX>
        """, hasDeprecatedTargets: true)

    /// OmegaT layout; the file name declares the columns' languages.
    static let tsv = Fixture(fileName: "fixture_de-en.tsv", contents: """
        # comment lines and blank lines are skipped

        Rechenzentrum\tdata centre\tnoun; neuter; preferred
        Datacenter\tdata centre\tnoun; neuter; deprecated; anglicism
        Wahl\telection\tnoun; feminine
        xAI\txAI\tproperNoun; match-case=sensitive
        Konkurrent\tcompetitor\tnoun; masculine; admitted

        """, hasDeprecatedTargets: false)

    /// CSV with CRLF and RFC 4180 quoting (commas, doubled quotes and a line break inside fields).
    static let csv = Fixture(fileName: "fixture.csv", contents: [
        "German,English,ConceptID,German_Status,English_Status,PartOfSpeech,Gender,MatchCase,Note",
        "Rechenzentrum,data centre,k1,preferred,preferred,noun,neuter,permissive,\"plural Rechenzentren, genitive Rechenzentrums\"",
        "Datacenter,data centre,k1,deprecated,preferred,noun,neuter,permissive,\"an \"\"anglicism\"\"\"",
        "Rechenzentrum,computer centre,k1,preferred,deprecated,noun,neuter,permissive,\"dated,\nBritish\"",
        "Wahl,election,k2,,,noun,feminine,,",
        "xAI,xAI,k3,,,properNoun,,sensitive,company",
        "Konkurrent,competitor,k4,admitted,preferred,noun,masculine,permissive,",
        "",
    ].joined(separator: "\r\n"), hasDeprecatedTargets: true)

    /// A German test glossary for the matcher, in TBX v3, with the grammar the inflection rules need.
    static let matcherGlossary = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>Matcher fixture</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
        \(entry("m01", "künstliche Intelligenz", "noun", "feminine", "artificial intelligence"))
        \(entry("m02", "KI", "noun", "feminine", "AI", termType: "abbreviation", note: "match-case=sensitive"))
        \(entry("m03", "KI-Verordnung", "noun", "feminine", "AI Act"))
        \(entry("m04", "Rechenzentrum", "noun", "neuter", "data centre"))
        \(entry("m05", "Sonderberater", "noun", "masculine", "special adviser"))
        \(entry("m06", "Sonderberater für künstliche Intelligenz", "noun", "masculine", "special adviser on artificial intelligence"))
        \(entry("m07", "Wettbewerber", "noun", "masculine", "competitor"))
        \(entry("m08", "Unternehmen", "noun", "neuter", "company"))
        \(entry("m09", "xAI", "properNoun", nil, "xAI", note: "match-case=sensitive"))
        \(entry("m10", "OpenAI", "properNoun", nil, "OpenAI", note: "match-case=sensitive"))
        \(entry("m11", "Elon Musk", "properNoun", "masculine", "Elon Musk"))
        \(entry("m12", "Fördergelder", "noun", "neuter", "funding"))
        \(entry("m13", "Europäische Union", "properNoun", "feminine", "European Union"))
        \(entry("m14", "Politik", "noun", "feminine", "policy"))
        \(entry("m15", "Wahl", "noun", "feminine", "election"))
        \(entry("m16", "Regulierung", "noun", "feminine", "regulation"))
        \(entry("m17", "Trainingsdaten", "noun", nil, "training data"))
        \(entry("m18", "Aufsichtsrat", "noun", "masculine", "supervisory board"))
        \(entry("m19", "Chip", "noun", "masculine", "chip"))
        \(entry("m20", "großes Sprachmodell", "noun", "neuter", "large language model"))
        \(entry("m21", "Konkurrent", "noun", "masculine", "competitor"))
          </body></text>
        </tbx>
        """

    static func entry(
        _ id: String, _ german: String, _ partOfSpeech: String, _ gender: String?, _ english: String,
        termType: String? = nil, note: String? = nil
    ) -> String {
        """
            <conceptEntry id="\(id)">
              <langSec xml:lang="de"><termSec><term>\(german)</term>
                <termNote type="partOfSpeech">\(partOfSpeech)</termNote>
                \(gender.map { "<termNote type=\"grammaticalGender\">\($0)</termNote>" } ?? "")
                \(termType.map { "<termNote type=\"termType\">\($0)</termNote>" } ?? "")
                <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
                \(note.map { "<note>\($0)</note>" } ?? "")
              </termSec></langSec>
              <langSec xml:lang="en"><termSec><term>\(english)</term>
                <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
            </conceptEntry>
        """
    }

    static func matcherGlossaryConcepts(languages: LanguagePair = deEn) throws -> [GlossaryConcept] {
        try GlossaryFile.parse(Data(matcherGlossary.utf8), file: "matcher.tbx", fileName: "matcher.tbx", languages: languages)
    }

    static func matcher(options: TermMatcher.Options = .init()) throws -> TermMatcher {
        TermMatcher(glossary: Glossary(concepts: try matcherGlossaryConcepts(), languages: deEn), options: options)
    }
}
