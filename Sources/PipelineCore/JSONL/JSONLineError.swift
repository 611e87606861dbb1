import Foundation

/// Why one JSON line cannot be read, and at which byte of the line (1-based column).
///
/// The reader that knows the source and line number puts them in front of `description`
/// (`stdin:12: column 40: …`), so every consumer of the codec reports a bad line the same way.
package struct JSONLineError: LocalizedError, Equatable, Sendable, CustomStringConvertible {
    package enum Problem: Equatable, Sendable {
        /// The line holds something other than one object; `found` names what it starts with.
        case notAnObject(found: String)
        case unexpected(found: String, expected: String)
        case endInsideString
        case controlCharacter(UInt8)
        case invalidEscape(found: String)
        case invalidUnicodeEscape
        case loneSurrogate(UInt16)
        case invalidUTF8([UInt8])
        case invalidNumber(reason: String)
        case duplicateKey(String)
        case tooDeep(limit: Int)
        case trailingContent(found: String)
        case missingField(String)
        case notAString(field: String, found: String)
    }

    package let problem: Problem
    /// 1-based byte offset in the line (a leading byte-order mark counts), 0 when no single byte is to blame.
    package let column: Int
    /// The raw `id` value read before the failure, so the error line can still say which record failed.
    package var idValue: [UInt8]?

    package init(_ problem: Problem, column: Int, idValue: [UInt8]? = nil) {
        self.problem = problem
        self.column = column
        self.idValue = idValue
    }

    package var description: String {
        column > 0 ? "column \(column): \(reason)" : reason
    }

    package var errorDescription: String? { description }

    package var reason: String {
        switch problem {
        case .notAnObject(let found): "not a JSON object: the line starts with \(found)"
        case .unexpected(let found, let expected): "expected \(expected), found \(found)"
        case .endInsideString: "the line ends inside a string (a missing closing quote?)"
        case .controlCharacter(let byte): "control character \(Self.hexByte(byte)) inside a string must be escaped (as \\n, \\t or \\u00XX)"
        case .invalidEscape(let found): "invalid escape \(found) in a string (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
        case .invalidUnicodeEscape: "\\u must be followed by four hexadecimal digits"
        case .loneSurrogate(let unit):
            (0xD800...0xDBFF).contains(unit)
                ? "lone surrogate \\u\(Self.hex4(unit)): a high surrogate must be followed by a low one (\\udc00–\\udfff)"
                : "lone surrogate \\u\(Self.hex4(unit)): a low surrogate must follow a high one (\\ud800–\\udbff)"
        case .invalidUTF8(let bytes): "invalid UTF-8 (bytes \(bytes.map(Self.hexByte).joined(separator: " ")))"
        case .invalidNumber(let reason): "invalid number: \(reason)"
        case .duplicateKey(let key): "duplicate key \"\(Self.excerpt(key))\" (each key may appear once per object)"
        case .tooDeep(let limit): "nested deeper than \(limit) levels"
        case .trailingContent(let found): "unexpected \(found) after the end of the object"
        case .missingField(let field): "no string field \"\(field)\""
        case .notAString(let field, let found): "field \"\(field)\" is \(found), not a string"
        }
    }

    static func hexByte(_ byte: UInt8) -> String {
        "0x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
    }

    static func hex4(_ unit: UInt16) -> String {
        String(unit, radix: 16).leftPadded(to: 4)
    }

    /// Keys come from the input; a long one is shortened so the message stays one readable line.
    static func excerpt(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { $0.value < 0x20 || $0 == "\"" || $0 == "\\" ? $0.escaped(asASCII: true) : String($0) }.joined()
        return escaped.count > 60 ? escaped.prefix(60) + "…" : escaped
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
