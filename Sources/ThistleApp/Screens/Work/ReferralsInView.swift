import TerminalUI

extension ReferralsInScreen {
    func view(into canvas: inout Canvas, _ rect: Rect) {
        work.draw(
            into: &canvas, rect, heading: "Referrals with your agency's services, oldest first.",
            empty: "No referral is waiting with your agency's services.",
            columns: [
                .init("", width: .fixed(7)), .init("Service", width: .flexible(min: 14, weight: 3)),
                .init("Need", width: .flexible(min: 10, weight: 2)), .init("Urgency", width: .fixed(8)),
                .init("State", width: .fixed(8)), .init("Sent", width: .fixed(10)),
                .init("Place", width: .flexible(min: 8, weight: 1)),
            ],
            cells: { row in
                [row.item.stalled == true ? "stalled" : "", row.serviceName ?? "–", row.needText, row.urgencyText,
                 row.item.status, dayText(row.item.since), row.placeName]
            })
        prompt?.draw(into: &canvas, rect)
    }
}
