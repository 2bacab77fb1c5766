/// A block of text wrapped at word boundaries to the width it is drawn in.
public struct TextView: Equatable, Sendable {
    public var text: String
    public var style: Style
    /// Wrapped lines to skip from the top (for scrolling long text).
    public var scrollOffset: Int

    /// Text to wrap, drawn in `style`.
    public init(_ text: String, style: Style = .plain, scrollOffset: Int = 0) {
        self.text = text
        self.style = style
        self.scrollOffset = scrollOffset
    }

    /// The wrapped lines at `width` cells.
    public func lines(width: Int) -> [String] { wrap(text, toWidth: width) }

    /// Draws the wrapped text into `rect`; lines past its bottom are not shown.
    public func draw(into canvas: inout Canvas, rect: Rect) {
        let shown = lines(width: rect.width).dropFirst(max(0, scrollOffset)).prefix(rect.height)
        for (row, line) in shown.enumerated() {
            canvas.put(line, at: rect.x, rect.y + row, style: style, maxWidth: rect.width)
        }
    }
}
