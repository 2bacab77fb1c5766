import Foundation

/// A case with its needs, referrals, consent and lead history: the unit the
/// no-wrong-door rules act on. Every rule is a method that returns the
/// changed file and the events to record, or throws a `CaseRuleViolation`;
/// a refused change leaves the file as it was.
public struct CaseFile: Hashable, Sendable {
    public var `case`: Case
    public var needs: [Need]
    public var referrals: [Referral]
    public var consents: [Consent]
    public var consentOverrides: [ConsentOverride]
    public var leadHistory: [LeadChange]

    public init(
        case: Case, needs: [Need] = [], referrals: [Referral] = [], consents: [Consent] = [],
        consentOverrides: [ConsentOverride] = [], leadHistory: [LeadChange] = []
    ) {
        self.case = `case`
        self.needs = needs
        self.referrals = referrals
        self.consents = consents
        self.consentOverrides = consentOverrides
        self.leadHistory = leadHistory
    }

    public func need(_ id: NeedID) -> Need? { needs.first { $0.id == id } }
    public func referral(_ id: ReferralID) -> Referral? { referrals.first { $0.id == id } }

    /// The referral a need is waiting on, if any.
    public func referralInFlight(for needID: NeedID) -> Referral? {
        referrals.first { $0.needID == needID && $0.isInFlight }
    }

    /// The consent currently in force for an agency, if any.
    public func activeConsent(for agencyID: AgencyID) -> Consent? {
        consents.first { $0.agencyID == agencyID && $0.isActive }
    }
}

/// What a rule returns: the file after the change and what to record.
public struct CaseUpdate: Hashable, Sendable {
    public var file: CaseFile
    public var events: [CaseEvent]
    /// Referrals still with an agency whose consent was just withdrawn, for
    /// the lead to review; empty for every other change.
    public var flaggedReferrals: [Referral]

    public init(file: CaseFile, events: [CaseEvent], flaggedReferrals: [Referral] = []) {
        self.file = file
        self.events = events
        self.flaggedReferrals = flaggedReferrals
    }
}

// MARK: - Shared checks

extension CaseFile {
    /// Rule 6 (as the team runs it): the lead professional, or a team lead
    /// serving the case's place, routes and closes.
    func requireLeadOrLeadServingPlace(_ actor: ActingMember) throws {
        guard isLeadOrLeadServingPlace(actor) else {
            throw CaseRuleViolation.notLeadOrLeadServingPlace(member: actor.id, case: self.case.id)
        }
    }

    public func isLeadOrLeadServingPlace(_ actor: ActingMember) -> Bool {
        actor.id == self.case.leadID || (actor.member.role == .lead && actor.serves(self.case.placeID))
    }

    func requireOpen() throws {
        guard self.case.status == .open else { throw CaseRuleViolation.caseClosed(self.case.id) }
    }

    func requireNeed(_ id: NeedID) throws -> Int {
        guard let index = needs.firstIndex(where: { $0.id == id }) else { throw CaseRuleViolation.unknownNeed(id) }
        return index
    }

    func requireReferral(_ id: ReferralID) throws -> Int {
        guard let index = referrals.firstIndex(where: { $0.id == id }) else {
            throw CaseRuleViolation.unknownReferral(id)
        }
        return index
    }

    /// A need that went to a service and came back without being met goes
    /// back in front of the lead (rule 2): it never silently ends.
    mutating func returnNeed(of referral: Referral, by actor: MemberID, at time: Date) -> CaseEvent {
        if let index = needs.firstIndex(where: { $0.id == referral.needID }) {
            needs[index].state = .open
            needs[index].returned = true
        }
        return CaseEvent(.needReturned(referral.needID, referral: referral.id), by: actor, at: time)
    }
}

/// Refuses times after `now`: nothing can be recorded as having happened
/// in the future.
func requireNotFuture(_ time: Date?, now: Date) throws -> Date {
    guard let time else { return now }
    guard time <= now else { throw CaseRuleViolation.timeInFuture(time) }
    return time
}
