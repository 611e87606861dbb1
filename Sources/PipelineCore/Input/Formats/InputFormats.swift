import Foundation

/// The one place input formats are registered, and how a file finds its format.
public enum InputFormats {
    /// Every format `pipeline` reads; add a new one here.
    public static let builtIn: [any InputFormat] = [
        PlainTextFormat(),
        MarkdownFormat(),
        JSONLinesFormat(),
        HTMLFormat(),
        DOCXFormat(),
    ]

    /// Formats people try that are not read yet, by extension, so the error can say what the file is.
    static let notYetSupported: [String: String] = [
        "doc": "Word 97–2003 documents (save them as .docx)", "odt": "OpenDocument texts", "rtf": "RTF documents",
        "pdf": "PDF files",
        "xlf": "XLIFF files (list returned translations under `translations:`)",
        "xliff": "XLIFF files (list returned translations under `translations:`)",
    ]

    /// Every extension some format claims.
    public static var extensions: Set<String> { Set(builtIn.flatMap(\.extensions)) }

    /// The format that reads `file`, judged by its extension.
    public static func format(for file: URL) throws(InputError) -> any InputFormat {
        let fileExtension = file.pathExtension.lowercased()
        if let format = builtIn.first(where: { $0.extensions.contains(fileExtension) }) { return format }
        throw .unsupportedFormat(path: file.path, kind: notYetSupported[fileExtension], supported: supportedList)
    }

    /// "`.txt` (plain text), `.md` (Markdown), …" for messages.
    static var supportedList: String {
        builtIn.map { format in format.extensions.map { ".\($0)" }.joined(separator: ", ") + " (\(format.name))" }
            .joined(separator: ", ")
    }
}
