import Foundation
import PlaceDomain
import PlaceStore

/// The forms a dashboard report takes. The board formats (html, md, csv)
/// suppress counts of 1 to 4 as "<5" unless asked not to, as official
/// statistics do; json and text are for signed-in members and show them.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, md, csv, json, html

    public var suppressesByDefault: Bool { self == .html || self == .md || self == .csv }
}

/// How the report writes its figures: counts, with small ones suppressed
/// when asked; hours; pounds; rates.
public struct Figures: Sendable {
    public let suppress: Bool

    public init(suppress: Bool) { self.suppress = suppress }

    /// Whether a count is too small to show.
    public func hides(_ count: Int) -> Bool { suppress && (1...4).contains(count) }

    public func count(_ count: Int) -> String { hides(count) ? "<5" : count.formatted(Self.grouping) }

    public func hours(_ hours: Double?, from routed: Int) -> String {
        guard let hours else { return "–" }
        if hides(routed) { return "<5 routed" }
        return hours < 48 ? String(format: "%.1f h", hours) : String(format: "%.1f d", hours / 24)
    }

    public func rate(_ board: Dashboard) -> String {
        guard let rate = board.declineRate else { return "–" }
        if hides(board.answered) { return "<5 answered" }
        return String(format: "%.0f%%", rate * 100)
    }

    public static func value(_ value: Double?, unit: String) -> String {
        guard let value else { return "–" }
        let text = value.rounded() == value && abs(value) < 1e12 ? Int(value).formatted(grouping) : String(format: "%.1f", value)
        return text
    }

    static let grouping = IntegerFormatStyle<Int>.number.locale(Locale(identifier: "en_GB"))
}

extension Dashboard {
    /// Every count in the report with its section and label, in the order the report shows them:
    /// what the text, markdown and CSV forms are made of.
    func rows(_ figures: Figures) -> [(section: String, label: String, value: String)] {
        var rows: [(String, String, String)] = []
        let opened = weeks.reduce(0) { $0 + $1.opened }
        let closed = weeks.reduce(0) { $0 + $1.closed }
        rows.append(("Cases, last 26 weeks", "Opened", figures.count(opened)))
        rows.append(("Cases, last 26 weeks", "Closed", figures.count(closed)))
        for line in routing {
            let target = line.targetHours.map { "target \($0) h" } ?? "no target"
            rows.append(("Median time to first routing", line.urgency.rawValue,
                         "\(figures.hours(line.medianHours, from: line.routed)) (\(target); \(figures.count(line.routed)) routed)"))
        }
        for item in referralsByState { rows.append(("Referrals by state", item.label, figures.count(item.count))) }
        for item in referralsByAgency { rows.append(("Referrals by receiving agency", item.label, figures.count(item.count))) }
        rows.append(("Declines and returns", "Decline rate", figures.rate(self)))
        rows.append(("Declines and returns", "Needs returned at least once", figures.count(bounced)))
        rows.append(("Declines and returns", "Returned needs waiting now", figures.count(returnedNow)))
        for item in openNeedsByCategory { rows.append(("Open needs by category", item.label, figures.count(item.count))) }
        rows.append(("Triage", "Awaiting triage", figures.count(awaitingTriage)))
        rows.append(("Triage", "Overdue against target", figures.count(overdueTriage)))
        for item in prioritiesByRAG { rows.append(("Priorities by RAG", item.label, String(item.count))) }
        for line in scorecard {
            var text = Figures.value(line.value, unit: line.unit) + " " + line.unit
            if !line.complete && line.value != nil { text += " (incomplete)" }
            if let period = line.period { text += " in \(period)" }
            if let target = line.target { text += "; target \(Figures.value(target, unit: line.unit))" }
            if let trend = line.trend { text += "; \(trend.rawValue)" }
            rows.append(("Prevention scorecard", line.name, text))
        }
        rows.append(("Pot", "Total", Money.text(pot.total)))
        rows.append(("Pot", "Allocated", Money.text(pot.allocated)))
        rows.append(("Pot", "Unallocated", Money.text(pot.unallocated)))
        return rows
    }
}
