/// A CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF) read
/// into rows keyed by the header, remembering each row's line for messages.
struct CSVTable {
    struct Row {
        let line: Int
        let fields: [String: String]
        subscript(_ column: String) -> String? { fields[column] }
    }

    let header: [String]
    let rows: [Row]

    init(text: String, file: String) throws(ImportError) {
        var records: [(line: Int, fields: [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
            field = ""
        }
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\r" where pending == "\n":
                break
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        guard !inQuotes else { throw .malformed(file: file, line: recordLine, "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw .malformed(file: file, line: 1, "the file is empty") }
        header = first.fields
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw .malformed(
                    file: file, line: record.line,
                    "expected \(header.count) fields, found \(record.fields.count)")
            }
            rows.append(Row(line: record.line, fields: Dictionary(uniqueKeysWithValues: zip(header, record.fields))))
        }
        self.rows = rows
    }
}

extension CSVTable {
    /// One record of a data file (RFC 4180, CRLF): a field is quoted only
    /// when it holds a comma, a quote or a line break. Unlike the listings'
    /// CSV for spreadsheets, nothing is added before a leading `=`: these
    /// files are read back by programs, and must read back as written.
    static func line(_ fields: [String]) -> String {
        fields.map(CSVField.quoted).joined(separator: ",") + "\r\n"
    }
}

/// One field of a CSV file as written (RFC 4180), for every CSV Thistle writes.
public enum CSVField {
    /// The field, quoted (its quotes doubled) when it holds a comma, a quote
    /// or a line break. Tested by scalar: Swift reads CRLF as one Character,
    /// which a test for "\n" or "\r" by Character would miss.
    public static func quoted(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
