import Foundation

/// A person in the place team. Belongs to one agency, has one role and
/// serves one or more places.
public struct Member: Hashable, Codable, Sendable, Identifiable {
    public var id: MemberID
    public var name: String
    public var agencyID: AgencyID
    public var role: Role
    public var placeIDs: [PlaceID]
    /// When an admin disabled the member (a leaver): they can no longer sign in.
    public var disabledAt: Date?
    public var disabledByID: MemberID?

    public init(
        id: MemberID, name: String, agencyID: AgencyID, role: Role, placeIDs: [PlaceID], disabledAt: Date? = nil,
        disabledByID: MemberID? = nil
    ) {
        self.id = id
        self.name = name
        self.agencyID = agencyID
        self.role = role
        self.placeIDs = placeIDs
        self.disabledAt = disabledAt
        self.disabledByID = disabledByID
    }

    public var isDisabled: Bool { disabledAt != nil }
}

/// What a member does in the team; decides what they may do.
public enum Role: String, Codable, Sendable, CaseIterable {
    case frontline, lead, analyst, admin
}
