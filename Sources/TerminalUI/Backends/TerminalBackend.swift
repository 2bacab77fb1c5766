/// Something that happened at the terminal, in the order it happened.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// The terminal is now this size; the next present redraws everything.
    case resize(Size)
    /// A `Waker` was poked: results from background work are waiting.
    case wake
    /// SIGINT (Ctrl-C): the app should wrap up and quit.
    case interrupt
    /// SIGTERM or SIGHUP: the app should quit now.
    case terminate
    /// A click or a turn of the wheel.
    case mouse(MouseEvent)
}

/// What the mouse did, at a cell (columns and rows from 0 at the top left).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public let kind: Kind
    public let x: Int
    public let y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        (self.kind, self.x, self.y) = (kind, x, y)
    }
}

/// Where the app draws and where its input comes from: the real terminal
/// (`CursesBackend`) or a test double (`HeadlessBackend`).
public protocol TerminalBackend: AnyObject {
    /// The screen size in cells.
    var size: Size { get }
    /// Shows `canvas`, writing only what changed since the last present.
    func present(_ canvas: Canvas)
    /// Blocks until the next event.
    func nextEvent() -> TerminalEvent
    /// Gives the terminal back as it was; safe to call more than once.
    func shutdown()
    /// Lends the terminal to `work` (another program: the user's editor),
    /// then takes it back; the next present repaints everything.
    func suspend(_ work: () -> Void)
}

extension TerminalBackend {
    /// A backend with no terminal has nothing to lend.
    public func suspend(_ work: () -> Void) { work() }
}
