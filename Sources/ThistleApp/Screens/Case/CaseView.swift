import PlaceDomain
import TerminalUI

extension CaseScreen {
    func view(into canvas: inout Canvas, _ rect: Rect) {
        guard let detail else {
            canvas.put(" Loading the case…", at: rect.x, rect.y + 1, style: .dim)
            return
        }
        let file = detail.file
        let resident = detail.resident
        let facts: [(String, String)] = [
            ("Resident", [resident?.fullName ?? file.case.residentID.rawValue,
                          "born " + (resident?.dateOfBirth ?? "not known"),
                          resident?.postcode ?? "no postcode", detail.placeName].joined(separator: " · ")),
            ("Door", "\(detail.doorAgencyName) (\(detail.doorMemberName)), opened \(dayText(file.case.openedAt))"),
            ("Lead", detail.leadName),
            ("Case", file.case.status == .open
                ? "open" : "closed \(file.case.closedAt.map(dayText) ?? "")" + (file.case.closedReason.map { ": \($0)" } ?? "")),
            ("Consent", Self.consentText(detail)),
        ]
        var body = rect
        for (label, value) in facts {
            let (line, rest) = body.sliceTop(1)
            canvas.put(" " + label, at: line.x, line.y, style: .bold)
            canvas.put(value, at: line.x + 11, line.y, maxWidth: line.width - 11)
            body = rest
        }
        body = body.sliceTop(1).rest
        let (needsRect, rest) = body.sliceTop(min(body.height, file.needs.count + 1))
        Table(
            columns: [
                .init("Need", width: .flexible(min: 14, weight: 2)), .init("Urgency", width: .fixed(8)),
                .init("State", width: .fixed(7)), .init("", width: .fixed(8)), .init("Since", width: .fixed(10)),
                .init("Closed because", width: .flexible(min: 10, weight: 2)),
            ],
            rows: file.needs.map { need in
                [need.category.rawValue, need.urgency.rawValue, need.state.rawValue, need.returned ? "returned" : "",
                 dayText(need.createdAt), need.closedReason ?? ""]
            }
        ).draw(into: &canvas, rect: needsRect)
        var below = rest.sliceTop(min(rest.height, 1)).rest
        if file.referrals.isEmpty {
            let (line, after) = below.sliceTop(min(below.height, 1))
            if line.height > 0 { canvas.put(" No referral yet.", at: line.x, line.y, style: .dim) }
            below = after
        } else {
            let (referralsRect, after) = below.sliceTop(min(below.height, file.referrals.count + 1))
            Table(
                columns: [
                    .init("Referral to", width: .flexible(min: 16, weight: 3)),
                    .init("For need", width: .flexible(min: 10, weight: 2)), .init("State", width: .fixed(9)),
                    .init("Sent", width: .fixed(10)), .init("Outcome or reason", width: .flexible(min: 10, weight: 3)),
                ],
                rows: file.referrals.map { referral in
                    [detail.serviceName(referral.serviceID),
                     file.need(referral.needID)?.category.rawValue ?? referral.needID.rawValue,
                     referral.state.rawValue, dayText(referral.sentAt),
                     [referral.outcome?.rawValue, referral.reason].compactMap { $0 }.joined(separator: ": ")]
                }
            ).draw(into: &canvas, rect: referralsRect)
            below = after
        }
        drawStory(detail, into: &canvas, below.sliceTop(min(below.height, 1)).rest)
        prompt?.draw(into: &canvas, rect)
    }

    /// The case's summary, then its notes, newest last; cut at the bottom when there is no room.
    private func drawStory(_ detail: CaseDetail, into canvas: inout Canvas, _ area: Rect) {
        var lines: [(String, Style)] = [(" Story: " + detail.file.case.summary, .plain)]
        if detail.notes.isEmpty {
            lines.append((" No note yet.", .dim))
        } else {
            lines += detail.notes.map {
                (" \(dayText($0.at)) · \(detail.memberName($0.byID)) · " + $0.text.replacingOccurrences(of: "\n", with: " "),
                 .plain)
            }
        }
        for (row, line) in lines.prefix(max(0, area.height)).enumerated() {
            canvas.put(line.0, at: area.x, area.y + row, style: line.1, maxWidth: area.width)
        }
    }

    static func consentText(_ detail: CaseDetail) -> String {
        let active = detail.file.consents.filter(\.isActive)
        guard !active.isEmpty else { return "none recorded" }
        return active.map { "\(detail.agencyName($0.agencyID)) (\($0.basis.rawValue))" }.joined(separator: ", ")
    }
}

extension CaseDetail {
    func referralLine(_ referral: Referral) -> String {
        [serviceName(referral.serviceID), file.need(referral.needID)?.category.rawValue ?? referral.needID.rawValue,
         referral.state.rawValue, "sent " + dayText(referral.sentAt)].joined(separator: " · ")
    }
}
