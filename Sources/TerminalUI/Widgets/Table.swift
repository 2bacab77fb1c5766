/// Rows under a bold, underlined header, in columns laid out to the width
/// available. Cells too long for their column end in "…".
public struct Table: Equatable, Sendable {
    /// One column: its title, how wide it may be, and how its cells align.
    public struct Column: Hashable, Sendable {
        /// How a column's width is chosen.
        public enum Width: Hashable, Sendable {
            /// Exactly this many cells.
            case fixed(Int)
            /// At least `min` cells, plus a share of the spare width in proportion to `weight`.
            case flexible(min: Int, weight: Int)
        }

        /// Which side of its column a cell's text keeps to.
        public enum Alignment: Hashable, Sendable {
            case left, right
        }

        public var title: String
        public var width: Width
        public var alignment: Alignment

        /// A column; flexible and left-aligned unless given.
        public init(_ title: String, width: Width = .flexible(min: 1, weight: 1), alignment: Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Index of the selected row, if any.
    public var selection: Int?
    /// Index of the first row shown.
    public var scrollOffset: Int
    /// Blank cells between columns.
    public var spacing: Int
    public var headerStyle: Style
    public var selectedStyle: Style

    /// A table of plain-text rows; a row may have fewer cells than there are columns.
    public init(columns: [Column], rows: [[String]], selection: Int? = nil, scrollOffset: Int = 0, spacing: Int = 2,
                headerStyle: Style = Style(bold: true, underline: true), selectedStyle: Style = .reverse) {
        self.columns = columns
        self.rows = rows
        self.selection = selection
        self.scrollOffset = scrollOffset
        self.spacing = spacing
        self.headerStyle = headerStyle
        self.selectedStyle = selectedStyle
    }

    /// Data rows that fit under the header in `rect`.
    public static func visibleRows(in rect: Rect) -> Int { max(0, rect.height - 1) }

    /// Column widths for `totalWidth` cells: fixed columns and flexible
    /// minimums first, spare width shared by weight; when even that does not
    /// fit, columns are dropped from the right (width 0) and the last one
    /// kept is narrowed. Widths plus spacing never exceed `totalWidth`.
    public static func layout(_ columns: [Column], totalWidth: Int, spacing: Int = 2) -> [Int] {
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let n): return max(0, n)
            case .flexible(let minimum, _): return max(0, minimum)
            }
        }
        let gaps = max(0, columns.count - 1) * max(0, spacing)
        var spare = totalWidth - gaps - widths.reduce(0, +)
        if spare >= 0 {
            let weights = columns.map { column -> Int in
                if case .flexible(_, let weight) = column.width { return max(0, weight) }
                return 0
            }
            let totalWeight = weights.reduce(0, +)
            guard totalWeight > 0 else { return widths }
            let share = spare
            for index in widths.indices {
                let extra = share * weights[index] / totalWeight
                widths[index] += extra
                spare -= extra
            }
            // Rounding leftovers go to the flexible columns from the left.
            for index in widths.indices where spare > 0 && weights[index] > 0 {
                widths[index] += 1
                spare -= 1
            }
            return widths
        }
        var used = 0
        for index in widths.indices {
            let gap = index == 0 ? 0 : max(0, spacing)
            let available = totalWidth - used - gap
            if available <= 0 {
                widths[index] = 0
            } else {
                widths[index] = min(widths[index], available)
                used += gap + widths[index]
            }
        }
        return widths
    }

    /// Draws the header and the visible rows into `rect`.
    public func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.fill(rect)
        guard !rect.isEmpty else { return }
        let widths = Self.layout(columns, totalWidth: rect.width, spacing: spacing)
        drawLine(columns.map(\.title), widths: widths, into: &canvas, at: rect.row(0), style: headerStyle)
        let body = rect.sliceTop(1).rest
        let offset = min(max(0, scrollOffset), max(0, rows.count - 1))
        for row in 0..<body.height {
            let index = offset + row
            guard index < rows.count else { break }
            let line = body.row(row)
            drawLine(rows[index], widths: widths, into: &canvas, at: line, style: .plain)
            if index == selection { canvas.restyle(line) { $0.merged(with: selectedStyle) } }
        }
    }

    private func drawLine(_ cells: [String], widths: [Int], into canvas: inout Canvas, at line: Rect, style: Style) {
        var x = line.x
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            let text = index < cells.count ? cells[index] : ""
            let width = widths[index]
            let shown = column.alignment == .right ? rightAligned(text, width: width) : truncate(text, toWidth: width)
            canvas.put(shown, at: x, line.y, style: style, maxWidth: min(width, line.maxX - x))
            x += width + spacing
        }
    }
}
