import Foundation

extension CaseFile {
    /// The timeline that a case brought in whole (from place files, not
    /// through the rules) implies from its dated fields: opened, each later
    /// need, each referral and its answer, needs returned, met or closed, and
    /// the closing; oldest first. Who withdrew a referral, and when, are not
    /// in the file: the lead at the time of the last answer stands for them.
    public var impliedEvents: [CaseEvent] {
        let opened = self.case.openedAt
        var events = [CaseEvent(.caseOpened(self.case.id), by: self.case.doorMemberID, at: opened)]
        for need in needs where need.createdAt > opened {
            events.append(CaseEvent(.needAdded(need.id), by: self.case.leadID, at: need.createdAt))
        }
        for referral in referrals {
            events.append(CaseEvent(.referred(referral.id, need: referral.needID, service: referral.serviceID),
                                    by: referral.sentByID, at: referral.sentAt))
            let answeredBy = referral.respondedByID ?? self.case.leadID
            let answeredAt = referral.respondedAt ?? referral.sentAt
            switch referral.state {
            case .sent:
                break
            case .accepted:
                events.append(CaseEvent(.referralAccepted(referral.id, onBehalf: false), by: answeredBy, at: answeredAt))
            case .declined:
                events.append(CaseEvent(
                    .referralDeclined(referral.id, reason: referral.reason ?? "", suggested: referral.suggestedServiceID,
                                      onBehalf: false),
                    by: answeredBy, at: answeredAt))
                events.append(CaseEvent(.needReturned(referral.needID, referral: referral.id), by: answeredBy, at: answeredAt))
            case .completed:
                let outcome = referral.outcome ?? .successful
                events.append(CaseEvent(
                    .referralCompleted(referral.id, outcome: outcome, reason: referral.reason, onBehalf: false),
                    by: answeredBy, at: answeredAt))
                events.append(outcome == .successful
                    ? CaseEvent(.needMet(referral.needID), by: answeredBy, at: answeredAt)
                    : CaseEvent(.needReturned(referral.needID, referral: referral.id), by: answeredBy, at: answeredAt))
            case .withdrawn:
                events.append(CaseEvent(.referralWithdrawn(referral.id, reason: referral.reason ?? ""),
                                        by: self.case.leadID, at: answeredAt))
                events.append(CaseEvent(.needReturned(referral.needID, referral: referral.id), by: self.case.leadID,
                                        at: answeredAt))
            }
        }
        for need in needs where need.state == .closed {
            events.append(CaseEvent(.needClosed(need.id, reason: need.closedReason ?? ""),
                                    by: need.closedByID ?? self.case.leadID, at: need.closedAt ?? opened))
        }
        if self.case.status == .closed {
            events.append(CaseEvent(.caseClosed(self.case.id, reason: self.case.closedReason),
                                    by: self.case.closedByID ?? self.case.leadID, at: self.case.closedAt ?? opened))
        }
        // Stable: events at the same moment keep the order they happened in.
        return events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
