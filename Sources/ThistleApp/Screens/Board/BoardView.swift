import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI

extension BoardScreen {
    func view(into canvas: inout Canvas, _ rect: Rect, _ context: ScreenContext) {
        let (tabRow, body) = rect.sliceTop(1)
        Tabs(titles: Tab.allCases.map(\.title), selected: tab.rawValue, numbered: false,
             selectedStyle: Style(bold: true, underline: true)).draw(into: &canvas, rect: tabRow)
        guard let board else {
            canvas.put(" Loading the board…", at: body.x, body.y + 1, style: .dim)
            return
        }
        if tab == .plan {
            drawPlan(board, into: &canvas, body)
        } else if tab == .indicators {
            drawIndicators(board, into: &canvas, body)
        } else {
            drawScrolled(document(board, width: body.width), scroll: scroll, into: &canvas, body, positionRow: tabRow)
        }
        prompt?.draw(into: &canvas, rect)
    }

    /// The scrolling tabs' content at a width.
    func document(_ board: PlaceBoard, width: Int) -> Canvas {
        var lines = Lines()
        switch tab {
        case .dashboard: Self.dashboard(board, width: width, into: &lines)
        case .plan, .indicators: break
        case .evidence: Self.evidence(board, width: width, into: &lines)
        case .pot: Self.pot(board, width: width, into: &lines)
        case .learning: Self.learning(board, width: width, into: &lines)
        }
        return lines.canvas(width: width)
    }

    static func dashboard(_ board: PlaceBoard, width: Int, into lines: inout Lines) {
        let d = board.dashboard
        let barWidth = max(4, min(30, width - 40))
        lines.heading("Cases, last 26 weeks (counts only, for \(board.placeName) and every place within)")
        lines.add("   opened " + Spark.line(d.weeks.map { Double($0.opened) }) + "  \(d.weeks.reduce(0) { $0 + $1.opened })")
        lines.add("   closed " + Spark.line(d.weeks.map { Double($0.closed) }) + "  \(d.weeks.reduce(0) { $0 + $1.closed })")
        lines.heading("Triage")
        lines.add("   \(d.awaitingTriage) awaiting, \(d.overdueTriage) overdue against target; \(d.returnedNow) returned needs waiting")
        lines.add("   median time to first routing:")
        for line in d.routing {
            let median = line.medianHours.map { $0 < 48 ? String(format: "%.1f h", $0) : String(format: "%.1f d", $0 / 24) } ?? "–"
            let target = line.targetHours.map { "target \($0) h" } ?? "no target"
            let late = (line.medianHours ?? 0) > Double(line.targetHours ?? .max) ? "  over target" : ""
            lines.add("   " + columns([(line.urgency.rawValue, 8), (median, 8), (target, 14), ("\(line.routed) routed", 12)]) + late)
        }
        lines.heading("Referrals")
        let rate = d.declineRate.map { String(format: "%.0f%%", $0 * 100) } ?? "–"
        lines.add("   decline rate \(rate) (\(d.declined) of \(d.answered) answered); \(d.bounced) needs came back at least once")
        bars(d.referralsByState, width: barWidth, into: &lines)
        lines.heading("Referrals by receiving agency")
        bars(d.referralsByAgency, width: barWidth, into: &lines)
        lines.heading("Open needs by category")
        bars(d.openNeedsByCategory, width: barWidth, into: &lines)
        lines.heading("Priorities")
        lines.add("   " + d.prioritiesByRAG.map { "\($0.label) \($0.count)" }.joined(separator: " · "))
        lines.heading("Prevention scorecard")
        if d.scorecard.isEmpty { lines.add("   No scorecard is chosen for this place.", .dim) }
        for line in d.scorecard {
            let value = figure(line.value) + (line.complete || line.value == nil ? "" : "*")
            let target = line.target.map { "target " + figure($0) } ?? ""
            lines.add("   " + columns([(line.name, 24), (Spark.line(line.series), 9), (value, 8), (target, 12),
                                       (line.trend?.rawValue ?? "", 6)]))
        }
        if d.scorecard.contains(where: { !$0.complete && $0.value != nil }) {
            lines.add("   * incomplete: a place within has no value for the latest period", .dim)
        }
        lines.heading("Pot")
        lines.add("   \(Money.text(d.pot.allocated)) allocated of \(Money.text(d.pot.total)); \(Money.text(d.pot.unallocated)) unallocated")
    }

    static func bars(_ counts: [Dashboard.Count], width: Int, into lines: inout Lines) {
        guard let largest = counts.map(\.count).max(), largest > 0 else {
            lines.add("   none", .dim)
            return
        }
        for item in counts {
            lines.add("   " + columns([(item.label, 24), (String(item.count), 5)]) + " "
                      + Spark.bar(Double(item.count), of: Double(largest), width: width))
        }
    }

    static func evidence(_ board: PlaceBoard, width: Int, into lines: inout Lines) {
        lines.heading("Place Standard (1 = a lot of room for improvement, 7 = very little)")
        let latest = board.assessments.first
        let before = board.assessments.dropFirst().first { $0.placeID == latest?.placeID }
        if let latest {
            var header = "   " + columns([("", 28), ("\(latest.date) (\(latest.respondents))", 18)])
            if let before { header += " " + columns([("\(before.date) (\(before.respondents))", 18)]) }
            lines.add(header, .dim)
            for theme in PlaceStandard.themes {
                let now = latest.score(theme) ?? 0
                var text = "   " + columns([(PlaceStandard.label(theme, version: latest.toolVersion), 28),
                                             (Spark.bar(Double(now), of: 7, width: 14) + " \(now)", 18)])
                if let before, let then = before.score(theme) {
                    text += " " + columns([(Spark.bar(Double(then), of: 7, width: 14) + " \(then)", 18)])
                }
                lines.add(text)
            }
        } else {
            lines.add("   No Place Standard assessment is recorded here.", .dim)
        }
        lines.heading("Community voice")
        if board.voice.isEmpty { lines.add("   None recorded.", .dim) }
        for note in board.voice { evidenceNote(note, board, width: width, into: &lines) }
        lines.heading("Practitioner knowledge")
        if board.practice.isEmpty { lines.add("   None recorded.", .dim) }
        for note in board.practice { evidenceNote(note, board, width: width, into: &lines) }
    }

    static func evidenceNote(_ note: EvidenceNote, _ board: PlaceBoard, width: Int, into lines: inout Lines) {
        let tags = note.themes.map { PlaceStandard.label($0) } + note.needs.map(\.rawValue)
        let who = note.byID.map { board.member($0) } ?? note.source
        lines.add("   \(note.date) · \(board.placeNames[note.placeID] ?? note.placeID.rawValue) · \(who) · \(tags.joined(separator: ", "))", .dim)
        lines.wrapped(note.text, width: width, indent: 5)
    }

    static func pot(_ board: PlaceBoard, width: Int, into lines: inout Lines) {
        let pot = board.pot
        lines.heading("The pot: \(Money.text(pot.total)) in \(pot.streams.count) streams; \(Money.text(pot.unallocated)) unallocated")
        if pot.streams.isEmpty { lines.add("   No funding stream is recorded for \(board.placeName).", .dim) }
        for stream in pot.streams {
            lines.add("")
            lines.add("   \(stream.name) · \(Money.text(stream.amount)) · \(Money.text(pot.remaining(in: stream.id))) left · ends \(stream.endDate)",
                      .bold)
            lines.wrapped("Conditions: " + stream.conditions, width: width, indent: 5, .dim)
            for allocation in pot.allocations where allocation.streamID == stream.id {
                let priority = board.priorities.first { $0.id == allocation.priorityID }?.title ?? allocation.priorityID.rawValue
                lines.add("     " + columns([(Money.text(allocation.amount), 10), (priority, 40), (board.member(allocation.byID), 18)]))
            }
        }
        lines.add("")
        lines.add("   a allocates from a stream to a priority.", .dim)
    }

    static func learning(_ board: PlaceBoard, width: Int, into lines: inout Lines) {
        lines.heading("Learning log: what worked and what got in the way")
        if board.learning.isEmpty { lines.add("   Nothing recorded yet.", .dim) }
        for entry in board.learning {
            lines.add("")
            lines.add("   \(entry.kind == .innovation ? "Innovation" : "Obstacle"): \(entry.title)", .bold)
            lines.add("   \(entry.date) · \(board.placeNames[entry.placeID] ?? entry.placeID.rawValue) · \(board.member(entry.byID))", .dim)
            lines.wrapped(entry.text, width: width, indent: 5)
        }
    }

    /// Every indicator at the place: its series, latest value, target and trend; Enter opens one.
    func drawIndicators(_ board: PlaceBoard, into canvas: inout Canvas, _ body: Rect) {
        let (top, rest) = body.sliceTop(1)
        canvas.put(" * incomplete: a place within has no value · Enter: its series and places compared",
                   at: top.x, top.y, style: .dim, maxWidth: top.width)
        Table(
            columns: [
                .init("Indicator", width: .flexible(min: 18, weight: 3)), .init("Series", width: .fixed(9)),
                .init("Latest", width: .fixed(9)), .init("Unit", width: .flexible(min: 8, weight: 2)),
                .init("Target", width: .fixed(7)), .init("Trend", width: .fixed(6)),
            ],
            rows: board.indicators.map { line in
                let latest = line.values.last { $0.value != nil }
                let trendValues = line.values.compactMap(\.value).suffix(2)
                let trend = trendValues.count == 2
                    ? Trend(from: trendValues.first, to: trendValues.last, polarity: line.indicator.polarity) : nil
                return [line.indicator.name, Spark.line(line.values.map(\.value)),
                        figure(latest?.value) + ((latest?.complete ?? true) ? "" : "*"), line.indicator.unit,
                        line.indicator.target.map(figure) ?? "", trend?.rawValue ?? ""]
            }, selection: indicatorSelection.index, scrollOffset: indicatorSelection.top
        ).draw(into: &canvas, rect: rest)
    }

    /// The plan's priorities, worst first, with who leads them and what the pot gave.
    func drawPlan(_ board: PlaceBoard, into canvas: inout Canvas, _ body: Rect) {
        guard let plan = board.plan else {
            canvas.put(" \(board.placeName) has no plan yet.", at: body.x, body.y + 1, style: .dim)
            return
        }
        let (top, rest) = body.sliceTop(2)
        canvas.put(" \(plan.period): " + plan.vision, at: top.x, top.y, style: .dim, maxWidth: top.width)
        canvas.put(" Enter opens a priority · R sets its RAG status · n adds one", at: top.x, top.y + 1, style: .dim,
                   maxWidth: top.width)
        Table(
            columns: [
                .init("RAG", width: .fixed(6)), .init("Priority", width: .flexible(min: 20, weight: 3)),
                .init("Lead", width: .flexible(min: 10, weight: 2)), .init("Actions", width: .fixed(8)),
                .init("Allocated", width: .fixed(10)),
            ],
            rows: board.priorities.map { priority in
                let actions = board.actions[priority.id] ?? []
                return [priority.rag.rawValue, priority.title, board.agency(priority.leadAgencyID),
                        "\(actions.filter { $0.status == .done }.count)/\(actions.count)", Money.text(board.allocated(to: priority.id))]
            }, selection: selection.index, scrollOffset: selection.top
        ).draw(into: &canvas, rect: rest)
    }
}

extension PriorityScreen {
    var priority: Priority? { board.priorities.first { $0.id == priorityID } }

    func document(width: Int) -> Canvas {
        var lines = Lines()
        guard let priority else { return lines.canvas(width: width) }
        lines.add(" \(priority.title)", .bold)
        lines.wrapped("\(priority.rag.rawValue.uppercased()) since \(priority.ragDate): \(priority.ragReason)", width: width, indent: 1)
        if !priority.description.isEmpty { lines.wrapped(priority.description, width: width, indent: 1) }
        lines.heading("Who")
        lines.add("   led by \(board.agency(priority.leadAgencyID))")
        if !priority.partnerAgencyIDs.isEmpty {
            lines.wrapped("with " + priority.partnerAgencyIDs.map { board.agency($0) }.joined(separator: ", "), width: width)
        }
        lines.heading("Outcomes")
        lines.wrapped(priority.outcomeKeys.map { board.outcomeNames[$0] ?? $0.rawValue }.joined(separator: " · "), width: width)
        lines.heading("Actions")
        let actions = board.actions[priority.id] ?? []
        if actions.isEmpty { lines.add("   none yet", .dim) }
        for action in actions {
            lines.add("   " + columns([(action.status.rawValue, 11), (action.due, 10), (action.title, 36), (board.member(action.ownerID), 18)]))
        }
        lines.heading("Indicators")
        for id in priority.indicatorIDs {
            guard let line = board.indicators.first(where: { $0.indicator.id == id }) else { continue }
            let latest = line.values.last { $0.value != nil }
            lines.add("   " + columns([(line.indicator.name, 26), (Spark.line(line.values.map(\.value)), 9),
                                       (figure(latest?.value), 8), (line.indicator.unit, 22)]))
        }
        lines.heading("Allocations: \(Money.text(board.allocated(to: priority.id)))")
        for allocation in board.pot.allocations where allocation.priorityID == priority.id {
            let stream = board.pot.streams.first { $0.id == allocation.streamID }
            lines.add("   " + columns([(Money.text(allocation.amount), 10), (stream?.name ?? "", 36), (board.member(allocation.byID), 18)]))
            if let stream { lines.wrapped("Conditions: " + stream.conditions, width: width, indent: 5, .dim) }
        }
        return lines.canvas(width: width)
    }

    func view(into canvas: inout Canvas, _ rect: Rect) {
        drawScrolled(document(width: rect.width), scroll: scroll, into: &canvas, rect)
        prompt?.draw(into: &canvas, rect)
    }
}

extension IndicatorScreen {
    func document(width: Int) -> Canvas {
        var lines = Lines()
        guard let line else { return lines.canvas(width: width) }
        let indicator = line.indicator
        lines.add(" \(indicator.name) at \(board.placeName)", .bold)
        lines.add(" \(indicator.unit) · \(indicator.kind.rawValue) · \(indicator.polarity == .higherIsBetter ? "higher" : "lower") is better"
                  + (indicator.target.map { " · target \(figure($0))" } ?? ""))
        lines.wrapped("Source: " + indicator.source, width: width, indent: 1, .dim)
        lines.heading("Series  " + Spark.line(line.values.map(\.value)))
        let largest = line.values.compactMap(\.value).max() ?? 0
        for (period, value) in zip(line.periods, line.values) {
            var text = "   " + columns([(period, 8), (figure(value.value) + (value.complete || value.value == nil ? "" : "*"), 9)])
            if let number = value.value { text += " " + Spark.bar(number, of: largest, width: max(4, min(40, width - 26))) }
            lines.add(text)
        }
        if line.values.contains(where: { !$0.complete && $0.value != nil }) {
            lines.add("   * incomplete: a place within has no value for that period", .dim)
        }
        if !line.children.isEmpty {
            lines.heading("The places within, compared (latest \(line.periods.last ?? ""))")
            let top = line.children.compactMap(\.latest).max() ?? 0
            for child in line.children.sorted(by: { ($0.latest ?? -.infinity) > ($1.latest ?? -.infinity) }) {
                var text = "   " + columns([(child.name, 20), (Spark.line(child.values.map(\.value)), 9), (figure(child.latest), 9)])
                if let latest = child.latest { text += " " + Spark.bar(latest, of: top, width: max(4, min(30, width - 45))) }
                lines.add(text)
            }
        }
        return lines.canvas(width: width)
    }

    func view(into canvas: inout Canvas, _ rect: Rect) {
        drawScrolled(document(width: rect.width), scroll: scroll, into: &canvas, rect)
    }
}
