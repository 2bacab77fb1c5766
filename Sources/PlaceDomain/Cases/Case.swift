import Foundation

/// A resident's journey: the door they came in by, their lead
/// professional, and (in `Need`) what they need.
public struct Case: Hashable, Codable, Sendable, Identifiable {
    public var id: CaseID
    public var residentID: ResidentID
    public var placeID: PlaceID
    /// The agency and member who first took the need: the door.
    public var doorAgencyID: AgencyID
    public var doorMemberID: MemberID
    public var leadID: MemberID
    public var status: CaseStatus
    public var openedAt: Date
    public var closedAt: Date?
    public var closedByID: MemberID?
    public var closedReason: String?
    public var summary: String

    public init(
        id: CaseID, residentID: ResidentID, placeID: PlaceID, doorAgencyID: AgencyID,
        doorMemberID: MemberID, leadID: MemberID, status: CaseStatus = .open, openedAt: Date,
        closedAt: Date? = nil, closedByID: MemberID? = nil, closedReason: String? = nil, summary: String
    ) {
        self.id = id
        self.residentID = residentID
        self.placeID = placeID
        self.doorAgencyID = doorAgencyID
        self.doorMemberID = doorMemberID
        self.leadID = leadID
        self.status = status
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.closedByID = closedByID
        self.closedReason = closedReason
        self.summary = summary
    }
}

/// Whether a case is still being worked.
public enum CaseStatus: String, Codable, Sendable, CaseIterable {
    case open, closed
}
