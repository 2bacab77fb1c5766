/// A grid of cells that views draw into and backends show. Pure value: a
/// test draws a screen and compares `text()`; the curses backend writes only
/// what differs from the last canvas it showed.
///
/// Every write clips: coordinates off the canvas and sizes down to 0×0 are
/// safe, never a crash.
public struct Canvas: Equatable, Sendable {
    /// The canvas size; negative sizes are stored as zero.
    public let size: Size
    /// The cells, row by row, each row `size.width` long.
    public private(set) var rows: [[Cell]]

    /// A blank canvas.
    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        rows = Array(repeating: Array(repeating: .blank, count: self.size.width), count: self.size.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at (`x`, `y`), or nil off the canvas.
    public func cell(x: Int, y: Int) -> Cell? {
        guard bounds.contains(x: x, y: y) else { return nil }
        return rows[y][x]
    }

    /// Writes `text` from (`x`, `y`) in `style`, clipped at the canvas edge
    /// and after `maxWidth` cells. Returns the cells it advanced through.
    ///
    /// Controls become U+FFFD so nothing written can move the terminal's
    /// cursor; zero-width clusters with nothing to attach to are skipped. A
    /// wide character that would straddle the clip edge becomes a space, and
    /// overwriting half of a wide character blanks its other half, so the
    /// grid never holds half a character.
    @discardableResult
    public mutating func put(_ text: String, at x: Int, _ y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        let limit = min(size.width, maxWidth.map { x + max(0, $0) } ?? size.width)
        var column = x
        for character in text {
            guard column < limit else { break }
            var grapheme = String(character)
            var width = displayWidth(of: character)
            if let first = character.unicodeScalars.first, isControl(first) {
                grapheme = "\u{FFFD}"
                width = 1
            }
            if width == 0 { continue }
            if column + width > limit || column < 0 {
                // Half of it would be outside: show the visible half as blank.
                for c in column..<min(column + width, limit) where c >= 0 { setCell(Cell(" ", style: style), x: c, y: y) }
                column += width
                continue
            }
            setCell(Cell(grapheme, style: style), x: column, y: y)
            if width == 2 { setCell(Cell("", style: style), x: column + 1, y: y) }
            column += width
        }
        return max(0, min(column, limit) - max(x, 0))
    }

    /// Writes styled spans one after another; returns the cells used.
    @discardableResult
    public mutating func put(_ spans: [Span], at x: Int, _ y: Int, maxWidth: Int? = nil) -> Int {
        var used = 0
        for span in spans {
            let remaining = maxWidth.map { $0 - used }
            if let remaining, remaining <= 0 { break }
            used += put(span.text, at: x + used, y, style: span.style, maxWidth: remaining)
        }
        return used
    }

    /// Blanks `rect` with spaces in `style` (clears an area, or paints a bar).
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let area = rect.intersection(bounds)
        for y in area.rows {
            for x in area.columns { setCell(Cell(" ", style: style), x: x, y: y) }
        }
    }

    /// Gives every cell in `rect` a new style and keeps its text: how a selected row is highlighted.
    public mutating func setStyle(_ rect: Rect, style: Style) {
        restyle(rect) { _ in style }
    }

    /// Copies `source`'s rows from `sourceTop` into `rect`, clipped to both:
    /// how a view taller than the screen is scrolled. A wide character cut
    /// at the right edge becomes a space.
    public mutating func paste(_ source: Canvas, fromRow sourceTop: Int, into rect: Rect) {
        let area = rect.intersection(bounds)
        for y in area.rows {
            let sourceY = sourceTop + y - rect.y
            guard sourceY >= 0, sourceY < source.size.height else { continue }
            for x in area.columns {
                let sourceX = x - rect.x
                guard sourceX >= 0, sourceX < source.size.width else { continue }
                var cell = source.rows[sourceY][sourceX]
                let cutAtRight = cell.width == 2 && (x + 1 >= area.maxX || sourceX + 1 >= source.size.width)
                if cutAtRight || (cell.isContinuation && x == area.x) { cell.text = " " }
                setCell(cell, x: x, y: y)
            }
        }
    }

    /// Changes the style of every cell in `rect` with `transform`, keeping the text.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        for y in area.rows {
            for x in area.columns { rows[y][x].style = transform(rows[y][x].style) }
        }
    }

    /// The canvas as plain text: one line per row, trailing spaces trimmed,
    /// wide characters once; what golden-file tests compare.
    public func text() -> String {
        rows.map { row in
            var line = row.map(\.text).joined()
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// The plain text of row `y` (empty off the canvas), trailing spaces kept.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        return rows[y].map(\.text).joined()
    }

    /// Stores one cell, first blanking any wide character it would cut in half.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < size.width else { return }
        let old = rows[y][x]
        if old.isContinuation, x > 0 {
            rows[y][x - 1].text = " "
        }
        if !old.isContinuation, x + 1 < size.width, rows[y][x + 1].isContinuation {
            rows[y][x + 1].text = " "
        }
        rows[y][x] = cell
    }
}
