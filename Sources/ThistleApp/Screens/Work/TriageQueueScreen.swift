import PlaceDomain
import PlaceStore
import TerminalUI

/// Needs waiting to be routed (new or returned) in the places the member
/// serves, most urgent first. Enter opens the case; `f` narrows the queue to
/// a place, a kind of need or an urgency. The queue is as long as a place's
/// work (100,000 needs in a year of Fife), so it is read a page at a time by
/// key, and counted once per load by place, kind and urgency.
public struct TriageQueueScreen: Equatable, Sendable {
    public var list = PagedList<QueueRow>(pageSize: 100)
    public private(set) var filter = WorkFilter()
    /// The whole queue (unfiltered) counted; nil until the first page.
    public private(set) var tally: QueueTally?
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

    /// The rows held now (up to three pages around the selection); nil until the first page.
    public var rows: [WorkRow]? { list.loaded ? list.rows.map(\.work) : nil }

    /// Reads the queue from the top (on opening, and after a case changed).
    func start(_ context: ScreenContext) -> [Effect] { load(.first(list.pageSize), context).map { [$0] } ?? [] }

    private func load(_ request: PageRequest<QueueKey>, _ context: ScreenContext) -> Effect? {
        context.member.map { .loadQueue($0.id, filter, request, generation: list.generation) }
    }

    private mutating func reload(_ context: ScreenContext) -> Effect? {
        let request = list.reload()
        return load(request, context)
    }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        if let request = list.perform(command, context.visibleRows) {
            return Outcome(effects: request.flatMap { load($0, context) }.map { [$0] } ?? [])
        }
        switch command {
        case .open:
            guard let row = list.selected, let member = context.member else { return Outcome() }
            return CaseScreen.open(row.work.item.caseID, from: Self.title, by: member.id)
        case .logCase:
            return LogCaseScreen.open(from: Self.title, context)
        case .filter:
            guard tally != nil else { return Outcome() }
            prompt = .choice("Filter the queue", ["Narrow the queue by"], Self.filterKinds, .filterKind)
            return Outcome()
        case .clearFilter:
            return apply(WorkFilter(), context)
        default:
            return nil
        }
    }

    /// A key while the filter prompt is open.
    mutating func edit(_ key: Key, _ context: ScreenContext) -> Outcome {
        guard let (answer, step) = prompt.take(key) else { return Outcome() }
        var filter = self.filter
        switch (answer, step) {
        case (.pending, _):
            return Outcome()
        case (.chose(0), .filterKind):
            let places = placeChoices(context.overview?.tree)
            prompt = .choice("Filter by place", ["Which place? (an area includes its communities)"],
                             places.map(\.name), .filterPlace(places.map(\.id)))
        case (.chose(1), .filterKind):
            let categories = (tally?.categories ?? []).sorted()
            prompt = .choice("Filter by need", ["Which kind of need?"], categories.map(\.rawValue),
                             .filterCategory(categories))
        case (.chose(2), .filterKind):
            prompt = .choice("Filter by urgency", ["How urgent?"], Urgency.allCases.map(\.rawValue), .filterUrgency)
        case (.chose(let index), .filterPlace(let ids)):
            prompt = nil
            guard let tree = context.overview?.tree else { return Outcome() }
            filter.setPlace(ids[index], in: tree)
            return apply(filter, context)
        case (.chose(let index), .filterCategory(let keys)):
            prompt = nil
            filter.category = keys[index]
            return apply(filter, context)
        case (.chose(let index), .filterUrgency):
            prompt = nil
            filter.urgency = Urgency.allCases[index]
            return apply(filter, context)
        case (.chose, .filterKind):
            prompt = nil
            return apply(WorkFilter(), context)
        default:
            prompt = nil
        }
        return Outcome()
    }

    /// Narrows the queue; it is read again from the top.
    private mutating func apply(_ filter: WorkFilter, _ context: ScreenContext) -> Outcome {
        guard filter != self.filter else { return Outcome() }
        self.filter = filter
        return Outcome(effects: reload(context).map { [$0] } ?? [])
    }

    /// The places the queue's needs are in, and the places above them, in tree order.
    private func placeChoices(_ tree: PlaceTree?) -> [Place] {
        guard let tree, let tally else { return [] }
        var seen = Set<PlaceID>()
        let used = tally.places.sorted().flatMap { tree.path(to: $0) }.filter { seen.insert($0.id).inserted }
        let order = Dictionary(
            tree.roots.flatMap { tree.subtree(of: $0) }.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return used.sorted { (order[$0.id] ?? .max) < (order[$1.id] ?? .max) }
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        switch message {
        case .resized:
            list.keepVisible(context.visibleRows)
        case .queueLoaded(let page, let request, let tally, let generation):
            guard generation == list.generation else { return }
            if let tally { self.tally = tally }
            // The tally's places are all ones the member serves.
            list.receive(page, for: request, total: self.tally.map { $0.count(filter.queue(in: $0.places)) } ?? list.total,
                         generation: generation, visibleRows: context.visibleRows)
        default:
            break
        }
    }
}
