import ArgumentParser
import PlaceDomain
import PlaceStore

/// Reads every page of a keyset-paged list, for commands that print it all.
func allPages<Row>(_ fetch: (PageRequest<NameKey>) throws -> Page<Row>, key: (Row) -> NameKey) throws -> [Row] {
    var rows: [Row] = []
    var page = try fetch(.first(500))
    rows += page.rows
    while page.hasMore, let last = page.rows.last {
        page = try fetch(.after(key(last), 500))
        rows += page.rows
    }
    return rows
}

struct PlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places", abstract: "List the places: the council area, its areas and communities.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let (store, _) = try global.openStore()
        let tree = try store.placeTree()
        var listing = Listing(keys: ["id", "name", "kind", "parent", "population"])
        func visit(_ place: Place) {
            listing.rows.append([
                .text(place.id.rawValue), .text(place.name), .text(place.kind.rawValue),
                .text(place.parentID?.rawValue), .number(place.population),
            ])
            tree.children(of: place.id).forEach(visit)
        }
        tree.roots.compactMap { tree[$0] }.forEach(visit)
        print(listing.render(output.resolved), terminator: "")
    }
}

struct AgenciesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agencies", abstract: "List the agencies in the team.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let (store, _) = try global.openStore()
        var listing = Listing(keys: ["id", "name", "kind"])
        for agency in try allPages(store.agencies, key: { NameKey(name: $0.name, id: $0.id.rawValue) }) {
            listing.rows.append([.text(agency.id.rawValue), .text(agency.name), .text(agency.kind.rawValue)])
        }
        print(listing.render(output.resolved), terminator: "")
    }
}

struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "members", abstract: "List the team's members.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let (store, _) = try global.openStore()
        var listing = Listing(keys: ["id", "name", "agency", "role", "places", "disabled"])
        for member in try allPages(store.members, key: { NameKey(name: $0.name, id: $0.id.rawValue) }) {
            listing.rows.append([
                .text(member.id.rawValue), .text(member.name), .text(member.agencyID.rawValue),
                .text(member.role.rawValue), .list(member.placeIDs.map(\.rawValue)), .flag(member.isDisabled),
            ])
        }
        print(listing.render(output.resolved), terminator: "")
    }
}

struct ServicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services", abstract: "List the service directory, optionally by need or place.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only services meeting this need category (e.g. money-debt).", valueName: "category"))
    var need: String?
    @Option(help: ArgumentHelp("Only services covering this place (an id from `thistle places`).", valueName: "place-id"))
    var place: String?
    @OptionGroup var output: FormatOptions

    func run() throws {
        let (store, _) = try global.openStore()
        var filter = ServiceFilter()
        if let need {
            guard try store.needCategory(NeedCategoryKey(need)) != nil else {
                let known = try store.needCategories().map(\.id.rawValue).joined(separator: ", ")
                throw Failure("there is no need category '\(need)'; known categories: \(known)")
            }
            filter.need = NeedCategoryKey(need)
        }
        if let place {
            let tree = try store.placeTree()
            guard tree[PlaceID(place)] != nil else { throw StoreError.unknownPlace(place) }
            filter.listingAnyOf = tree.path(to: PlaceID(place)).map(\.id)
        }
        var listing = Listing(keys: ["id", "name", "agency", "needs", "places", "acceptsReferrals", "typicalWaitDays"])
        let services = try allPages({ try store.services(filter, $0) }, key: { NameKey(name: $0.name, id: $0.id.rawValue) })
        for service in services {
            listing.rows.append([
                .text(service.id.rawValue), .text(service.name), .text(service.agencyID.rawValue),
                .list(service.needs.map(\.rawValue)), .list(service.placeIDs.map(\.rawValue)),
                .flag(service.acceptsReferrals), .number(service.typicalWaitDays),
            ])
        }
        print(listing.render(output.resolved), terminator: "")
    }
}
