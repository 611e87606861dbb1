/// The XLIFF versions the writer produces (the reader also takes 2.0 and 2.2).
public enum XLIFFVersion: String, Codable, Sendable, CaseIterable {
    case v1_2 = "1.2"
    case v2_1 = "2.1"
}
