import TerminalUI

extension MyCasesScreen {
    func view(into canvas: inout Canvas, _ rect: Rect) {
        work.draw(
            into: &canvas, rect, heading: "The cases you lead: returned needs first, then by urgency and age.",
            empty: "You lead no open case.",
            columns: [
                .init("", width: .fixed(8)), .init("Resident", width: .flexible(min: 12, weight: 2)),
                .init("Need", width: .flexible(min: 12, weight: 2)), .init("Urgency", width: .fixed(8)),
                .init("State", width: .fixed(7)), .init("Since", width: .fixed(10)),
                .init("Case", width: .flexible(min: 9, weight: 1)),
            ],
            cells: { row in
                [Self.marker(row), row.residentName, row.item.needID == nil ? "nothing open: close it" : row.needText,
                 row.urgencyText, row.item.status, dayText(row.item.since), row.item.caseID.rawValue]
            })
    }

    static func marker(_ row: WorkRow) -> String {
        if row.item.returned == true { return "returned" }
        if row.item.stalled == true { return "stalled" }
        return ""
    }
}
