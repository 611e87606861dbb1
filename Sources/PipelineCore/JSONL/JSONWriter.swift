/// Compact JSON text into a byte buffer: raw bytes, escaped strings and integers, nothing re-parsed.
package struct JSONWriter: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    package var isEmpty: Bool { bytes.isEmpty }

    package mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    package mutating func appendRaw(_ ascii: StaticString) {
        ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package mutating func appendRaw(_ raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    package mutating func appendRaw(_ raw: some Collection<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    package mutating func appendInt(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Digits land in a small stack buffer from the right, then go out in one append.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A number as `JSONEncoder` writes it: the shortest form that reads back the same, without a
    /// trailing `.0`. JSON has no NaN or infinity; they become `null`.
    package mutating func appendDouble(_ value: Double) {
        guard value.isFinite else {
            appendRaw("null")
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A string value: quoted, with `"`, `\` and control characters escaped and everything else as
    /// UTF-8 (a `String` is valid Unicode, so no other escaping is needed).
    package mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8 { appendString(utf8: $0) }
    }

    /// A string value from bytes that are valid UTF-8, such as a slice of a decoded text.
    package mutating func appendString(utf8 text: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        var index = 0
        while index < text.count {
            index = Self.endOfPlainRun(text, from: index)
            guard index < text.count else { break }
            let byte = text[index]
            if byte >= 0x20, byte != 0x22, byte != 0x5C {
                index += 1
                continue
            }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index])) }
            appendEscaped(byte)
            index += 1
            runStart = index
        }
        if runStart < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
        bytes.append(0x22)
    }

    /// Steps 8 bytes at a time over bytes that need no escaping (no quote, backslash or control
    /// character in the word); stops at or before the first that might.
    @inline(__always)
    static func endOfPlainRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index + 8 <= text.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            // A byte below 0x20, or equal to a quote or backslash, sets its high bit here (bytes
            // of 0x80 and up are excluded by `~word`, and may only cause a stop that is not needed).
            let special = ((word &- ones &* 0x20) & ~word & highs)
                | ((quote &- ones) & ~quote & highs)
                | ((backslash &- ones) & ~backslash & highs)
            if special != 0 { return index }
            index += 8
        }
        return index
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        bytes.append(0x5C)
        switch byte {
        case 0x22, 0x5C: bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let digits: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }
    }

    /// A JSON array of `items`, each written by `element`.
    package mutating func appendArray<Item>(_ items: some Sequence<Item>, _ element: (inout JSONWriter, Item) -> Void) {
        bytes.append(0x5B)
        var first = true
        for item in items {
            if !first { bytes.append(0x2C) }
            first = false
            element(&self, item)
        }
        bytes.append(0x5D)
    }

    /// The line written for a record that failed: its raw `id` when it had one, and the message.
    package mutating func appendErrorLine(idValue: [UInt8]?, message: String) {
        appendRaw("{")
        if let idValue {
            appendRaw("\"id\":")
            appendRaw(idValue)
            appendRaw(",")
        }
        appendRaw("\"error\":")
        appendString(message)
        appendRaw("}\n")
    }
}
