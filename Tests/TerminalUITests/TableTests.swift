import TerminalUI
import XCTest

final class TableTests: XCTestCase {
    private let columns: [Table.Column] = [
        .init("Service", width: .flexible(min: 6, weight: 2)),
        .init("Agency", width: .flexible(min: 4, weight: 1)),
        .init("Wait", width: .fixed(4), alignment: .right),
    ]

    func testSpareWidthIsSharedByWeight() {
        // 40 - 2 gaps of 2 = 36; minimums 6 + 4 + 4 = 14; 22 spare: 2/3 and 1/3.
        let widths = Table.layout(columns, totalWidth: 40)
        XCTAssertEqual(widths, [21, 11, 4])
        XCTAssertEqual(widths.reduce(0, +) + 4, 40, "the table fills the width exactly")
    }

    func testFixedColumnsKeepTheirWidth() {
        for total in [18, 30, 80, 200] {
            let widths = Table.layout(columns, totalWidth: total)
            XCTAssertEqual(widths[2], 4)
            XCTAssertLessThanOrEqual(widths.reduce(0, +) + 4, total)
        }
    }

    func testNarrowTablesDropColumnsFromTheRight() {
        XCTAssertEqual(Table.layout(columns, totalWidth: 13), [6, 4, 0])
        XCTAssertEqual(Table.layout(columns, totalWidth: 9), [6, 1, 0])
        XCTAssertEqual(Table.layout(columns, totalWidth: 3), [3, 0, 0])
        XCTAssertEqual(Table.layout(columns, totalWidth: 0), [0, 0, 0])
        XCTAssertEqual(Table.layout([], totalWidth: 10), [])
    }

    func testHeaderIsBoldAndUnderlined() {
        var canvas = Canvas(size: Size(width: 30, height: 3))
        Table(columns: columns, rows: [["Foodbank", "Fife Council", "3"]]).draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.cell(x: 0, y: 0)?.style, Style(bold: true, underline: true))
        XCTAssertEqual(canvas.cell(x: 0, y: 1)?.style, .plain)
    }

    func testLongCellsEndInEllipsisAndNumbersAlignRight() {
        var canvas = Canvas(size: Size(width: 30, height: 4))
        let table = Table(columns: columns, rows: [
            ["Foodbank", "Fife Council", "3"],
            ["Citizens Advice and Rights Fife", "CARF", "12"],
        ])
        table.draw(into: &canvas, rect: canvas.bounds)
        // 30 - 4 = 26; minimums 14; 12 spare: +8 and +4 → 14, 8, 4.
        XCTAssertEqual(canvas.text(), """
        Service         Agency    Wait
        Foodbank        Fife Co…     3
        Citizens Advi…  CARF        12

        """)
    }

    func testWideTextInCellsIsCutOnACharacterBoundary() {
        var canvas = Canvas(size: Size(width: 12, height: 2))
        let table = Table(columns: [.init("名前", width: .fixed(5)), .init("N", width: .fixed(5))],
                          rows: [["北京市朝阳区", "ok"]])
        table.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "名前   N\n北京…  ok")
    }

    func testSelectedRowIsReversedAcrossTheWidth() {
        var canvas = Canvas(size: Size(width: 20, height: 4))
        Table(columns: columns, rows: [["a"], ["b"], ["c"]], selection: 1).draw(into: &canvas, rect: canvas.bounds)
        XCTAssertTrue((0..<20).allSatisfy { canvas.cell(x: $0, y: 2)?.style.reverse == true })
        XCTAssertFalse(canvas.cell(x: 0, y: 1)?.style.reverse ?? true)
    }

    func testScrolledTableShowsRowsFromTheOffset() {
        var canvas = Canvas(size: Size(width: 20, height: 3))
        let rows = (1...10).map { ["row \($0)"] }
        Table(columns: [.init("Name")], rows: rows, scrollOffset: 4).draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "Name\nrow 5\nrow 6")
        XCTAssertEqual(Table.visibleRows(in: canvas.bounds), 2)
    }
}
