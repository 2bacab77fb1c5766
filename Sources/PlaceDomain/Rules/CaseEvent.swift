import Foundation

/// Something that happened to a case, for its timeline and audit.
public struct CaseEvent: Hashable, Sendable {
    public var kind: Kind
    public var byID: MemberID
    public var at: Date

    public init(_ kind: Kind, by byID: MemberID, at: Date) {
        self.kind = kind
        self.byID = byID
        self.at = at
    }

    /// What happened.
    public enum Kind: Hashable, Sendable {
        case caseOpened(CaseID)
        case needAdded(NeedID)
        case referred(ReferralID, need: NeedID, service: ServiceID)
        case consentOverridden(ReferralID, agency: AgencyID, reason: String)
        case referralAccepted(ReferralID, onBehalf: Bool)
        case referralDeclined(ReferralID, reason: String, suggested: ServiceID?, onBehalf: Bool)
        case referralCompleted(ReferralID, outcome: ReferralOutcome, reason: String?, onBehalf: Bool)
        case referralWithdrawn(ReferralID, reason: String)
        case referralChased(ReferralID)
        case needReturned(NeedID, referral: ReferralID)
        case needMet(NeedID)
        case needClosed(NeedID, reason: String)
        case leadChanged(from: MemberID, to: MemberID)
        case caseClosed(CaseID, reason: String?)
        case consentRecorded(ConsentID, agency: AgencyID, basis: ConsentBasis)
        case consentWithdrawn(ConsentID, agency: AgencyID, referralsStillWithAgency: [ReferralID])
    }
}
