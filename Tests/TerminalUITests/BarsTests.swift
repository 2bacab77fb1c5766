import TerminalUI
import XCTest

/// The one-row widgets: footer, tabs, status line.
final class BarsTests: XCTestCase {
    private let footer = Footer(hints: [
        (key: "↑↓", label: "move"), (key: "Enter", label: "open"), (key: "/", label: "filter"),
        (key: "?", label: "help"), (key: "q", label: "quit"),
    ])

    func testFooterShowsEveryHintWhenThereIsRoom() {
        var canvas = Canvas(size: Size(width: 60, height: 1))
        footer.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "↑↓ move  Enter open  / filter  ? help  q quit")
        XCTAssertEqual(canvas.cell(x: 0, y: 0)?.style, .bold, "keys stand out")
        XCTAssertEqual(canvas.cell(x: 3, y: 0)?.style, .plain)
    }

    func testFooterDropsHintsWholeWhenNarrow() {
        XCTAssertEqual(footer.text(width: 30), "↑↓ move  Enter open  / filter")
        XCTAssertEqual(footer.text(width: 28), "↑↓ move  Enter open")
        XCTAssertEqual(footer.text(width: 7), "↑↓ move")
        XCTAssertEqual(footer.text(width: 6), "")
        var canvas = Canvas(size: Size(width: 25, height: 1))
        footer.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "↑↓ move  Enter open")
    }

    func testTabsAreNumberedWithTheCurrentOneHighlighted() {
        var canvas = Canvas(size: Size(width: 40, height: 1))
        Tabs(titles: ["Home", "Directory"], selected: 1).draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), " 1 Home  2 Directory")
        XCTAssertEqual(canvas.cell(x: 1, y: 0)?.style.reverse, false)
        XCTAssertEqual(canvas.cell(x: 9, y: 0)?.style, Style(bold: true, reverse: true))
    }

    func testStatusLineFillsTheRowInReverse() {
        var canvas = Canvas(size: Size(width: 30, height: 1))
        StatusLine(left: "Home › Fife", right: "Ann (NHS)").draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.line(0), " Home › Fife        Ann (NHS) ")
        XCTAssertTrue(canvas.rows[0].allSatisfy { $0.style == .reverse })
    }

    func testStatusLineCutsTheLeftTextFirst() {
        var canvas = Canvas(size: Size(width: 20, height: 1))
        StatusLine(left: "Home › Fife › Levenmouth", right: "Ann").draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.line(0), " Home › Fife ›… Ann ")
    }

    func testTextViewWrapsWords() {
        var canvas = Canvas(size: Size(width: 12, height: 3))
        TextView("Runs a weekly drop-in at the library").draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "Runs a\nweekly\ndrop-in at")
    }
}
