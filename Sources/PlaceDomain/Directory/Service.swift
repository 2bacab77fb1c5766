/// A service in the directory (shaped like an Open Referral UK / HSDS 3
/// service): who runs it, the needs it meets, the places it covers, and
/// whether it takes referrals.
public struct Service: Hashable, Codable, Sendable, Identifiable {
    public var id: ServiceID
    public var name: String
    public var agencyID: AgencyID
    public var description: String
    public var status: ServiceStatus
    /// The need categories it meets (HSDS taxonomy terms).
    public var needs: [NeedCategoryKey]
    /// The places it lists (HSDS service areas); it covers them and all below.
    public var placeIDs: [PlaceID]
    public var locationIDs: [LocationID]
    public var acceptsReferrals: Bool
    public var typicalWaitDays: Int?
    public var email: String?
    public var phone: String?

    public init(
        id: ServiceID, name: String, agencyID: AgencyID, description: String = "",
        status: ServiceStatus = .active, needs: [NeedCategoryKey], placeIDs: [PlaceID],
        locationIDs: [LocationID] = [], acceptsReferrals: Bool = true, typicalWaitDays: Int? = nil,
        email: String? = nil, phone: String? = nil
    ) {
        self.id = id
        self.name = name
        self.agencyID = agencyID
        self.description = description
        self.status = status
        self.needs = needs
        self.placeIDs = placeIDs
        self.locationIDs = locationIDs
        self.acceptsReferrals = acceptsReferrals
        self.typicalWaitDays = typicalWaitDays
        self.email = email
        self.phone = phone
    }
}

/// HSDS service status.
public enum ServiceStatus: String, Codable, Sendable, CaseIterable {
    case active, inactive, defunct
    case temporarilyClosed = "temporarily closed"
}

/// Where a service is delivered (HSDS location).
public struct Location: Hashable, Codable, Sendable, Identifiable {
    public var id: LocationID
    public var agencyID: AgencyID
    public var name: String
    public var address: String
    public var postcode: String
    public var placeID: PlaceID?

    public init(id: LocationID, agencyID: AgencyID, name: String, address: String, postcode: String, placeID: PlaceID?) {
        self.id = id
        self.agencyID = agencyID
        self.name = name
        self.address = address
        self.postcode = postcode
        self.placeID = placeID
    }
}
