import Foundation
import PlaceDomain
import XCTest

final class ClockAndIDTests: XCTestCase {
    func testHLCStaysMonotonicWhenTheWallClockJumpsBack() {
        var clock = HybridLogicalClock()
        let first = clock.tick(now: Date(timeIntervalSince1970: 1000))
        let second = clock.tick(now: Date(timeIntervalSince1970: 900))
        let third = clock.tick(now: Date(timeIntervalSince1970: 900))
        XCTAssertLessThan(first, second)
        XCTAssertLessThan(second, third)
        XCTAssertEqual(second.millis, first.millis)
    }

    func testHLCAbsorbsARemoteTimestampFromTheFuture() {
        var clock = HybridLogicalClock()
        _ = clock.tick(now: Date(timeIntervalSince1970: 1000))
        let remote = HLCTimestamp(millis: 5_000_000, counter: 4)
        clock.receive(remote, now: Date(timeIntervalSince1970: 1000))
        let next = clock.tick(now: Date(timeIntervalSince1970: 1000))
        XCTAssertGreaterThan(next, remote)
    }

    func testHLCTextSortsLikeTheTimestampAndParsesBack() {
        let stamps = [
            HLCTimestamp(millis: 9, counter: 10), HLCTimestamp(millis: 10, counter: 2),
            HLCTimestamp(millis: 10, counter: 11), HLCTimestamp(millis: 1_795_456_800_000, counter: 0),
        ]
        XCTAssertEqual(stamps.map(\.description).sorted(), stamps.sorted().map(\.description))
        XCTAssertEqual(stamps.map { HLCTimestamp($0.description) }, stamps)
        XCTAssertNil(HLCTimestamp("not-a-time"))
    }

    func testHLCCounterOverflowCarriesIntoTheNextMillisecond() {
        var clock = HybridLogicalClock(last: HLCTimestamp(millis: 5, counter: HLCTimestamp.maxCounter))
        let next = clock.tick(now: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(next, HLCTimestamp(millis: 6, counter: 0))
        XCTAssertEqual(next.description.count, 22)
    }

    func testUUIDv7IdsAreWellFormedDeterministicAndTimeOrdered() {
        func ids(seed: UInt64) -> [String] {
            let clock = SteppingClock(start: Date(timeIntervalSince1970: 1_795_456_800), step: 0.002)
            var source = UUIDv7Source(clock: clock, random: SeededRandom(seed: seed))
            return (0..<50).map { _ in source.next() }
        }
        let first = ids(seed: 1)
        XCTAssertEqual(first, ids(seed: 1), "the same seed and clock give the same ids")
        XCTAssertNotEqual(first, ids(seed: 2))
        XCTAssertEqual(first, first.sorted(), "later ids sort after earlier ones")
        for id in first {
            XCTAssertEqual(id.count, 36)
            XCTAssertEqual(Array(id)[14], "7", "version 7")
            XCTAssertTrue("89ab".contains(Array(id)[19]), "RFC 4122 variant")
        }
        XCTAssertEqual(Set(first).count, first.count)
    }

    /// Hashes and tags are hexed by hand: the same text `String(format: "%02x")` gave, which
    /// audit entries, search tokens and kept sign-ins written before still hold.
    func testHexDigitsAreWhatFormatGave() {
        var random = SeededRandom(seed: 3)
        for length in [0, 1, 8, 32, 257] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            XCTAssertEqual(bytes.hexDigits, bytes.map { String(format: "%02x", $0) }.joined())
        }
        XCTAssertEqual([0x00, 0x0f, 0xa0, 0xff].hexDigits, "000fa0ff")
    }
}
