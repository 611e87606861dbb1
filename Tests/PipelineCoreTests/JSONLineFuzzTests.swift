import Foundation
import Testing
@testable import PipelineCore

/// Seeded fuzzing of the JSON-lines codec: random valid lines must round-trip every raw field byte
/// for byte, and the same lines mutated or cut short must each give an object or an error with a
/// column on the line, never a crash.
@Suite struct JSONLineFuzzTests {
    @Test func validLinesRoundTripTheirRawFieldsAndDecodeTheirStrings() throws {
        var generator = LineGenerator(seed: 0x5EED_0001)
        for _ in 0..<3_000 {
            let line = generator.line()
            let object = try #require(try JSONLineParser.parse(line.bytes), "\(String(decoding: line.bytes, as: UTF8.self))")
            #expect(object.members.map(\.key) == line.members.map(\.key))
            for (member, expected) in zip(object.members, line.members) {
                #expect(Array(object.bytes[member.value]) == expected.raw)
                if let text = expected.text { #expect(object.decodedString(member) == text) }
            }
            var fields = JSONAddedFields()
            fields.add("added") { $0.appendString("ä\n") }
            var writer = JSONWriter()
            object.write(adding: fields, to: &writer)
            #expect(writer.bytes == Array(line.bytes[..<line.endOfMembers]) + Array((line.members.isEmpty ? #""added":"ä\n"}"# : #","added":"ä\n"}"#).utf8))
            // Foundation agrees the result is one object with the same keys.
            let reparsed = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any] ?? [:]
            #expect(Set(reparsed.keys) == Set(line.members.map(\.key) + ["added"]))
        }
    }

    @Test func mutatedAndTruncatedLinesGiveAnObjectOrALocatedError() throws {
        var generator = LineGenerator(seed: 0x5EED_0002)
        var accepted = 0
        var rejected = 0
        for round in 0..<20_000 {
            let original = generator.line().bytes
            let mutated = generator.mutate(original, times: 1 + round % 3)
            let parsed: JSONLineObject?
            do throws(JSONLineError) {
                parsed = try JSONLineParser.parse(mutated, firstLine: round % 2 == 0)
            } catch {
                rejected += 1
                #expect((1...(mutated.count + 1)).contains(error.column), "\(error) in \(mutated)")
                #expect(!error.description.isEmpty)
                continue
            }
            guard let object = parsed else { continue }
            accepted += 1
            try checkAccepted(object)
        }
        // The mutations must exercise both outcomes, or the test proves little.
        #expect(accepted > 1_000)
        #expect(rejected > 10_000)
    }

    /// What the codec accepts it can write back, and what it writes it accepts again, unchanged.
    private func checkAccepted(_ object: JSONLineObject) throws {
        var writer = JSONWriter()
        object.write(adding: JSONAddedFields(), to: &writer)
        let again = try #require(try JSONLineParser.parse(writer.bytes))
        #expect(again.members.map(\.key) == object.members.map(\.key))
        for (first, second) in zip(object.members, again.members) {
            #expect(object.bytes[first.value] == again.bytes[second.value])
            guard first.kind == .string else { continue }
            let text = object.decodedString(first)
            var encoded = JSONWriter()
            encoded.appendRaw(#"{"s":"#)
            encoded.appendString(text)
            encoded.appendRaw("}")
            let decoded = try #require(try JSONLineParser.parse(encoded.bytes))
            #expect(decoded.decodedString(decoded.members[0]) == text)
        }
    }
}

/// Random JSON lines that know their own members' raw bytes, and byte-level mutations of them.
struct LineGenerator {
    struct Member {
        let key: String
        let raw: [UInt8]
        /// The decoded value of a string member.
        let text: String?
    }

    struct Line {
        let bytes: [UInt8]
        let members: [Member]
        /// Where the closing brace is (1 for no members): what the writer keeps before added fields.
        let endOfMembers: Int
    }

    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    private mutating func whitespace() -> String {
        pick(["", "", "", " ", "  ", "\t", " \r "])
    }

    mutating func line() -> Line {
        var bytes = Array("{".utf8)
        bytes += Array(whitespace().utf8)
        var members: [Member] = []
        var keys = Set<String>()
        var endOfMembers = 0
        let count = below(7)
        for index in 0..<count {
            var key = index == 0 ? "text" : pick(["id", "title", "meta", "n", "k\(index)", "ü", "te\"x", "a\\b"])
            if !keys.insert(key).inserted { key += "\(index)" }
            keys.insert(key)
            if index > 0 { bytes += Array(("," + whitespace()).utf8) }
            bytes += Array(Self.quoted(key, escapingAll: below(4) == 0).utf8)
            bytes += Array((whitespace() + ":" + whitespace()).utf8)
            let (raw, text) = index == 0 ? string() : value(depth: 0)
            bytes += raw + Array(whitespace().utf8)
            endOfMembers = bytes.count
            members.append(Member(key: key, raw: raw, text: text))
        }
        if members.isEmpty {
            bytes += Array(whitespace().utf8)
            endOfMembers = 1
        }
        bytes += Array(("}" + whitespace()).utf8)
        return Line(bytes: bytes, members: members, endOfMembers: endOfMembers)
    }

    private mutating func value(depth: Int) -> (raw: [UInt8], text: String?) {
        switch below(depth > 3 ? 5 : 7) {
        case 0, 1: return string()
        case 2: return (Array(number().utf8), nil)
        case 3: return (Array(pick(["true", "false", "null"]).utf8), nil)
        case 4: return (Array("[]".utf8), nil)
        case 5:
            let items = (0..<below(4)).map { _ in value(depth: depth + 1).raw }
            return (Array("[".utf8) + items.joined(separator: Array(("," + whitespace()).utf8)) + Array("]".utf8), nil)
        default:
            let items = (0..<below(4)).map { index in Array("\"m\(index)\":".utf8) + value(depth: depth + 1).raw }
            return (Array("{".utf8) + items.joined(separator: Array(",".utf8)) + Array("}".utf8), nil)
        }
    }

    private mutating func number() -> String {
        var text = pick(["", "-"]) + pick(["0", "7", "42", "1234567"])
        if below(2) == 0 { text += "." + pick(["0", "5", "125"]) }
        // One-digit exponents, so a mutation cannot make a number Foundation refuses to hold.
        if below(3) == 0 { text += pick(["e", "E"]) + pick(["", "+", "-"]) + String(below(10)) }
        return text
    }

    /// A string of words, umlauts, emoji, U+FEFF and characters that must or may be escaped.
    private mutating func string() -> (raw: [UInt8], text: String?) {
        let pieces = ["Satz", " ", ". ", "Über", "€", "😀", "\u{FEFF}", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{2028}", "Ω"]
        let text = (0..<below(12)).map { _ in pick(pieces) }.joined()
        return (Array(Self.quoted(text, escapingAll: below(3) == 0).utf8), text)
    }

    /// JSON for `text`: minimal escapes, or every non-ASCII scalar as `\u` escapes (pairs past the BMP).
    static func quoted(_ text: String, escapingAll: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "/" where escapingAll: out += "\\/"
            case _ where scalar.value < 0x20 || (escapingAll && scalar.value > 0x7E):
                for unit in String(scalar).utf16 { out += "\\u" + String(format: "%04x", unit) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Bytes that matter to a JSON reader: structure, escapes, UTF-8 lead and continuation bytes.
    private static let interesting: [UInt8] = Array("\"\\{}[],:u0e-. tn".utf8) + [0x00, 0x1F, 0x0D, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF]

    mutating func mutate(_ line: [UInt8], times: Int) -> [UInt8] {
        var bytes = line
        for _ in 0..<times {
            let position = below(bytes.count + 1)
            switch below(6) {
            case 0 where position < bytes.count: bytes[position] = pick(Self.interesting)
            case 1 where position < bytes.count: bytes.remove(at: position)
            case 2: bytes.insert(pick(Self.interesting), at: position)
            case 3: bytes = Array(bytes[..<position])
            case 4 where position < bytes.count: bytes[position] ^= UInt8(1 << below(8))
            default:
                // A copy of a stretch of the line elsewhere: repeated keys, unbalanced brackets.
                let start = below(bytes.count + 1)
                let end = min(bytes.count, start + below(12))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            }
        }
        // A line break would make two lines of one; the reader never sees one inside a line.
        return bytes.map { $0 == 0x0A ? 0x20 : $0 }
    }
}
