import PipelineCore

/// Escaping for the two text formats briefings are written in.
enum Escaping {
    /// Text safe inside HTML elements and quoted attributes. C0 controls other than tab and line
    /// breaks are dropped: HTML forbids them and they carry nothing a reader needs.
    static func html(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&#39;".utf8
            case 0x09, 0x0A, 0x0D: result.append(byte)
            case 0x00..<0x20, 0x7F: continue
            default:
                result.append(byte)
                dropC1Control(&result)
                dropBidiControl(&result)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a
    /// title read backwards or hide part of it; text from documents never needs them here.
    private static func dropBidiControl(_ bytes: inout [UInt8]) {
        let count = bytes.count
        guard count >= 3, bytes[count - 3] == 0xE2 else { return }
        let (second, third) = (bytes[count - 2], bytes[count - 1])
        if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
            bytes.removeLast(3)
        }
    }

    /// C1 controls (U+0080–U+009F) are the two bytes C2 80…C2 9F; a lead byte C2 is never a
    /// continuation byte, so the pair can be recognised, and dropped, byte by byte.
    private static func dropC1Control(_ bytes: inout [UInt8]) {
        let count = bytes.count
        if count >= 2, bytes[count - 2] == 0xC2, (0x80...0x9F).contains(bytes[count - 1]) {
            bytes.removeLast(2)
        }
    }

    /// Text that Markdown shows literally: markup characters are backslash-escaped and line
    /// breaks become spaces, so a value can never open a heading, list, table cell or HTML tag.
    /// URLs in the text (`https://…`, `www.…`) get an escaped `:` or `.`, which renderers that
    /// linkify (GitHub, GitLab) show as written but never turn into a link the author did not make.
    static func markdown(_ text: String) -> String {
        // A value starting a line must not start a list: `- x`, `+ x`, `3. Oktober`.
        let digits = text.unicodeScalars.prefix { ("0"..."9").contains($0) }.count
        let listMarker = text.unicodeScalars.first.map { "-+=".unicodeScalars.contains($0) } == true ? 0
            : (digits > 0 && [".", ")"].contains(text.unicodeScalars.dropFirst(digits).first) ? digits : nil)
        // The list marker is ASCII digits or one ASCII sign, so its scalar index is its byte index.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        let source = Array(text.utf8)
        for (index, byte) in source.enumerated() {
            if index == listMarker { bytes.append(UInt8(ascii: "\\")) }
            if startsLink(source, at: index) { bytes.append(UInt8(ascii: "\\")) }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"),
                 UInt8(ascii: "!"), UInt8(ascii: "~"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x0A, 0x0D, 0x09: bytes.append(UInt8(ascii: " "))
            case 0x00..<0x20, 0x7F: continue
            default:
                bytes.append(byte)
                dropC1Control(&bytes)
                dropBidiControl(&bytes)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The byte to escape so a URL stays text: the `:` of `://`, or the `.` of a word-initial `www.`.
    private static func startsLink(_ bytes: [UInt8], at index: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: ":"):
            return index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")
        case UInt8(ascii: "."):
            guard index >= 3, bytes[(index - 3)..<index].allSatisfy({ $0 | 0x20 == UInt8(ascii: "w") }) else { return false }
            return index == 3 || !isWordByte(bytes[index - 4])
        default:
            return false
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39)
    }
}

/// English names for the languages briefings mention; other tags are shown as they are.
enum LanguageNames {
    static func name(of tag: LanguageTag) -> String {
        switch tag.language {
        case "de": "German"
        case "en": "English"
        case "fr": "French"
        case "es": "Spanish"
        case "it": "Italian"
        case "nl": "Dutch"
        default: tag.tag
        }
    }
}
