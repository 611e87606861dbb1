import Foundation

/// What every stage may know about the run it is part of.
public struct StageContext: Sendable {
    public let pipelineName: String
    public let languages: LanguagePair
    /// Relative paths in the pipeline file resolve against this folder.
    public let baseDirectory: URL
    public let glossaries: [URL]
    /// Translated XLIFF files or folders returned by translators.
    public let translations: [URL]
    /// TMX translation memories.
    public let translationMemories: [URL]
    /// Bounds sentence-parallel work inside a document.
    public let parallelism: Parallelism
    /// Describes the run for provenance notes (XLIFF metadata, briefings): tool and pipeline name.
    public let provenance: String

    public init(
        pipelineName: String, languages: LanguagePair, baseDirectory: URL, glossaries: [URL] = [],
        translations: [URL] = [], translationMemories: [URL] = [], parallelism: Parallelism = Parallelism(width: 1),
        provenance: String? = nil
    ) {
        self.pipelineName = pipelineName
        self.languages = languages
        self.baseDirectory = baseDirectory
        self.glossaries = glossaries
        self.translations = translations
        self.translationMemories = translationMemories
        self.parallelism = parallelism
        self.provenance = provenance ?? "pipeline \(pipelineName)"
    }

    /// Resolves a path from the pipeline file: absolute paths stay, relative ones hang off `baseDirectory`.
    public func resolve(_ path: String) -> URL {
        PathResolution.resolve(path, against: baseDirectory)
    }
}

public enum PathResolution {
    public static func resolve(_ path: String, against base: URL) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL }
        return base.appendingPathComponent(expanded).standardizedFileURL
    }

    /// `path` relative to the folder `base`, with `..` where it lies outside (`../Samples/de/a.txt`).
    public static func relative(_ path: String, to base: URL) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let origin = base.standardizedFileURL.pathComponents
        let shared = zip(target, origin).prefix { $0 == $1 }.count
        guard shared > 0 else { return path }
        let parts = Array(repeating: "..", count: origin.count - shared) + target.dropFirst(shared)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
