import PlaceDomain
import TerminalUI

/// Home: the place tree with open cases, cases awaiting triage and services
/// rolled up per place. Enter drills into a place.
public struct HomeScreen: Equatable, Sendable {
    /// Places whose children are shown.
    public var expanded: Set<PlaceID> = []
    public var selection = Selection()
    private var expandedRoots = false
    /// The place selected when the tree first loads (config.toml's `place`), its parents expanded.
    public var focus: PlaceID?

    public init(focus: PlaceID? = nil) {
        self.focus = focus
    }

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.enter], .open, label: "open", help: "Open the selected place"),
        KeyBinding([.right, .character("l"), .character(" ")], .expand, label: "expand",
                   help: "Show the places within the selected place"),
        KeyBinding([.left, .character("h")], .collapse, label: "collapse", help: "Hide the places within it"),
        KeyBinding([.character("b")], .openBoard, label: "board",
                   help: "Open the selected place's board: dashboard, plan, pot…"),
    ]

    /// A visible row of the tree.
    struct Row: Equatable {
        let place: Place
        let depth: Int
        let hasChildren: Bool
        let isExpanded: Bool
    }

    /// The tree flattened to the rows currently shown.
    func rows(_ tree: PlaceTree) -> [Row] {
        var rows: [Row] = []
        func visit(_ place: Place, _ depth: Int) {
            let children = tree.children(of: place.id)
            let open = expanded.contains(place.id)
            rows.append(Row(place: place, depth: depth, hasChildren: !children.isEmpty, isExpanded: open))
            if open { children.forEach { visit($0, depth + 1) } }
        }
        tree.roots.compactMap { tree[$0] }.forEach { visit($0, 0) }
        return rows
    }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        guard let tree = context.overview?.tree else { return command == .open ? Outcome() : nil }
        let rows = rows(tree)
        if selection.perform(command, count: rows.count, visibleRows: context.visibleRows) { return Outcome() }
        guard rows.indices.contains(selection.index) else { return command == .open ? Outcome() : nil }
        let row = rows[selection.index]
        switch command {
        case .expand:
            if row.hasChildren { expanded.insert(row.place.id) }
        case .collapse:
            if row.isExpanded {
                expanded.remove(row.place.id)
            } else if let parent = row.place.parentID, let index = rows.firstIndex(where: { $0.place.id == parent }) {
                selection.select(index, count: rows.count, visibleRows: context.visibleRows)
            }
        case .open:
            var screen = PlaceScreen(place: row.place, tree: tree)
            return Outcome(effects: screen.start(tree), push: .place(screen))
        case .openBoard:
            return BoardScreen.open(row.place.id)
        default:
            return nil
        }
        selection.fit(count: self.rows(tree).count, visibleRows: context.visibleRows)
        return Outcome()
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        if case .placesLoaded(let overview) = message, !expandedRoots {
            // First load: show the council and its areas.
            expanded.formUnion(overview.tree.roots)
            expandedRoots = true
            if let focus, overview.tree[focus] != nil {
                expanded.formUnion(overview.tree.path(to: focus).dropLast().map(\.id))
                if let index = rows(overview.tree).firstIndex(where: { $0.place.id == focus }) {
                    selection.select(index, count: rows(overview.tree).count, visibleRows: context.visibleRows)
                }
            }
        }
        guard let tree = context.overview?.tree else { return }
        selection.fit(count: rows(tree).count, visibleRows: context.visibleRows)
    }
}
