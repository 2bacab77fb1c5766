import Foundation

/// Makes new ids. Injected so tests and the demo are deterministic.
public protocol IDSource: Sendable {
    mutating func next() -> String
}

/// UUIDv7 ids: time-ordered (48-bit Unix milliseconds first) so new rows
/// sort after old ones, with the remaining bits from a random source.
public struct UUIDv7Source<Random: RandomNumberGenerator & Sendable>: IDSource {
    private let clock: any WallClock
    private var random: Random

    public init(clock: any WallClock, random: Random) {
        self.clock = clock
        self.random = random
    }

    public mutating func next() -> String {
        let millis = UInt64(max(0, clock.now().timeIntervalSince1970 * 1000))
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 {
            bytes[index] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - index)))
        }
        for index in 6..<16 {
            // What `UInt8.random(in: 0...255, using:)` returns, without its generic range arithmetic.
            bytes[index] = UInt8(truncatingIfNeeded: random.next())
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        // 8-4-4-4-12 lowercase hex, written directly: ids are made for every op and audit row.
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A small, fast, seedable generator (SplitMix64) for deterministic ids.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Real randomness for ids made on a user's machine.
public struct SystemRandom: RandomNumberGenerator, Sendable {
    public init() {}
    public mutating func next() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}
