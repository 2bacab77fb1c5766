import PlaceDomain
import TerminalUI

/// A screen on the stack. Enter drills into a new one; Esc goes back.
public enum Screen: Equatable, Sendable {
    case memberPicker(MemberPickerScreen)
    case home(HomeScreen)
    case place(PlaceScreen)
    case directory(DirectoryScreen)
}

/// What a screen needs from the app to handle a command.
public struct ScreenContext: Sendable {
    /// Rows a list on this screen can show at the current size.
    public var visibleRows: Int
    /// The place tree and its figures, once loaded.
    public var overview: PlaceOverview?
}

/// What handling a command led to.
public struct Outcome: Sendable {
    public var effects: [Effect] = []
    /// A screen to drill into.
    public var push: Screen?
    /// A dialog to show over the screen.
    public var dialog: DialogContent?
    /// The member chosen in the picker.
    public var chosenMember: Member?

    public init(effects: [Effect] = [], push: Screen? = nil, dialog: DialogContent? = nil, chosenMember: Member? = nil) {
        self.effects = effects
        self.push = push
        self.dialog = dialog
        self.chosenMember = chosenMember
    }
}

/// A modal dialog's title and lines.
public struct DialogContent: Equatable, Sendable {
    public var title: String
    public var lines: [String]
}

extension Screen {
    public var bindings: [KeyBinding] {
        switch self {
        case .memberPicker: return MemberPickerScreen.bindings
        case .home: return HomeScreen.bindings
        case .place: return PlaceScreen.bindings
        case .directory: return DirectoryScreen.bindings
        }
    }

    /// The screen's name in the breadcrumb.
    func title(_ overview: PlaceOverview?) -> [String] {
        switch self {
        case .memberPicker: return ["Who are you?"]
        case .home: return ["Home"]
        case .place(let screen):
            return ["Home"] + (overview?.tree.path(to: screen.placeID).map(\.name) ?? [screen.placeID.rawValue])
        case .directory: return ["Directory"]
        }
    }

    /// Whether a text field has focus, so printable keys are text.
    var isEditingText: Bool {
        if case .directory(let screen) = self { return screen.isEditing }
        return false
    }

    mutating func perform(_ command: Command, _ context: ScreenContext) -> Outcome? {
        switch self {
        case .memberPicker(var screen):
            defer { self = .memberPicker(screen) }
            return screen.perform(command, context)
        case .home(var screen):
            defer { self = .home(screen) }
            return screen.perform(command, context)
        case .place(var screen):
            defer { self = .place(screen) }
            return screen.perform(command, context)
        case .directory(var screen):
            defer { self = .directory(screen) }
            return screen.perform(command, context)
        }
    }

    mutating func edit(_ key: Key) -> Outcome {
        guard case .directory(var screen) = self else { return Outcome() }
        defer { self = .directory(screen) }
        return screen.edit(key)
    }

    mutating func receive(_ message: Message, _ context: ScreenContext) {
        switch self {
        case .memberPicker(var screen):
            screen.receive(message, context)
            self = .memberPicker(screen)
        case .home(var screen):
            screen.receive(message, context)
            self = .home(screen)
        case .place(var screen):
            screen.receive(message, context)
            self = .place(screen)
        case .directory(var screen):
            screen.receive(message, context)
            self = .directory(screen)
        }
    }

    func view(into canvas: inout Canvas, _ rect: Rect, _ context: ScreenContext) {
        switch self {
        case .memberPicker(let screen): screen.view(into: &canvas, rect)
        case .home(let screen): screen.view(into: &canvas, rect, context)
        case .place(let screen): screen.view(into: &canvas, rect, context)
        case .directory(let screen): screen.view(into: &canvas, rect)
        }
    }
}
