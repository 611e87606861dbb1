import Foundation
import PipelineCore

/// The human-readable notes both XLIFF versions carry, worded once. Notes are what every CAT tool
/// shows; XLIFF 2's glossary and metadata modules carry the same facts in machine-readable form.
enum TranslatorNotes {
    /// `Rechenzentrum → data centre (avoid: computing centre)`, for the terms that matched in one unit.
    static func glossary(_ concept: ExportedDocument.ConceptUse, terms: [String]) -> String {
        var note = "\(terms.joined(separator: " / ")) → \(concept.target)"
        if !concept.deprecatedTargets.isEmpty {
            note += " (avoid: \(concept.deprecatedTargets.joined(separator: ", ")))"
        }
        return note
    }

    /// `s3: key point 1 of 5 of the briefing (score 0.8123, method textrank)`.
    static func summary(_ segment: ExportedDocument.Segment, in document: ExportedDocument) -> String? {
        guard let pick = segment.pick else { return nil }
        var note = "\(segment.id): key point \(pick.rank) of \(document.summaryLength) of the briefing (score \(score(pick.score))"
        if let method = document.summaryMethod { note += ", method \(method)" }
        return note + ")"
    }

    /// `s3: target pre-filled by TM 85%`.
    static func origin(_ segment: ExportedDocument.Segment) -> String? {
        segment.origin.map { "\(segment.id): target pre-filled by \($0.label)" }
    }

    /// The segment id of an `origin` note about machine output (`s3` of `s3: target pre-filled by
    /// machine translation (DeepL)`): how a 1.2 reader tells machine segments of a unit from the
    /// others, since 1.2 gives a state only per unit.
    static func machineSegment(inOriginNote note: String) -> String? {
        guard let colon = note.firstIndex(of: ":"),
              note[colon...].hasPrefix(": target pre-filled by \(Translation.Origin.machine(engine: "").kind) translation (") else { return nil }
        return String(note[..<colon])
    }

    /// A score with four decimals, the same on every platform and locale.
    static func score(_ value: Double) -> String {
        guard value.isFinite else { return "0.0000" }
        let scaled = (value * 10_000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let fraction = String(magnitude % 10_000)
        return "\(sign)\(magnitude / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }

    /// Facts about the document and the run, as (key, value) pairs in a fixed order.
    static func provenance(_ document: ExportedDocument, run: String) -> [(key: String, value: String)] {
        var facts: [(String, String)] = [
            ("tool", PipelineVersion.generator),
            ("run", run),
            ("document", document.documentID),
            ("title", document.title),
            ("source", document.source),
            ("content", document.content.rawValue),
        ]
        if let method = document.summaryMethod { facts.append(("summary-method", method)) }
        for entry in document.metadata { facts.append(("metadata:\(entry.key)", entry.value)) }
        return facts.filter { !$0.1.isEmpty }
    }
}
