import PlaceDomain
import TerminalUI

/// The passphrase box that stands in front of everything: at start, after
/// choosing who you are, and when the workspace locks after the idle time.
/// While it is up nothing of the workspace is drawn.
public struct SignInLock: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// Signing in at start.
        case signIn
        /// The workspace went unused for the idle time; only this member can open it again.
        case idle
    }

    public var member: Member
    public var reason: Reason
    public var passphrase = TextField()
    /// Why the last try failed (wrong passphrase, wait N s…).
    public var problem: String?
    /// A try is being checked (PBKDF2 takes a moment).
    public var checking = false
    /// A line for the demo: its passphrase.
    public var hint: String?

    public init(member: Member, reason: Reason, hint: String? = nil) {
        self.member = member
        self.reason = reason
        self.hint = hint
    }

    static let bindings: [KeyBinding] = [
        KeyBinding([.enter], .open, label: "sign in", help: "Check the passphrase"),
        KeyBinding([.escape], .back, label: "someone else", help: "Choose another member (at start only)"),
        KeyBinding([.ctrl("c")], .quit, label: "quit", help: "Quit Thistle"),
    ]

    /// What a key does: edit the field, or try the passphrase on Enter.
    mutating func handle(_ key: Key) -> [Effect] {
        if key == .enter {
            guard !checking, !passphrase.text.isEmpty else { return [] }
            checking = true
            problem = nil
            let tried = passphrase.text
            passphrase = TextField()
            return [.signIn(member.id, passphrase: tried)]
        }
        _ = passphrase.handle(key)
        return []
    }
}
