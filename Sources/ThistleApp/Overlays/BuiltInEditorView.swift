import TerminalUI

extension BuiltInEditor {
    /// A box over the screen's body: the text, then how many characters it holds.
    func draw(into canvas: inout Canvas, _ area: Rect) {
        canvas.fill(area)
        let inside = Box(title: title + " · Ctrl-S save · Esc cancel").draw(into: &canvas, rect: area)
        let (status, text) = inside.inset(dx: 1, dy: 0).sliceBottom(1)
        self.area.draw(into: &canvas, rect: text)
        let counted = self.area.limit.map { "\(self.area.count) of \($0) characters" } ?? "\(self.area.count) characters"
        canvas.put(counted, at: status.x, status.y, style: .dim, maxWidth: status.width)
    }
}
