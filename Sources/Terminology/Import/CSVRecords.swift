/// Splits RFC 4180 CSV into records: delimited fields, CRLF or LF line ends, fields in double
/// quotes may hold delimiters, line breaks and doubled quotes. Each record keeps the line it starts on.
///
/// The delimiter is the comma, or what the header line shows instead: Excel in a German locale saves
/// "CSV" with semicolons, and some tools with tabs.
enum CSVRecords {
    /// The delimiter the first line uses most, outside quotes: `,`, `;` or a tab; a comma on a tie.
    static func delimiter(of text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle() }
            if !inQuotes, scalar == "\n" { break }
            if !inQuotes, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let best = counts.max { ($0.value, $0.key == "," ? 1 : 0) < ($1.value, $1.key == "," ? 1 : 0) }
        return best.map { $0.value > 0 ? $0.key : "," } ?? ","
    }

    struct Record {
        let line: Int
        let fields: [String]
    }

    static func parse(_ text: String, file: String, delimiter: Unicode.Scalar = ",") throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [Unicode.Scalar] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedFieldClosed = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            fields.append(String(String.UnicodeScalarView(field)))
            field.removeAll(keepingCapacity: true)
            quotedFieldClosed = false
        }
        func endRecord() {
            endField()
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.append("\"") } else {
                        inQuotes = false
                        quotedFieldClosed = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case delimiter:
                endField()
            case "\r":
                let next = scalars.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !quotedFieldClosed else {
                    throw GlossaryError.badRow(file: file, line: line, problem: "a double quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                }
                inQuotes = true
            default:
                if quotedFieldClosed {
                    throw GlossaryError.badRow(file: file, line: line, problem: "text after the closing quote of a field; expected '\(delimiter == "\t" ? "\\t" : String(delimiter))' or the end of the line")
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            throw GlossaryError.badRow(file: file, line: recordLine, problem: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || quotedFieldClosed { endRecord() }
        return records
    }
}
