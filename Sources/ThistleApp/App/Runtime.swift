import Dispatch
import Foundation
import TerminalUI

/// Runs the loop: a message goes through `update`, its effects run on a
/// background queue against the store, their results come back as
/// messages through the backend's waker, and every pass ends with `view`
/// drawn into a canvas that the backend writes the difference of.
public final class Runtime {
    private var state: AppState
    private let backend: any TerminalBackend
    private let effects: StoreEffects
    private let mailbox = Mailbox()
    private let waker: Waker?
    private let queue = DispatchQueue(label: "thistle.effects")
    private let idleLock: TimeInterval?
    private let editor: (EditorRequest) -> EditorResult
    private let lastInput = LastInput()
    private var idleTimer: (any DispatchSourceTimer)?

    /// How the loop ended.
    public enum Ending: Equatable {
        case quit
        case interrupted
        /// Quit while the terminal was too small to show anything else.
        case quitTooSmall(Size)
    }

    /// With `idleLock`, the workspace locks after that long without a key.
    /// `editor` writes a long text (the user's `$VISUAL` or `$EDITOR` unless given).
    public init(state: AppState, backend: any TerminalBackend, effects: StoreEffects, waker: Waker?,
                idleLock: TimeInterval? = nil, editor: @escaping (EditorRequest) -> EditorResult = { ExternalEditor.edit($0) }) {
        self.editor = editor
        self.state = state
        self.backend = backend
        self.effects = effects
        self.waker = waker
        self.idleLock = idleLock
    }

    public func run() -> Ending {
        state.size = backend.size
        startIdleTimer()
        defer { idleTimer?.cancel() }
        run(state.start())
        while true {
            var canvas = Canvas(size: state.size)
            state.view(into: &canvas)
            backend.present(canvas)
            switch backend.nextEvent() {
            case .key(let key):
                lastInput.touch()
                run(state.update(.key(key)))
            case .resize(let size):
                run(state.update(.resized(size)))
            case .mouse(let event):
                lastInput.touch()
                run(state.update(.mouse(event)))
            case .wake:
                for message in mailbox.drain() { run(state.update(message)) }
            case .interrupt, .terminate:
                finishPendingWork()
                return .interrupted
            }
            if state.isQuitting {
                finishPendingWork()
                return state.isTooSmall ? .quitTooSmall(state.size) : .quit
            }
        }
    }

    /// Looks every few seconds whether the idle time has passed since the
    /// last key, and if so tells the app, which locks.
    private func startIdleTimer() {
        guard let idleLock else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "thistle.idle"))
        let every = max(1, min(30, idleLock / 4))
        let (mailbox, waker, lastInput) = (self.mailbox, self.waker, self.lastInput)
        timer.schedule(deadline: .now() + every, repeating: every)
        timer.setEventHandler {
            guard lastInput.unused(for: idleLock) else { return }
            mailbox.post(.idle)
            waker?.wake()
        }
        timer.resume()
        idleTimer = timer
    }

    /// Waits for every effect already started, so a write the user asked
    /// for before quitting is saved before the program ends.
    private func finishPendingWork() {
        queue.sync {}
    }

    private func run(_ pending: [Effect]) {
        for effect in pending where effect != .quit {
            if case .openEditor(let request) = effect {
                // Here, on the thread that owns the terminal, which waits for the editor.
                var result = EditorResult.empty
                backend.suspend { result = editor(request) }
                lastInput.touch()
                run(state.update(.edited(result)))
                continue
            }
            let effects = self.effects
            let mailbox = self.mailbox
            let waker = self.waker
            queue.async {
                guard let message = effects.perform(effect) else { return }
                mailbox.post(message)
                waker?.wake()
            }
        }
    }
}

/// Messages from effects, waiting for the UI thread.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []

    func post(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    func drain() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let drained = messages
        messages = []
        return drained
    }
}

/// When the last key came, read by the idle timer's thread.
final class LastInput: @unchecked Sendable {
    private let lock = NSLock()
    private var at = Date()

    func touch() {
        lock.lock()
        at = Date()
        lock.unlock()
    }

    func unused(for interval: TimeInterval) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return Date().timeIntervalSince(at) >= interval
    }
}
