import Foundation
import PlaceDomain
import PlaceStore

/// A place's dashboard as a report, in any `ReportFormat`.
public struct DashboardReport: Sendable {
    public let dashboard: Dashboard
    public let figures: Figures

    public init(_ dashboard: Dashboard, suppress: Bool) {
        self.dashboard = dashboard
        figures = Figures(suppress: suppress)
    }

    public func render(_ format: ReportFormat) throws -> String {
        switch format {
        case .json: return try json()
        case .text: return text()
        case .md: return markdown()
        case .csv: return csv()
        case .html: return HTMLReport(dashboard: dashboard, figures: figures).render()
        }
    }

    var title: String { "\(dashboard.placeName): place dashboard" }
    var asOf: String { dashboard.asOf.formatted(Date.ISO8601FormatStyle().year().month().day()) }

    /// Every number under stable keys (docs/reports.md), never suppressed.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(dashboard), as: UTF8.self) + "\n"
    }

    func text() -> String {
        var out = "\(title) (as of \(asOf))\n"
        var section = ""
        for row in dashboard.rows(figures) {
            if row.section != section {
                section = row.section
                out += "\n\(section)\n"
            }
            out += "  \(row.label.padding(toLength: max(row.label.count, 32), withPad: " ", startingAt: 0)) \(row.value)\n"
        }
        return out
    }

    func markdown() -> String {
        var out = "# \(title)\n\nAs of \(asOf)."
        if figures.suppress { out += " Counts of 1 to 4 are shown as <5." }
        out += "\n"
        var section = ""
        for row in dashboard.rows(figures) {
            if row.section != section {
                section = row.section
                out += "\n## \(section)\n\n| | |\n|---|---:|\n"
            }
            out += "| \(Self.cell(row.label)) | \(Self.cell(row.value)) |\n"
        }
        return out
    }

    func csv() -> String {
        var out = "section,figure,value\r\n"
        for row in dashboard.rows(figures) {
            out += [row.section, row.label, row.value].map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    static func csvField(_ text: String) -> String {
        // A leading =, +, - or @ would be read as a formula by a spreadsheet.
        var field = text
        if let first = field.first, "=+-@".contains(first) { field = "'" + field }
        return CSVField.quoted(field)
    }
}
