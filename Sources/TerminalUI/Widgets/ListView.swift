/// A vertical list of rows with an optional selection drawn in reverse.
/// The scroll position is the caller's state; `scrollOffset(...)` computes
/// the next one so the selection stays in view.
public struct ListView: Equatable, Sendable {
    /// The rows, each a line of styled spans.
    public var rows: [[Span]]
    /// Index of the selected row, if any.
    public var selection: Int?
    /// Index of the first row shown.
    public var scrollOffset: Int
    /// Text shown at the bottom-right, like "12/150"; nil for none.
    public var indicator: String?
    /// How the selected row is drawn over its own styles.
    public var selectedStyle: Style

    /// A list of styled rows.
    public init(rows: [[Span]], selection: Int? = nil, scrollOffset: Int = 0,
                indicator: String? = nil, selectedStyle: Style = .reverse) {
        self.rows = rows
        self.selection = selection
        self.scrollOffset = scrollOffset
        self.indicator = indicator
        self.selectedStyle = selectedStyle
    }

    /// A list of plain items; `showsPosition` adds a "selected/count" indicator.
    public init(items: [String], selection: Int? = nil, scrollOffset: Int = 0, showsPosition: Bool = false) {
        self.init(rows: items.map { [Span($0)] }, selection: selection, scrollOffset: scrollOffset,
                  indicator: showsPosition ? Self.position(selection: selection, count: items.count) : nil)
    }

    /// "12/150": the 1-based selection and the count, or "0/0" when empty.
    public static func position(selection: Int?, count: Int) -> String {
        guard count > 0 else { return "0/0" }
        return "\(min(max(0, selection ?? 0), count - 1) + 1)/\(count)"
    }

    /// The first row to show so that `selection` is visible, moving as little
    /// as possible from `current` and never scrolling past the last row.
    public static func scrollOffset(selection: Int?, current: Int, visibleRows: Int, count: Int) -> Int {
        guard visibleRows > 0, count > 0 else { return 0 }
        let maxOffset = max(0, count - visibleRows)
        var offset = min(max(0, current), maxOffset)
        if let selection {
            let selected = min(max(0, selection), count - 1)
            if selected < offset { offset = selected }
            if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        }
        return min(offset, maxOffset)
    }

    /// Draws the visible rows into `rect`, the selected one highlighted across the full width.
    public func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.fill(rect)
        let offset = min(max(0, scrollOffset), max(0, rows.count - 1))
        for row in 0..<rect.height {
            let index = offset + row
            guard index < rows.count else { break }
            let line = rect.row(row)
            canvas.put(rows[index], at: line.x, line.y, maxWidth: line.width)
            if index == selection {
                canvas.restyle(line) { $0.merged(with: selectedStyle) }
            }
        }
        if let indicator, rect.height > 0, !rect.isEmpty {
            let text = " " + indicator
            let width = min(displayWidth(of: text), rect.width)
            canvas.put(rightAligned(text, width: width), at: rect.maxX - width, rect.maxY - 1, style: .dim)
        }
    }
}
