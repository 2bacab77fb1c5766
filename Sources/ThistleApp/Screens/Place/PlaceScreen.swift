import PlaceDomain
import PlaceStore
import TerminalUI

/// One place: the places within it, the services covering it and the
/// agencies present, on three tabs.
public struct PlaceScreen: Equatable, Sendable {
    public enum Tab: Int, CaseIterable, Sendable {
        case places, services, agencies

        var title: String {
            switch self {
            case .places: return "Places within"
            case .services: return "Services covering it"
            case .agencies: return "Agencies present"
            }
        }
    }

    public let placeID: PlaceID
    public var tab: Tab
    public var child = Selection()
    public var services = PagedList<ServiceRow>(pageSize: 100)
    public var agencies: [Agency]?
    public var agency = Selection()

    public init(place: Place, tree: PlaceTree) {
        placeID = place.id
        tab = tree.children(of: place.id).isEmpty ? .services : .places
    }

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.enter], .open, label: "open", help: "Open the selected place or service"),
        KeyBinding([.tab, .right], .nextTab, label: "next tab", help: "Show the next tab"),
        KeyBinding([.backTab, .left], .previousTab, label: "", help: "Show the previous tab", inFooter: false),
        KeyBinding([.character("b")], .openBoard, label: "board",
                   help: "Open this place's board: dashboard, plan, evidence, pot…"),
        KeyBinding([.escape], .back, label: "back", help: "Go back"),
    ]

    /// Loads what the tabs show.
    mutating func start(_ tree: PlaceTree) -> [Effect] {
        let filter = ServiceFilter(listingAnyOf: tree.path(to: placeID).map(\.id))
        return [
            .loadServices(.covering(placeID), filter, services.reload(), generation: services.generation),
            .loadAgencies(in: placeID),
        ]
    }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        switch command {
        case .nextTab:
            tab = Tab(rawValue: (tab.rawValue + 1) % Tab.allCases.count)!
            return Outcome()
        case .previousTab:
            tab = Tab(rawValue: (tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!
            return Outcome()
        case .openBoard:
            return BoardScreen.open(placeID)
        default:
            break
        }
        switch tab {
        case .places:
            guard let tree = context.overview?.tree else { return nil }
            let children = tree.children(of: placeID)
            if command == .open {
                guard children.indices.contains(child.index) else { return Outcome() }
                var screen = PlaceScreen(place: children[child.index], tree: tree)
                return Outcome(effects: screen.start(tree), push: .place(screen))
            }
            return child.perform(command, count: children.count, visibleRows: context.visibleRows) ? Outcome() : nil
        case .services:
            if let request = services.perform(command, context.visibleRows) {
                guard let request else { return Outcome() }
                let filter = ServiceFilter(listingAnyOf: context.overview?.tree.path(to: placeID).map(\.id) ?? [placeID])
                return Outcome(effects: [.loadServices(.covering(placeID), filter, request, generation: services.generation)])
            }
            if command == .open, let row = services.selected { return Outcome(dialog: ServiceDetail.dialog(row, context)) }
            return nil
        case .agencies:
            return agency.perform(command, count: agencies?.count ?? 0, visibleRows: context.visibleRows) ? Outcome() : nil
        }
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        switch message {
        case .servicesLoaded(.covering(placeID), let page, let request, let total, let generation):
            services.receive(page, for: request, total: total, generation: generation, visibleRows: context.visibleRows)
        case .agenciesLoaded(placeID, let found):
            agencies = found
        case .resized:
            services.keepVisible(context.visibleRows)
            child.fit(count: context.overview?.tree.children(of: placeID).count ?? 0, visibleRows: context.visibleRows)
            agency.fit(count: agencies?.count ?? 0, visibleRows: context.visibleRows)
        default:
            break
        }
    }
}
