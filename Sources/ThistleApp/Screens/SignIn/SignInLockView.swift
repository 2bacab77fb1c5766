import TerminalUI

extension SignInLock {
    /// A box in the middle of an otherwise empty screen: who, the masked field, and any problem.
    func draw(into canvas: inout Canvas, _ area: Rect) {
        let width = min(64, area.width - 4)
        let frame = area.centered(width: width, height: 9)
        canvas.fill(frame)
        let title = reason == .idle ? "Thistle is locked" : "Sign in"
        let inside = Box(title: title).draw(into: &canvas, rect: frame).inset(dx: 1, dy: 0)
        let lines = ["\(member.name) · \(member.role.rawValue)"]
            + (reason == .idle ? ["Locked after a while unused; nothing shows until you sign in again."] : [])
        for (row, line) in lines.enumerated() {
            canvas.put(line, at: inside.x, inside.y + row, maxWidth: inside.width)
        }
        let label = "Passphrase: "
        let field = Rect(x: inside.x, y: inside.y + 3, width: inside.width, height: 1)
        canvas.put(label, at: field.x, field.y, style: .bold)
        let masked = TextField(text: String(repeating: "•", count: passphrase.text.count), cursor: passphrase.cursor)
        masked.draw(into: &canvas, rect: field.sliceLeft(displayWidth(of: label)).rest, focused: !checking)
        let status = checking ? "Checking…" : problem ?? hint ?? "Enter signs in; Esc chooses someone else; Ctrl-C quits."
        canvas.put(status, at: inside.x, inside.y + 5, style: problem != nil && !checking ? Style(foreground: .red, bold: true) : .dim,
                   maxWidth: inside.width)
    }
}
