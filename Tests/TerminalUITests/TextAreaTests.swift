import TerminalUI
import XCTest

/// The multi-line text area of the built-in editor: lines broken and
/// joined, the cursor moving between them, a limit counting new lines.
final class TextAreaTests: XCTestCase {
    func type(_ text: String, into area: inout TextArea) {
        for character in text { _ = area.handle(character == "\n" ? .enter : .character(character)) }
    }

    func testEnterBreaksALineAndBackspaceAndDeleteJoinThem() {
        var area = TextArea(text: "First line")
        for _ in 0..<5 { _ = area.handle(.left) }
        _ = area.handle(.enter)
        XCTAssertEqual(area.text, "First\n line")
        XCTAssertEqual(area.row, 1)
        XCTAssertEqual(area.count, 11)
        _ = area.handle(.backspace)
        XCTAssertEqual(area.text, "First line")
        XCTAssertEqual(area.lines[area.row].cursor, 5, "the cursor stays where the lines met")
        _ = area.handle(.end)
        _ = area.handle(.enter)
        type("Second", into: &area)
        _ = area.handle(.up)
        _ = area.handle(.end)
        _ = area.handle(.delete)
        XCTAssertEqual(area.text, "First lineSecond")
        XCTAssertEqual(area.count, 16)
    }

    func testUpAndDownKeepTheColumnAndStopAtTheEnds() {
        var area = TextArea(text: "abcdef\nab\nabcdef")
        XCTAssertEqual(area.row, 2)
        _ = area.handle(.up)
        XCTAssertEqual(area.lines[1].cursor, 2, "no further than the line's end")
        _ = area.handle(.up)
        _ = area.handle(.up)
        XCTAssertEqual(area.row, 0)
        _ = area.handle(.pageDown)
        XCTAssertEqual(area.row, 2)
        XCTAssertTrue(area.handle(.down), "the key is the area's even at the end")
    }

    func testTheLimitCountsNewLinesAndControlKeysAreNotText() {
        var area = TextArea(text: "", limit: 5)
        type("ab\ncd\nef", into: &area)
        XCTAssertEqual(area.text, "ab\ncd")
        XCTAssertEqual(area.count, 5)
        XCTAssertFalse(area.handle(.ctrl("s")), "a key it does not use goes back to the screen")
        XCTAssertEqual(TextArea(text: "one\n\ntwo").count, 8)
    }

    func testTheCursorsLineStaysInView() {
        var area = TextArea(text: (1...10).map { "line \($0)" }.joined(separator: "\n"))
        var canvas = Canvas(size: Size(width: 20, height: 3))
        area.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) },
                       ["line 8", "line 9", "line 10"])
        for _ in 0..<9 { _ = area.handle(.up) }
        canvas = Canvas(size: Size(width: 20, height: 3))
        area.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text().split(separator: "\n").first?.trimmingCharacters(in: .whitespaces), "line 1")
    }
}
