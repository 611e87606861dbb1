import Foundation
import PipelineCore
import XML

/// Reads one glossary file of any supported format into concepts.
///
/// The format comes from the extension (`.tbx`, `.xml`; `.tsv`, `.tab`, `.txt`, `.utf8`; `.csv`) and,
/// for anything else, from the content: XML, or text with tabs (TSV), or CSV.
public enum GlossaryFile {
    public enum Format: String, Sendable, CaseIterable {
        case tbx, tsv, csv
    }

    /// `warn` hears what is read but not used (an unknown column, an unknown value), with its line.
    public static func read(_ url: URL, languages: LanguagePair, warn: (String) -> Void = { _ in }) throws -> [GlossaryConcept] {
        let file = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GlossaryError.unreadable(file: file, reason: error.localizedDescription)
        }
        return try parse(data, file: file, fileName: url.lastPathComponent, languages: languages, warn: warn)
    }

    /// Parses file contents; `fileName` decides the format and may declare the languages of TSV and CSV columns.
    public static func parse(
        _ data: Data, file: String, fileName: String, languages: LanguagePair, warn: (String) -> Void = { _ in }
    ) throws -> [GlossaryConcept] {
        switch format(of: data, fileName: fileName) {
        case .tbx:
            let root = try SafeXMLReader.parse(
                data, fileName: file, doctype: .ignoreExternalReference, reportingAs: GlossaryError.self)
            return try TBXReader.concepts(in: root, file: file)
        case .tsv:
            return try DelimitedGlossaryReader.tsv(try text(of: data, file: file), file: file, fileName: fileName, languages: languages)
        case .csv:
            return try DelimitedGlossaryReader.csv(try text(of: data, file: file), file: file, fileName: fileName, languages: languages, warn: warn)
        }
    }

    static func format(of data: Data, fileName: String) -> Format {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "tbx", "xml", "tbxm": return .tbx
        case "tsv", "tab", "txt", "utf8": return .tsv
        case "csv": return .csv
        default:
            let start = data.prefix(4096)
            let firstByte = start.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            if firstByte == UInt8(ascii: "<") { return .tbx }
            return start.contains(0x09) ? .tsv : .csv
        }
    }

    /// UTF-8 text without a byte-order mark.
    static func text(of data: Data, file: String) throws -> String {
        guard var text = String(data: data, encoding: .utf8) else { throw GlossaryError.notUTF8(file: file) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
