/// The curses values `wget_wch` reports, gathered in one place so the
/// decoder that maps them stays pure and testable without a terminal. The
/// curses backend fills this in from the C headers (`CursesKeyCodes.ncurses`).
public struct CursesKeyCodes: Hashable, Sendable {
    /// `OK`: the value is a wide character.
    public var ok: Int32
    /// `KEY_CODE_YES`: the value is a KEY_* code.
    public var codeYes: Int32
    public var resize: Int32
    public var up: Int32
    public var down: Int32
    public var left: Int32
    public var right: Int32
    public var home: Int32
    public var end: Int32
    public var pageDown: Int32
    public var pageUp: Int32
    public var backspace: Int32
    public var delete: Int32
    public var insert: Int32
    public var enter: Int32
    public var backTab: Int32
    /// `KEY_F(0)`; F*n* is `f0 + n`.
    public var f0: Int32
    /// Keypad corners: A1 upper left (Home), A3 upper right (PgUp), C1 lower left (End), C3 lower right (PgDn).
    public var a1: Int32
    public var a3: Int32
    public var c1: Int32
    public var c3: Int32
    /// Find and Select: what some terminals (rxvt, the Linux console) send for Home and End.
    public var find: Int32
    public var select: Int32

    /// Every value, as named in curses.h.
    public init(ok: Int32, codeYes: Int32, resize: Int32, up: Int32, down: Int32, left: Int32, right: Int32,
                home: Int32, end: Int32, pageDown: Int32, pageUp: Int32, backspace: Int32, delete: Int32,
                insert: Int32, enter: Int32, backTab: Int32, f0: Int32, a1: Int32, a3: Int32, c1: Int32, c3: Int32,
                find: Int32, select: Int32) {
        self.ok = ok
        self.codeYes = codeYes
        self.resize = resize
        self.up = up
        self.down = down
        self.left = left
        self.right = right
        self.home = home
        self.end = end
        self.pageDown = pageDown
        self.pageUp = pageUp
        self.backspace = backspace
        self.delete = delete
        self.insert = insert
        self.enter = enter
        self.backTab = backTab
        self.f0 = f0
        self.a1 = a1
        self.a3 = a3
        self.c1 = c1
        self.c3 = c3
        self.find = find
        self.select = select
    }
}
