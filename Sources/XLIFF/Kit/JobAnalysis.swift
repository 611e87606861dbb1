import Foundation
import PipelineCore

/// A job's word-count analysis, as CAT tools' analysis reports give it: per document and in total,
/// the words and segments of each band, so a project manager can quote and plan the job.
///
/// Segments are the XLIFF's (every sentence, or the summary's with `content: summary`). Each falls
/// in the first band that applies, in this order:
/// 1. `translated`: a translator already returned its English (returned XLIFF);
/// 2. `exact`: a 100% memory match;
/// 3. `repetition`: its source text (whitespace collapsed) occurred in an earlier segment of the job,
///    in input order; the first occurrence keeps its own band;
/// 4. `fuzzy-95-99`, `fuzzy-85-94`, `fuzzy-75-84`: the best memory match's percentage;
/// 5. `new`: everything else, including memory matches under 75% and machine translations.
/// Words are counted by `WordCount`.
public struct JobAnalysis: Sendable, Hashable, Codable {
    public enum Band: String, Sendable, Hashable, Codable, CaseIterable {
        case translated, exact, repetition
        case fuzzy95 = "fuzzy-95-99", fuzzy85 = "fuzzy-85-94", fuzzy75 = "fuzzy-75-84"
        case new

        /// Column heading in the Markdown report.
        var heading: String {
            switch self {
            case .translated: "Translated"
            case .exact: "100%"
            case .repetition: "Repetitions"
            case .fuzzy95: "95–99%"
            case .fuzzy85: "85–94%"
            case .fuzzy75: "75–84%"
            case .new: "New"
            }
        }
    }

    public struct Count: Sendable, Hashable, Codable {
        public var segments = 0
        public var words = 0
    }

    public struct BandCount: Sendable, Hashable, Codable {
        public let band: Band
        public var segments: Int
        public var words: Int
    }

    public struct Row: Sendable, Hashable, Codable {
        /// The document id, or `total`.
        public let document: String
        public var segments = 0
        public var words = 0
        /// Every band, in report order, zeros included, so columns line up in any reader.
        public var bands: [BandCount] = Band.allCases.map { BandCount(band: $0, segments: 0, words: 0) }

        init(document: String) { self.document = document }

        mutating func add(_ band: Band, words: Int) {
            segments += 1
            self.words += words
            let index = Band.allCases.firstIndex(of: band)!
            bands[index].segments += 1
            bands[index].words += words
        }

        mutating func add(_ row: Row) {
            segments += row.segments
            words += row.words
            for index in bands.indices {
                bands[index].segments += row.bands[index].segments
                bands[index].words += row.bands[index].words
            }
        }

        public func count(_ band: Band) -> Count {
            let found = bands[Band.allCases.firstIndex(of: band)!]
            return Count(segments: found.segments, words: found.words)
        }
    }

    public let job: String
    public let wordCount: String
    public private(set) var documents: [Row] = []
    public private(set) var total = Row(document: "total")

    public init(job: String) {
        self.job = job
        wordCount = WordCount.definition
    }

    private enum CodingKeys: String, CodingKey { case job, wordCount = "word-count", documents, total }

    /// Builds the analysis a document at a time, in input order, as the batch receives them.
    public struct Builder: Sendable {
        public private(set) var analysis: JobAnalysis
        private var seen: Set<String> = []

        public init(job: String) { analysis = JobAnalysis(job: job) }

        public mutating func add(_ exported: ExportedDocument, translations: [Int: Translation]) {
            var row = Row(document: exported.documentID)
            for segment in exported.units.flatMap(\.segments) {
                let source = segment.sourceText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let firstOccurrence = seen.insert(source).inserted
                row.add(Self.band(translations[segment.sentence]?.origin, firstOccurrence: firstOccurrence),
                        words: WordCount.count(segment.sourceText))
            }
            analysis.documents.append(row)
            analysis.total.add(row)
        }

        static func band(_ origin: Translation.Origin?, firstOccurrence: Bool) -> Band {
            switch origin {
            case .translator: return .translated
            case .memory(let percent) where percent >= 100: return .exact
            default: break
            }
            if !firstOccurrence { return .repetition }
            guard case .memory(let percent) = origin else { return .new }
            switch percent {
            case 95...: return .fuzzy95
            case 85...: return .fuzzy85
            case 75...: return .fuzzy75
            default: return .new
            }
        }
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// A table of words per band (segments in brackets), one row per document and the total.
    public func markdown() -> String {
        var lines = ["# Analysis: \(job)", ""]
        lines.append("Words per band (segments in brackets). " + WordCount.definition)
        lines.append("")
        lines.append("| Document | " + Band.allCases.map(\.heading).joined(separator: " | ") + " | Total |")
        lines.append("|---|" + Band.allCases.map { _ in "---:|" }.joined() + "---:|")
        func line(_ name: String, _ row: Row) -> String {
            let cells = Band.allCases.map { let count = row.count($0); return "\(count.words) (\(count.segments))" }
            return "| \(name) | " + cells.joined(separator: " | ") + " | \(row.words) (\(row.segments)) |"
        }
        for row in documents { lines.append(line("`\(row.document)`", row)) }
        lines.append(line("**Total**", total))
        lines.append("")
        lines.append("Bands, first that applies: translated (returned by a translator), 100% (exact memory match), "
            + "repetitions (the same source text earlier in the job), fuzzy memory matches by percentage, new (the rest, "
            + "including machine translation and matches under 75%).")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// How the analysis counts words, so figures can be compared with a CAT tool's.
public enum WordCount {
    public static let definition = "A word is a run of letters, digits and combining marks; a single hyphen, apostrophe, "
        + "period, comma or slash between two of them joins them (KI-Verordnung, 3,5, 1.000, z.B. count as one word); "
        + "punctuation, symbols and inline codes are no words."

    public static func count(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var words = 0
        var inWord = false
        for (index, scalar) in scalars.enumerated() {
            if isWordScalar(scalar) {
                if !inWord { words += 1 }
                inWord = true
            } else if inWord, joiners.contains(scalar), index + 1 < scalars.count, isWordScalar(scalars[index + 1]) {
                continue
            } else {
                inWord = false
            }
        }
        return words
    }

    private static let joiners: Set<Unicode.Scalar> = ["-", "'", "\u{2019}", ".", ",", "/", "\u{2011}"]

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .decimalNumber
    }
}
