import Foundation

/// A hybrid logical clock timestamp: wall-clock milliseconds plus a counter.
/// It orders every op a device writes even when the wall clock stalls or
/// jumps back, and it absorbs timestamps seen from other devices, so an
/// op always sorts after the ops it was written on top of.
public struct HLCTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var millis: Int64
    public var counter: Int

    public init(millis: Int64, counter: Int) {
        self.millis = millis
        self.counter = counter
    }

    public static let zero = HLCTimestamp(millis: 0, counter: 0)

    /// The largest counter the fixed-width text form holds.
    public static let maxCounter = 99_999

    /// A counter past the text form's width moves on to the next millisecond,
    /// which keeps the order and the fixed width.
    var carried: HLCTimestamp {
        counter > Self.maxCounter ? HLCTimestamp(millis: millis + 1, counter: 0) : self
    }

    /// Fixed-width text that sorts like the timestamp: `0001732406400000-00000`.
    public var description: String {
        let millisText = String(millis)
        let counterText = String(counter)
        return String(repeating: "0", count: max(0, 16 - millisText.count)) + millisText + "-"
            + String(repeating: "0", count: max(0, 5 - counterText.count)) + counterText
    }

    /// Parses the text form; nil if it is not one.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 16, parts[1].count == 5,
            let millis = Int64(parts[0]), let counter = Int(parts[1]), millis >= 0, counter >= 0
        else { return nil }
        self.init(millis: millis, counter: counter)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.millis, lhs.counter) < (rhs.millis, rhs.counter)
    }
}

/// The state of one device's hybrid logical clock.
public struct HybridLogicalClock: Sendable {
    public private(set) var last: HLCTimestamp

    public init(last: HLCTimestamp = .zero) { self.last = last }

    /// The timestamp for a new local event at wall time `now`.
    public mutating func tick(now: Date) -> HLCTimestamp {
        let wall = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        if wall > last.millis {
            last = HLCTimestamp(millis: wall, counter: 0)
        } else {
            last = HLCTimestamp(millis: last.millis, counter: last.counter + 1).carried
        }
        return last
    }

    /// Absorbs a timestamp received from another device.
    public mutating func receive(_ remote: HLCTimestamp, now: Date) {
        let wall = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        let top = max(wall, last.millis, remote.millis)
        let counter: Int
        switch (top == last.millis, top == remote.millis) {
        case (true, true): counter = max(last.counter, remote.counter) + 1
        case (true, false): counter = last.counter + 1
        case (false, true): counter = remote.counter + 1
        case (false, false): counter = 0
        }
        last = HLCTimestamp(millis: top, counter: counter).carried
    }
}
