#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one line of JSON Lines into a `JSONLineObject`, checking the whole line against RFC 8259.
///
/// Every value is validated, including those that only pass through, because a line that one reader
/// accepts and another rejects is data that silently changes on its way: invalid UTF-8, lone
/// surrogate escapes, malformed numbers and duplicate keys (at any depth) are errors. Numbers are
/// checked for syntax only and never converted, so `1e400` passes through as written. Nesting is
/// bounded by `maxDepth`, checked iteratively, so no input can exhaust the stack.
package enum JSONLineParser {
    /// Deeper than any real record; the bound keeps a hostile line from costing more than its length.
    package static let maxDepth = 512

    /// The object on `line`, or nil when the line is blank (JSON whitespace only).
    /// - Parameter firstLine: a UTF-8 byte-order mark is tolerated before the object on a stream's first line.
    package static func parse(_ line: [UInt8], firstLine: Bool = false) throws(JSONLineError) -> JSONLineObject? {
        let parsed: Result<[JSONLineObject.Member]?, JSONLineError> = line.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            if firstLine, buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { scanner.index = 3 }
            do throws(JSONLineError) {
                return .success(try scanner.topLevelObject())
            } catch {
                return .failure(error)
            }
        }
        guard let members = try parsed.get() else { return nil }
        return JSONLineObject(bytes: line, members: members)
    }
}

/// A cursor over one line's bytes. `index` always points at the next byte to read.
struct JSONScanner {
    private let base: UnsafeBufferPointer<UInt8>
    private let end: Int
    var index = 0
    /// The raw `id` member once read, for errors later on the line.
    private var idValue: [UInt8]?

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        base = buffer
        end = buffer.count
    }

    // MARK: The top level

    mutating func topLevelObject() throws(JSONLineError) -> [JSONLineObject.Member]? {
        skipWhitespace()
        guard index < end else { return nil }
        guard base[index] == UInt8(ascii: "{") else { throw error(.notAnObject(found: found())) }
        index += 1
        var members: [JSONLineObject.Member] = []
        var keys = KeySet()
        var segmentStart = index
        skipWhitespace()
        if index < end, base[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let keyStart = index
                let key = try objectKey()
                guard keys.insert(key) else { throw error(.duplicateKey(key), at: keyStart) }
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "':' after the key")
                skipWhitespace()
                let valueStart = index
                let (kind, hasEscapes) = try value(depth: 1)
                let valueEnd = index
                if key == "id" { idValue = Array(base[valueStart..<valueEnd]) }
                skipWhitespace()
                members.append(JSONLineObject.Member(
                    key: key, segment: segmentStart..<index, value: valueStart..<valueEnd, kind: kind, hasEscapes: hasEscapes))
                guard index < end else { throw error(.unexpected(found: found(), expected: "',' or '}' after a value")) }
                if base[index] == UInt8(ascii: ",") {
                    index += 1
                    segmentStart = index
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}' after a value")
                break
            }
        }
        skipWhitespace()
        guard index == end else { throw error(.trailingContent(found: found())) }
        return members
    }

    // MARK: Values

    /// Reads one value starting at `index`; containers are walked with an explicit stack.
    private mutating func value(depth: Int) throws(JSONLineError) -> (JSONLineObject.Kind, hasEscapes: Bool) {
        guard index < end else { throw error(.unexpected(found: found(), expected: "a value")) }
        switch base[index] {
        case UInt8(ascii: "\""): return (.string, try string())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let kind: JSONLineObject.Kind = base[index] == UInt8(ascii: "{") ? .object : .array
            try container(depth: depth)
            return (kind, false)
        default: return (try scalar(), false)
        }
    }

    /// A number, `true`, `false` or `null`.
    private mutating func scalar() throws(JSONLineError) -> JSONLineObject.Kind {
        guard index < end else { throw error(.unexpected(found: found(), expected: "a value")) }
        switch base[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
            return .number
        case UInt8(ascii: "t"):
            try literal("true")
            return .boolean
        case UInt8(ascii: "f"):
            try literal("false")
            return .boolean
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            throw error(.unexpected(found: found(), expected: "a value (string, number, object, array, true, false or null)"))
        }
    }

    private struct OpenContainer {
        let isObject: Bool
        var keys: KeySet
    }

    /// An object or array nested in a member value, at `depth` (the line's own object is depth 1).
    private mutating func container(depth: Int) throws(JSONLineError) {
        var stack: [OpenContainer] = []
        var expectingValue = true
        while true {
            if expectingValue {
                skipWhitespace()
                guard index < end else { throw error(.unexpected(found: found(), expected: "a value")) }
                let byte = base[index]
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    guard depth + stack.count + 1 <= JSONLineParser.maxDepth else {
                        throw error(.tooDeep(limit: JSONLineParser.maxDepth))
                    }
                    let isObject = byte == UInt8(ascii: "{")
                    stack.append(OpenContainer(isObject: isObject, keys: KeySet()))
                    index += 1
                    skipWhitespace()
                    if index < end, base[index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        index += 1
                        stack.removeLast()
                        expectingValue = false
                    } else if isObject {
                        try nestedKey(into: &stack[stack.count - 1].keys)
                    }
                    if stack.isEmpty { return }
                    continue
                }
                if byte == UInt8(ascii: "\"") { _ = try string() } else { _ = try scalar() }
                expectingValue = false
            }
            // After a value inside the innermost open container.
            guard let top = stack.last else { return }
            skipWhitespace()
            guard index < end else {
                throw error(.unexpected(found: found(), expected: top.isObject ? "',' or '}' after a value" : "',' or ']' after a value"))
            }
            switch base[index] {
            case UInt8(ascii: ","):
                index += 1
                if top.isObject {
                    skipWhitespace()
                    try nestedKey(into: &stack[stack.count - 1].keys)
                }
                expectingValue = true
            case UInt8(ascii: "}") where top.isObject, UInt8(ascii: "]") where !top.isObject:
                index += 1
                stack.removeLast()
                if stack.isEmpty { return }
            default:
                throw error(.unexpected(found: found(), expected: top.isObject ? "',' or '}' after a value" : "',' or ']' after a value"))
            }
        }
    }

    /// `"key":` inside a nested object, checked against the keys before it.
    private mutating func nestedKey(into keys: inout KeySet) throws(JSONLineError) {
        let keyStart = index
        let key = try objectKey()
        guard keys.insert(key) else { throw error(.duplicateKey(key), at: keyStart) }
        skipWhitespace()
        try expect(UInt8(ascii: ":"), "':' after the key")
    }

    private mutating func objectKey() throws(JSONLineError) -> String {
        guard index < end, base[index] == UInt8(ascii: "\"") else {
            throw error(.unexpected(found: found(), expected: "a key in double quotes"))
        }
        let start = index
        let hasEscapes = try string()
        let content = UnsafeBufferPointer(rebasing: base[(start + 1)..<(index - 1)])
        return hasEscapes ? JSONStringDecoding.unescape(content) : String(decoding: content, as: UTF8.self)
    }

    // MARK: Strings

    /// Validates a string from its opening quote past its closing one; returns whether it has escapes.
    private mutating func string() throws(JSONLineError) -> Bool {
        let opening = index
        index += 1
        var hasEscapes = false
        while true {
            skipPlainASCII()
            guard index < end else { throw error(.endInsideString, at: opening) }
            let byte = base[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return hasEscapes
            case UInt8(ascii: "\\"):
                try escape()
                hasEscapes = true
            case 0..<0x20:
                throw error(.controlCharacter(byte))
            case 0x20..<0x80:
                index += 1
            default:
                try multiByteScalar()
            }
        }
    }

    /// Skips 8 bytes at a time while none is a quote, a backslash, a control character or non-ASCII.
    @inline(__always)
    private mutating func skipPlainASCII() {
        guard let start = base.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= end {
            let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special = (word & highs)
                | ((word &- ones &* 0x20) & ~word & highs)
                | ((quote &- ones) & ~quote & highs)
                | ((backslash &- ones) & ~backslash & highs)
            if special != 0 { return }
            index += 8
        }
    }

    private mutating func escape() throws(JSONLineError) {
        let backslash = index
        guard index + 1 < end else { throw error(.endInsideString) }
        switch base[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            let unit = try unicodeEscape(at: backslash)
            index += 6
            if (0xDC00...0xDFFF).contains(unit) { throw error(.loneSurrogate(unit), at: backslash) }
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 1 < end, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u"),
                      (0xDC00...0xDFFF).contains(try unicodeEscape(at: index))
                else { throw error(.loneSurrogate(unit), at: backslash) }
                index += 6
            }
        default:
            let next = base[index + 1]
            let shown = (0x21..<0x7F).contains(next) ? "\\\(Character(Unicode.Scalar(next)))" : "\\ before byte \(JSONLineError.hexByte(next))"
            throw error(.invalidEscape(found: shown))
        }
    }

    /// The code unit of `\uXXXX` at `backslash`.
    private func unicodeEscape(at backslash: Int) throws(JSONLineError) -> UInt16 {
        guard backslash + 6 <= end else { throw error(.invalidUnicodeEscape, at: backslash) }
        var unit: UInt16 = 0
        for offset in 2..<6 {
            guard let digit = JSONStringDecoding.hexValue(base[backslash + offset]) else {
                throw error(.invalidUnicodeEscape, at: backslash)
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    /// Checks one UTF-8 sequence of 2–4 bytes against RFC 3629 (no overlong forms, no surrogates,
    /// nothing past U+10FFFF) and steps over it.
    private mutating func multiByteScalar() throws(JSONLineError) {
        let lead = base[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw error(.invalidUTF8([lead]))
        }
        for offset in 1..<length {
            let valid = index + offset < end && (offset == 1 ? secondRange : 0x80...0xBF).contains(base[index + offset])
            if !valid { throw error(.invalidUTF8(Array(base[index..<min(index + offset + 1, end)]))) }
        }
        index += length
    }

    // MARK: Numbers and literals

    /// `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`, checked, not converted.
    private mutating func number() throws(JSONLineError) {
        if base[index] == UInt8(ascii: "-") {
            index += 1
            guard isDigit() else { throw error(.invalidNumber(reason: "'-' must be followed by a digit")) }
        }
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit() { throw error(.invalidNumber(reason: "a leading zero must not be followed by more digits")) }
        } else {
            skipDigits()
        }
        if index < end, base[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit() else { throw error(.invalidNumber(reason: "a decimal point must be followed by a digit")) }
            skipDigits()
        }
        if index < end, base[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < end, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit() else { throw error(.invalidNumber(reason: "an exponent must have a digit")) }
            skipDigits()
        }
    }

    private func isDigit() -> Bool {
        index < end && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(base[index])
    }

    private mutating func skipDigits() {
        while isDigit() { index += 1 }
    }

    private mutating func literal(_ word: StaticString) throws(JSONLineError) {
        let start = index
        let length = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            start + length <= end && (0..<length).allSatisfy { base[start + $0] == expected[$0] }
        }
        guard matches else { throw error(.unexpected(found: found(), expected: "a value (string, number, object, array, true, false or null)")) }
        index += length
    }

    // MARK: Helpers

    private mutating func skipWhitespace() {
        while index < end {
            switch base[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ expected: String) throws(JSONLineError) {
        guard index < end, base[index] == byte else { throw error(.unexpected(found: found(), expected: expected)) }
        index += 1
    }

    /// The byte at `index`, as a message shows it.
    private func found() -> String {
        guard index < end else { return "the end of the line" }
        let byte = base[index]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x20 { return "a space" }
        return "byte \(JSONLineError.hexByte(byte))"
    }

    private func error(_ problem: JSONLineError.Problem, at offset: Int? = nil) -> JSONLineError {
        JSONLineError(problem, column: (offset ?? index) + 1, idValue: idValue)
    }
}

/// The keys of one object, for rejecting duplicates: a short list scanned, a set past a few keys.
struct KeySet {
    private var few: [String] = []
    private var many: Set<String>?

    /// False when `key` was already there.
    mutating func insert(_ key: String) -> Bool {
        if many != nil { return many!.insert(key).inserted }
        if few.contains(key) { return false }
        few.append(key)
        if few.count > 16 { many = Set(few) }
        return true
    }
}

/// Turning validated JSON string content into text.
enum JSONStringDecoding {
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Resolves the escapes of string content the scanner has accepted (so every escape is complete
    /// and every surrogate paired).
    static func unescape(_ content: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: content.count) { unescape(content, into: $0) }
    }

    /// Writes the UTF-8 of escaped string content into `output`, which must hold `content.count`
    /// bytes: the result is never longer, since every escape is at least as long as what it stands
    /// for. Runs between escapes are copied whole. Returns the number of bytes written.
    static func unescape(_ content: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let source = content.baseAddress, let target = output.baseAddress else { return 0 }
        var written = 0
        var index = 0
        while index < content.count {
            let runEnd = memchr(source + index, Int32(UInt8(ascii: "\\")), content.count - index)
                .map { $0.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: source) } ?? content.count
            if runEnd > index {
                (target + written).update(from: source + index, count: runEnd - index)
                written += runEnd - index
                index = runEnd
            }
            guard index < content.count else { break }
            let kind = content[index + 1]
            index += 2
            let escaped: UInt8
            switch kind {
            case UInt8(ascii: "b"): escaped = 0x08
            case UInt8(ascii: "f"): escaped = 0x0C
            case UInt8(ascii: "n"): escaped = 0x0A
            case UInt8(ascii: "r"): escaped = 0x0D
            case UInt8(ascii: "t"): escaped = 0x09
            case UInt8(ascii: "u"):
                var scalar = UInt32(unit(content, at: index))
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = UInt32(unit(content, at: index + 2))
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                for byte in UTF8.encode(Unicode.Scalar(scalar)!)! {
                    target[written] = byte
                    written += 1
                }
                continue
            default: escaped = kind // \" \\ \/
            }
            target[written] = escaped
            written += 1
        }
        return written
    }

    private static func unit(_ content: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16 {
        (0..<4).reduce(0) { $0 << 4 | UInt16(hexValue(content[index + $1])!) }
    }
}
