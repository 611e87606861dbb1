/// Segment states in XLIFF 2 terms; XLIFF 1.2 files use the closest 1.2 value.
public enum XLIFFState: String, Codable, Sendable, CaseIterable, Comparable {
    case initial, translated, reviewed, final

    /// The XLIFF 1.2 `state` attribute for this state.
    public var xliff12: String {
        switch self {
        case .initial: "needs-translation"
        case .translated: "translated"
        case .reviewed: "signed-off"
        case .final: "final"
        }
    }

    /// Reads a 1.2 state back; every `needs-review-*` state means a translation exists.
    public init?(xliff12 value: String) {
        switch value {
        case "new", "needs-translation", "needs-adaptation", "needs-l10n": self = .initial
        case "translated", "needs-review-translation", "needs-review-adaptation", "needs-review-l10n": self = .translated
        case "signed-off": self = .reviewed
        case "final": self = .final
        default: return nil
        }
    }

    public static func < (lhs: XLIFFState, rhs: XLIFFState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
