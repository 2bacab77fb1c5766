import Foundation

/// Where "now" comes from. Injected so tests and the demo are deterministic.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The machine's wall clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always reads the same instant.
public struct FixedClock: WallClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}

/// A deterministic clock that moves on by `step` every time it is read, so
/// generated histories get distinct, repeatable times.
public final class SteppingClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private let step: TimeInterval

    public init(start: Date, step: TimeInterval = 0.001) {
        self.current = start
        self.step = step
    }

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        let reading = current
        current = current.addingTimeInterval(step)
        return reading
    }
}
