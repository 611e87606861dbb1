import PipelineCore

/// Escaping for the two text formats briefings are written in.
enum Escaping {
    /// Text safe inside HTML elements and quoted attributes. C0 controls other than tab and line
    /// breaks are dropped: HTML forbids them and they carry nothing a reader needs.
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text that Markdown shows literally: markup characters are backslash-escaped and line
    /// breaks become spaces, so a value can never open a heading, list, table cell or HTML tag.
    static func markdown(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        // A value starting a line must not start a list: `- x`, `+ x`, `3. Oktober`.
        let digits = text.unicodeScalars.prefix { ("0"..."9").contains($0) }.count
        let listMarker = text.unicodeScalars.first.map { "-+=".unicodeScalars.contains($0) } == true ? 0
            : (digits > 0 && [".", ")"].contains(text.unicodeScalars.dropFirst(digits).first) ? digits : nil)
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == listMarker { result += "\\" }
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "\n", "\r", "\t": result += " "
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
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
