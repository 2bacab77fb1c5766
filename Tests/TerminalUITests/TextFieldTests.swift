import TerminalUI
import XCTest

final class TextFieldTests: XCTestCase {
    private func typed(_ text: String, into field: TextField = TextField()) -> TextField {
        var field = field
        for key in ByteKeyDecoder.keys(typing: text) { XCTAssertTrue(field.handle(key), "\(key)") }
        return field
    }

    func testLettersThatAreAlsoShortcutsAreTypedAsText() {
        let field = typed("q?7 /:jk")
        XCTAssertEqual(field.text, "q?7 /:jk")
        XCTAssertEqual(field.cursor, 8)
    }

    func testAFieldWithALimitTakesNoCharacterBeyondIt() {
        var field = TextField(limit: 3)
        for character in "abcd" { XCTAssertTrue(field.handle(.character(character)), "a character is the field's key") }
        XCTAssertEqual(field.text, "abc")
        XCTAssertTrue(field.handle(.backspace))
        XCTAssertTrue(field.handle(.character("😀")))
        XCTAssertEqual(field.text, "ab😀")
        XCTAssertEqual(field.cursor, 3)
    }

    func testCJKAndEmojiAreTypedAsText() {
        let field = typed("北京 👍🇬🇧")
        XCTAssertEqual(field.text, "北京 👍🇬🇧")
        XCTAssertEqual(field.cursor, 5)
    }

    func testBackspaceRemovesAWholeCharacter() {
        var field = typed("café北")
        XCTAssertTrue(field.handle(.backspace))
        XCTAssertEqual(field.text, "café")
        XCTAssertTrue(field.handle(.backspace))
        XCTAssertEqual(field.text, "caf")
        field = TextField(text: "", cursor: 0)
        XCTAssertTrue(field.handle(.backspace), "nothing to delete, still an editing key")
        XCTAssertEqual(field.text, "")
    }

    func testCursorMovesAndInsertsInTheMiddle() {
        var field = typed("Levn")
        XCTAssertTrue(field.handle(.left))
        XCTAssertTrue(field.handle(.character("e")))
        XCTAssertEqual(field.text, "Leven")
        XCTAssertEqual(field.cursor, 4)
        XCTAssertTrue(field.handle(.home))
        XCTAssertEqual(field.cursor, 0)
        XCTAssertTrue(field.handle(.delete))
        XCTAssertEqual(field.text, "even")
        XCTAssertTrue(field.handle(.end))
        XCTAssertEqual(field.cursor, 4)
        XCTAssertTrue(field.handle(.right))
        XCTAssertEqual(field.cursor, 4, "cannot move past the end")
        XCTAssertTrue(field.handle(.ctrl("a")))
        XCTAssertEqual(field.cursor, 0)
        XCTAssertTrue(field.handle(.left))
        XCTAssertEqual(field.cursor, 0, "cannot move before the start")
        XCTAssertTrue(field.handle(.ctrl("e")))
        XCTAssertEqual(field.cursor, 4)
    }

    func testCtrlWDeletesTheWordBeforeTheCursor() {
        var field = typed("food bank  ")
        XCTAssertTrue(field.handle(.ctrl("w")))
        XCTAssertEqual(field.text, "food ")
        XCTAssertTrue(field.handle(.ctrl("w")))
        XCTAssertEqual(field.text, "")
    }

    func testCtrlUDeletesToTheStart() {
        var field = typed("food bank")
        _ = field.handle(.left)
        _ = field.handle(.left)
        XCTAssertTrue(field.handle(.ctrl("u")))
        XCTAssertEqual(field.text, "nk")
        XCTAssertEqual(field.cursor, 0)
    }

    func testCombiningMarkTypedAfterALetterJoinsIt() {
        var field = typed("cafe")
        XCTAssertTrue(field.handle(.character("\u{0301}")))
        XCTAssertEqual(field.text, "cafe\u{0301}")
        XCTAssertEqual(field.text.count, 4)
        XCTAssertEqual(field.cursor, 4)
    }

    func testKeysAFieldDoesNotUseAreLeftForTheScreen() {
        var field = typed("abc")
        for key in [Key.enter, .escape, .up, .down, .tab, .pageDown, .function(1), .ctrl("p")] {
            XCTAssertFalse(field.handle(key), "\(key)")
        }
        XCTAssertEqual(field, typed("abc"))
    }

    func testCursorIsAReverseCell() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        var field = typed("abc")
        field.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.cell(x: 3, y: 0)?.style.reverse, true)
        XCTAssertEqual(canvas.cell(x: 2, y: 0)?.style.reverse, false)
        _ = field.handle(.home)
        field.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.cell(x: 0, y: 0), Cell("a", style: .reverse))
        field.draw(into: &canvas, rect: canvas.bounds, focused: false)
        XCTAssertFalse(canvas.rows[0].contains { $0.style.reverse }, "no cursor without focus")
    }

    func testLongTextScrollsToKeepTheCursorInView() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        var field = typed("Kirkcaldy")
        field.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "caldy", "the tail and the cursor cell")
        XCTAssertEqual(canvas.cell(x: 5, y: 0)?.style.reverse, true)
        _ = field.handle(.home)
        field.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "Kirkca")
    }

    func testWideTextScrollsByWholeCharacters() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        let field = typed("北京市区")
        field.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "市区")
        XCTAssertEqual(canvas.cell(x: 4, y: 0)?.style.reverse, true)
    }

    func testEmptyUnfocusedFieldShowsItsPlaceholder() {
        var canvas = Canvas(size: Size(width: 20, height: 1))
        TextField().draw(into: &canvas, rect: canvas.bounds, focused: false, placeholder: "type to filter")
        XCTAssertEqual(canvas.text(), "type to filter")
        XCTAssertEqual(canvas.cell(x: 0, y: 0)?.style.dim, true)
    }
}
