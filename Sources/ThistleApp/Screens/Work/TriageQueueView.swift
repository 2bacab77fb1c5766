import TerminalUI

extension TriageQueueScreen {
    func view(into canvas: inout Canvas, _ rect: Rect) {
        let heading = work.filter.isEmpty
            ? "Needs waiting to be routed in the places you serve, most urgent first; overdue past the place's target."
            : "Showing only \(work.filter.summary) (F clears). Most urgent first; overdue past the place's target."
        work.draw(
            into: &canvas, rect, heading: heading,
            empty: "Nothing is waiting to be routed in the places you serve.",
            columns: [
                .init("Urgency", width: .fixed(8)), .init("Place", width: .flexible(min: 10, weight: 2)),
                .init("Need", width: .flexible(min: 12, weight: 2)), .init("Since", width: .fixed(10)),
                .init("Case", width: .flexible(min: 9, weight: 1)), .init("", width: .fixed(16)),
            ],
            cells: { row in
                [row.urgencyText, row.placeName, row.needText, dayText(row.item.since), row.item.caseID.rawValue,
                 [row.overdue ? "overdue" : nil, row.item.returned == true ? "returned" : nil]
                    .compactMap { $0 }.joined(separator: " ")]
            })
        prompt?.draw(into: &canvas, rect)
    }
}
