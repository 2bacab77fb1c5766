import PlaceDomain
import TerminalUI

extension PlaceScreen {
    func view(into canvas: inout Canvas, _ rect: Rect, _ context: ScreenContext) {
        guard let overview = context.overview, let place = overview.tree[placeID] else {
            canvas.put("Loading…", at: rect.x + 1, rect.y, style: .dim)
            return
        }
        let (tabRow, body) = rect.sliceTop(1)
        Tabs(titles: Tab.allCases.map(\.title), selected: tab.rawValue, numbered: false,
             selectedStyle: Style(bold: true, underline: true)).draw(into: &canvas, rect: tabRow)
        switch tab {
        case .places:
            let children = overview.tree.children(of: placeID)
            guard !children.isEmpty else {
                return empty(&canvas, body, "No smaller places are recorded within \(place.name).")
            }
            let (header, list) = body.sliceTop(1)
            HomeScreen.drawFigureHeader(into: &canvas, header, first: childKind(place))
            TreeView(
                rows: children.map { TreeView.Row(label: $0.name, trailing: HomeScreen.figures(for: $0, overview)) },
                selection: child.index, scrollOffset: child.top, trailingWidths: HomeScreen.figureWidths
            ).draw(into: &canvas, rect: list)
        case .services:
            guard services.loaded else { return empty(&canvas, body, "Loading services…") }
            guard !services.rows.isEmpty else { return empty(&canvas, body, "No active directory entry covers \(place.name).") }
            drawPosition(&canvas, tabRow, services.position, services.total)
            ServiceTable.draw(into: &canvas, body, services, visibleRows: context.visibleRows)
        case .agencies:
            guard let agencies else { return empty(&canvas, body, "Loading agencies…") }
            guard !agencies.isEmpty else { return empty(&canvas, body, "No agency has members or services here.") }
            Table(
                columns: [.init("Agency", width: .flexible(min: 20, weight: 3)), .init("Kind", width: .fixed(16))],
                rows: agencies.map { [$0.name, $0.kind.rawValue] }, selection: agency.index, scrollOffset: agency.top
            ).draw(into: &canvas, rect: body)
        }
    }

    private func childKind(_ place: Place) -> String {
        place.kind == .council ? "Area" : "Community"
    }

    private func empty(_ canvas: inout Canvas, _ body: Rect, _ text: String) {
        TextView(" " + text, style: .dim).draw(into: &canvas, rect: body.sliceTop(1).rest)
    }
}

/// "12/150" at the right of a row.
func drawPosition(_ canvas: inout Canvas, _ row: Rect, _ position: Int, _ total: Int) {
    let text = "\(position)/\(total) "
    canvas.put(text, at: row.maxX - displayWidth(of: text), row.y, style: .dim)
}

/// A service's status in a dozen cells: whether a referral can go there today.
func statusText(_ service: Service) -> String {
    switch service.status {
    case .active: return service.acceptsReferrals ? "open" : "no referrals"
    case .temporarilyClosed: return "temp. closed"
    case .inactive, .defunct: return service.status.rawValue
    }
}

/// The services table used by the directory and the place screen.
enum ServiceTable {
    static func draw(into canvas: inout Canvas, _ rect: Rect, _ list: PagedList<ServiceRow>, visibleRows: Int) {
        let (rows, selection) = list.visible(visibleRows)
        Table(
            columns: [
                .init("Service", width: .flexible(min: 20, weight: 3)),
                .init("Run by", width: .flexible(min: 12, weight: 2)),
                .init("Needs", width: .flexible(min: 10, weight: 2)),
                .init("Wait", width: .fixed(7), alignment: .right),
                .init("Status", width: .fixed(12)),
            ],
            rows: rows.map { row in
                [
                    row.service.name, row.agencyName, row.service.needs.map(\.rawValue).joined(separator: ", "),
                    row.service.typicalWaitDays.map { "\($0) d" } ?? "–",
                    statusText(row.service),
                ]
            },
            selection: rows.isEmpty ? nil : selection
        ).draw(into: &canvas, rect: rect)
    }
}
