import Foundation

/// Encodes briefings, digests and QA reports as JSON for other programs: sorted keys and pretty
/// printing, so the bytes are the same on every run.
public struct JSONRenderer: Sendable {
    public init() {}

    public func render<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
