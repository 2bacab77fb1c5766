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
    /// The passphrase box in front of everything, while nobody is signed in
    /// or the workspace is locked.
    public var lock: SignInLock?
    /// Whether choosing a member asks for their passphrase (false when the
    /// caller has signed in already, as tests of other screens do).
    public let needsSignIn: Bool
    /// Shown in the passphrase box (the demo's passphrase), if any.
    public let passphraseHint: String?
    public internal(set) var isQuitting = false
    /// The top-level screen to open once a member is signed in (`thistle --on`): Home unless asked.
    public let opening: Command
    /// The place Home opens on, selected (config.toml's `place`).
    public let homePlace: PlaceID?
    /// The user's own keys for commands (config.toml's `[keys]`).
    public var keyOverrides = KeyOverrides.none

    /// Starts on Home as `member`, or on the member picker when nil. With
    /// `needsSignIn`, `member` (unless `signedIn` already) or whoever is
    /// chosen must give their passphrase first, and the workspace locks when idle.
    /// With `homePlace`, Home opens with that place selected (config.toml's `place`).
    public init(size: Size, member: Member?, needsSignIn: Bool = false, signedIn: Bool = false,
                passphraseHint: String? = nil, opening: Command = .goHome, homePlace: PlaceID? = nil) {
        self.size = size
        self.homePlace = homePlace
        self.opening = GlobalBindings.topLevel.contains(opening) ? opening : .goHome
        self.needsSignIn = needsSignIn
        self.passphraseHint = passphraseHint
        if let member, needsSignIn, !signedIn {
            self.member = nil
            stack = [.memberPicker(MemberPickerScreen())]
            lock = SignInLock(member: member, reason: .signIn, hint: passphraseHint)
        } else if let member {
            self.member = member
            stack = [.home(HomeScreen(focus: homePlace))]
        } else {
            self.member = nil
            stack = [.memberPicker(MemberPickerScreen())]
        }
    }

    /// The effects that load the first screen.
    public mutating func start() -> [Effect] {
        var effects: [Effect] = [.loadPlaces]
        if case .memberPicker(var picker) = stack.last {
            effects.append(picker.start())
            stack[stack.count - 1] = .memberPicker(picker)
        }
        // The screen opened on loads first (effects run in order): its first frame need not wait for
        // Home's figures, which only Home and the place screens show.
        if member != nil, opening != .goHome { effects = perform(opening) + effects }
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
        if lock != nil { return SignInLock.bindings }
        if let overlay { return overlay.bindings }
        guard let screen = stack.last else { return GlobalBindings.table }
        if screen.isEditingText { return screen.editingBindings }
        return keyOverrides.apply(screen.bindings + globalBindings)
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
    /// The built-in editor, for a long text when no `$VISUAL` or `$EDITOR` is set.
    case editor(BuiltInEditor)

    var bindings: [KeyBinding] {
        switch self {
        case .editor: return BuiltInEditor.bindings
        case .help: return HelpContent.bindings
        case .palette: return Palette.bindings
        case .dialog: return [KeyBinding([.enter, .escape], .back, label: "close", help: "Close the dialog")]
        }
    }
}
