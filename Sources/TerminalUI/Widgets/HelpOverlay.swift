/// The `?` help: a centred box listing keys and what they do, in sections.
/// When the list is taller than the screen it shows one page from
/// `scrollOffset`, and the bottom border says where the reader is.
public struct HelpOverlay: Equatable, Sendable {
    /// One key and what it does.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var description: String

        /// An entry: "↑/k" → "Move up".
        public init(key: String, description: String) {
            self.key = key
            self.description = description
        }
    }

    /// A titled group of entries.
    public struct Section: Hashable, Sendable {
        public var title: String
        public var entries: [Entry]

        /// A section; an empty title draws no heading.
        public init(title: String, entries: [Entry]) {
            self.title = title
            self.entries = entries
        }

        /// A section from (key, description) pairs.
        public init(title: String, entries: [(key: String, description: String)]) {
            self.init(title: title, entries: entries.map { Entry(key: $0.key, description: $0.description) })
        }
    }

    public var title: String
    public var sections: [Section]
    /// Content lines to skip from the top; clamped when drawn.
    public var scrollOffset: Int
    /// Widest the box grows, border included.
    public var maxWidth: Int

    /// A help overlay.
    public init(title: String = "Help", sections: [Section], scrollOffset: Int = 0, maxWidth: Int = 72) {
        self.title = title
        self.sections = sections
        self.scrollOffset = scrollOffset
        self.maxWidth = maxWidth
    }

    private enum Line {
        case heading(String)
        case entry(Entry)
        case blank
    }

    private var lines: [Line] {
        var lines: [Line] = []
        for section in sections {
            if !lines.isEmpty { lines.append(.blank) }
            if !section.title.isEmpty { lines.append(.heading(section.title)) }
            lines += section.entries.map(Line.entry)
        }
        return lines
    }

    /// Content lines in total: headings, entries and the blank lines between sections.
    public var lineCount: Int { lines.count }

    private var keyColumnWidth: Int {
        min(16, sections.flatMap(\.entries).map { displayWidth(of: $0.key) }.max() ?? 0)
    }

    /// Where the box goes when centred in `area`: one row of margin above
    /// and below when the content is taller than the screen.
    public func frame(in area: Rect) -> Rect {
        let descriptionWidth = sections.flatMap(\.entries).map { displayWidth(of: $0.description) }.max() ?? 0
        let headingWidth = sections.map { displayWidth(of: $0.title) }.max() ?? 0
        let contentWidth = max(keyColumnWidth + 2 + descriptionWidth, headingWidth, displayWidth(of: title) + 2)
        let width = min(contentWidth + 4, maxWidth, area.width)
        let height = min(lineCount + 2, max(2, area.height - 2), area.height)
        return area.centered(width: width, height: height)
    }

    /// Content lines that fit on one page when drawn in `area`.
    public func visibleRows(in area: Rect) -> Int { max(0, frame(in: area).height - 2) }

    /// The furthest `scrollOffset` can usefully go when drawn in `area`.
    public func maxScrollOffset(in area: Rect) -> Int { max(0, lineCount - visibleRows(in: area)) }

    /// Draws the overlay centred in `rect` (usually the whole screen).
    public func draw(into canvas: inout Canvas, rect: Rect) {
        let box = frame(in: rect)
        let all = lines
        let visible = visibleRows(in: rect)
        let offset = min(max(0, scrollOffset), maxScrollOffset(in: rect))
        var bottom = ""
        if all.count > visible, visible > 0 {
            bottom = "\(offset + 1)–\(min(all.count, offset + visible)) of \(all.count)"
        }
        let inner = Box(title: title, bottomTitle: bottom).draw(into: &canvas, rect: box).inset(dx: 1, dy: 0)
        guard !inner.isEmpty else { return }
        let keyWidth = min(keyColumnWidth, max(1, inner.width / 2))
        for (row, line) in all.dropFirst(offset).prefix(inner.height).enumerated() {
            let y = inner.y + row
            switch line {
            case .heading(let text):
                canvas.put(truncate(text, toWidth: inner.width), at: inner.x, y, style: .bold)
            case .entry(let entry):
                canvas.put(truncate(entry.key, toWidth: keyWidth), at: inner.x, y, style: .bold)
                let x = inner.x + keyWidth + 2
                canvas.put(truncate(entry.description, toWidth: inner.maxX - x), at: x, y, maxWidth: inner.maxX - x)
            case .blank:
                break
            }
        }
    }
}
