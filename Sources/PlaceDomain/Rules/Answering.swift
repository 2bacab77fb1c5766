import Foundation

/// A receiving service's answer to a referral.
public enum ReferralAnswer: Hashable, Sendable {
    case accept
    case decline(reason: String, suggested: ServiceID?)
    case complete(outcome: ReferralOutcome, reason: String?)
}

extension CaseFile {
    /// The receiving agency takes on a sent referral.
    public func accept(_ referralID: ReferralID, service: Service, by actor: ActingMember, now: Date) throws
        -> CaseUpdate
    {
        try answer(.accept, referralID: referralID, service: service, by: actor, now: now)
    }

    /// The receiving agency turns down a sent referral, with a reason and
    /// perhaps a service better placed; the need goes back to the lead.
    public func decline(
        _ referralID: ReferralID, service: Service, reason: String, suggested: ServiceID? = nil,
        by actor: ActingMember, now: Date
    ) throws -> CaseUpdate {
        try answer(
            .decline(reason: reason, suggested: suggested), referralID: referralID, service: service, by: actor,
            now: now)
    }

    /// The receiving agency finishes an accepted referral. A successful one
    /// meets the need; an unsuccessful one needs a reason and returns the
    /// need to the lead.
    public func complete(
        _ referralID: ReferralID, service: Service, outcome: ReferralOutcome, reason: String? = nil,
        by actor: ActingMember, now: Date
    ) throws -> CaseUpdate {
        try answer(
            .complete(outcome: outcome, reason: reason), referralID: referralID, service: service, by: actor, now: now)
    }

    /// The lead records an answer given by phone or letter from a service
    /// whose agency has no members on Thistle (`agencyHasMembers` false).
    /// `answeredAt` is when the service answered; it defaults to `now`.
    public func recordAnswerOnBehalf(
        _ answer: ReferralAnswer, referralID: ReferralID, service: Service, agencyHasMembers: Bool,
        answeredAt: Date? = nil, by actor: ActingMember, now: Date
    ) throws -> CaseUpdate {
        try requireOpen()
        try requireLeadOrLeadServingPlace(actor)
        guard !agencyHasMembers else {
            throw CaseRuleViolation.agencyAnswersForItself(agency: service.agencyID, referral: referralID)
        }
        let at = try requireNotFuture(answeredAt, now: now)
        // Only a backdated answer is checked against the send time: a live
        // answer is "now" on this device, even if another device's clock ran ahead.
        if answeredAt != nil, let sent = referral(referralID)?.sentAt, at < sent {
            throw CaseRuleViolation.answerBeforeReferralSent(referralID)
        }
        return try apply(answer, referralID: referralID, service: service, by: actor.id, at: at, onBehalf: true)
    }

    private func answer(
        _ answer: ReferralAnswer, referralID: ReferralID, service: Service, by actor: ActingMember, now: Date
    ) throws -> CaseUpdate {
        try requireOpen()
        guard actor.member.agencyID == service.agencyID else {
            throw CaseRuleViolation.notReceivingAgency(member: actor.id, referral: referralID, agency: service.agencyID)
        }
        return try apply(answer, referralID: referralID, service: service, by: actor.id, at: now, onBehalf: false)
    }

    /// The state machine: sent → accepted → completed, sent → declined.
    private func apply(
        _ answer: ReferralAnswer, referralID: ReferralID, service: Service, by memberID: MemberID, at time: Date,
        onBehalf: Bool
    ) throws -> CaseUpdate {
        let index = try requireReferral(referralID)
        let referral = referrals[index]
        guard referral.serviceID == service.id else {
            throw CaseRuleViolation.wrongService(referral: referralID, service: service.id)
        }
        let (from, to) = (referral.state, answer.resultingState)
        guard from == answer.requiredState else {
            throw CaseRuleViolation.referralCannotMove(referralID, from: from, to: to)
        }

        var file = self
        file.referrals[index].state = to
        if referral.respondedAt == nil {
            file.referrals[index].respondedAt = time
            file.referrals[index].respondedByID = memberID
        }
        var events: [CaseEvent] = []
        switch answer {
        case .accept:
            events.append(CaseEvent(.referralAccepted(referralID, onBehalf: onBehalf), by: memberID, at: time))
        case .decline(let reason, let suggested):
            let checked = try Reason.validate(reason, for: .declining(referralID))
            file.referrals[index].reason = checked
            file.referrals[index].suggestedServiceID = suggested
            events.append(
                CaseEvent(
                    .referralDeclined(referralID, reason: checked, suggested: suggested, onBehalf: onBehalf),
                    by: memberID,
                    at: time))
            events.append(file.returnNeed(of: referral, by: memberID, at: time))
        case .complete(let outcome, let reason):
            let checked: String? =
                outcome == .unsuccessful
                ? try Reason.validate(reason, for: .unsuccessfulOutcome(referralID))
                : try Reason.validateOptional(reason, for: .completing(referralID))
            file.referrals[index].outcome = outcome
            file.referrals[index].reason = checked
            events.append(
                CaseEvent(
                    .referralCompleted(referralID, outcome: outcome, reason: checked, onBehalf: onBehalf), by: memberID,
                    at: time))
            if outcome == .successful {
                if let needIndex = file.needs.firstIndex(where: { $0.id == referral.needID }) {
                    file.needs[needIndex].state = .met
                    file.needs[needIndex].returned = false
                }
                events.append(CaseEvent(.needMet(referral.needID), by: memberID, at: time))
            } else {
                events.append(file.returnNeed(of: referral, by: memberID, at: time))
            }
        }
        return CaseUpdate(file: file, events: events)
    }
}

extension ReferralAnswer {
    fileprivate var requiredState: ReferralState {
        switch self {
        case .accept, .decline: return .sent
        case .complete: return .accepted
        }
    }

    fileprivate var resultingState: ReferralState {
        switch self {
        case .accept: return .accepted
        case .decline: return .declined
        case .complete: return .completed
        }
    }
}
