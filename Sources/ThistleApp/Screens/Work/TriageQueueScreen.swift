import PlaceDomain
import TerminalUI

/// Needs waiting to be routed (new or returned) in the places the member
/// serves, most urgent first. Enter opens the case; `f` narrows the queue to
/// a place, a kind of need or an urgency.
public struct TriageQueueScreen: Equatable, Sendable {
    public var work = WorkListState(.triage)
    /// The filter question being asked, if any.
    public var prompt: Prompt?
    static let title = "Triage queue"

    public init() {}

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.enter], .open, label: "open case", help: "Open the selected need's case"),
        KeyBinding([.character("f")], .filter, label: "filter", help: "Show only one place, kind of need or urgency"),
        KeyBinding([.character("F")], .clearFilter, label: "", help: "Clear the filter", inFooter: false),
        KeyBinding([.character("n")], .logCase, label: "log case", help: "Log a new case"),
        KeyBinding([.escape], .back, label: "back", help: "Go back"),
    ]

    static let filterKinds = ["Place", "Kind of need", "Urgency", "Clear the filter"]

    func start(_ context: ScreenContext) -> [Effect] { work.load(context) }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        switch command {
        case .logCase:
            return LogCaseScreen.open(from: Self.title, context)
        case .filter:
            guard work.loaded != nil else { return Outcome() }
            prompt = .choice("Filter the queue", ["Narrow the queue by"], Self.filterKinds, .filterKind)
            return Outcome()
        case .clearFilter:
            work.apply(WorkFilter(), context)
            return Outcome()
        default:
            return work.perform(command, context, title: Self.title)
        }
    }

    /// A key while the filter prompt is open.
    mutating func edit(_ key: Key, _ context: ScreenContext) -> Outcome {
        guard let (answer, step) = prompt.take(key) else { return Outcome() }
        let loaded = work.loaded ?? []
        var filter = work.filter
        switch (answer, step) {
        case (.pending, _):
            return Outcome()
        case (.chose(0), .filterKind):
            let places = placeChoices(loaded, context.overview?.tree)
            prompt = .choice("Filter by place", ["Which place? (an area includes its communities)"],
                             places.map(\.name), .filterPlace(places.map(\.id)))
        case (.chose(1), .filterKind):
            let categories = Array(Set(loaded.compactMap(\.category))).sorted()
            prompt = .choice("Filter by need", ["Which kind of need?"], categories.map(\.rawValue),
                             .filterCategory(categories))
        case (.chose(2), .filterKind):
            prompt = .choice("Filter by urgency", ["How urgent?"], Urgency.allCases.map(\.rawValue), .filterUrgency)
        case (.chose(let index), .filterPlace(let ids)):
            prompt = nil
            guard let tree = context.overview?.tree else { return Outcome() }
            filter.setPlace(ids[index], in: tree)
            work.apply(filter, context)
        case (.chose(let index), .filterCategory(let keys)):
            prompt = nil
            filter.category = keys[index]
            work.apply(filter, context)
        case (.chose(let index), .filterUrgency):
            prompt = nil
            filter.urgency = Urgency.allCases[index]
            work.apply(filter, context)
        case (.chose, .filterKind):
            prompt = nil
            work.apply(WorkFilter(), context)
        default:
            prompt = nil
        }
        return Outcome()
    }

    /// The places the queue's needs are in, and the places above them, in tree order.
    private func placeChoices(_ rows: [WorkRow], _ tree: PlaceTree?) -> [Place] {
        guard let tree else { return [] }
        var seen = Set<PlaceID>()
        let used = rows.flatMap { tree.path(to: $0.item.placeID) }.filter { seen.insert($0.id).inserted }
        let order = Dictionary(
            tree.roots.flatMap { tree.subtree(of: $0) }.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return used.sorted { (order[$0.id] ?? .max) < (order[$1.id] ?? .max) }
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) { work.receive(message, context) }
}
