/// The ids an export gives and a reader looks for; one definition keeps both sides in step.
/// All are XML NMTOKENs, as XLIFF 2 requires, whatever the document id looks like.
public enum XLIFFIdentifiers {
    public static func file(position: Int) -> String { "f\(position + 1)" }
    public static func unit(paragraph: Int) -> String { "p\(paragraph + 1)" }
    public static func segment(sentence: Int) -> String { "s\(sentence + 1)" }
    /// Gaps are numbered from 1 within their unit.
    public static func gap(number: Int) -> String { "g\(number)" }
    /// XLIFF 2 `subState` of a segment whose target is an unreviewed machine suggestion.
    public static let machineSubState = "pipeline:mt-suggestion"
}
