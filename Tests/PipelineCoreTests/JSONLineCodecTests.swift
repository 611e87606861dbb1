import Foundation
import Testing
@testable import PipelineCore

/// The JSON-lines codec against RFC 8259: what it accepts, what it decodes, where it says a line is
/// wrong, and that fields it does not read come out as the bytes they went in as.
@Suite struct JSONLineCodecTests {
    private func parse(_ line: String, firstLine: Bool = false) throws(JSONLineError) -> JSONLineObject? {
        try JSONLineParser.parse(Array(line.utf8), firstLine: firstLine)
    }

    private func parse(bytes: [UInt8], firstLine: Bool = false) throws(JSONLineError) -> JSONLineObject? {
        try JSONLineParser.parse(bytes, firstLine: firstLine)
    }

    /// The problem and column of a line that must fail.
    private func failure(_ bytes: [UInt8], firstLine: Bool = false) -> JSONLineError? {
        do throws(JSONLineError) {
            _ = try JSONLineParser.parse(bytes, firstLine: firstLine)
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ line: String) -> JSONLineError? { failure(Array(line.utf8)) }

    private func added(_ object: JSONLineObject, _ key: String = "n", _ value: Int = 1) -> String {
        var fields = JSONAddedFields()
        fields.add(key) { $0.appendInt(value) }
        var writer = JSONWriter()
        object.write(adding: fields, to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func unreadFieldsPassThroughByteForByte() throws {
        let line = #"{ "a" : 1.50E+3 ,"b":[true, {"x" :null}, -0.0e-0, "\u00e4\/"],"text":"Ü\u00e4", "z":{} }"#
        let object = try #require(try parse(line))
        #expect(object.members.map(\.key) == ["a", "b", "text", "z"])
        #expect(added(object) == #"{ "a" : 1.50E+3 ,"b":[true, {"x" :null}, -0.0e-0, "\u00e4\/"],"text":"Ü\u00e4", "z":{} ,"n":1}"#)
        #expect(object.rawValue("b").map { String(decoding: $0, as: UTF8.self) } == #"[true, {"x" :null}, -0.0e-0, "\u00e4\/"]"#)
    }

    @Test func anAddedFieldReplacesAnInputFieldOfTheSameNameInsteadOfRepeatingIt() throws {
        let object = try #require(try parse(#"{"n": "old", "text": "T.", "m": 2}"#))
        #expect(added(object, "n", 7) == #"{ "text": "T.", "m": 2,"n":7}"#)
        #expect(added(try #require(try parse("{}"))) == #"{"n":1}"#)
    }

    @Test func decodesEveryEscapeAndSurrogatePairs() throws {
        let object = try #require(try parse(#"{"text": "q\" b\\ s\/ \b\f\n\r\t \u00E4\u20ac \ud83d\ude00 \u0000"}"#))
        #expect(try object.requiredString("text") == "q\" b\\ s/ \u{08}\u{0C}\n\r\t ä€ 😀 \u{0}")
    }

    @Test func keepsByteOrderMarksInsideStringsAndToleratesOneBeforeTheFirstLine() throws {
        let escaped = try #require(try parse(#"{"text": "\ufeffA"}"#))
        #expect(try escaped.requiredString("text").unicodeScalars.first == "\u{FEFF}")
        let raw = try #require(try parse("{\"text\": \"\u{FEFF}B\"}"))
        #expect(try raw.requiredString("text") == "\u{FEFF}B")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let first = try #require(try parse(bytes: bom + Array(#"{"text": "C"}"#.utf8), firstLine: true))
        #expect(try first.requiredString("text") == "C")
        #expect(added(first) == #"{"text": "C","n":1}"#)
        let later = try #require(failure(bom + Array(#"{"text": "C"}"#.utf8)))
        #expect(later.column == 1)
        #expect(later.description == "column 1: not a JSON object: the line starts with byte 0xEF")
    }

    @Test func blankLinesAreNotRecords() throws {
        #expect(try parse("") == nil)
        #expect(try parse(" \t\r ") == nil)
    }

    @Test(arguments: [
        (#"{"text": "a\ud800"}"#, JSONLineError.Problem.loneSurrogate(0xD800), 12),
        (#"{"text": "a\ud800\u0041"}"#, .loneSurrogate(0xD800), 12),
        (#"{"text": "\udc00"}"#, .loneSurrogate(0xDC00), 11),
        (#"{"text": "\u12G4"}"#, .invalidUnicodeEscape, 11),
        (#"{"text": "a\x"}"#, .invalidEscape(found: "\\x"), 12),
        ("{\"text\": \"a\tb\"}", .controlCharacter(0x09), 12),
        (#"{"text": "open}"#, .endInsideString, 10),
        (#"{"n": 01, "text": ""}"#, .invalidNumber(reason: "a leading zero must not be followed by more digits"), 8),
        (#"{"n": -, "text": ""}"#, .invalidNumber(reason: "'-' must be followed by a digit"), 8),
        (#"{"n": 1., "text": ""}"#, .invalidNumber(reason: "a decimal point must be followed by a digit"), 9),
        (#"{"n": 1e+, "text": ""}"#, .invalidNumber(reason: "an exponent must have a digit"), 10),
        (#"{"n": .5}"#, .unexpected(found: "'.'", expected: "a value (string, number, object, array, true, false or null)"), 7),
        (#"{"n": tru}"#, .unexpected(found: "'t'", expected: "a value (string, number, object, array, true, false or null)"), 7),
        (#"{"text": "a", "text": "b"}"#, .duplicateKey("text"), 15),
        (#"{"text": "a", "te\u0078t": "b"}"#, .duplicateKey("text"), 15),
        (#"{"m": {"k": 1, "k": 2}, "text": ""}"#, .duplicateKey("k"), 16),
        (#"{"m": [1 2]}"#, .unexpected(found: "'2'", expected: "',' or ']' after a value"), 10),
        (#"{"text": "a",}"#, .unexpected(found: "'}'", expected: "a key in double quotes"), 14),
        (#"{"text" "a"}"#, .unexpected(found: "'\"'", expected: "':' after the key"), 9),
        (#"{"text": "a"} {"#, .trailingContent(found: "'{'"), 15),
        (#"["text"]"#, .notAnObject(found: "'['"), 1),
        (#"kaputt"#, .notAnObject(found: "'k'"), 1),
        (#"{"text": "a""#, .unexpected(found: "the end of the line", expected: "',' or '}' after a value"), 13),
    ])
    func namesTheProblemAndItsColumn(line: String, problem: JSONLineError.Problem, column: Int) throws {
        let error = try #require(failure(line))
        #expect(error.problem == problem)
        #expect(error.column == column)
    }

    @Test(arguments: [
        [0xC3, 0x28], // a lead byte without its continuation
        [0xC0, 0xAF], // an overlong form of '/'
        [0xED, 0xA0, 0x80], // an encoded surrogate
        [0xF4, 0x90, 0x80, 0x80], // past U+10FFFF
        [0xE2, 0x82], // cut short by the closing quote
        [0x80], // a stray continuation byte
        [0xFF],
    ] as [[UInt8]])
    func rejectsInvalidUTF8WhereverItIs(bad: [UInt8]) throws {
        for (prefix, suffix) in [(#"{"text": "a"#, #""}"#), (#"{"meta": {"k": [""#, #""]}, "text": "a"}"#), (#"{""#, #"": 1, "text": "a"}"#)] {
            let line = Array(prefix.utf8) + bad + Array(suffix.utf8)
            let error = try #require(failure(line))
            guard case .invalidUTF8 = error.problem else {
                Issue.record("\(error) for \(bad) in \(prefix)")
                continue
            }
            #expect(error.column == prefix.utf8.count + 1)
            #expect(error.description.contains("invalid UTF-8 (bytes 0x"))
        }
    }

    @Test func numbersAreCheckedButNotConvertedSo1e400PassesThrough() throws {
        let object = try #require(try parse(#"{"big": 1e400, "small": -2.5E-400, "int": 123456789012345678901234567890, "text": "x"}"#))
        #expect(object.rawValue("big").map { String(decoding: $0, as: UTF8.self) } == "1e400")
        #expect(added(object).hasPrefix(#"{"big": 1e400, "small": -2.5E-400, "int": 123456789012345678901234567890,"#))
    }

    @Test func nestingIsBoundedWithoutExhaustingTheStack() throws {
        let limit = JSONLineParser.maxDepth
        // The line's object is level 1, so a member may hold limit - 1 nested arrays.
        let deepest = #"{"m": "# + String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit - 1) + "}"
        #expect(try parse(deepest) != nil)
        let tooDeep = #"{"m": "# + String(repeating: "[", count: limit) + String(repeating: "]", count: limit) + "}"
        #expect(failure(tooDeep)?.problem == .tooDeep(limit: limit))
        let hostile = #"{"id": "d", "m": "# + String(repeating: #"{"a":["#, count: 10_000) + "1" + String(repeating: "]}", count: 10_000) + "}"
        let error = try #require(failure(hostile))
        #expect(error.problem == .tooDeep(limit: limit))
        #expect(error.idValue == Array(#""d""#.utf8))
        #expect(error.description == "column \(error.column): nested deeper than \(limit) levels")
    }

    @Test func fieldsOfTheWrongKindAreNamed() throws {
        let object = try #require(try parse(#"{"id": 7, "text": 5, "title": null}"#))
        #expect(throws: JSONLineError(.notAString(field: "text", found: "a number"), column: 19, idValue: Array("7".utf8))) {
            try object.requiredString("text")
        }
        #expect(try object.string("title") == nil)
        let missing = try #require(try parse(#"{"id": "x"}"#))
        #expect(throws: JSONLineError(.missingField("text"), column: 0, idValue: Array(#""x""#.utf8))) {
            try missing.requiredString("text")
        }
    }

    @Test func anErrorKeepsTheIdReadBeforeIt() throws {
        #expect(failure(#"{"id": "k1", "text": "\ud800"}"#)?.idValue == Array(#""k1""#.utf8))
        #expect(failure(#"{"text": "\ud800", "id": "k1"}"#)?.idValue == nil)
    }

    @Test func writerEscapesWhatJSONRequiresAndKeepsTheRest() throws {
        let text = "q\" b\\ /\n\r\t\u{01}\u{1F} ä€😀\u{FEFF}\u{2028}"
        var writer = JSONWriter()
        writer.appendString(text)
        let json = String(decoding: writer.bytes, as: UTF8.self)
        #expect(json == "\"q\\\" b\\\\ /\\n\\r\\t\\u0001\\u001f ä€😀\u{FEFF}\u{2028}\"")
        let object = try #require(try parse(#"{"text": "# + json + "}"))
        #expect(try object.requiredString("text") == text)
    }

    @Test func writerWritesIntegersAndErrorLines() {
        var writer = JSONWriter()
        writer.appendArray([0, 7, -12, Int.max, Int.min]) { $0.appendInt($1) }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "[0,7,-12,9223372036854775807,-9223372036854775808]")
        var errors = JSONWriter()
        errors.appendErrorLine(idValue: Array("42".utf8), message: "stdin:3: column 1: \"bad\"")
        errors.appendErrorLine(idValue: nil, message: "stdin:4: x")
        #expect(String(decoding: errors.bytes, as: UTF8.self) == """
            {"id":42,"error":"stdin:3: column 1: \\"bad\\""}
            {"error":"stdin:4: x"}

            """)
    }

    /// Stream mode's scores were written by `JSONEncoder`; the writer must write them the same way.
    @Test func writerWritesDoublesAsJSONEncoderDoes() throws {
        let values: [Double] = [0.5, 1, 1e-5, 0.1 + 0.2, 123_456_789, 1e21, 2.5e-8, 0, -0.0, 1.2345678901234568e16, 0.047619047619047616]
        var writer = JSONWriter()
        writer.appendArray(values) { $0.appendDouble($1) }
        let encoder = JSONEncoder()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try encoder.encode(values), as: UTF8.self))
        var nonFinite = JSONWriter()
        nonFinite.appendArray([Double.nan, .infinity]) { $0.appendDouble($1) }
        #expect(String(decoding: nonFinite.bytes, as: UTF8.self) == "[null,null]")
    }

    @Test func codePointCursorCountsScalarsInOnePass() {
        let text = "aä€😀 Übung und noch ein längerer Satz."
        var cursor = CodePointCursor(UnsafeBufferPointer(start: nil, count: 0))
        #expect(cursor.codePoint(atByte: 0) == 0)
        var copy = text
        copy.withUTF8 { bytes in
            var cursor = CodePointCursor(bytes)
            var expected = 0
            var byte = 0
            for scalar in text.unicodeScalars {
                #expect(cursor.codePoint(atByte: byte) == expected)
                byte += UTF8.width(scalar)
                expected += 1
            }
            #expect(cursor.codePoint(atByte: bytes.count) == text.unicodeScalars.count)
        }
    }
}
