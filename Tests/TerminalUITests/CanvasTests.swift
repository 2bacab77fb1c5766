import TerminalUI
import XCTest

final class CanvasTests: XCTestCase {
    func testTextIsPlacedWhereItIsPut() {
        var canvas = Canvas(size: Size(width: 10, height: 3))
        XCTAssertEqual(canvas.put("Fife", at: 2, 1), 4)
        XCTAssertEqual(canvas.text(), "\n  Fife\n")
        XCTAssertEqual(canvas.cell(x: 2, y: 1), Cell("F"))
    }

    func testWideCharactersTakeTwoCells() {
        var canvas = Canvas(size: Size(width: 8, height: 1))
        XCTAssertEqual(canvas.put("北京!", at: 0, 0), 5)
        XCTAssertEqual(canvas.cell(x: 0, y: 0)?.text, "北")
        XCTAssertEqual(canvas.cell(x: 1, y: 0)?.isContinuation, true)
        XCTAssertEqual(canvas.cell(x: 2, y: 0)?.text, "京")
        XCTAssertEqual(canvas.cell(x: 4, y: 0)?.text, "!")
        XCTAssertEqual(canvas.text(), "北京!", "a wide character is written once")
    }

    func testPasteShowsAWindowOfATallerCanvas() {
        var tall = Canvas(size: Size(width: 6, height: 5))
        for row in 0..<5 { tall.put("line \(row)", at: 0, row) }
        var screen = Canvas(size: Size(width: 8, height: 3))
        screen.put("title", at: 0, 0)
        screen.paste(tall, fromRow: 3, into: Rect(x: 1, y: 1, width: 7, height: 2))
        XCTAssertEqual(screen.text(), "title\n line 3\n line 4")
        screen.paste(tall, fromRow: 4, into: Rect(x: 1, y: 1, width: 7, height: 2))
        XCTAssertEqual(screen.text(), "title\n line 4\n line 4", "rows past the source's end are left as they were")
    }

    func testPasteNeverLeavesHalfAWideCharacter() {
        var source = Canvas(size: Size(width: 6, height: 1))
        source.put("ab北京", at: 0, 0)
        var narrow = Canvas(size: Size(width: 3, height: 1))
        narrow.paste(source, fromRow: 0, into: narrow.bounds)
        XCTAssertEqual(narrow.text(), "ab", "北 would straddle the edge, so it becomes a space")
        XCTAssertEqual(narrow.cell(x: 2, y: 0), Cell(" "))
    }

    func testTextIsClippedAtTheRightEdge() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        XCTAssertEqual(canvas.put("Glenrothes", at: 2, 0), 3)
        XCTAssertEqual(canvas.text(), "  Gle")
    }

    func testTextIsClippedAtMaxWidth() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        XCTAssertEqual(canvas.put("Glenrothes", at: 1, 0, maxWidth: 4), 4)
        XCTAssertEqual(canvas.text(), " Glen")
    }

    func testWideCharacterStraddlingTheEdgeBecomesASpace() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.put("ab北京", at: 0, 0)
        XCTAssertEqual(canvas.line(0), "ab北 ")
        var clipped = Canvas(size: Size(width: 10, height: 1))
        clipped.put("a北", at: 0, 0, maxWidth: 2)
        XCTAssertEqual(clipped.line(0), "a         ")
        XCTAssertEqual(clipped.cell(x: 2, y: 0), .blank, "nothing written past maxWidth")
    }

    func testWideCharacterCutByTheLeftEdgeShowsAsSpace() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        XCTAssertEqual(canvas.put("北京", at: -1, 0), 3)
        XCTAssertEqual(canvas.line(0), " 京 ")
    }

    func testOverwritingHalfAWideCharacterClearsTheOtherHalf() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.put("北京", at: 0, 0)
        canvas.put("x", at: 1, 0)
        XCTAssertEqual(canvas.line(0), " x京  ")
        canvas.put("y", at: 2, 0)
        XCTAssertEqual(canvas.line(0), " xy   ")
        canvas.put("東", at: 3, 0)
        canvas.put("京", at: 2, 0)
        XCTAssertEqual(canvas.line(0), " x京  ", "the wide character at 3 lost its left half")
        XCTAssertFalse(canvas.rows[0].enumerated().contains { $0.element.isContinuation && $0.offset == 0 })
    }

    func testControlCharactersAreNeverWritten() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        canvas.put("a\u{1B}[2Jb\tc\n", at: 0, 0)
        XCTAssertEqual(canvas.text(), "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}")
        XCTAssertFalse(canvas.text().unicodeScalars.contains { $0.value < 0x20 })
    }

    func testCombiningMarksStayWithTheirLetter() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        XCTAssertEqual(canvas.put("cafe\u{0301}!", at: 0, 0), 5)
        XCTAssertEqual(canvas.cell(x: 3, y: 0)?.text, "e\u{0301}")
        XCTAssertEqual(canvas.cell(x: 4, y: 0)?.text, "!")
    }

    func testEmojiAndFlagsTakeTwoCells() {
        var canvas = Canvas(size: Size(width: 8, height: 1))
        XCTAssertEqual(canvas.put("👍🇬🇧👩‍👩‍👧", at: 0, 0), 6)
        XCTAssertEqual(canvas.cell(x: 2, y: 0)?.text, "🇬🇧")
        XCTAssertEqual(canvas.cell(x: 4, y: 0)?.text, "👩‍👩‍👧")
        XCTAssertEqual(canvas.text(), "👍🇬🇧👩‍👩‍👧")
    }

    func testOutOfRangeWritesAreIgnored() {
        var canvas = Canvas(size: Size(width: 3, height: 2))
        XCTAssertEqual(canvas.put("x", at: 0, -1), 0)
        XCTAssertEqual(canvas.put("x", at: 0, 2), 0)
        XCTAssertEqual(canvas.put("x", at: 3, 0), 0)
        XCTAssertEqual(canvas.put("x", at: -5, 0), 0)
        canvas.fill(Rect(x: -10, y: -10, width: 5, height: 5), style: .reverse)
        canvas.setStyle(Rect(x: 50, y: 50, width: 5, height: 5), style: .bold)
        XCTAssertEqual(canvas, Canvas(size: Size(width: 3, height: 2)))
        XCTAssertNil(canvas.cell(x: 3, y: 0))
        XCTAssertNil(canvas.cell(x: 0, y: -1))
    }

    func testTinyAndEmptyCanvasesNeverCrash() {
        for size in [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: -4, height: -2),
                     Size(width: 1, height: 0), Size(width: 0, height: 3)] {
            var canvas = Canvas(size: size)
            canvas.put("北京 hello", at: 0, 0)
            canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), style: .reverse)
            canvas.setStyle(Rect(x: 0, y: 0, width: 10, height: 10), style: .bold)
            _ = canvas.text()
            _ = canvas.changes(from: nil)
        }
        var one = Canvas(size: Size(width: 1, height: 1))
        one.put("北", at: 0, 0)
        XCTAssertEqual(one.text(), "", "a wide character cannot fit in one cell")
        XCTAssertEqual(Canvas(size: Size(width: -4, height: -2)).size, Size.zero)
    }

    func testFillPaintsSpacesInAStyle() {
        var canvas = Canvas(size: Size(width: 4, height: 2))
        canvas.put("abcd", at: 0, 0)
        canvas.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: .reverse)
        XCTAssertEqual(canvas.line(0), "a  d")
        XCTAssertEqual(canvas.cell(x: 1, y: 0)?.style, .reverse)
    }

    func testSetStyleHighlightsWithoutChangingText() {
        var canvas = Canvas(size: Size(width: 6, height: 2))
        canvas.put("row 1", at: 0, 0)
        canvas.put("row 2", at: 0, 1)
        canvas.setStyle(Rect(x: 0, y: 1, width: 6, height: 1), style: .reverse)
        XCTAssertEqual(canvas.text(), "row 1\nrow 2")
        XCTAssertEqual(canvas.cell(x: 0, y: 1)?.style, .reverse)
        XCTAssertEqual(canvas.cell(x: 0, y: 0)?.style, .plain)
    }

    func testSpansAreWrittenOneAfterAnother() {
        var canvas = Canvas(size: Size(width: 12, height: 1))
        let used = canvas.put([Span("Enter", style: .bold), Span(" open")], at: 0, 0)
        XCTAssertEqual(used, 10)
        XCTAssertEqual(canvas.text(), "Enter open")
        XCTAssertEqual(canvas.cell(x: 0, y: 0)?.style, .bold)
        XCTAssertEqual(canvas.cell(x: 6, y: 0)?.style, .plain)
    }

    func testTextTrimsTrailingSpacesButKeepsEveryRow() {
        var canvas = Canvas(size: Size(width: 5, height: 3))
        canvas.put("a  ", at: 0, 1)
        XCTAssertEqual(canvas.text(), "\na\n")
    }
}
