import TerminalUI

extension Palette {
    /// A box at the top of the screen: the query, then matching commands with their keys.
    func draw(into canvas: inout Canvas, _ area: Rect) {
        let width = min(64, area.width - 4)
        let found = matches
        let height = min(area.height - 2, max(4, found.count + 3))
        let frame = Rect(x: area.x + (area.width - width) / 2, y: area.y + 1, width: width, height: height)
        let inside = Box(title: "Commands").draw(into: &canvas, rect: frame)
        let (query, list) = inside.sliceTop(1)
        canvas.put(": ", at: query.x, query.y, style: .bold)
        field.draw(into: &canvas, rect: query.sliceLeft(2).rest)
        let rows = found.map { ["  " + $0.help, $0.keyNames] }
        Table(
            columns: [.init("Command", width: .flexible(min: 10, weight: 1)),
                      .init("Key", width: .fixed(12), alignment: .right)],
            rows: rows, selection: found.isEmpty ? nil : selection,
            scrollOffset: ListView.scrollOffset(selection: selection, current: 0, visibleRows: max(1, list.height - 1), count: rows.count),
            headerStyle: .dim
        ).draw(into: &canvas, rect: list)
        if found.isEmpty {
            canvas.put("  No command matches", at: list.x, list.y + 1, style: .dim, maxWidth: list.width)
        }
    }
}
