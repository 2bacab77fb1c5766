import TerminalUI
import XCTest

final class ByteKeyDecoderTests: XCTestCase {
    private func keys(_ text: String) -> [Key] { ByteKeyDecoder.keys(typing: text) }

    func testArrowKeysInBothCursorModes() {
        XCTAssertEqual(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D"), [.up, .down, .right, .left])
        XCTAssertEqual(keys("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD"), [.up, .down, .right, .left])
        XCTAssertEqual(keys("\u{1B}[1;5A"), [.up], "modifiers are ignored")
    }

    func testPagingHomeEndInsertDelete() {
        XCTAssertEqual(keys("\u{1B}[5~\u{1B}[6~"), [.pageUp, .pageDown])
        XCTAssertEqual(keys("\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OF"), [.home, .end, .home, .end])
        XCTAssertEqual(keys("\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~"), [.home, .end, .home, .end])
        XCTAssertEqual(keys("\u{1B}[2~\u{1B}[3~"), [.insert, .delete])
    }

    func testFunctionKeysOneToTwelve() {
        XCTAssertEqual(keys("\u{1B}OP\u{1B}OQ\u{1B}OR\u{1B}OS"), (1...4).map(Key.function))
        XCTAssertEqual(keys("\u{1B}[15~\u{1B}[17~\u{1B}[18~\u{1B}[19~\u{1B}[20~\u{1B}[21~\u{1B}[23~\u{1B}[24~"),
                       (5...12).map(Key.function))
        XCTAssertEqual(keys("\u{1B}[11~\u{1B}[[A"), [.function(1), .function(1)], "rxvt and Linux console")
    }

    func testShiftTab() {
        XCTAssertEqual(keys("\u{1B}[Z"), [.backTab])
    }

    func testControlKeys() {
        XCTAssertEqual(keys("\r\n\t\u{7F}\u{08}"), [.enter, .enter, .tab, .backspace, .backspace])
        XCTAssertEqual(keys("\u{10}\u{03}"), [.ctrl("p"), .ctrl("c")])
    }

    func testLoneEscapeIsTheEscapeKey() {
        XCTAssertEqual(keys("\u{1B}"), [.escape])
        XCTAssertEqual(keys("\u{1B}\u{1B}"), [.escape, .escape])
        XCTAssertEqual(keys("\u{1B}q"), [.escape, .character("q")], "Alt-q arrives as Esc then q")
        XCTAssertEqual(keys("\u{1B}["), [.escape, .character("[")], "an unfinished sequence is not swallowed")
    }

    func testUnknownSequencesAreNotTypedAsText() {
        XCTAssertEqual(keys("\u{1B}[99xa"), [.character("a")])
    }

    func testUTF8TextIncludingCJKAndEmoji() {
        XCTAssertEqual(keys("q?7"), [.character("q"), .character("?"), .character("7")])
        XCTAssertEqual(keys("北京"), [.character("北"), .character("京")])
        XCTAssertEqual(keys("👍🇬🇧👩‍👩‍👧"), [.character("👍"), .character("🇬🇧"), .character("👩‍👩‍👧")])
        XCTAssertEqual(keys("cafe\u{0301}"), "café".map(Key.character))
    }

    func testTextAndKeysMixed() {
        XCTAssertEqual(keys("ab\u{1B}[Dc\r"), [.character("a"), .character("b"), .left, .character("c"), .enter])
    }

    func testInvalidUTF8BecomesReplacementCharacters() {
        XCTAssertEqual(ByteKeyDecoder().decode([0x61, 0xFF, 0x62]), [.character("a"), .character("\u{FFFD}"), .character("b")])
    }
}
