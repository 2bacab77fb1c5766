import Foundation
import PlaceDomain
import XCTest

final class DateOfBirthTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_456_800)  // 2026-11-23

    func testAPastCalendarDateIsADateOfBirth() throws {
        XCTAssertNoThrow(try DateOfBirth.validate("1979-04-12", now: now))
        XCTAssertNoThrow(try DateOfBirth.validate("2024-02-29", now: now), "a leap day")
    }

    func testImpossibleMalformedAndFutureDatesAreRefused() {
        for text in ["2023-02-29", "1990-13-01", "1990-1-1", "12/04/1979", "", "2999-01-01", "2026-11-24"] {
            XCTAssertThrowsError(try DateOfBirth.validate(text, now: now), text) { error in
                XCTAssertEqual(error as? CaseRuleViolation, .invalidDateOfBirth(text))
                XCTAssertEqual((error as? CaseRuleViolation)?.code, "invalid-input")
            }
        }
    }
}
