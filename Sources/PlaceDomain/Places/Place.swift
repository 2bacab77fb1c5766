/// A council area, one of its areas, or a community within an area.
public struct Place: Hashable, Codable, Sendable, Identifiable {
    public var id: PlaceID
    public var name: String
    public var kind: PlaceKind
    public var parentID: PlaceID?
    public var population: Int

    public init(id: PlaceID, name: String, kind: PlaceKind, parentID: PlaceID?, population: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.population = population
    }
}

/// The level of a place in the tree.
public enum PlaceKind: String, Codable, Sendable, CaseIterable {
    case council, area, community
}
