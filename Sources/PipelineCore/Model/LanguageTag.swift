/// A BCP-47 language tag such as `de-DE` or `en-GB`, checked for shape, compared case-insensitively.
public struct LanguageTag: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The tag as written, e.g. `de-DE`.
    public let tag: String

    public init?(_ tag: String) {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        self.tag = tag
    }

    /// The language subtag in lower case: `de` for `de-AT`. Rules and stop words are chosen by it.
    public var language: String { String(tag.prefix { $0 != "-" }).lowercased() }

    public var description: String { tag }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = LanguageTag(raw) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(raw)' is not a BCP-47 language tag such as de-DE or en-GB"))
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tag)
    }

    public static func == (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.tag.lowercased() == rhs.tag.lowercased() }
    public func hash(into hasher: inout Hasher) { hasher.combine(tag.lowercased()) }
}

public struct LanguagePair: Sendable, Hashable, Codable {
    public let source: LanguageTag
    public let target: LanguageTag

    public init(source: LanguageTag, target: LanguageTag) {
        self.source = source
        self.target = target
    }
}
