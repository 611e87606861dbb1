/// The version of `pipeline`, shown by `--version` and written where outputs name the tool that
/// made them (XLIFF `tool` elements and notes, briefings), so a translator's file says which
/// release produced it.
public enum PipelineVersion {
    public static let current = "0.9.0"
    /// `pipeline 0.9.0`, as outputs name their maker.
    public static let generator = "pipeline \(current)"
}
