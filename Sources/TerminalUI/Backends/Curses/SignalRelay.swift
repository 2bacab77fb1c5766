#if canImport(Glibc)
import Glibc
#endif

/// What the signal handlers may touch: plain memory, allocated before any
/// handler is installed and never freed, so a handler never allocates,
/// retains or takes a lock. Handlers call only async-signal-safe functions
/// (write, tcsetattr, sigaction, raise).
struct SignalState {
    var pipeWrite: Int32 = -1
    /// Set by SIGINT/SIGTERM, cleared when the app next asks for an event; a
    /// second signal while it is still set means the app is stuck.
    var unreadInterrupt: Int32 = 0
    /// Set while curses owns the terminal, so there is something to restore.
    var cursesActive: Int32 = 0
    /// sgr0, cnorm, rmkx, rmcup for this terminal: what endwin would send.
    var restoreBytes: UnsafeMutablePointer<UInt8>?
    var restoreCount = 0
    var savedTermios = termios()
    var hasSavedTermios: Int32 = 0
}

nonisolated(unsafe) let signalState: UnsafeMutablePointer<SignalState> = {
    let state = UnsafeMutablePointer<SignalState>.allocate(capacity: 1)
    state.initialize(to: SignalState())
    return state
}()

private let signalSlots = 65

/// Each signal's disposition before ours, to chain to and to put back.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
    actions.initialize(repeating: sigaction(), count: signalSlots)
    return actions
}()

nonisolated(unsafe) private var installedSignals = Set<Int32>()

/// Turns signals into bytes on the self-pipe (so the input loop sees them as
/// events) and restores the terminal on the way out of a crash or a stuck app.
enum SignalRelay {
    /// Signals that ask the app to quit; they become `.interrupt` or `.terminate`.
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Signals that end the process at once; the terminal is restored first.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Routes quit signals to `pipeWrite`. Called before curses starts, so
    /// ncurses sees handlers in place and does not install its own, which
    /// would end the process on Ctrl-C without letting the app quit cleanly.
    static func start(pipeWrite: Int32, savedTermios: termios?) {
        // Touch the globals now: their lazy initialisation is not signal-safe.
        _ = previousActions
        signalState.pointee.pipeWrite = pipeWrite
        signalState.pointee.unreadInterrupt = 0
        if let savedTermios {
            signalState.pointee.savedTermios = savedTermios
            signalState.pointee.hasSavedTermios = 1
        }
        for signal in quitSignals {
            install(signal) { $0.__sigaction_handler = .init(sa_handler: handleQuitSignal) }
        }
    }

    /// Once curses owns the screen: keeps what undoes it for emergencies,
    /// wakes the loop on SIGWINCH (chaining to ncurses's handler, which is what
    /// makes wget_wch report KEY_RESIZE), and restores the screen on a crash.
    static func cursesStarted(restoreSequence: [UInt8]) {
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, restoreSequence.count))
        bytes.initialize(from: restoreSequence, count: restoreSequence.count)
        signalState.pointee.restoreBytes?.deallocate()
        signalState.pointee.restoreBytes = bytes
        signalState.pointee.restoreCount = restoreSequence.count
        signalState.pointee.cursesActive = 1
        install(SIGWINCH) { $0.__sigaction_handler = .init(sa_handler: handleWindowChange) }
        for signal in crashSignals {
            install(signal) {
                $0.__sigaction_handler = .init(sa_sigaction: handleCrash)
                $0.sa_flags |= SA_SIGINFO
            }
        }
    }

    /// The app came back for an event, so it is not stuck.
    static func appIsListening() {
        signalState.pointee.unreadInterrupt = 0
    }

    /// Marks curses as gone and puts every signal's old disposition back.
    static func stop() {
        signalState.pointee.cursesActive = 0
        for signal in installedSignals {
            _ = sigaction(signal, previousActions + Int(signal), nil)
        }
        installedSignals.removeAll()
        signalState.pointee.pipeWrite = -1
    }

    private static func install(_ signal: Int32, _ configure: (inout sigaction) -> Void) {
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        // Restart interrupted reads and writes elsewhere in the app (SQLite,
        // files); poll() still returns early, and the pipe byte wakes it anyway.
        action.sa_flags = SA_RESTART
        configure(&action)
        var previous = sigaction()
        guard sigaction(signal, &action, &previous) == 0 else { return }
        if !installedSignals.contains(signal) {
            previousActions[Int(signal)] = previous
            installedSignals.insert(signal)
        }
    }
}

/// Puts the terminal back without curses (endwin is not signal-safe): the
/// saved escape sequence and the saved terminal modes.
private func restoreTerminalFromSignal() {
    let state = signalState
    guard state.pointee.cursesActive != 0 else { return }
    state.pointee.cursesActive = 0
    if let bytes = state.pointee.restoreBytes { _ = write(1, bytes, state.pointee.restoreCount) }
    if state.pointee.hasSavedTermios != 0 { _ = tcsetattr(0, TCSANOW, &state.pointee.savedTermios) }
}

private func handleQuitSignal(_ signal: Int32) {
    let savedErrno = errno
    defer { errno = savedErrno }
    let state = signalState
    if state.pointee.unreadInterrupt != 0 {
        // The app has not come back for the first one: it is stuck. Give the
        // user their terminal back and die of the signal, as they asked.
        restoreTerminalFromSignal()
        var action = sigaction()
        action.__sigaction_handler = .init(sa_handler: nil)  // SIG_DFL
        _ = sigaction(signal, &action, nil)
        _ = raise(signal)
        return
    }
    state.pointee.unreadInterrupt = 1
    var byte = signal == SIGINT ? PipeMessage.interrupt : PipeMessage.terminate
    _ = write(state.pointee.pipeWrite, &byte, 1)
}

private func handleWindowChange(_ signal: Int32) {
    let savedErrno = errno
    defer { errno = savedErrno }
    let previous = previousActions[Int(signal)]
    if previous.sa_flags & SA_SIGINFO != 0 {
        previous.__sigaction_handler.sa_sigaction?(signal, nil, nil)
    } else if let handler = previous.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) != 1 {
        handler(signal)  // not SIG_IGN (1); SIG_DFL is nil
    }
    var byte = PipeMessage.resize
    _ = write(signalState.pointee.pipeWrite, &byte, 1)
}

private func handleCrash(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    restoreTerminalFromSignal()
    _ = sigaction(signal, previousActions + Int(signal), nil)
    // A fault recurs when this returns and reaches the previous handler (the
    // Swift runtime's backtracer, or the default core dump); a signal that
    // was sent, abort() included, has to be raised again.
    if (info?.pointee.si_code ?? 0) <= 0 { _ = raise(signal) }
}
