/// The top-level object of one JSON line, kept as the line's bytes plus where each member sits.
///
/// Nothing is converted until asked for: fields the tool does not read pass through as the exact
/// bytes they came in as, and only the string fields a command needs are decoded.
package struct JSONLineObject: Sendable {
    package enum Kind: Sendable, Equatable {
        case string, number, object, array, boolean, null

        /// For messages: "field \"text\" is a number, not a string".
        var described: String {
            switch self {
            case .string: "a string"
            case .number: "a number"
            case .object: "an object"
            case .array: "an array"
            case .boolean: "a boolean"
            case .null: "null"
            }
        }
    }

    package struct Member: Sendable {
        package let key: String
        /// From just after the `{` or `,` before the member to the `,` or `}` after it, so members
        /// written back one after another, comma-separated, reproduce the line byte for byte.
        let segment: Range<Int>
        /// The value's bytes; for a string, including its quotes.
        package let value: Range<Int>
        package let kind: Kind
        /// A string value with backslash escapes, which decoding must resolve.
        let hasEscapes: Bool
    }

    /// The whole line as read.
    package let bytes: [UInt8]
    package let members: [Member]

    package func member(_ key: String) -> Member? {
        members.first { $0.key == key }
    }

    /// The raw bytes of a member's value, exactly as in the input.
    package func rawValue(_ key: String) -> ArraySlice<UInt8>? {
        member(key).map { bytes[$0.value] }
    }

    /// A string field, decoded; nil when absent or `null`, an error when it holds another kind of value.
    package func string(_ key: String) throws(JSONLineError) -> String? {
        guard let member = member(key), member.kind != .null else { return nil }
        guard member.kind == .string else {
            throw JSONLineError(.notAString(field: key, found: member.kind.described), column: member.value.lowerBound + 1, idValue: idValue)
        }
        return decodedString(member)
    }

    /// A string field every record must have, such as `text`.
    package func requiredString(_ key: String) throws(JSONLineError) -> String {
        guard let value = try string(key) else { throw JSONLineError(.missingField(key), column: 0, idValue: idValue) }
        return value
    }

    /// The raw `id` value, for error lines that name the record.
    package var idValue: [UInt8]? {
        rawValue("id").map(Array.init)
    }

    /// The text of a string member; the parser has validated it, so decoding cannot fail.
    package func decodedString(_ member: Member) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let content = UnsafeBufferPointer(rebasing: buffer[(member.value.lowerBound + 1)..<(member.value.upperBound - 1)])
            return member.hasEscapes ? JSONStringDecoding.unescape(content) : String(decoding: content, as: UTF8.self)
        }
    }

    /// Hands `body` the UTF-8 bytes of a string field every record must have, without making a
    /// `String`: the line's own bytes when the value has no escapes, a decoded copy when it has.
    /// The bytes are valid UTF-8 (the parser has checked them).
    package func withRequiredStringUTF8<Result>(
        _ key: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        guard let member = member(key), member.kind != .null else { throw JSONLineError(.missingField(key), column: 0, idValue: idValue) }
        guard member.kind == .string else {
            throw JSONLineError(.notAString(field: key, found: member.kind.described), column: member.value.lowerBound + 1, idValue: idValue)
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            let content = UnsafeBufferPointer(rebasing: buffer[(member.value.lowerBound + 1)..<(member.value.upperBound - 1)])
            guard member.hasEscapes else { return try body(content) }
            return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: content.count) { decoded in
                let count = JSONStringDecoding.unescape(content, into: decoded)
                return try body(UnsafeBufferPointer(rebasing: decoded[..<count]))
            }
        }
    }

    /// Writes the object with `added` appended: every input member keeps its bytes and its place,
    /// except one whose key `added` sets, which is left out rather than repeated.
    package func write(adding added: JSONAddedFields, to output: inout JSONWriter) {
        output.appendRaw("{")
        var first = true
        bytes.withUnsafeBufferPointer { buffer in
            for member in members where !added.keys.contains(member.key) {
                if !first { output.appendRaw(",") }
                output.appendRaw(UnsafeBufferPointer(rebasing: buffer[member.segment]))
                first = false
            }
        }
        if !added.isEmpty {
            if !first { output.appendRaw(",") }
            output.appendRaw(added.writer.bytes)
        }
        output.appendRaw("}")
    }
}

/// Fields a command adds to each object, already encoded, in the order added.
package struct JSONAddedFields: Sendable {
    package private(set) var keys: [String] = []
    fileprivate(set) var writer = JSONWriter()

    package init(reservingCapacity capacity: Int = 0) {
        writer = JSONWriter(reservingCapacity: capacity)
    }

    var isEmpty: Bool { keys.isEmpty }

    /// Adds `"key":value`; `value` writes the JSON value.
    package mutating func add(_ key: String, _ value: (inout JSONWriter) -> Void) {
        if !keys.isEmpty { writer.appendRaw(",") }
        keys.append(key)
        writer.appendString(key)
        writer.appendRaw(":")
        value(&writer)
    }
}
