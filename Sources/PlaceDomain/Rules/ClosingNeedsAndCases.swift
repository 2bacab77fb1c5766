import Foundation

extension CaseFile {
    /// Rule 3: a need never disappears. The lead closes one only with a
    /// reason, in their name, and not while a service has it.
    public func closeNeed(_ needID: NeedID, reason: String, by actor: ActingMember, now: Date) throws -> CaseUpdate {
        try requireOpen()
        try requireLeadOrLeadServingPlace(actor)
        let index = try requireNeed(needID)
        let need = needs[index]
        guard need.state != .met, need.state != .closed else { throw CaseRuleViolation.needEnded(needID, need.state) }
        if let inFlight = referralInFlight(for: needID) { throw CaseRuleViolation.referralInFlight(inFlight.id) }
        let checked = try Reason.validate(reason, for: .closingNeed(needID))

        var file = self
        file.needs[index].state = .closed
        file.needs[index].returned = false
        file.needs[index].closedAt = now
        file.needs[index].closedByID = actor.id
        file.needs[index].closedReason = checked
        return CaseUpdate(file: file, events: [CaseEvent(.needClosed(needID, reason: checked), by: actor.id, at: now)])
    }

    /// Rule 4: a case closes only when every need is met or closed and no
    /// referral is still with a service. The refusal names the first
    /// referral in flight, else the first need still open.
    public func closeCase(reason: String? = nil, by actor: ActingMember, now: Date) throws -> CaseUpdate {
        try requireOpen()
        try requireLeadOrLeadServingPlace(actor)
        if let inFlight = referrals.first(where: \.isInFlight) { throw CaseRuleViolation.referralInFlight(inFlight.id) }
        if let open = needs.first(where: { $0.state == .open || $0.state == .routed }) {
            throw CaseRuleViolation.needStillOpen(open.id)
        }
        let checked = try Reason.validateOptional(reason, for: .closingCase(self.case.id))

        var file = self
        file.case.status = .closed
        file.case.closedAt = now
        file.case.closedByID = actor.id
        file.case.closedReason = checked
        return CaseUpdate(
            file: file, events: [CaseEvent(.caseClosed(self.case.id, reason: checked), by: actor.id, at: now)])
    }
}
