import PlaceDomain
import TerminalUI

/// The live needs of the cases the member leads: returned needs first and
/// marked, stalled referrals marked. Enter opens the case.
public struct MyCasesScreen: Equatable, Sendable {
    public var work = WorkListState(.casesLed)
    static let title = "My cases"

    public init() {}

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.enter], .open, label: "open case", help: "Open the selected case"),
        KeyBinding([.character("n")], .logCase, label: "log case", help: "Log a new case"),
        KeyBinding([.escape], .back, label: "back", help: "Go back"),
    ]

    func start(_ context: ScreenContext) -> [Effect] { work.load(context) }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        if command == .logCase { return LogCaseScreen.open(from: Self.title, context) }
        return work.perform(command, context, title: Self.title)
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) { work.receive(message, context) }
}
