/// A council area, one of its areas, or a community within an area.
public struct Place: Hashable, Codable, Sendable, Identifiable {
    public var id: PlaceID
    public var name: String
    public var kind: PlaceKind
    public var parentID: PlaceID?
    public var population: Int
    /// How many years closed cases here are kept; nil takes the place above's.
    public var retentionYears: Int?
    /// The data-sharing agreement standing for the team's work here, which
    /// consents and overrides record unless they name another; nil takes
    /// the place above's.
    public var dataSharingAgreement: String?
    /// Its official area code, if the team gave one: a GSS code such as
    /// S12000047 (Fife), which directories and statistics name it by.
    public var code: String?

    public init(id: PlaceID, name: String, kind: PlaceKind, parentID: PlaceID?, population: Int, retentionYears: Int? = nil,
                dataSharingAgreement: String? = nil, code: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.population = population
        self.retentionYears = retentionYears
        self.dataSharingAgreement = dataSharingAgreement
        self.code = code
    }

    /// Kept when no place up the tree says otherwise.
    public static let defaultRetentionYears = 6
}

extension PlaceTree {
    /// The retention period in force at `place`: its own, or the nearest place above's.
    public func retentionYears(at place: PlaceID) -> Int {
        path(to: place).reversed().lazy.compactMap(\.retentionYears).first ?? Place.defaultRetentionYears
    }

    /// The data-sharing agreement standing at `place`: its own, or the nearest place above's.
    public func dataSharingAgreement(at place: PlaceID) -> String? {
        path(to: place).reversed().lazy.compactMap(\.dataSharingAgreement).first
    }
}

/// The level of a place in the tree.
public enum PlaceKind: String, Codable, Sendable, CaseIterable {
    case council, area, community
}
