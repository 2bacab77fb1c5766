import TerminalUI
import XCTest

final class ListViewTests: XCTestCase {
    func testScrollKeepsTheSelectionVisible() {
        XCTAssertEqual(ListView.scrollOffset(selection: 0, current: 0, visibleRows: 5, count: 100), 0)
        XCTAssertEqual(ListView.scrollOffset(selection: 4, current: 0, visibleRows: 5, count: 100), 0)
        XCTAssertEqual(ListView.scrollOffset(selection: 5, current: 0, visibleRows: 5, count: 100), 1)
        XCTAssertEqual(ListView.scrollOffset(selection: 3, current: 10, visibleRows: 5, count: 100), 3)
        XCTAssertEqual(ListView.scrollOffset(selection: 12, current: 10, visibleRows: 5, count: 100), 10,
                       "no scrolling while the selection is already in view")
    }

    func testPagingDownMovesAPageAtATime() {
        var selection = 0, offset = 0
        for page in 1...3 {
            selection += 10
            offset = ListView.scrollOffset(selection: selection, current: offset, visibleRows: 10, count: 150)
            XCTAssertEqual(offset, page * 10 - 9)
            XCTAssertTrue((offset..<offset + 10).contains(selection))
        }
    }

    func testScrollNeverRunsPastTheEnd() {
        XCTAssertEqual(ListView.scrollOffset(selection: 149, current: 0, visibleRows: 10, count: 150), 140)
        XCTAssertEqual(ListView.scrollOffset(selection: nil, current: 500, visibleRows: 10, count: 150), 140)
        XCTAssertEqual(ListView.scrollOffset(selection: 2, current: 5, visibleRows: 10, count: 3), 0)
        XCTAssertEqual(ListView.scrollOffset(selection: 999, current: 0, visibleRows: 10, count: 150), 140)
    }

    func testEmptyListsAndZeroHeightsScrollNowhere() {
        XCTAssertEqual(ListView.scrollOffset(selection: 3, current: 7, visibleRows: 0, count: 10), 0)
        XCTAssertEqual(ListView.scrollOffset(selection: 0, current: 7, visibleRows: 5, count: 0), 0)
    }

    func testSelectedRowIsDrawnReversed() {
        var canvas = Canvas(size: Size(width: 12, height: 3))
        ListView(items: ["Methil", "Leven", "Buckhaven"], selection: 1).draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "Methil\nLeven\nBuckhaven")
        XCTAssertTrue((0..<12).allSatisfy { canvas.cell(x: $0, y: 1)?.style.reverse == true })
        XCTAssertEqual(canvas.cell(x: 0, y: 0)?.style.reverse, false)
    }

    func testScrolledListShowsItsPosition() {
        var canvas = Canvas(size: Size(width: 16, height: 3))
        let items = (1...150).map { "Place \($0)" }
        let offset = ListView.scrollOffset(selection: 11, current: 0, visibleRows: 3, count: items.count)
        ListView(items: items, selection: 11, scrollOffset: offset, showsPosition: true)
            .draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "Place 10\nPlace 11\nPlace 12  12/150")
    }

    func testStyledRowsKeepTheirSpans() {
        var canvas = Canvas(size: Size(width: 12, height: 1))
        ListView(rows: [[Span("3", style: .bold), Span(" open")]]).draw(into: &canvas, rect: canvas.bounds)
        XCTAssertEqual(canvas.text(), "3 open")
        XCTAssertEqual(canvas.cell(x: 0, y: 0)?.style, .bold)
    }
}
