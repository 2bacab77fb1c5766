import Foundation
import PlaceDomain
import XCTest

/// The hand-written ISO 8601 times read and write exactly what Foundation's `.iso8601` style does.
final class ISOTimeTests: XCTestCase {
    func testWritesWhatFoundationWrites() {
        var generator = SystemRandomNumberGenerator()
        var times: [TimeInterval] = [0, -1, -0.5, 0.999, 86_399.9, 951_782_400, 4_107_542_399, -2_208_988_800, -62_135_596_800,
                                     253_402_300_799, 253_402_300_800, -62_135_596_801]
        times += (0..<5_000).map { _ in TimeInterval.random(in: -62_135_596_800...253_402_300_799, using: &generator) }
        for time in times {
            let date = Date(timeIntervalSince1970: time)
            XCTAssertEqual(ISOTime.string(date), date.formatted(.iso8601), "\(time)")
        }
    }

    func testReadsWhatFoundationReads() {
        let texts = [
            "2025-03-01T09:30:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2024-02-29T12:00:00Z",
            "2025-02-29T12:00:00Z", "2025-02-30T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z",
            "2025-01-00T00:00:00Z", "2025-01-01T24:00:00Z", "2025-01-01T23:60:00Z", "2025-01-01T23:59:60Z",
            "2025-01-01T23:59:59", "2025-01-01 23:59:59Z", "2025-01-01T23:59:59z", "2025-01-01T23:59:59.5Z",
            "2025-01-01T23:59:59+01:00", "+025-01-01T23:59:59Z", "2025-1-01T23:59:59Z", "", "2025-01-01",
            "２025-01-01T23:59:59Z",
        ]
        for text in texts {
            XCTAssertEqual(ISOTime.date(text), try? Date(text, strategy: .iso8601), text)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: TimeInterval(Int.random(in: -2_208_988_800...4_102_444_800, using: &generator)))
            let text = date.formatted(.iso8601)
            XCTAssertEqual(ISOTime.date(text), date, text)
        }
    }
}
