/// XML namespaces of the formats written and read here.
public enum XLIFFNamespace {
    public static let xliff12 = "urn:oasis:names:tc:xliff:document:1.2"
    public static let xliff2 = "urn:oasis:names:tc:xliff:document:2.0"
    public static let glossary = "urn:oasis:names:tc:xliff:glossary:2.0"
    public static let metadata = "urn:oasis:names:tc:xliff:metadata:2.0"
    public static let matches = "urn:oasis:names:tc:xliff:matches:2.0"
    public static let tbx = "urn:iso:std:iso:30042:ed-2"
}
