import TerminalUI
import XCTest

final class CanvasDiffTests: XCTestCase {
    private func canvas(_ lines: [String], width: Int = 10) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: lines.count))
        for (y, line) in lines.enumerated() { canvas.put(line, at: 0, y) }
        return canvas
    }

    func testFirstPresentRedrawsEverything() {
        let current = canvas(["ab", "cd"], width: 3)
        let runs = current.changes(from: nil)
        XCTAssertEqual(runs, [
            CanvasRun(y: 0, x: 0, cells: ["a", "b", " "], style: .plain),
            CanvasRun(y: 1, x: 0, cells: ["c", "d", " "], style: .plain),
        ])
        XCTAssertEqual(CanvasDiff(from: nil, to: current).cellCount, 6)
    }

    func testOnlyChangedCellsAreReported() {
        let before = canvas(["Home      ", "Directory "])
        let after = canvas(["Home      ", "Dirextory "])
        XCTAssertEqual(after.changes(from: before), [CanvasRun(y: 1, x: 4, cells: ["x"], style: .plain)])
    }

    func testUnchangedCanvasNeedsNoWrites() {
        let same = canvas(["Home", "北京"])
        XCTAssertEqual(same.changes(from: same), [])
    }

    func testNeighbouringChangesWithOneStyleFormOneRun() {
        let before = canvas(["abcdef"])
        let after = canvas(["aXYdef"])
        XCTAssertEqual(after.changes(from: before), [CanvasRun(y: 0, x: 1, cells: ["X", "Y"], style: .plain)])
    }

    func testStyleChangeSplitsRuns() {
        let before = canvas(["abcd"])
        var after = before
        after.setStyle(Rect(x: 0, y: 0, width: 2, height: 1), style: .reverse)
        after.setStyle(Rect(x: 2, y: 0, width: 1, height: 1), style: .bold)
        XCTAssertEqual(after.changes(from: before), [
            CanvasRun(y: 0, x: 0, cells: ["a", "b"], style: .reverse),
            CanvasRun(y: 0, x: 2, cells: ["c"], style: .bold),
        ])
    }

    func testWideCharacterIsRewrittenWhole() {
        let before = canvas(["a北b"])
        let after = canvas(["a京b"])
        let runs = after.changes(from: before)
        XCTAssertEqual(runs, [CanvasRun(y: 0, x: 1, cells: ["京"], style: .plain)])
        XCTAssertEqual(runs.first?.width, 2)
    }

    func testReplacingAWideCharacterWithNarrowOnesWritesBothCells() {
        let before = canvas(["北"])
        let after = canvas(["ab"])
        XCTAssertEqual(after.changes(from: before), [CanvasRun(y: 0, x: 0, cells: ["a", "b"], style: .plain)])
    }

    func testNewSizeRedrawsEverything() {
        let before = canvas(["abc"], width: 3)
        let after = canvas(["abc", ""], width: 3)
        XCTAssertEqual(CanvasDiff(from: before, to: after).cellCount, 6)
    }
}
