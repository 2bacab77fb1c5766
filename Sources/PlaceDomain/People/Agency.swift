/// An organisation in the place team: a council service, an NHS board, the
/// police, a charity. In the service directory it is the HSDS organization.
public struct Agency: Hashable, Codable, Sendable, Identifiable {
    public var id: AgencyID
    public var name: String
    public var kind: AgencyKind
    public var description: String
    public var website: String?

    public init(id: AgencyID, name: String, kind: AgencyKind, description: String = "", website: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.description = description
        self.website = website
    }
}

/// What sort of body an agency is.
public enum AgencyKind: String, Codable, Sendable, CaseIterable {
    case council
    case nhs
    case hscp
    case police
    case fireAndRescue = "fire-and-rescue"
    case housing
    case thirdSector = "third-sector"
    case charity
}
