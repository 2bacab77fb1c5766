/// A bordered box drawn with ┌─┐│└┘, its title set into the top border.
/// Dialogs and overlays are boxes; drawing one clears the area first so the
/// screen beneath does not show through.
public struct Box: Equatable, Sendable {
    public var title: String
    public var style: Style
    /// Text set into the bottom border at the right, such as "PgDn more".
    public var bottomTitle: String

    /// A box with `title` in its top border.
    public init(title: String = "", style: Style = .plain, bottomTitle: String = "") {
        self.title = title
        self.style = style
        self.bottomTitle = bottomTitle
    }

    /// The area inside the border of a box drawn in `rect`.
    public static func interior(of rect: Rect) -> Rect { rect.inset(by: 1) }

    /// Clears `rect`, draws the border and titles; returns the interior.
    @discardableResult
    public func draw(into canvas: inout Canvas, rect: Rect) -> Rect {
        canvas.fill(rect, style: style)
        guard rect.width >= 2, rect.height >= 2 else { return .zero }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        canvas.put("┌" + horizontal + "┐", at: rect.x, rect.y, style: style)
        canvas.put("└" + horizontal + "┘", at: rect.x, rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.put("│", at: rect.x, y, style: style)
            canvas.put("│", at: rect.maxX - 1, y, style: style)
        }
        if !title.isEmpty, rect.width >= 6 {
            let shown = truncate(title, toWidth: rect.width - 6)
            canvas.put(" " + shown + " ", at: rect.x + 2, rect.y, style: style.merged(with: .bold))
        }
        if !bottomTitle.isEmpty, rect.width >= 6 {
            let shown = " " + truncate(bottomTitle, toWidth: rect.width - 6) + " "
            canvas.put(shown, at: rect.maxX - 2 - displayWidth(of: shown), rect.maxY - 1, style: style)
        }
        return Self.interior(of: rect)
    }
}
