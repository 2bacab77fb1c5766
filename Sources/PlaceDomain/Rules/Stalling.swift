import Foundation

extension Referral {
    /// A referral still with its service (sent or accepted) for longer than
    /// the service's typical wait. A service with no typical wait never
    /// stalls a referral: there is nothing to measure against.
    public func isStalled(service: Service, now: Date) -> Bool {
        Self.isStalled(inFlight: isInFlight, sentAt: sentAt, typicalWaitDays: service.typicalWaitDays, now: now)
    }

    /// The same rule from the facts it reads, for a worklist that reads
    /// them by SQL rather than opening whole records.
    public static func isStalled(inFlight: Bool, sentAt: Date, typicalWaitDays: Int?, now: Date) -> Bool {
        guard inFlight, let days = typicalWaitDays else { return false }
        return now.timeIntervalSince(sentAt) > TimeInterval(days) * 86_400
    }
}

extension CaseFile {
    /// The lead asks a service to answer a referral still with it, usually
    /// one that has stalled. Nothing changes state: the chase goes on the
    /// timeline, so the lead and the service see when it was asked.
    public func chase(_ referralID: ReferralID, by actor: ActingMember, now: Date) throws -> CaseUpdate {
        try requireOpen()
        try requireLeadOrLeadServingPlace(actor)
        let referral = referrals[try requireReferral(referralID)]
        guard referral.isInFlight else { throw CaseRuleViolation.referralNotWithService(referralID, referral.state) }
        return CaseUpdate(file: self, events: [CaseEvent(.referralChased(referralID), by: actor.id, at: now)])
    }
}
