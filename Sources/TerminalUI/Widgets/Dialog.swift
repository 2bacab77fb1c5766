/// A modal message: a centred box with a title, wrapped message lines and a
/// row of buttons, the selected button highlighted.
public struct Dialog: Equatable, Sendable {
    public var title: String
    public var lines: [String]
    public var buttons: [String]
    /// Index of the highlighted button.
    public var selectedButton: Int
    /// Widest the box grows, border included.
    public var maxWidth: Int

    /// A dialog; one "OK" button unless given.
    public init(title: String, lines: [String], buttons: [String] = ["OK"], selectedButton: Int = 0,
                maxWidth: Int = 64) {
        self.title = title
        self.lines = lines
        self.buttons = buttons
        self.selectedButton = selectedButton
        self.maxWidth = maxWidth
    }

    /// The buttons as drawn: "[ OK ]  [ Cancel ]".
    private var buttonLabels: [String] { buttons.map { "[ \($0) ]" } }

    /// Where the box goes when centred in `area`: as wide as its content needs, within `maxWidth`.
    public func frame(in area: Rect) -> Rect {
        let buttonsWidth = displayWidth(of: buttonLabels.joined(separator: "  "))
        let contentWidth = max(lines.map { displayWidth(of: $0) }.max() ?? 0, buttonsWidth, displayWidth(of: title) + 2)
        let width = min(max(contentWidth + 4, 20), maxWidth, area.width)
        let height = 2 + wrapped(width: width - 4).count + (buttons.isEmpty ? 0 : 2)
        return area.centered(width: width, height: height)
    }

    /// Draws the dialog centred in `rect` (usually the whole screen).
    public func draw(into canvas: inout Canvas, rect: Rect) {
        let box = frame(in: rect)
        let inner = Box(title: title).draw(into: &canvas, rect: box).inset(dx: 1, dy: 0)
        guard !inner.isEmpty else { return }
        let (buttonRow, body) = inner.sliceBottom(buttons.isEmpty ? 0 : 2)
        for (row, line) in wrapped(width: inner.width).prefix(body.height).enumerated() {
            canvas.put(line, at: body.x, body.y + row, maxWidth: body.width)
        }
        guard !buttons.isEmpty, buttonRow.height == 2 else { return }
        let row = buttonRow.row(1)
        let total = displayWidth(of: buttonLabels.joined(separator: "  "))
        var x = row.x + max(0, (row.width - total) / 2)
        for (index, label) in buttonLabels.enumerated() {
            if index > 0 { x += 2 }
            let style: Style = index == selectedButton ? .reverse : .plain
            x += canvas.put(label, at: x, row.y, style: style, maxWidth: row.maxX - x)
        }
    }

    private func wrapped(width: Int) -> [String] {
        lines.flatMap { $0.isEmpty ? [""] : wrap($0, toWidth: width) }
    }
}
