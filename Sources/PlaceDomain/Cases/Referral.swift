import Foundation

/// One need sent to one service.
public struct Referral: Hashable, Codable, Sendable, Identifiable {
    public var id: ReferralID
    public var needID: NeedID
    public var caseID: CaseID
    public var serviceID: ServiceID
    public var state: ReferralState
    public var sentAt: Date
    public var sentByID: MemberID
    public var respondedAt: Date?
    public var respondedByID: MemberID?
    /// Why it was declined, withdrawn or unsuccessful.
    public var reason: String?
    public var suggestedServiceID: ServiceID?
    public var outcome: ReferralOutcome?

    public init(
        id: ReferralID, needID: NeedID, caseID: CaseID, serviceID: ServiceID, state: ReferralState = .sent,
        sentAt: Date, sentByID: MemberID, respondedAt: Date? = nil, respondedByID: MemberID? = nil,
        reason: String? = nil, suggestedServiceID: ServiceID? = nil, outcome: ReferralOutcome? = nil
    ) {
        self.id = id
        self.needID = needID
        self.caseID = caseID
        self.serviceID = serviceID
        self.state = state
        self.sentAt = sentAt
        self.sentByID = sentByID
        self.respondedAt = respondedAt
        self.respondedByID = respondedByID
        self.reason = reason
        self.suggestedServiceID = suggestedServiceID
        self.outcome = outcome
    }

    /// Sent or accepted: the service has it and the need waits on them.
    public var isInFlight: Bool { state == .sent || state == .accepted }
}

/// Where a referral is in its life.
public enum ReferralState: String, Codable, Sendable, CaseIterable {
    case sent, accepted, declined, withdrawn, completed
}

/// How a completed referral ended.
public enum ReferralOutcome: String, Codable, Sendable, CaseIterable {
    case successful, unsuccessful
}
