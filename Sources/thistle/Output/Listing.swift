import Foundation
import PlaceStore

/// A value in a listing cell.
enum ListingValue: Equatable {
    case text(String?)
    case number(Int?)
    case flag(Bool?)
    case list([String])
    case decimal(Double?)

    /// As a person reads it in a text table.
    var plain: String {
        switch self {
        case .text(let value): return value ?? "-"
        case .number(let value): return value.map(String.init) ?? "-"
        case .flag(let value): return value.map { $0 ? "yes" : "no" } ?? "-"
        case .list(let values): return values.joined(separator: ", ")
        case .decimal(let value):
            return value.map { $0 == $0.rounded() ? Self.number($0) : String(format: "%.1f", $0) } ?? "-"
        }
    }

    /// As a CSV field: lists joined by ";", missing values empty.
    var csv: String {
        switch self {
        case .text(let value): return value ?? ""
        case .number(let value): return value.map(String.init) ?? ""
        case .flag(let value): return value.map { $0 ? "true" : "false" } ?? ""
        case .list(let values): return values.joined(separator: ";")
        case .decimal(let value): return value.map(Self.number) ?? ""
        }
    }

    /// Appends the value as JSON.
    func writeJSON(into out: inout String) {
        switch self {
        case .text(let value): if let value { JSONValue.writeString(value, into: &out) } else { out += "null" }
        case .number(let value): out += value.map(String.init) ?? "null"
        case .flag(let value): out += value.map { $0 ? "true" : "false" } ?? "null"
        case .list(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += ", " }
                JSONValue.writeString(value, into: &out)
            }
            out += "]"
        case .decimal(let value): out += value.map(Self.number) ?? "null"
        }
    }

    /// A number as JSON and people write it: whole numbers without a point, others to at most 4 places.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.4f", value).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }

}

/// Rows for a listing command, with their keys in the order the contract
/// gives them, rendered as a text table, JSON or CSV.
struct Listing {
    let keys: [String]
    var rows: [[ListingValue]] = []

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json
        case .csv: return csv
        case .text: return text
        }
    }

    private var json: String {
        guard !rows.isEmpty else { return "[]\n" }
        // One string appended to: a listing may hold tens of thousands of rows.
        var out = "[\n"
        out.reserveCapacity(rows.count * keys.count * 24)
        // Each key written once, with what comes before its value.
        let prefixes = keys.indices.map { column in
            var prefix = column == 0 ? "" : ", "
            JSONValue.writeString(keys[column], into: &prefix)
            return prefix + ": "
        }
        for (index, row) in rows.enumerated() {
            out += index == 0 ? "  {" : ",\n  {"
            for (prefix, value) in zip(prefixes, row) {
                out += prefix
                value.writeJSON(into: &out)
            }
            out += "}"
        }
        return out + "\n]\n"
    }

    private var csv: String {
        let lines = [keys.map(CSVField.quoted)] + rows.map { $0.map { CSVField.quoted($0.csv) } }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private var text: String {
        let cells = [keys] + rows.map { $0.map(\.plain) }
        let widths = keys.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}
