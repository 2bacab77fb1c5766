import PlaceDomain
import PlaceStore
import TerminalUI

/// Something that happened: a key, a resize, or the result of an effect.
public enum Message: Sendable {
    case key(Key)
    case resized(Size)
    case membersLoaded(Page<MemberRow>, PageRequest, total: Int, generation: Int)
    case placesLoaded(PlaceOverview)
    case agenciesLoaded(PlaceID, [Agency])
    case servicesLoaded(ServiceList, Page<ServiceRow>, PageRequest, total: Int, generation: Int)
    case failed(String)
}

/// Work the app asks for; the runtime performs it against the store and
/// sends the result back as a message. `update` never does I/O itself.
public enum Effect: Hashable, Sendable {
    case loadMembers(PageRequest, generation: Int)
    case loadPlaces
    case loadAgencies(in: PlaceID)
    case loadServices(ServiceList, ServiceFilter, PageRequest, generation: Int)
    case quit
}

/// Which on-screen list of services a page belongs to.
public enum ServiceList: Hashable, Sendable {
    case directory
    case covering(PlaceID)
}

/// A member as the picker shows them.
public struct MemberRow: ListRow {
    public var member: Member
    public var agencyName: String
    public var listKey: NameKey { NameKey(name: member.name, id: member.id.rawValue) }
}

/// A service as lists show it.
public struct ServiceRow: ListRow {
    public var service: Service
    public var agencyName: String
    public var listKey: NameKey { NameKey(name: service.name, id: service.id.rawValue) }
}

/// The place tree with every place's rolled-up figures.
public struct PlaceOverview: Equatable, Sendable {
    public var tree: PlaceTree
    public var openCases: [PlaceID: Int]
    public var awaitingTriage: [PlaceID: Int]
    public var services: [PlaceID: Int]

    public init(tree: PlaceTree, figures: PlaceFigures) {
        self.tree = tree
        openCases = tree.rollUp(figures.openCases)
        awaitingTriage = tree.rollUp(figures.awaitingTriage)
        services = tree.servicesServing(figures.serviceCoverage)
    }
}
