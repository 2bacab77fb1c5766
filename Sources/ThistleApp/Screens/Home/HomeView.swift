import PlaceDomain
import TerminalUI

extension HomeScreen {
    static let figureTitles = ["People", "Open cases", "Awaiting triage", "Services"]
    static let figureWidths = [10, 10, 15, 8]

    func view(into canvas: inout Canvas, _ rect: Rect, _ context: ScreenContext) {
        guard let overview = context.overview else {
            canvas.put("Loading places…", at: rect.x + 1, rect.y, style: .dim)
            return
        }
        let (heading, rest) = rect.sliceTop(1)
        canvas.put(" Places and their work. Figures roll up to every place above.", at: heading.x, heading.y,
                   style: .dim, maxWidth: heading.width)
        let (header, list) = rest.sliceTop(1)
        Self.drawFigureHeader(into: &canvas, header, first: "Place")
        let rows = rows(overview.tree).map { row in
            TreeView.Row(
                label: row.place.name, depth: row.depth,
                disclosure: row.hasChildren ? (row.isExpanded ? .expanded : .collapsed) : .leaf,
                trailing: Self.figures(for: row.place, overview))
        }
        TreeView(rows: rows, selection: selection.index, scrollOffset: selection.top, trailingWidths: Self.figureWidths)
            .draw(into: &canvas, rect: list)
    }

    static func figures(for place: Place, _ overview: PlaceOverview) -> [String] {
        [
            grouped(place.population), grouped(overview.openCases[place.id] ?? 0),
            grouped(overview.awaitingTriage[place.id] ?? 0), grouped(overview.services[place.id] ?? 0),
        ]
    }

    /// The column titles over the figures, right-aligned as the tree draws them.
    static func drawFigureHeader(into canvas: inout Canvas, _ line: Rect, first: String) {
        let style = Style(bold: true, underline: true)
        canvas.fill(line)
        var right = line.maxX
        for (title, width) in zip(figureTitles, figureWidths).reversed() {
            let start = right - width
            canvas.put(String(repeating: " ", count: max(0, width - displayWidth(of: title))) + title,
                       at: start, line.y, style: style)
            right = start - 1
        }
        canvas.put(first, at: line.x, line.y, style: style, maxWidth: right - line.x)
    }
}

/// 12345 → "12,345".
func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var out = ""
    for (index, character) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(character)
    }
    return (value < 0 ? "-" : "") + out
}
