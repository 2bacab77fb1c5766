import PlaceDomain
import PlaceStore
import TerminalUI

/// The whole app as plain values: the screen stack, what is drawn over it,
/// who is signed in, and the terminal size.
public struct AppState: Equatable, Sendable {
    /// Below this the screen shows a notice instead of a layout.
    public static let minimumSize = Size(width: 80, height: 24)

    public var size: Size
    public var member: Member?
    public var stack: [Screen]
    public var overlay: Overlay?
    public var overview: PlaceOverview?
    /// The last problem to tell the user about, shown above the footer.
    public var notice: String?
    public internal(set) var isQuitting = false

    /// Starts on Home as `member`, or on the member picker when nil.
    public init(size: Size, member: Member?) {
        self.size = size
        self.member = member
        if member == nil {
            stack = [.memberPicker(MemberPickerScreen())]
        } else {
            stack = [.home(HomeScreen())]
        }
    }

    /// The effects that load the first screen.
    public mutating func start() -> [Effect] {
        var effects: [Effect] = [.loadPlaces]
        if case .memberPicker(var picker) = stack.last {
            effects.append(picker.start())
            stack[stack.count - 1] = .memberPicker(picker)
        }
        return effects
    }

    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// Rows a list gets in the body: title, tabs, table header, notice and footer excluded.
    var context: ScreenContext {
        ScreenContext(visibleRows: max(1, size.height - Layout.chromeRows - 2),
                      bodySize: Layout.split(size).body.size, overview: overview, member: member)
    }

    /// The binding table in force: the overlay's, the text field's, or the screen's plus the global keys.
    public var bindings: [KeyBinding] {
        if let overlay { return overlay.bindings }
        guard let screen = stack.last else { return GlobalBindings.table }
        if screen.isEditingText { return screen.editingBindings }
        return screen.bindings + globalBindings
    }

    /// Global keys; the digit jumps need a member, and Esc is only useful with somewhere to go back to.
    var globalBindings: [KeyBinding] {
        member == nil ? GlobalBindings.table.filter { !GlobalBindings.topLevel.contains($0.command) } : GlobalBindings.table
    }
}

/// What is drawn over the screen.
public enum Overlay: Equatable, Sendable {
    case help(HelpContent)
    case palette(Palette)
    case dialog(DialogContent)

    var bindings: [KeyBinding] {
        switch self {
        case .help: return HelpContent.bindings
        case .palette: return Palette.bindings
        case .dialog: return [KeyBinding([.enter, .escape], .back, label: "close", help: "Close the dialog")]
        }
    }
}
