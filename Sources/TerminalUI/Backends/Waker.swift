/// Wakes a backend's event loop from any thread, so results of background
/// work get handled: `nextEvent()` returns `.wake`. Wakes that arrive before
/// the loop gets to them may be merged into one.
public final class Waker: @unchecked Sendable {
    // @unchecked: the only state is an immutable @Sendable closure.
    private let action: @Sendable () -> Void

    /// A waker that runs `action`, which must be thread-safe, on every `wake()`.
    public init(_ action: @escaping @Sendable () -> Void) {
        self.action = action
    }

    /// Posts `.wake` to the backend's loop. Thread-safe.
    public func wake() { action() }
}
