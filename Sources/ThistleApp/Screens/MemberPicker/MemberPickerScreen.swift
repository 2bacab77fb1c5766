import PlaceDomain
import PlaceStore
import TerminalUI

/// Shown first when `--as` is not given: who is using Thistle.
public struct MemberPickerScreen: Equatable, Sendable {
    public var list = PagedList<MemberRow>(pageSize: 100)

    public init() {}

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.enter], .open, label: "choose", help: "Sign in as the selected member"),
    ]

    /// The first page to load.
    public mutating func start() -> Effect {
        .loadMembers(list.reload(), generation: list.generation)
    }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        if let request = list.perform(command, context.visibleRows) {
            return Outcome(effects: request.map { [.loadMembers($0, generation: list.generation)] } ?? [])
        }
        guard command == .open, let row = list.selected else { return nil }
        return Outcome(chosenMember: row.member)
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        if case .resized = message { list.keepVisible(context.visibleRows) }
        if case .membersLoaded(let page, let request, let total, let generation) = message {
            list.receive(page, for: request, total: total, generation: generation, visibleRows: context.visibleRows)
        }
    }
}
