import TerminalUI
import XCTest

/// Boxes drawn over the screen: dialog and help.
final class OverlayTests: XCTestCase {
    private func screen(_ size: Size = Size(width: 40, height: 12)) -> Canvas {
        var canvas = Canvas(size: size)
        for y in 0..<size.height { canvas.put(String(repeating: "x", count: size.width), at: 0, y) }
        return canvas
    }

    func testDialogIsCentredBoxedAndClearsItsArea() {
        var canvas = screen()
        Dialog(title: "Leven Foodbank", lines: ["Phone: 01592 000000"]).draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), """
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        xxxxxxxx┌─ Leven Foodbank ────┐xxxxxxxxx
        xxxxxxxx│ Phone: 01592 000000 │xxxxxxxxx
        xxxxxxxx│                     │xxxxxxxxx
        xxxxxxxx│       [ OK ]        │xxxxxxxxx
        xxxxxxxx└─────────────────────┘xxxxxxxxx
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        """)
    }

    func testDialogWrapsLongLinesAndHighlightsTheChosenButton() {
        var canvas = Canvas(size: Size(width: 30, height: 10))
        let dialog = Dialog(title: "Close case?", lines: ["The case stays on record and can be reopened later."],
                            buttons: ["Close", "Keep"], selectedButton: 1, maxWidth: 30)
        dialog.draw(into: &canvas, rect: canvas.bounds)
        let lines = canvas.text().split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines, [
            "",
            "",
            "┌─ Close case? ──────────────┐",
            "│ The case stays on record   │",
            "│ and can be reopened later. │",
            "│                            │",
            "│    [ Close ]  [ Keep ]     │",
            "└────────────────────────────┘",
            "",
            "",
        ])
        XCTAssertEqual(canvas.cell(x: 16, y: 6), Cell("[", style: .reverse), "Keep is chosen")
        XCTAssertEqual(canvas.cell(x: 5, y: 6), Cell("[", style: .plain))
    }

    func testDialogFitsOnATinyScreen() {
        for size in [Size(width: 1, height: 1), Size(width: 5, height: 3), Size(width: 0, height: 0)] {
            var canvas = Canvas(size: size)
            Dialog(title: "Title", lines: ["A long message line"]).draw(into: &canvas, rect: canvas.bounds)
            XCTAssertEqual(canvas.size, Size(width: max(0, size.width), height: max(0, size.height)))
        }
    }

    private let help = HelpOverlay(sections: [
        .init(title: "This screen", entries: [(key: "↑/k", description: "Move up"), (key: "Enter", description: "Open")]),
        .init(title: "Everywhere", entries: [(key: "q", description: "Quit Thistle")]),
    ])

    func testHelpListsKeysInTwoColumnsInACentredBox() {
        var canvas = screen(Size(width: 30, height: 11))
        help.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), """
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        xxx┌─ Help ──────────────┐xxxx
        xxx│ This screen         │xxxx
        xxx│ ↑/k    Move up      │xxxx
        xxx│ Enter  Open         │xxxx
        xxx│                     │xxxx
        xxx│ Everywhere          │xxxx
        xxx│ q      Quit Thistle │xxxx
        xxx└─────────────────────┘xxxx
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        """)
    }

    func testHelpDescriptionsAreCutOnANarrowScreen() {
        var canvas = Canvas(size: Size(width: 18, height: 9))
        help.draw(into: &canvas, rect: canvas.bounds)
        let lines = canvas.text().split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 9)
        XCTAssertEqual(lines.last, "", "the box keeps a row of margin when it has to page")
        XCTAssertTrue(lines.contains("│ ↑/k    Move up │"), canvas.text())
    }

    func testHelpTallerThanTheScreenShowsOnePageAndWhereItIs() {
        let long = HelpOverlay(sections: [
            .init(title: "Keys", entries: (1...30).map { (key: "F\($0)", description: "Action \($0)") }),
        ])
        var canvas = Canvas(size: Size(width: 40, height: 10))
        XCTAssertEqual(long.lineCount, 31)
        XCTAssertEqual(long.visibleRows(in: canvas.bounds), 6)
        XCTAssertEqual(long.maxScrollOffset(in: canvas.bounds), 25)
        var paged = long
        paged.scrollOffset = 7
        paged.draw(into: &canvas, rect: canvas.bounds)
        let lines = canvas.text().split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[2].contains("F7 "), String(lines[2]))
        XCTAssertTrue(lines[7].contains("F12"), String(lines[7]))
        XCTAssertTrue(lines[8].contains("8–13 of 31"), String(lines[8]))
        paged.scrollOffset = 1000
        paged.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertTrue(canvas.text().contains("F30"), "scrolling past the end stops at the last page")
    }
}
