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

    /// How the loop ended.
    public enum Ending: Equatable {
        case quit
        case interrupted
        /// Quit while the terminal was too small to show anything else.
        case quitTooSmall(Size)
    }

    public init(state: AppState, backend: any TerminalBackend, effects: StoreEffects, waker: Waker?) {
        self.state = state
        self.backend = backend
        self.effects = effects
        self.waker = waker
    }

    public func run() -> Ending {
        state.size = backend.size
        run(state.start())
        while true {
            var canvas = Canvas(size: state.size)
            state.view(into: &canvas)
            backend.present(canvas)
            switch backend.nextEvent() {
            case .key(let key):
                run(state.update(.key(key)))
            case .resize(let size):
                run(state.update(.resized(size)))
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

    /// Waits for every effect already started, so a write the user asked
    /// for before quitting is saved before the program ends.
    private func finishPendingWork() {
        queue.sync {}
    }

    private func run(_ pending: [Effect]) {
        for effect in pending where effect != .quit {
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
