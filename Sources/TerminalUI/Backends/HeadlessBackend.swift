import Foundation

/// The terminal as a test sees it: events come from a script, and presented
/// canvases are kept as text. Ships beside `CursesBackend` and diffs the same
/// way, so tests exercise the real interface, not a stand-in for it.
public final class HeadlessBackend: TerminalBackend, @unchecked Sendable {
    // @unchecked: every mutable property is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [TerminalEvent] = []
    private var currentSize: Size
    private var presented: Canvas?
    private var presents = 0
    private var cellsWritten = 0
    private var isShutDown = false
    private var timeout: TimeInterval = 0

    /// How long `nextEvent()` waits for an event (posted from another thread)
    /// before it ends the loop with `.terminate`; 0 returns at once.
    public var idleTimeout: TimeInterval {
        get { locked { timeout } }
        set { locked { timeout = newValue } }
    }

    /// A screen of `size`, with no events queued.
    public init(size: Size) {
        currentSize = size
    }

    public var size: Size { locked { currentSize } }

    /// Changes the screen size and queues the `.resize` a terminal would send.
    public func resize(to newSize: Size) {
        locked {
            currentSize = newSize
            queue.append(.resize(newSize))
        }
        condition.broadcast()
    }

    /// Queues events for `nextEvent()` to return in order.
    public func enqueue(_ events: [TerminalEvent]) {
        locked { queue += events }
        condition.broadcast()
    }

    /// Queues one key press for each key.
    public func press(_ keys: Key...) { enqueue(keys.map(TerminalEvent.key)) }

    /// Queues clicks or turns of the wheel, as a terminal would report them.
    public func mouse(_ events: MouseEvent...) { enqueue(events.map(TerminalEvent.mouse)) }

    /// Queues the keys `text` produces when typed; escape sequences such as
    /// "\u{1B}[A" (↑) are decoded as a terminal would send them.
    public func type(_ text: String) { enqueue(ByteKeyDecoder.keys(typing: text).map(TerminalEvent.key)) }

    /// A waker that queues `.wake`, as background work would.
    public var waker: Waker {
        Waker { [weak self] in self?.enqueue([.wake]) }
    }

    public func present(_ canvas: Canvas) {
        locked {
            // Same rule as the terminal: after a resize everything is redrawn.
            let previous = presented?.size == currentSize ? presented : nil
            cellsWritten = CanvasDiff(from: previous, to: canvas).cellCount
            presented = canvas
            presents += 1
        }
    }

    /// The next queued event; `.terminate` once the queue is empty (after
    /// waiting up to `idleTimeout`), so an app loop under test always ends.
    public func nextEvent() -> TerminalEvent {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while queue.isEmpty, timeout > 0, condition.wait(until: deadline) {}
        return queue.isEmpty ? .terminate : queue.removeFirst()
    }

    public func shutdown() { locked { isShutDown = true } }

    /// The last presented screen as plain text.
    public var screenText: String { locked { presented?.text() ?? "" } }
    /// The last presented canvas.
    public var presentedCanvas: Canvas? { locked { presented } }
    /// How many times `present` was called.
    public var presentCount: Int { locked { presents } }
    /// Cells the last present had to write: everything after a resize, only the changes otherwise.
    public var lastPresentCellCount: Int { locked { cellsWritten } }
    /// Whether `shutdown()` was called.
    public var didShutDown: Bool { locked { isShutDown } }
    /// Events queued and not yet taken.
    public var pendingEvents: [TerminalEvent] { locked { queue } }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        defer { condition.unlock() }
        return try body()
    }
}
