/// A person in the place team. Belongs to one agency, has one role and
/// serves one or more places.
public struct Member: Hashable, Codable, Sendable, Identifiable {
    public var id: MemberID
    public var name: String
    public var agencyID: AgencyID
    public var role: Role
    public var placeIDs: [PlaceID]

    public init(id: MemberID, name: String, agencyID: AgencyID, role: Role, placeIDs: [PlaceID]) {
        self.id = id
        self.name = name
        self.agencyID = agencyID
        self.role = role
        self.placeIDs = placeIDs
    }
}

/// What a member does in the team; decides what they may do.
public enum Role: String, Codable, Sendable, CaseIterable {
    case frontline, lead, analyst, admin
}
