import TerminalUI
import XCTest

final class TruncateAndWrapTests: XCTestCase {
    func testTextThatFitsIsUnchanged() {
        XCTAssertEqual(truncate("Leven", toWidth: 5), "Leven")
        XCTAssertEqual(truncate("北京", toWidth: 4), "北京")
    }

    func testLongTextEndsInEllipsis() {
        XCTAssertEqual(truncate("Kirkcaldy", toWidth: 6), "Kirkc…")
        XCTAssertEqual(displayWidth(of: truncate("Kirkcaldy", toWidth: 6)), 6)
        XCTAssertEqual(truncate("Kirkcaldy", toWidth: 1), "…")
        XCTAssertEqual(truncate("Kirkcaldy", toWidth: 0), "")
        XCTAssertEqual(truncate("Kirkcaldy", toWidth: -3), "")
    }

    func testTruncationWithoutEllipsisJustCuts() {
        XCTAssertEqual(truncate("Kirkcaldy", toWidth: 4, ellipsis: false), "Kirk")
    }

    func testWideCharacterThatDoesNotFitIsDropped() {
        XCTAssertEqual(truncate("北京市", toWidth: 4), "北…")
        XCTAssertEqual(truncate("北京市", toWidth: 5), "北京…")
        XCTAssertEqual(truncate("北京市", toWidth: 3, ellipsis: false), "北")
        XCTAssertEqual(truncate("👍👍", toWidth: 3, ellipsis: false), "👍")
    }

    func testTruncationNeverSplitsAGrapheme() {
        XCTAssertEqual(truncate("cafe\u{0301}s", toWidth: 4, ellipsis: false), "cafe\u{0301}")
        XCTAssertEqual(truncate("👩‍👩‍👧 family", toWidth: 3), "👩‍👩‍👧…")
        XCTAssertEqual(truncate("🇬🇧🇫🇷", toWidth: 3, ellipsis: false), "🇬🇧")
    }

    func testWrappingBreaksBetweenWords() {
        XCTAssertEqual(wrap("the quick brown fox jumps", toWidth: 10), ["the quick", "brown fox", "jumps"])
        XCTAssertEqual(wrap("one\ntwo three", toWidth: 20), ["one", "two three"])
        XCTAssertEqual(wrap("", toWidth: 5), [""])
        XCTAssertEqual(wrap("anything", toWidth: 0), [])
    }

    func testWrappingBreaksWordsLongerThanALine() {
        XCTAssertEqual(wrap("abcdefghij", toWidth: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(wrap("北京北京", toWidth: 3), ["北", "京", "北", "京"])
    }
}
