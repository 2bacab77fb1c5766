import CNcurses

extension CursesKeyCodes {
    /// The values from the ncurses headers this program was built against.
    public static let ncurses = CursesKeyCodes(
        ok: Int32(thistle_ok()), codeYes: Int32(thistle_key_code_yes()), resize: Int32(thistle_key_resize()),
        up: Int32(thistle_key_up()), down: Int32(thistle_key_down()),
        left: Int32(thistle_key_left()), right: Int32(thistle_key_right()),
        home: Int32(thistle_key_home()), end: Int32(thistle_key_end()),
        pageDown: Int32(thistle_key_npage()), pageUp: Int32(thistle_key_ppage()),
        backspace: Int32(thistle_key_backspace()), delete: Int32(thistle_key_dc()), insert: Int32(thistle_key_ic()),
        enter: Int32(thistle_key_enter()), backTab: Int32(thistle_key_btab()), f0: Int32(thistle_key_f(0)),
        a1: Int32(thistle_key_a1()), a3: Int32(thistle_key_a3()), c1: Int32(thistle_key_c1()), c3: Int32(thistle_key_c3()),
        find: Int32(thistle_key_find()), select: Int32(thistle_key_select()))
}

extension CursesKeyDecoder {
    /// A decoder for the ncurses this program was built against.
    public init() { self.init(codes: .ncurses) }
}
