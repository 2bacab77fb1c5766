import TerminalUI

/// One row of a binding table: the keys, the command they run, the short
/// label the footer shows and the sentence help and the palette show.
public struct KeyBinding: Hashable, Sendable {
    public let keys: [Key]
    public let command: Command
    public let label: String
    public let help: String
    /// Whether the footer shows it (help and the palette show every binding).
    public let inFooter: Bool

    public init(_ keys: [Key], _ command: Command, label: String, help: String, inFooter: Bool = true) {
        self.keys = keys
        self.command = command
        self.label = label
        self.help = help
        self.inFooter = inFooter
    }

    /// The keys as a person reads them: "↑/k".
    public var keyNames: String { keys.map(\.displayName).joined(separator: "/") }
}

extension Array where Element == KeyBinding {
    /// The command bound to `key`, if any.
    func command(for key: Key) -> Command? {
        first { $0.keys.contains(key) }?.command
    }
}

/// Keys every screen shares.
enum GlobalBindings {
    /// Quit comes first so help shows it even when the list runs past the screen.
    static let table: [KeyBinding] = [
        KeyBinding([.character("q")], .quit, label: "quit", help: "Quit Thistle"),
        KeyBinding([.character("?"), .function(1)], .help, label: "help", help: "Show the keys for this screen"),
        KeyBinding([.character(":"), .ctrl("p")], .palette, label: "commands", help: "Search every command (palette)",
                   inFooter: false),
        KeyBinding([.character("1")], .goHome, label: "home", help: "Go to Home: the place tree", inFooter: false),
        KeyBinding([.character("2")], .goDirectory, label: "directory", help: "Go to the service directory",
                   inFooter: false),
        KeyBinding([.character("3")], .goTriage, label: "triage", help: "Go to the triage queue: needs waiting to be routed",
                   inFooter: false),
        KeyBinding([.character("4")], .goMyCases, label: "my cases", help: "Go to my cases: the cases I lead",
                   inFooter: false),
        KeyBinding([.character("5")], .goReferralsIn, label: "referrals in",
                   help: "Go to referrals in: referrals to my agency's services", inFooter: false),
        KeyBinding([.character("6")], .goSync, label: "sync",
                   help: "Go to sync: devices, what is not yet shared, conflicts", inFooter: false),
    ]
}

extension GlobalBindings {
    /// The commands that go to a top-level screen; they need a signed-in member.
    static let topLevel: Set<Command> = Set(tabs)
    /// The top-level screens in the order of their tabs (and digits).
    static let tabs: [Command] = [.goHome, .goDirectory, .goTriage, .goMyCases, .goReferralsIn, .goSync]
}

/// Moving through a list: the same keys on every list screen.
/// Scrolling a view taller than the screen, line by line or a page at a time.
enum ScrollBindings {
    static let table: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .moveUp, label: "", help: "Scroll up", inFooter: false),
        KeyBinding([.down, .character("j")], .moveDown, label: "", help: "Scroll down", inFooter: false),
        KeyBinding([.pageUp], .pageUp, label: "", help: "Scroll up a page", inFooter: false),
        KeyBinding([.pageDown, .character(" ")], .pageDown, label: "", help: "Scroll down a page", inFooter: false),
        KeyBinding([.home, .character("g")], .first, label: "", help: "Scroll to the top", inFooter: false),
        KeyBinding([.end, .character("G")], .last, label: "", help: "Scroll to the bottom", inFooter: false),
    ]

    /// The new first line for a scrolling command, kept so that the last
    /// line stops at the bottom of the window; nil for other commands.
    static func scroll(_ top: Int, by command: Command, bodyHeight: Int, contentHeight: () -> Int) -> Int? {
        let page = max(1, bodyHeight - 1)
        let moved: Int
        switch command {
        case .moveUp: moved = top - 1
        case .moveDown: moved = top + 1
        case .pageUp: moved = top - page
        case .pageDown: moved = top + page
        case .first: moved = 0
        case .last: moved = Int.max / 2
        default: return nil
        }
        return clamp(moved, contentHeight: contentHeight(), bodyHeight: bodyHeight)
    }

    /// The first line shown, so that scrolling stops with the last line at the bottom.
    static func clamp(_ top: Int, contentHeight: Int, bodyHeight: Int) -> Int {
        max(0, min(top, contentHeight - bodyHeight))
    }
}

enum ListBindings {
    static let table: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .moveUp, label: "", help: "Move up", inFooter: false),
        KeyBinding([.down, .character("j")], .moveDown, label: "move", help: "Move down"),
        KeyBinding([.pageUp], .pageUp, label: "", help: "Page up", inFooter: false),
        KeyBinding([.pageDown], .pageDown, label: "", help: "Page down", inFooter: false),
        KeyBinding([.home, .character("g")], .first, label: "", help: "Go to the first row", inFooter: false),
        KeyBinding([.end, .character("G")], .last, label: "", help: "Go to the last row", inFooter: false),
    ]
}
