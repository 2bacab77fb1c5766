import TerminalUI

extension TriageQueueScreen {
    func view(into canvas: inout Canvas, _ rect: Rect) {
        let heading = filter.isEmpty
            ? "Needs waiting to be routed in the places you serve, most urgent first; overdue past the place's target."
            : "Showing only \(filter.summary) (F clears). Most urgent first; overdue past the place's target."
        let (top, body) = rect.sliceTop(1)
        // Room for the position at the right ("41,207/100,000" at Fife scale).
        let position = list.loaded && !list.rows.isEmpty ? "\(list.position)/\(list.total) " : ""
        canvas.put(truncate(" " + heading, toWidth: top.width - displayWidth(of: position) - 2), at: top.x, top.y, style: .dim)
        guard list.loaded else {
            canvas.put(" Loading…", at: body.x, body.y + 1, style: .dim)
            return
        }
        guard !list.rows.isEmpty else {
            let none = filter.isEmpty
                ? "Nothing is waiting to be routed in the places you serve."
                : "Nothing matches the filter (\(filter.summary)). F clears it."
            canvas.put(" " + none, at: body.x, body.y + 1, style: .dim, maxWidth: body.width)
            prompt?.draw(into: &canvas, rect)
            return
        }
        drawPosition(&canvas, top, list.position, list.total)
        let (rows, selection) = list.visible(max(1, body.height - 1))
        Table(
            columns: [
                .init("Urgency", width: .fixed(8)), .init("Place", width: .flexible(min: 10, weight: 2)),
                .init("Need", width: .flexible(min: 12, weight: 2)), .init("Since", width: .fixed(10)),
                .init("Case", width: .flexible(min: 11, weight: 1)), .init("", width: .fixed(16)),
            ],
            rows: rows.map { queued in
                let row = queued.work
                return [row.urgencyText, row.placeName, row.needText, dayText(row.item.since), row.item.caseID.rawValue,
                        [row.overdue ? "overdue" : nil, row.item.returned == true ? "returned" : nil]
                            .compactMap { $0 }.joined(separator: " ")]
            },
            selection: selection
        ).draw(into: &canvas, rect: body)
        prompt?.draw(into: &canvas, rect)
    }
}
