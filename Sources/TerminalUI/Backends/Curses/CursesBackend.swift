import CNcurses
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncursesw. The only code that talks to curses.
///
/// Choices, and why:
/// - The terminal is checked (`isatty`, TERM, terminfo) before curses is
///   touched, and `newterm` is used rather than `initscr`, which prints and
///   exits the whole process when it fails; here failure is a typed error.
/// - `setlocale(LC_ALL, "")` comes first, else curses treats every byte as
///   Latin-1 and wide characters come out as garbage.
/// - `cbreak` (not `raw`): Ctrl-C still sends SIGINT, so a stuck app can be
///   interrupted; the handler turns it into `.interrupt` so the app quits
///   cleanly, and a second Ctrl-C while the app is stuck restores the terminal
///   and ends the process. Ctrl-Z keeps working through ncurses's own handler.
/// - Flow control off, so Ctrl-S and Ctrl-Q are keys, not a frozen screen.
/// - `noecho`, `nonl` (Enter arrives as CR and newlines do not move the
///   cursor), `keypad` (arrows arrive as KEY_* codes), `set_escdelay(25)`
///   (Esc answers at once rather than after ncurses's default second),
///   `curs_set(0)` (widgets draw their own cursor).
/// - Input is read on the caller's thread: `poll` on the terminal and a
///   self-pipe, then non-blocking `wget_wch` until nothing is left. The
///   waker and the signal handlers write one byte to the pipe, because
///   nothing in curses may be called from another thread or a signal handler.
/// - SIGWINCH stays ncurses's (it makes `wget_wch` report KEY_RESIZE); a
///   wrapper also writes to the pipe, because the signal may land on another
///   thread and leave `poll` asleep.
/// - `present` writes only the runs that changed, then one `doupdate`; after
///   a resize everything is redrawn.
/// - `endwin` runs exactly once: from `shutdown()` (the caller's defer), from
///   `deinit`, or from an `atexit` hook; on a crash or a second signal the
///   handlers write the saved restore sequence instead, endwin not being
///   signal-safe.
public final class CursesBackend: TerminalBackend {
    public private(set) var size: Size
    /// Wakes `nextEvent()` from any thread with `.wake`.
    public let waker: Waker

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let pipe: SelfPipe
    private let painter: CursesPainter
    private let decoder = CursesKeyDecoder()
    private var pending: [TerminalEvent] = []
    private var previous: Canvas?
    private var isShutDown = false

    /// Why the terminal described by `environment` and file descriptors 0
    /// and 1 cannot be used, or nil if it can. Touches no screen state, so a
    /// command can check this before doing anything else.
    public static func unusableTerminal(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> TerminalSetupError? {
        guard isatty(0) == 1, isatty(1) == 1 else { return .notATerminal }
        let term = environment["TERM"] ?? ""
        if term.isEmpty { return .unknownTerminal("") }
        if term == "dumb" { return .dumbTerminal }
        if thistle_terminfo_knows(term, 1) == 0 { return .unknownTerminal(term) }
        return nil
    }

    /// Takes over the terminal: full screen, keys unbuffered, colours unless
    /// `NO_COLOR` is set. Throws before writing anything if the terminal cannot be used.
    /// With `mouse`, clicks and the wheel arrive as events (the terminal's
    /// own selection then needs Shift held, as in most terminal programs).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, theme: Theme = .auto,
                mouse: Bool = true) throws(TerminalSetupError)
    {
        if let problem = Self.unusableTerminal(environment: environment) { throw problem }
        let speaksUTF8 = Self.useUTF8Locale()
        let term = environment["TERM"] ?? ""

        var original = termios()
        let haveOriginal = tcgetattr(0, &original) == 0
        let pipe = SelfPipe()
        SignalRelay.start(pipeWrite: pipe.writeEnd, savedTermios: haveOriginal ? original : nil)
        guard let screen = newterm(term, thistle_stdout(), thistle_stdin()) else {
            SignalRelay.stop()
            pipe.close()
            throw .unknownTerminal(term)
        }
        _ = set_term(screen)
        guard let window = thistle_stdscr() else {
            endwin()
            delscreen(screen)
            SignalRelay.stop()
            pipe.close()
            throw .unknownTerminal(term)
        }
        self.screen = screen
        self.window = window
        self.pipe = pipe
        waker = Waker { [pipe] in pipe.send(PipeMessage.wake) }

        _ = cbreak()
        _ = noecho()
        _ = nonl()
        Self.passFlowControlKeys()
        _ = keypad(window, true)
        _ = nodelay(window, true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        thistle_mouse_on(mouse ? 1 : 0)
        painter = CursesPainter(palette: Self.palette(environment, theme), asciiOnly: !speaksUTF8)

        var rows: Int32 = 0, columns: Int32 = 0
        thistle_getmaxyx(window, &rows, &columns)
        size = Size(width: Int(columns), height: Int(rows))
        SignalRelay.cursesStarted(restoreSequence: Self.restoreSequence())
        Self.registerExitHook()
    }

    deinit { shutdown() }

    public func present(_ canvas: Canvas) {
        guard !isShutDown else { return }
        if previous?.size != canvas.size {
            // First frame, or a new size: clear what is there and repaint all.
            previous = nil
            _ = werase(window)
            _ = clearok(window, true)
        }
        painter.paint(canvas.changes(from: previous), in: window)
        _ = wnoutrefresh(window)
        _ = doupdate()
        previous = canvas
    }

    public func nextEvent() -> TerminalEvent {
        SignalRelay.appIsListening()
        while pending.isEmpty && !isShutDown {
            readKeys()
            if pending.isEmpty { waitForInput() }
        }
        return pending.isEmpty ? .terminate : pending.removeFirst()
    }

    public func suspend(_ work: () -> Void) {
        guard !isShutDown else { return work() }
        // While the other program has it, the terminal is not ours to restore on a signal.
        signalState.pointee.cursesActive = 0
        _ = def_prog_mode()
        _ = endwin()
        work()
        _ = reset_prog_mode()
        signalState.pointee.cursesActive = 1
        previous = nil
        _ = werase(window)
        _ = clearok(window, true)
    }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        let wasActive = signalState.pointee.cursesActive != 0
        SignalRelay.stop()
        if wasActive { _ = endwin() }
        delscreen(screen)
        pipe.close()
    }

    /// Sleeps until the terminal or the pipe has something. EINTR (a signal)
    /// just returns: the caller reads keys again, which is where a resize shows up.
    private func waitForInput() {
        var fds = [
            pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
            pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        guard poll(&fds, 2, -1) > 0 else { return }
        if fds[1].revents & Int16(POLLIN) != 0 {
            let messages = pipe.drain()
            if messages.contains(PipeMessage.interrupt) { pending.append(.interrupt) }
            if messages.contains(PipeMessage.terminate) { pending.append(.terminate) }
            if messages.contains(PipeMessage.wake) { pending.append(.wake) }
        }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0, fds[0].revents & Int16(POLLIN) == 0 {
            // The terminal went away (window closed): nothing more will come.
            pending.append(.terminate)
        }
    }

    /// Takes every key curses has ready, without waiting.
    private func readKeys() {
        var keys: [Key] = []
        while true {
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == thistle_err() { break }
            if status == decoder.codes.codeYes, Int32(exactly: value) == thistle_key_mouse() {
                var x: Int32 = 0, y: Int32 = 0
                let kinds: [Int32: MouseEvent.Kind] = [1: .click, 4: .wheelUp, 5: .wheelDown]
                if let kind = kinds[thistle_mouse_event(&x, &y)] {
                    pending += Key.joiningGraphemes(keys).map(TerminalEvent.key)
                    keys = []
                    pending.append(.mouse(MouseEvent(kind, x: Int(x), y: Int(y))))
                }
                continue
            }
            switch decoder.decode(status: status, value: UInt32(value)) {
            case .key(let key):
                keys.append(key)
            case .resize:
                pending += Key.joiningGraphemes(keys).map(TerminalEvent.key)
                keys = []
                var rows: Int32 = 0, columns: Int32 = 0
                thistle_getmaxyx(window, &rows, &columns)
                size = Size(width: Int(columns), height: Int(rows))
                previous = nil
                pending.append(.resize(size))
            case nil:
                continue
            }
        }
        pending += Key.joiningGraphemes(keys).map(TerminalEvent.key)
    }

    /// `LC_ALL` from the environment; if that is not UTF-8 (LANG=C, say), C.UTF-8
    /// for the character type, so curses still measures and keeps graphemes,
    /// and false: the screen is then drawn in ASCII (`CursesPainter`), as the
    /// terminal may not show anything else.
    private static func useUTF8Locale() -> Bool {
        guard TerminalFacts.localeSpeaksUTF8() else {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
            return false
        }
        return true
    }

    /// Ctrl-S, Ctrl-Q and Ctrl-V reach the app as keys instead of freezing
    /// output or quoting the next key (IXON, IEXTEN); `def_prog_mode` makes
    /// ncurses keep this when it resumes after Ctrl-Z.
    private static func passFlowControlKeys() {
        var mode = termios()
        guard tcgetattr(0, &mode) == 0 else { return }
        mode.c_iflag &= ~tcflag_t(IXON)
        mode.c_lflag &= ~tcflag_t(IEXTEN)
        guard tcsetattr(0, TCSANOW, &mode) == 0 else { return }
        _ = def_prog_mode()
    }

    /// No colours with `NO_COLOR` set (no-color.org), or on a terminal without them.
    private static func palette(_ environment: [String: String], _ theme: Theme) -> CursesPainter.Palette {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        guard theme != .mono, has_colors() else { return .monochrome }
        _ = start_color()
        let resolved = theme.resolved(colours: Int(thistle_colors()))
        guard resolved != .mono else { return .monochrome }
        return .colors(defaultColors: use_default_colors() != thistle_err(), theme: resolved)
    }

    /// What endwin would send, for the signal handlers to write themselves.
    private static func restoreSequence() -> [UInt8] {
        ["sgr0", "cnorm", "rmkx", "rmcup"].flatMap { name -> [UInt8] in
            guard let value = thistle_tigetstr(name) else { return [] }
            return Array(String(cString: value).utf8)
        }
    }

    nonisolated(unsafe) private static var exitHookRegistered = false

    /// An exit() anywhere (ArgumentParser's, a library's) still ends curses.
    private static func registerExitHook() {
        guard !exitHookRegistered else { return }
        exitHookRegistered = true
        atexit {
            if signalState.pointee.cursesActive != 0 {
                signalState.pointee.cursesActive = 0
                _ = endwin()
            }
        }
    }
}
