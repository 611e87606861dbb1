import Foundation
import PipelineCore

/// A machine-translation service behind one wire protocol.
protocol TranslationEngine: Sendable {
    /// The engine as users know it, for labels and the cache: `DeepL`, `LibreTranslate`, a model name.
    var name: String { get }
    /// Texts per request the protocol allows (or the user asked for).
    var maximumTexts: Int { get }
    /// Bytes of text per request, below the service's limit on the body.
    var maximumTextBytes: Int { get }
    /// Translations of `texts`, in their order. `terms` are the glossary entries found in them.
    func translate(_ texts: [String], terms: [GlossaryTerm]) async throws(MachineTranslationError) -> [String]
}

/// A glossary entry that occurs in text sent for translation: its approved target term, and the
/// target terms the glossary forbids.
struct GlossaryTerm: Sendable, Hashable, Comparable {
    let source: String
    let target: String
    let forbidden: [String]

    static func < (lhs: GlossaryTerm, rhs: GlossaryTerm) -> Bool {
        (lhs.source, lhs.target) < (rhs.source, rhs.target)
    }
}

/// JSON bodies, encoded with sorted keys so that requests are the same bytes on every run.
enum JSONBody {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and arrays of them cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, service: String) throws(MachineTranslationError) -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch {
            let start = String(decoding: data.prefix(80), as: UTF8.self)
            throw .unreadableAnswer(service: service, problem: "expected JSON as documented, got “\(start)”")
        }
    }
}
