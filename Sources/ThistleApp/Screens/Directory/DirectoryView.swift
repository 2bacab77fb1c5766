import TerminalUI

extension DirectoryScreen {
    func view(into canvas: inout Canvas, _ rect: Rect) {
        let (filterRow, body) = rect.sliceTop(1)
        let label = " Filter: "
        canvas.put(label, at: filterRow.x, filterRow.y, style: .bold)
        let fieldRect = filterRow.sliceLeft(displayWidth(of: label)).rest.sliceRight(16).rest
        field.draw(into: &canvas, rect: fieldRect, focused: isEditing,
                   placeholder: "press / to filter by name, need or place")
        if list.loaded { drawPosition(&canvas, filterRow, list.position, list.total) }
        guard list.loaded else {
            canvas.put(" Loading services…", at: body.x, body.y + 1, style: .dim)
            return
        }
        guard !list.rows.isEmpty else {
            canvas.put(" No service matches “\(filter)”.", at: body.x, body.y + 1, style: .dim, maxWidth: body.width)
            return
        }
        ServiceTable.draw(into: &canvas, body, list, visibleRows: max(1, body.height - 1))
    }
}
