import Foundation

/// One thing a resident needs help with, inside a case.
public struct Need: Hashable, Codable, Sendable, Identifiable {
    public var id: NeedID
    public var caseID: CaseID
    public var category: NeedCategoryKey
    public var urgency: Urgency
    public var state: NeedState
    /// Back with the lead after a declined, withdrawn or unsuccessful referral.
    public var returned: Bool
    public var createdAt: Date
    public var closedAt: Date?
    public var closedByID: MemberID?
    public var closedReason: String?

    public init(
        id: NeedID, caseID: CaseID, category: NeedCategoryKey, urgency: Urgency, state: NeedState = .open,
        returned: Bool = false, createdAt: Date, closedAt: Date? = nil, closedByID: MemberID? = nil,
        closedReason: String? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.category = category
        self.urgency = urgency
        self.state = state
        self.returned = returned
        self.createdAt = createdAt
        self.closedAt = closedAt
        self.closedByID = closedByID
        self.closedReason = closedReason
    }
}

/// Where a need is: waiting for routing, with a service, or ended.
public enum NeedState: String, Codable, Sendable, CaseIterable {
    case open, routed, met, closed
}

/// How soon a need must be routed.
public enum Urgency: String, Codable, Sendable, CaseIterable {
    case urgent, soon, routine
}
