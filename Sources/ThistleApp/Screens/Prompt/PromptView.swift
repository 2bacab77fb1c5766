import TerminalUI

extension Prompt {
    /// A box centred in `area`: the question, then the field, the choices or the yes/no keys.
    func draw(into canvas: inout Canvas, _ area: Rect) {
        let width = min(68, area.width - 4)
        let text = lines.flatMap { $0.isEmpty ? [""] : wrap($0, toWidth: width - 4) }
        let inputRows: Int
        switch input {
        case .text, .confirm: inputRows = 1
        case .choice(let choices, _): inputRows = max(1, choices.count)
        }
        let height = min(area.height, 2 + text.count + 1 + inputRows)
        let frame = area.centered(width: width, height: height)
        canvas.fill(frame)
        let inside = Box(title: title).draw(into: &canvas, rect: frame).inset(dx: 1, dy: 0)
        let (message, rest) = inside.sliceTop(min(text.count, max(0, inside.height - 2)))
        for (row, line) in text.prefix(message.height).enumerated() {
            canvas.put(line, at: message.x, message.y + row, maxWidth: message.width)
        }
        let field = rest.sliceTop(1).rest
        switch input {
        case .text(let textField):
            if let limit = textField.limit, textField.text.count >= limit {
                canvas.put("That is the most it takes: \(limit) characters.", at: rest.x, rest.y, style: .bold, maxWidth: rest.width)
            }
            let label = step == .noteText ? "Note: " : "Reason: "
            canvas.put(label, at: field.x, field.y, style: .bold)
            textField.draw(into: &canvas, rect: field.row(0).sliceLeft(displayWidth(of: label)).rest, focused: true)
        case .confirm:
            canvas.put("y  yes      Esc  no", at: field.x, field.y, style: .bold, maxWidth: field.width)
        case .choice(let choices, let selected):
            let visible = max(1, field.height)
            let top = ListView.scrollOffset(selection: selected, current: 0, visibleRows: visible, count: choices.count)
            for (row, index) in choices.indices.dropFirst(top).prefix(visible).enumerated() {
                let style: Style = index == selected ? .reverse : .plain
                canvas.put(truncate(choices[index], toWidth: field.width), at: field.x, field.y + row, style: style,
                           maxWidth: field.width)
            }
        }
    }
}
