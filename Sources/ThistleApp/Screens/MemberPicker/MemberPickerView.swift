import TerminalUI

extension MemberPickerScreen {
    func view(into canvas: inout Canvas, _ rect: Rect) {
        let (prompt, body) = rect.sliceTop(1)
        canvas.put(" Choose who you are: Thistle records your work as this member.", at: prompt.x, prompt.y,
                   style: .bold, maxWidth: prompt.width)
        guard list.loaded else { return }
        drawPosition(&canvas, prompt, list.position, list.total)
        let (rows, selection) = list.visible(max(1, body.height - 1))
        Table(
            columns: [
                .init("Name", width: .flexible(min: 16, weight: 2)), .init("Role", width: .fixed(10)),
                .init("Agency", width: .flexible(min: 16, weight: 3)),
            ],
            rows: rows.map { [$0.member.name, $0.member.role.rawValue, $0.agencyName] },
            selection: rows.isEmpty ? nil : selection
        ).draw(into: &canvas, rect: body)
    }
}
