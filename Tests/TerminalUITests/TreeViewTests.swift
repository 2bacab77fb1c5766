import TerminalUI
import XCTest

final class TreeViewTests: XCTestCase {
    func testOutlineShowsMarkersIndentsAndRightAlignedFigures() {
        var canvas = Canvas(size: Size(width: 30, height: 4))
        let tree = TreeView(rows: [
            .init(label: "Fife", depth: 0, disclosure: .expanded, trailing: ["120", "7"]),
            .init(label: "Levenmouth", depth: 1, disclosure: .collapsed, trailing: ["45", "12"]),
            .init(label: "Methil", depth: 2, disclosure: .leaf, trailing: ["3", "0"]),
        ], selection: 1)
        tree.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), """
        ▾ Fife                  120  7
          ▸ Levenmouth           45 12
              Methil              3  0

        """)
        XCTAssertTrue(canvas.rows[1].allSatisfy { $0.style.reverse })
        XCTAssertFalse(canvas.rows[0].contains { $0.style.reverse })
    }

    func testLongLabelsAreCutBeforeTheFigures() {
        var canvas = Canvas(size: Size(width: 16, height: 1))
        TreeView(rows: [.init(label: "Buckhaven and Methil", depth: 1, disclosure: .collapsed, trailing: ["45"])])
            .draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "  ▸ Buckhave… 45")
    }
}
