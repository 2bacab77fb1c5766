/// One person, one record, whichever door they came in by.
public struct Resident: Hashable, Codable, Sendable, Identifiable {
    public var id: ResidentID
    public var givenName: String
    public var familyName: String
    /// Calendar date `YYYY-MM-DD`; a date of birth has no time zone.
    public var dateOfBirth: String?
    public var postcode: String?
    public var placeID: PlaceID
    /// Set when this record was merged into another: its id resolves there.
    public var mergedIntoID: ResidentID?

    public init(
        id: ResidentID, givenName: String, familyName: String, dateOfBirth: String?, postcode: String?,
        placeID: PlaceID, mergedIntoID: ResidentID? = nil
    ) {
        self.id = id
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.postcode = postcode
        self.placeID = placeID
        self.mergedIntoID = mergedIntoID
    }

    public var fullName: String { "\(givenName) \(familyName)" }
}
