import Foundation
import PlaceDomain
import TerminalUI

/// What the three worklist screens share: the rows of one worklist, the
/// selection, and Enter opening the selected row's case. The lists are as
/// long as one member's work, so they are held whole.
public struct WorkListState: Equatable, Sendable {
    public let list: WorkList
    /// The rows shown: the loaded list narrowed by `filter`. Nil until the first load.
    public private(set) var rows: [WorkRow]?
    /// Every row of the list as loaded.
    public private(set) var loaded: [WorkRow]?
    public private(set) var filter = WorkFilter()
    public var selection = Selection()

    init(_ list: WorkList) { self.list = list }

    public var selected: WorkRow? {
        guard let rows, rows.indices.contains(selection.index) else { return nil }
        return rows[selection.index]
    }

    /// The load of the list, for the signed-in member.
    func load(_ context: ScreenContext) -> [Effect] {
        guard let member = context.member else { return [] }
        return [.loadWork(list, member.id)]
    }

    /// Moving, and Enter pushing the case screen; nil for other commands.
    mutating func perform(_ command: Command, _ context: ScreenContext, title: String) -> Outcome? {
        if selection.perform(command, count: rows?.count ?? 0, visibleRows: context.visibleRows) { return Outcome() }
        guard command == .open else { return nil }
        guard let row = selected else { return Outcome() }
        guard let member = context.member else { return Outcome() }
        return CaseScreen.open(row.item.caseID, from: title, by: member.id)
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        switch message {
        case .workLoaded(list, let rows):
            loaded = rows
            self.rows = rows.filter(filter.admits)
        case .resized, .workLoaded:
            break
        default:
            return
        }
        selection.fit(count: rows?.count ?? 0, visibleRows: context.visibleRows)
    }

    /// Narrows the list; the selection goes back to the top.
    mutating func apply(_ filter: WorkFilter, _ context: ScreenContext) {
        self.filter = filter
        rows = loaded?.filter(filter.admits)
        selection = Selection()
        selection.fit(count: rows?.count ?? 0, visibleRows: context.visibleRows)
    }

    /// The list's table, or a line saying it is loading or empty.
    func draw(into canvas: inout Canvas, _ rect: Rect, heading: String, empty: String,
              columns: [Table.Column], cells: (WorkRow) -> [String]) {
        let (top, body) = rect.sliceTop(1)
        canvas.put(" " + heading, at: top.x, top.y, style: .dim, maxWidth: top.width - 10)
        guard let rows else {
            canvas.put(" Loading…", at: body.x, body.y + 1, style: .dim)
            return
        }
        guard !rows.isEmpty else {
            let none = filter.isEmpty ? empty : "Nothing matches the filter (\(filter.summary)). F clears it."
            canvas.put(" " + none, at: body.x, body.y + 1, style: .dim, maxWidth: body.width)
            return
        }
        drawPosition(&canvas, top, selection.index + 1, rows.count)
        Table(columns: columns, rows: rows.map(cells), selection: selection.index, scrollOffset: selection.top)
            .draw(into: &canvas, rect: body)
    }
}

/// A day as the worklists show it: 2026-11-24 (UTC, as the store keeps times).
func dayText(_ date: Date) -> String {
    date == .distantPast ? "–" : date.formatted(Date.ISO8601FormatStyle().year().month().day())
}

extension WorkRow {
    var needText: String { category?.rawValue ?? "–" }
    var urgencyText: String { item.urgency?.rawValue ?? "–" }
}
