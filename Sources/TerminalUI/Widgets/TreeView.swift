/// An outline: indented rows with a disclosure marker ("▸ " collapsed,
/// "▾ " expanded, "  " leaf), a label, and right-aligned trailing columns
/// such as counts. Which rows are visible is the caller's state; this draws
/// the flattened rows it is given.
public struct TreeView: Equatable, Sendable {
    /// Whether a row has children, and whether they are shown.
    public enum Disclosure: Hashable, Sendable {
        case expanded, collapsed, leaf

        /// The two-cell marker drawn before the label.
        public var marker: String {
            switch self {
            case .expanded: return "▾ "
            case .collapsed: return "▸ "
            case .leaf: return "  "
            }
        }
    }

    /// One visible row of the outline.
    public struct Row: Hashable, Sendable {
        public var label: String
        /// Nesting level, 0 for a root.
        public var depth: Int
        public var disclosure: Disclosure
        /// Right-aligned texts after the label, such as figures.
        public var trailing: [String]
        public var style: Style

        /// A row of the outline.
        public init(label: String, depth: Int = 0, disclosure: Disclosure = .leaf, trailing: [String] = [],
                    style: Style = .plain) {
            self.label = label
            self.depth = depth
            self.disclosure = disclosure
            self.trailing = trailing
            self.style = style
        }
    }

    public var rows: [Row]
    /// Index of the selected row, if any.
    public var selection: Int?
    /// Index of the first row shown.
    public var scrollOffset: Int
    /// Width of each trailing column; nil sizes each to its widest visible text.
    public var trailingWidths: [Int]?
    /// Cells of indentation per level.
    public var indent: Int
    public var selectedStyle: Style

    /// An outline of flattened rows.
    public init(rows: [Row], selection: Int? = nil, scrollOffset: Int = 0, trailingWidths: [Int]? = nil,
                indent: Int = 2, selectedStyle: Style = .reverse) {
        self.rows = rows
        self.selection = selection
        self.scrollOffset = scrollOffset
        self.trailingWidths = trailingWidths
        self.indent = indent
        self.selectedStyle = selectedStyle
    }

    /// Draws the visible rows into `rect`; labels are cut with "…" before the trailing columns.
    public func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.fill(rect)
        let offset = min(max(0, scrollOffset), max(0, rows.count - 1))
        let visible = Array(rows.dropFirst(offset).prefix(rect.height))
        let widths = trailingWidths ?? Self.trailingWidths(of: visible)
        for (row, item) in visible.enumerated() {
            let line = rect.row(row)
            var right = line.maxX
            for (index, width) in widths.enumerated().reversed() where width > 0 {
                let text = index < item.trailing.count ? item.trailing[index] : ""
                let start = right - width
                guard start >= line.x + 1 else { break }
                canvas.put(rightAligned(text, width: width), at: start, line.y, style: item.style)
                right = start - 1
            }
            let lead = String(repeating: " ", count: max(0, item.depth * indent)) + item.disclosure.marker
            let used = canvas.put(lead, at: line.x, line.y, style: item.style, maxWidth: right - line.x)
            let room = right - line.x - used
            canvas.put(truncate(item.label, toWidth: room), at: line.x + used, line.y, style: item.style, maxWidth: room)
            if offset + row == selection { canvas.restyle(line) { $0.merged(with: selectedStyle) } }
        }
    }

    private static func trailingWidths(of rows: [Row]) -> [Int] {
        var widths: [Int] = []
        for row in rows {
            for (index, text) in row.trailing.enumerated() {
                if index >= widths.count { widths.append(0) }
                widths[index] = max(widths[index], displayWidth(of: text))
            }
        }
        return widths
    }
}
