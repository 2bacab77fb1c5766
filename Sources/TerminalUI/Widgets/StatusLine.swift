/// One reverse-video row with text at the left and at the right, such as a
/// breadcrumb and who is signed in. The right text wins when space is short.
public struct StatusLine: Equatable, Sendable {
    public var left: String
    public var right: String
    public var style: Style

    /// A status line; reverse video unless `style` says otherwise.
    public init(left: String, right: String = "", style: Style = .reverse) {
        self.left = left
        self.right = right
        self.style = style
    }

    /// Draws on the first row of `rect`, with a space of margin at each end.
    public func draw(into canvas: inout Canvas, rect: Rect) {
        let line = rect.row(0)
        canvas.fill(line, style: style)
        let inner = line.inset(dx: 1, dy: 0)
        guard inner.width > 0 else { return }
        let rightText = truncate(right, toWidth: inner.width)
        let rightWidth = displayWidth(of: rightText)
        canvas.put(rightText, at: inner.maxX - rightWidth, line.y, style: style)
        let room = inner.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        canvas.put(truncate(left, toWidth: room), at: inner.x, line.y, style: style, maxWidth: room)
    }
}
