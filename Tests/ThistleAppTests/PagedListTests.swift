import PlaceStore
@testable import ThistleApp
import XCTest

/// A list of `count` rows named r00000…, served page by page like SQLite would.
private struct Numbered: ListRow {
    let index: Int
    var listKey: NameKey { NameKey(name: String(format: "r%05d", index), id: "\(index)") }
}

private func serve(_ request: PageRequest<NameKey>, count: Int) -> Page<Numbered> {
    let all = (0..<count).map(Numbered.init)
    let keyIndex = { (key: NameKey) in all.firstIndex { $0.listKey == key }! }
    switch request {
    case .first(let n): return Page(rows: Array(all.prefix(n)), hasMore: count > n)
    case .last(let n): return Page(rows: Array(all.suffix(n)), hasMore: count > n)
    case .after(let key, let n):
        let rest = all[(keyIndex(key) + 1)...]
        return Page(rows: Array(rest.prefix(n)), hasMore: rest.count > n)
    case .before(let key, let n):
        let rest = all[..<keyIndex(key)]
        return Page(rows: Array(rest.suffix(n)), hasMore: rest.count > n)
    }
}

final class PagedListTests: XCTestCase {
    let count = 1_000
    let visible = 18

    private func loaded() -> PagedList<Numbered> {
        var list = PagedList<Numbered>(pageSize: 50)
        let request = list.reload()
        list.receive(serve(request, count: count), for: request, total: count, generation: list.generation, visibleRows: visible)
        return list
    }

    private func drive(_ list: inout PagedList<Numbered>, _ request: PageRequest<NameKey>?) {
        guard let request else { return }
        list.receive(serve(request, count: count), for: request, total: count, generation: list.generation, visibleRows: visible)
    }

    func testMovingDownPastTheWindowFetchesTheNextPageByKey() {
        var list = loaded()
        for _ in 0..<49 { XCTAssertNil(list.move(by: 1, visibleRows: visible)) }
        let request = list.move(by: 1, visibleRows: visible)
        XCTAssertEqual(request, .after(Numbered(index: 49).listKey, 50))
        drive(&list, request)
        XCTAssertEqual(list.selected?.index, 50)
        XCTAssertEqual(list.position, 51)
    }

    func testScrollingTheWholeListHoldsAtMostThreePages() {
        var list = loaded()
        var steps = 0
        while list.position < count && steps < 5_000 {
            drive(&list, list.move(by: 1, visibleRows: visible))
            XCTAssertLessThanOrEqual(list.rows.count, 150)
            XCTAssertEqual(list.selected?.index, list.position - 1)
            steps += 1
        }
        XCTAssertEqual(list.position, count)
        XCTAssertEqual(list.selected?.index, count - 1)
        while list.position > 1 && steps < 10_000 {
            drive(&list, list.move(by: -1, visibleRows: visible))
            XCTAssertEqual(list.selected?.index, list.position - 1)
            steps += 1
        }
        XCTAssertEqual(list.selected?.index, 0)
    }

    func testEndJumpsToTheLastRowAndHomeBack() {
        var list = loaded()
        let request = list.moveToLast(visibleRows: visible)
        XCTAssertEqual(request, .last(50))
        drive(&list, request)
        XCTAssertEqual(list.selected?.index, count - 1)
        XCTAssertEqual(list.position, count)
        drive(&list, list.move(by: -(visible - 1), visibleRows: visible))
        XCTAssertEqual(list.selected?.index, count - visible)
        drive(&list, list.moveToFirst(visibleRows: visible))
        XCTAssertEqual(list.selected?.index, 0)
    }

    func testSelectionStaysOnScreen() {
        var list = loaded()
        for _ in 0..<30 {
            drive(&list, list.move(by: 1, visibleRows: visible))
            let shown = list.visible(visible)
            XCTAssertTrue((0..<shown.rows.count).contains(shown.selection))
        }
    }

    func testAPageFromAnOlderFilterIsIgnored() {
        var list = loaded()
        let stale = list.generation
        _ = list.reload()
        list.receive(Page(rows: [Numbered(index: 999)], hasMore: false), for: .first(50), total: 1, generation: stale,
                     visibleRows: visible)
        XCTAssertNotEqual(list.rows.first?.index, 999)
    }
}
