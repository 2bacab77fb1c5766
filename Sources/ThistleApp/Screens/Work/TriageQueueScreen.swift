import PlaceDomain
import TerminalUI

/// Needs waiting to be routed (new or returned) in the places the member
/// serves, most urgent first. Enter opens the case.
public struct TriageQueueScreen: Equatable, Sendable {
    public var work = WorkListState(.triage)
    static let title = "Triage queue"

    public init() {}

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.enter], .open, label: "open case", help: "Open the selected need's case"),
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
