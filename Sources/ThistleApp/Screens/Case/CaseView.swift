import Foundation
import PlaceDomain
import TerminalUI

extension CaseScreen {
    func view(into canvas: inout Canvas, _ rect: Rect) {
        if let withheld {
            let lines = [
                withheld.summary,
                "",
                "This case is not shared with your agency, so who it is for and its story stay hidden.",
                withheld.leadName.map { name in
                    "Its lead professional is \(name)" + (withheld.leadAgency.map { " (\($0))" } ?? "") + ": ask them."
                } ?? "",
            ]
            var y = rect.y + 1
            for line in lines {
                for part in wrap(line, toWidth: max(1, rect.width - 2)) {
                    canvas.put(" " + part, at: rect.x, y, style: y == rect.y + 1 ? .bold : .plain, maxWidth: rect.width)
                    y += 1
                }
            }
            return
        }
        guard let detail else {
            canvas.put(" Loading the case…", at: rect.x, rect.y + 1, style: .dim)
            return
        }
        drawScrolled(Self.document(detail, width: rect.width), scroll: scroll, into: &canvas, rect)
        prompt?.draw(into: &canvas, rect)
    }

    /// The whole case, as tall as it needs to be: facts, needs, referrals,
    /// the story with its notes wrapped to the width, then the timeline.
    static func document(_ detail: CaseDetail, width: Int) -> Canvas {
        let file = detail.file
        let facts = factLines(detail)
        let story = storyLines(detail, width: width)
        let timeline = timelineLines(detail)
        let needsHeight = file.needs.count + 1
        let referralsHeight = file.referrals.isEmpty ? 1 : file.referrals.count + 1
        let storyEnd = storyBottom(detail, width: width)
        var canvas = Canvas(size: Size(width: width, height: storyEnd + 1 + 1 + timeline.count))
        var y = 0
        for (label, value) in facts {
            canvas.put(" " + label, at: 0, y, style: .bold)
            canvas.put(value, at: 11, y, maxWidth: width - 11)
            y += 1
        }
        y += 1
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
        ).draw(into: &canvas, rect: Rect(x: 0, y: y, width: width, height: needsHeight))
        y += needsHeight + 1
        if file.referrals.isEmpty {
            canvas.put(" No referral yet.", at: 0, y, style: .dim)
        } else {
            Table(
                columns: [
                    .init("Referral to", width: .flexible(min: 16, weight: 3)),
                    .init("For need", width: .flexible(min: 10, weight: 2)), .init("State", width: .fixed(9)),
                    .init("Sent", width: .fixed(10)), .init("Outcome or reason", width: .flexible(min: 10, weight: 3)),
                ],
                rows: file.referrals.map { referral in
                    [detail.serviceName(referral.serviceID),
                     file.need(referral.needID)?.category.rawValue ?? referral.needID.rawValue,
                     detail.isStalled(referral) ? "stalled" : referral.state.rawValue, dayText(referral.sentAt),
                     detail.lastChase(of: referral.id).map { "chased " + dayText($0) }
                        ?? [referral.outcome?.rawValue, referral.reason].compactMap { $0 }.joined(separator: ": ")]
                }
            ).draw(into: &canvas, rect: Rect(x: 0, y: y, width: width, height: referralsHeight))
        }
        y += referralsHeight + 1
        for (text, style) in story {
            canvas.put(text, at: 0, y, style: style, maxWidth: width)
            y += 1
        }
        y += 1
        canvas.put(" Timeline", at: 0, y, style: .bold)
        y += 1
        for line in timeline {
            canvas.put(line, at: 0, y, maxWidth: width)
            y += 1
        }
        return canvas
    }

    /// The line just below the story and its notes.
    static func storyBottom(_ detail: CaseDetail, width: Int) -> Int {
        let file = detail.file
        let referralsHeight = file.referrals.isEmpty ? 1 : file.referrals.count + 1
        return factLines(detail).count + 1 + (file.needs.count + 1) + 1 + referralsHeight + 1
            + storyLines(detail, width: width).count
    }

    static func factLines(_ detail: CaseDetail) -> [(String, String)] {
        let file = detail.file
        let resident = detail.resident
        return [
            ("Resident", [resident?.fullName ?? file.case.residentID.rawValue,
                          "born " + (resident?.dateOfBirth ?? "not known"),
                          resident?.postcode ?? "no postcode", detail.placeName].joined(separator: " · ")),
            ("Door", "\(detail.doorAgencyName) (\(detail.doorMemberName)), opened \(dayText(file.case.openedAt))"),
            ("Lead", detail.leadName),
            ("Case", file.case.status == .open
                ? "open" : "closed \(file.case.closedAt.map(dayText) ?? "")" + (file.case.closedReason.map { ": \($0)" } ?? "")),
            ("Consent", consentText(detail)),
        ]
    }

    /// The case's summary, then its notes, oldest first, each wrapped to the width.
    static func storyLines(_ detail: CaseDetail, width: Int) -> [(String, Style)] {
        let wrapWidth = max(10, width - 3)
        var lines = wrap("Story: " + detail.file.case.summary, toWidth: wrapWidth).map { (" " + $0, Style.plain) }
        guard !detail.notes.isEmpty else { return lines + [(" No note yet.", .dim)] }
        for note in detail.notes {
            lines.append((" \(dayText(note.at)) · \(detail.memberName(note.byID))", .dim))
            lines += note.text.split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { wrap(String($0), toWidth: wrapWidth) }.map { ("   " + $0, .plain) }
        }
        return lines
    }

    /// The timeline, oldest first: when, who, and what happened to what.
    static func timelineLines(_ detail: CaseDetail) -> [String] {
        detail.timeline.map { entry in
            let what = entry.kind.replacingOccurrences(of: "-", with: " ")
            let about = detail.subjectText(entry)
            return " \(dayText(entry.at)) · \(detail.memberName(entry.by)) · \(what)" + (about.isEmpty ? "" : ": \(about)")
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
         isStalled(referral) ? "stalled" : referral.state.rawValue, "sent " + dayText(referral.sentAt)]
            .joined(separator: " · ")
    }

    /// When the lead last chased a referral still with its service.
    func lastChase(of id: ReferralID) -> Date? {
        guard file.referral(id)?.isInFlight == true else { return nil }
        return timeline.last { $0.kind == "referral-chased" && $0.subject == id.rawValue }?.at
    }

    /// Still with a service that has not answered within its typical wait.
    func isStalled(_ referral: Referral) -> Bool {
        guard let service = services[referral.serviceID] else { return false }
        return referral.isStalled(service: service, now: now)
    }

    /// What a timeline entry was about, in names: the need, the referral's
    /// service, the agency consented to or the new lead.
    func subjectText(_ entry: TimelineEntry) -> String {
        guard let subject = entry.subject else { return "" }
        if let need = file.need(NeedID(subject)) { return need.category.rawValue }
        if let referral = file.referral(ReferralID(subject)) {
            return "\(file.need(referral.needID)?.category.rawValue ?? "need") to \(serviceName(referral.serviceID))"
        }
        if let consent = file.consents.first(where: { $0.id.rawValue == subject }) { return agencyName(consent.agencyID) }
        if entry.kind == "lead-changed" { return "to " + memberName(MemberID(subject)) }
        return ""
    }
}
