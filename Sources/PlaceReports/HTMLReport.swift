import Foundation
import PlaceDomain
import PlaceStore

/// The dashboard as one self-contained HTML file: inline CSS, one inline
/// SVG per chart, no script and nothing fetched. Charts are drawn in black,
/// grey and hatching with their numbers written beside them, so the page
/// reads the same printed in black and white. A suppressed count draws no
/// bar, only "<5".
struct HTMLReport {
    let dashboard: Dashboard
    let figures: Figures

    /// Every chart the report draws, in order (a test counts one `<svg>` each).
    var chartCount: Int { 7 + dashboard.scorecard.count }

    func render() -> String {
        let board = dashboard
        let asOf = board.asOf.formatted(Date.ISO8601FormatStyle().year().month().day())
        var body = ""
        body += "<header><h1>\(esc(board.placeName)): place dashboard</h1>"
        body += "<p>As of \(asOf). Counts only: no person is named or described."
        if figures.suppress { body += " Counts of 1 to 4 are shown as &lt;5 and drawn without a bar." }
        body += "</p></header>\n"
        let opened = board.weeks.reduce(0) { $0 + $1.opened }
        let closed = board.weeks.reduce(0) { $0 + $1.closed }
        body += section("Cases opened and closed, last 26 weeks",
                        "<p class=\"lede\">Opened <b>\(figures.count(opened))</b> · closed <b>\(figures.count(closed))</b></p>"
                            + weekly())
        body += section("Median time to first routing", routingChart() + table(board.routing.map { line in
            [line.urgency.rawValue, figures.hours(line.medianHours, from: line.routed),
             line.targetHours.map { "\($0) h" } ?? "none", figures.count(line.routed)]
        }, header: ["Urgency", "Median", "Target", "Routed"]))
        body += section("Referrals by state", bars(board.referralsByState))
        body += section("Referrals by receiving agency", bars(board.referralsByAgency))
        body += section("Declines and returns", table([
            ["Decline rate", figures.rate(board)],
            ["Declined", figures.count(board.declined)], ["Answered", figures.count(board.answered)],
            ["Needs returned at least once", figures.count(board.bounced)],
            ["Returned needs waiting now", figures.count(board.returnedNow)],
            ["Awaiting triage", figures.count(board.awaitingTriage)],
            ["Overdue against target", figures.count(board.overdueTriage)],
        ], header: ["Figure", "Value"]))
        body += section("Open needs by category", bars(board.openNeedsByCategory))
        body += section("Priorities by RAG", bars(board.prioritiesByRAG.map {
            Dashboard.Count(key: $0.key, label: $0.label.capitalized, count: $0.count)
        }, suppressing: false))
        body += section("Prevention scorecard", scorecard())
        body += section("The pot", potChart())
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(board.placeName)): place dashboard, \(asOf)</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    static let css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;background:#fff;\
        max-width:60rem;margin:1.5rem auto;padding:0 1rem}
        h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.15rem;border-bottom:2px solid #111;padding-bottom:.2rem;\
        margin:1.6rem 0 .6rem}
        section{break-inside:avoid}table{border-collapse:collapse;margin:.4rem 0}
        th,td{border-bottom:1px solid #999;padding:.2rem .8rem .2rem 0;text-align:left}
        td.n{text-align:right;font-variant-numeric:tabular-nums}.lede b{font-size:1.1rem}
        svg{display:block;max-width:100%;height:auto;margin:.3rem 0}svg text{font:12px system-ui,Arial,sans-serif;fill:#111}
        .card{display:grid;grid-template-columns:24rem 1fr;gap:.2rem 1rem;align-items:center;margin:.4rem 0}
        @media print{body{margin:0;max-width:none}}
        """

    func esc(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    func section(_ title: String, _ content: String) -> String {
        "<section><h2>\(esc(title))</h2>\n\(content)\n</section>\n"
    }

    func table(_ rows: [[String]], header: [String]) -> String {
        var out = "<table><thead><tr>" + header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>" + row.enumerated().map { index, cell in
                index == 0 ? "<td>\(esc(cell))</td>" : "<td class=\"n\">\(esc(cell))</td>"
            }.joined() + "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// Horizontal bars with their numbers, longest scaled to the width.
    func bars(_ items: [Dashboard.Count], suppressing: Bool = true) -> String {
        guard !items.isEmpty else { return "<p>None.</p>" }
        let labelWidth = 230.0, barWidth = 330.0, row = 22.0
        let largest = Double(max(1, items.map(\.count).max() ?? 1))
        var svg = svgOpen(width: 640, height: row * Double(items.count) + 4, label: "bar chart")
        for (index, item) in items.enumerated() {
            let y = Double(index) * row
            let hidden = suppressing && figures.hides(item.count)
            let width = hidden ? 0 : barWidth * Double(item.count) / largest
            svg += "<text x=\"0\" y=\"\(f(y + 15))\">\(esc(clip(item.label)))</text>"
            if width > 0 {
                svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(width))\" height=\"14\" fill=\"#222\"/>"
            }
            let text = suppressing ? figures.count(item.count) : String(item.count)
            svg += "<text x=\"\(f(labelWidth + width + 6))\" y=\"\(f(y + 15))\">\(esc(text))</text>"
        }
        return svg + "</svg>"
    }

    /// Opened as black bars, closed as hatched bars, week by week.
    func weekly() -> String {
        let weeks = dashboard.weeks
        let height = 120.0, column = 22.0, top = 10.0
        let largest = Double(max(1, weeks.map { max($0.opened, $0.closed) }.max() ?? 1))
        var svg = svgOpen(width: column * Double(weeks.count) + 40, height: height + 50, label: "cases per week")
        svg += "<defs><pattern id=\"hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
            + "<path d=\"M0 4L4 0\" stroke=\"#111\" stroke-width=\"1\"/></pattern></defs>"
        for (index, week) in weeks.enumerated() {
            let x = Double(index) * column
            for (offset, count, fill) in [(0.0, week.opened, "#222"), (9.0, week.closed, "url(#hatch)")] {
                if figures.hides(count) {
                    // 1 to 4: a small open mark, the same for every such week, never a height.
                    svg += "<rect x=\"\(f(x + offset + 1))\" y=\"\(f(top + height - 7))\" width=\"6\" height=\"6\" "
                        + "fill=\"#fff\" stroke=\"#111\" stroke-width=\"1\"/>"
                    continue
                }
                let h = height * Double(count) / largest
                guard h > 0 else { continue }
                svg += "<rect x=\"\(f(x + offset))\" y=\"\(f(top + height - h))\" width=\"8\" height=\"\(f(h))\" "
                    + "fill=\"\(fill)\" stroke=\"#111\" stroke-width=\"0.5\"/>"
            }
        }
        svg += "<line x1=\"0\" y1=\"\(f(top + height))\" x2=\"\(f(column * Double(weeks.count)))\" y2=\"\(f(top + height))\" stroke=\"#111\"/>"
        if let first = weeks.first, let last = weeks.last {
            svg += "<text x=\"0\" y=\"\(f(top + height + 16))\">\(first.starts)</text>"
            svg += "<text x=\"\(f(column * Double(weeks.count)))\" y=\"\(f(top + height + 16))\" text-anchor=\"end\">\(last.starts)</text>"
        }
        svg += "<rect x=\"0\" y=\"\(f(top + height + 26))\" width=\"10\" height=\"10\" fill=\"#222\"/>"
        svg += "<text x=\"14\" y=\"\(f(top + height + 35))\">opened</text>"
        svg += "<rect x=\"80\" y=\"\(f(top + height + 26))\" width=\"10\" height=\"10\" fill=\"url(#hatch)\" stroke=\"#111\"/>"
        svg += "<text x=\"94\" y=\"\(f(top + height + 35))\">closed</text>"
        if figures.suppress {
            svg += "<rect x=\"160\" y=\"\(f(top + height + 26))\" width=\"9\" height=\"9\" fill=\"#fff\" stroke=\"#111\"/>"
            svg += "<text x=\"174\" y=\"\(f(top + height + 35))\">1 to 4 (not shown)</text>"
        }
        return svg + "</svg>"
    }

    /// Median hours per urgency as bars, each with its target as a dashed line.
    func routingChart() -> String {
        let lines = dashboard.routing
        let labelWidth = 90.0, barWidth = 360.0, row = 24.0
        let largest = max(1, lines.compactMap { $0.medianHours }.max() ?? 1, Double(lines.compactMap(\.targetHours).max() ?? 1))
        var svg = svgOpen(width: 640, height: row * Double(lines.count) + 22, label: "time to first routing")
        for (index, line) in lines.enumerated() {
            let y = Double(index) * row
            svg += "<text x=\"0\" y=\"\(f(y + 16))\">\(line.urgency.rawValue)</text>"
            var end = labelWidth
            if let median = line.medianHours, !figures.hides(line.routed) {
                let width = barWidth * median / largest
                svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 5))\" width=\"\(f(width))\" height=\"14\" fill=\"#222\"/>"
                end += width
            }
            if let target = line.targetHours {
                let x = labelWidth + barWidth * Double(target) / largest
                svg += "<line x1=\"\(f(x))\" y1=\"\(f(y + 1))\" x2=\"\(f(x))\" y2=\"\(f(y + 23))\" stroke=\"#111\" "
                    + "stroke-width=\"2\" stroke-dasharray=\"3 2\"/>"
                end = max(end, x)
            }
            svg += "<text x=\"\(f(end + 6))\" y=\"\(f(y + 16))\">\(esc(figures.hours(line.medianHours, from: line.routed)))"
                + (line.targetHours.map { " (target \(figures.hours(Double($0), from: 5)))" } ?? "") + "</text>"
        }
        let legendY = row * Double(lines.count) + 14
        svg += "<line x1=\"\(f(labelWidth))\" y1=\"\(f(legendY - 9))\" x2=\"\(f(labelWidth))\" y2=\"\(f(legendY + 3))\" "
            + "stroke=\"#111\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>"
        svg += "<text x=\"\(f(labelWidth + 6))\" y=\"\(f(legendY))\">dashed line: the place's target</text>"
        return svg + "</svg>"
    }

    /// Each scorecard indicator: its latest value, target and trend, and its series as a sparkline.
    func scorecard() -> String {
        guard !dashboard.scorecard.isEmpty else { return "<p>No scorecard is chosen for this place.</p>" }
        var out = ""
        for line in dashboard.scorecard {
            var words = "<b>\(esc(Figures.value(line.value, unit: line.unit)))</b> \(esc(line.unit))"
            if let period = line.period { words += " in \(esc(period))" }
            if line.value != nil && !line.complete { words += " <i>(incomplete: a place within has no value)</i>" }
            if let target = line.target { words += "; target \(esc(Figures.value(target, unit: line.unit)))" }
            if let trend = line.trend {
                words += trend == .same ? "; the same as the period before" : "; \(trend.rawValue) than the period before"
            }
            out += "<div class=\"card\"><div><b>\(esc(line.name))</b><br>\(words)</div>\(sparkline(line))</div>\n"
        }
        return out
    }

    func sparkline(_ line: Dashboard.ScorecardLine) -> String {
        let width = 220.0, height = 40.0
        let values = line.series.compactMap { $0 } + (line.target.map { [$0] } ?? [])
        var svg = svgOpen(width: width + 10, height: height + 10, label: "\(line.name) over time")
        guard let low = values.min(), let high = values.max() else { return svg + "</svg>" }
        let span = max(high - low, 1e-9)
        let step = line.series.count > 1 ? width / Double(line.series.count - 1) : 0
        func y(_ value: Double) -> Double { 5 + height - (value - low) / span * height }
        var path = ""
        for (index, value) in line.series.enumerated() {
            guard let value else { continue }
            path += (path.isEmpty ? "M" : "L") + "\(f(5 + Double(index) * step)) \(f(y(value)))"
        }
        if let target = line.target {
            svg += "<line x1=\"5\" y1=\"\(f(y(target)))\" x2=\"\(f(5 + width))\" y2=\"\(f(y(target)))\" stroke=\"#111\" "
                + "stroke-dasharray=\"3 2\"/>"
        }
        svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"#111\" stroke-width=\"2\"/>"
        if let last = line.series.indices.last(where: { line.series[$0] != nil }), let value = line.series[last] {
            svg += "<circle cx=\"\(f(5 + Double(last) * step))\" cy=\"\(f(y(value)))\" r=\"3\" fill=\"#111\"/>"
        }
        return svg + "</svg>"
    }

    /// Allocated (black) and unallocated (hatched) as one bar.
    func potChart() -> String {
        let pot = dashboard.pot
        guard pot.total > 0 else { return "<p>No funding stream is recorded for this place.</p>" }
        let width = 600.0
        let allocated = width * Double(pot.allocated) / Double(pot.total)
        var svg = svgOpen(width: 640, height: 60, label: "the pot")
        svg += "<defs><pattern id=\"hatch-pot\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
            + "<path d=\"M0 4L4 0\" stroke=\"#111\" stroke-width=\"1\"/></pattern></defs>"
        svg += "<rect x=\"0\" y=\"4\" width=\"\(f(allocated))\" height=\"20\" fill=\"#222\"/>"
        svg += "<rect x=\"\(f(allocated))\" y=\"4\" width=\"\(f(width - allocated))\" height=\"20\" fill=\"url(#hatch-pot)\" "
            + "stroke=\"#111\"/>"
        svg += "<text x=\"0\" y=\"44\">Allocated \(esc(Money.text(pot.allocated))) · unallocated (hatched) "
            + "\(esc(Money.text(pot.unallocated))) · total \(esc(Money.text(pot.total))) in \(pot.streams) streams</text>"
        return svg + "</svg>"
    }

    func svgOpen(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" "
            + "height=\"\(f(height))\" role=\"img\" aria-label=\"\(esc(label))\">"
    }

    func clip(_ text: String) -> String { text.count > 34 ? String(text.prefix(33)) + "…" : text }

    func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
