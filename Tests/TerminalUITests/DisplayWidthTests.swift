import TerminalUI
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIILettersTakeOneCellEach() {
        XCTAssertEqual(displayWidth(of: "Thistle"), 7)
        XCTAssertEqual(displayWidth(of: ""), 0)
        XCTAssertEqual(displayWidth(of: Character(" ")), 1)
    }

    func testWideCharactersTakeTwoCells() {
        XCTAssertEqual(displayWidth(of: "北京"), 4)
        XCTAssertEqual(displayWidth(of: "한국어"), 6)
        XCTAssertEqual(displayWidth(of: "ひらがなカタカナ"), 16)
        XCTAssertEqual(displayWidth(of: "ＡＢ"), 4, "fullwidth forms")
        XCTAssertEqual(displayWidth(of: "北京 Beijing"), 12)
    }

    func testEmojiTakeTwoCells() {
        XCTAssertEqual(displayWidth(of: Character("👍")), 2)
        XCTAssertEqual(displayWidth(of: Character("👍🏽")), 2, "skin tone modifier")
        XCTAssertEqual(displayWidth(of: Character("👩‍👩‍👧")), 2, "ZWJ family is one picture")
        XCTAssertEqual(displayWidth(of: Character("🇬🇧")), 2, "flag of two regional indicators")
        XCTAssertEqual(displayWidth(of: Character("❤️")), 2, "emoji with U+FE0F")
        XCTAssertEqual(displayWidth(of: Character("1️⃣")), 2, "keycap")
        XCTAssertEqual(displayWidth(of: "👍 ok"), 5)
    }

    func testTextStyleSymbolsTakeOneCell() {
        XCTAssertEqual(displayWidth(of: Character("❤")), 1, "no U+FE0F: text presentation")
        XCTAssertEqual(displayWidth(of: "…"), 1)
        XCTAssertEqual(displayWidth(of: "─│┌"), 3)
        XCTAssertEqual(displayWidth(of: "▸ "), 2)
    }

    func testCombiningMarksAddNothing() {
        let decomposed = "e\u{0301}"
        XCTAssertEqual(decomposed.count, 1)
        XCTAssertEqual(displayWidth(of: decomposed), 1)
        XCTAssertEqual(displayWidth(of: "cafe\u{0301}"), 4)
        XCTAssertEqual(displayWidth(of: "\u{0301}"), 0, "a lone combining mark")
        XCTAssertEqual(displayWidth(of: "a\u{200B}b"), 2, "zero-width space")
    }

    func testControlCharactersTakeNoCells() {
        XCTAssertEqual(displayWidth(of: "\u{07}"), 0)
        XCTAssertEqual(displayWidth(of: "\u{1B}"), 0)
        XCTAssertEqual(displayWidth(of: "\u{7F}"), 0)
        XCTAssertEqual(displayWidth(of: "\u{9B}"), 0, "C1 CSI")
        XCTAssertEqual(displayWidth(of: "a\tb"), 2)
    }
}
