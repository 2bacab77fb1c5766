import PlaceDomain
import PlaceStore
import TerminalUI

/// The service directory, filtered by name, need or place with `/`.
public struct DirectoryScreen: Equatable, Sendable {
    public var list = PagedList<ServiceRow>(pageSize: 100)
    public var field = TextField(text: "", cursor: 0)
    /// The filter the list shows (the field's text while editing).
    public var filter = ""
    public var isEditing = false
    /// The filter before editing began, restored by Esc.
    private var filterBeforeEditing = ""

    public init() {}

    public static let bindings: [KeyBinding] = ListBindings.table + [
        KeyBinding([.enter], .open, label: "details", help: "Show the selected service's details"),
        KeyBinding([.character("/")], .filter, label: "filter", help: "Filter by name, need or place"),
        KeyBinding([.ctrl("l")], .clearFilter, label: "", help: "Clear the filter", inFooter: false),
        KeyBinding([.escape], .back, label: "back", help: "Go back"),
    ]

    /// Keys while the filter field has focus: printable keys are text.
    public static let editingBindings: [KeyBinding] = [
        KeyBinding([.enter], .open, label: "apply", help: "Keep this filter and return to the list"),
        KeyBinding([.escape], .back, label: "cancel", help: "Cancel the edit"),
    ]

    public mutating func start() -> Effect { reload() }

    private func load(_ request: PageRequest<NameKey>) -> Effect {
        .loadServices(.directory, ServiceFilter(text: filter), request, generation: list.generation)
    }

    /// Starts the list again from the top for the current filter.
    private mutating func reload() -> Effect {
        let request = list.reload()
        return load(request)
    }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        if let request = list.perform(command, context.visibleRows) {
            return Outcome(effects: request.map { [load($0)] } ?? [])
        }
        switch command {
        case .filter:
            isEditing = true
            filterBeforeEditing = filter
            field = TextField(text: filter, cursor: filter.count)
            return Outcome()
        case .clearFilter:
            guard !filter.isEmpty else { return Outcome() }
            filter = ""
            field = TextField(text: "", cursor: 0)
            return Outcome(effects: [reload()])
        case .open:
            guard let row = list.selected else { return Outcome() }
            return Outcome(dialog: ServiceDetail.dialog(row, context))
        default:
            return nil
        }
    }

    /// A key while the filter field has focus. The list follows the text as it is typed.
    mutating func edit(_ key: Key) -> Outcome {
        switch key {
        case .enter:
            isEditing = false
            return Outcome()
        case .escape:
            isEditing = false
            guard filter != filterBeforeEditing else { return Outcome() }
            filter = filterBeforeEditing
            field = TextField(text: filter, cursor: filter.count)
            return Outcome(effects: [reload()])
        default:
            _ = field.handle(key)
            guard field.text != filter else { return Outcome() }
            filter = field.text
            return Outcome(effects: [reload()])
        }
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        if case .resized = message { list.keepVisible(context.visibleRows) }
        if case .servicesLoaded(.directory, let page, let request, let total, let generation) = message {
            list.receive(page, for: request, total: total, generation: generation, visibleRows: context.visibleRows)
        }
    }
}
