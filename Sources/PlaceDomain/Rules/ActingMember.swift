/// The member doing something to a case, with every place they serve
/// (the places they list and everything below them).
public struct ActingMember: Hashable, Sendable {
    public var member: Member
    public var servedPlaceIDs: Set<PlaceID>

    public init(member: Member, servedPlaceIDs: Set<PlaceID>) {
        self.member = member
        self.servedPlaceIDs = servedPlaceIDs
    }

    /// Works out the places served from the tree: a member listing an area
    /// serves its communities too.
    public init(member: Member, tree: PlaceTree) {
        self.init(member: member, servedPlaceIDs: tree.coverage(of: member.placeIDs))
    }

    public var id: MemberID { member.id }

    public func serves(_ placeID: PlaceID) -> Bool { servedPlaceIDs.contains(placeID) }

    /// Frontline workers and leads take needs at the door and can lead a case.
    var mayTakeCases: Bool { Member.rolesThatMayLead.contains(member.role) }
}

extension Member {
    /// The roles that may open a case or be its lead professional.
    public static let rolesThatMayLead: Set<Role> = [.frontline, .lead]
    /// Who answers for the records themselves: reviews what is kept past
    /// its retention period, answers subject access requests and erases.
    public static let rolesThatKeepRecords: Set<Role> = [.lead, .admin]
}
