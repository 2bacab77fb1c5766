import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI

extension SyncScreen {
    func view(into canvas: inout Canvas, _ rect: Rect) {
        guard let overview else {
            canvas.put(" Loading…", at: rect.x, rect.y + 1, style: .dim)
            return
        }
        var body = rect
        func line(_ text: String, _ style: Style = .plain) {
            guard body.height > 0 else { return }
            canvas.put(text, at: body.x, body.y, style: style, maxWidth: body.width)
            body = body.sliceTop(1).rest
        }
        line(" This device \(overview.device)" + (overview.team.map { " in \($0)" } ?? " · no team: run `thistle team init`"))
        let conflicts = overview.conflicts.count == 1 ? "1 open conflict" : "\(overview.conflicts.count) open conflicts"
        line(" \(overview.ops) ops · \(conflicts) · `thistle sync export`, `sync import`, `sync hub`", .dim)
        line("")
        line("   " + columns([("Device", 14), ("Id", 14), ("Last bundle in", 24), ("To send by bundle", 20)]), .dim)
        for peer in overview.devices.prefix(4) {
            let toSend = peer.unshared.map(Self.ops) ?? "this device"
            let last = peer.lastBundle.map(Self.minute) ?? "none yet"
            line("   " + columns([(peer.name, 14), (peer.id.rawValue, 14), (last, 24), (toSend, 20)]))
        }
        if overview.devices.count > 4 { line("   and \(overview.devices.count - 4) more", .dim) }
        if let hub = overview.hub {
            line("   " + columns([("Hub", 14), ("last sync " + Self.minute(hub.lastSync), 38), (Self.ops(hub.unshared), 20)]))
            line(String(repeating: " ", count: 17) + hub.url, .dim)
        } else {
            line("   Hub: none yet · `thistle sync hub --url postgres://USER@HOST/DATABASE`", .dim)
        }
        line("")
        if let conflict = opened {
            drawSideBySide(conflict, overview, into: &canvas, body)
        } else if overview.conflicts.isEmpty {
            line(" No open conflict: every concurrent edit so far agreed or was resolved.", .dim)
        } else {
            line(" Open conflicts: Enter shows the values side by side, r resolves", .bold)
            Table(
                columns: [.init("Record", width: .flexible(min: 20, weight: 3)), .init("Field", width: .flexible(min: 10, weight: 1)),
                          .init("Values", width: .fixed(7)), .init("Shown now", width: .flexible(min: 10, weight: 2))],
                rows: overview.conflicts.map { conflict in
                    ["\(conflict.entity) \(conflict.entityID)", conflict.field, String(conflict.values.count),
                     conflict.values.last.map { Self.text($0.value, in: conflict) } ?? ""]
                }, selection: selection.index, scrollOffset: selection.top
            ).draw(into: &canvas, rect: body)
        }
        prompt?.draw(into: &canvas, rect)
    }

    /// An ISO 8601 UTC time as people read it, to the minute.
    static func minute(_ iso: String) -> String {
        iso.prefix(16).replacingOccurrences(of: "T", with: " ")
    }

    /// A count of ops still to send.
    static func ops(_ count: Int) -> String {
        count == 0 ? "nothing" : count == 1 ? "1 op" : "\(count) ops"
    }

    /// An HLC time as people read it (UTC, to the minute).
    static func time(_ hlc: String) -> String {
        guard let stamp = HLCTimestamp(hlc) else { return hlc }
        let date = Date(timeIntervalSince1970: Double(stamp.millis) / 1000)
        return date.formatted(Date.ISO8601FormatStyle().year().month().day().dateTimeSeparator(.space).time(includingFractionalSeconds: false))
            .prefix(16) + " UTC"
    }

    /// Each value of a conflict in its own column: the value, who, on which device, when.
    private func drawSideBySide(_ conflict: Conflict, _ overview: SyncOverview, into canvas: inout Canvas, _ rect: Rect) {
        canvas.put(" \(conflict.entity) \(conflict.entityID) · \(conflict.field) — r resolves, Esc goes back",
                   at: rect.x, rect.y, style: .bold, maxWidth: rect.width)
        let count = max(1, conflict.values.count)
        let width = max(10, (rect.width - 1) / count)
        for (index, value) in conflict.values.enumerated() {
            let x = rect.x + 1 + index * width
            let shown = index == conflict.values.count - 1 ? " (shown now)" : ""
            let lines = ["\(index + 1).\(shown)"] + wrap(Self.text(value.value, in: conflict), toWidth: width - 2)
                + ["by " + (value.author.map { overview.memberNames[$0] ?? $0.rawValue } ?? "—"), "on " + value.device.rawValue,
                   "at " + Self.time(value.at)]
            for (row, text) in lines.enumerated() where row + 2 < rect.height {
                canvas.put(text, at: x, rect.y + 2 + row, style: row == 0 ? .bold : .plain, maxWidth: width - 1)
            }
        }
    }
}
