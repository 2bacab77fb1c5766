import Foundation
import TerminalUI
import XCTest

final class HeadlessBackendTests: XCTestCase {
    func testEventsComeBackInOrderThenTheLoopEnds() {
        let backend = HeadlessBackend(size: Size(width: 20, height: 5))
        backend.enqueue([.key(.down), .wake])
        backend.type("q\u{1B}[A")
        XCTAssertEqual(backend.nextEvent(), .key(.down))
        XCTAssertEqual(backend.nextEvent(), .wake)
        XCTAssertEqual(backend.nextEvent(), .key(.character("q")))
        XCTAssertEqual(backend.nextEvent(), .key(.up))
        XCTAssertEqual(backend.nextEvent(), .terminate)
    }

    func testResizeChangesTheSizeAndQueuesAnEvent() {
        let backend = HeadlessBackend(size: Size(width: 80, height: 24))
        backend.resize(to: Size(width: 60, height: 20))
        XCTAssertEqual(backend.size, Size(width: 60, height: 20))
        XCTAssertEqual(backend.nextEvent(), .resize(Size(width: 60, height: 20)))
    }

    func testPresentedScreenReadsAsText() {
        let backend = HeadlessBackend(size: Size(width: 10, height: 2))
        var canvas = Canvas(size: backend.size)
        canvas.put("北京", at: 0, 1)
        backend.present(canvas)
        XCTAssertEqual(backend.screenText, "\n北京")
        XCTAssertEqual(backend.presentedCanvas, canvas)
        XCTAssertEqual(backend.presentCount, 1)
    }

    func testOnlyChangedCellsAreWrittenAfterTheFirstPresent() {
        let backend = HeadlessBackend(size: Size(width: 10, height: 3))
        var canvas = Canvas(size: backend.size)
        canvas.put("Home", at: 0, 0)
        backend.present(canvas)
        XCTAssertEqual(backend.lastPresentCellCount, 30)
        canvas.put("Hove", at: 0, 0)
        backend.present(canvas)
        XCTAssertEqual(backend.lastPresentCellCount, 1, "only the m became a v")
        backend.present(canvas)
        XCTAssertEqual(backend.lastPresentCellCount, 0)
        backend.resize(to: Size(width: 10, height: 3))
        backend.resize(to: Size(width: 12, height: 3))
        backend.present(Canvas(size: backend.size))
        XCTAssertEqual(backend.lastPresentCellCount, 36, "after a resize everything is redrawn")
    }

    func testWakerPostsFromAnotherThread() {
        let backend = HeadlessBackend(size: Size(width: 10, height: 3))
        backend.idleTimeout = 5
        let waker = backend.waker
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { waker.wake() }
        XCTAssertEqual(backend.nextEvent(), .wake)
    }

    func testShutdownIsRecorded() {
        let backend = HeadlessBackend(size: Size(width: 1, height: 1))
        backend.shutdown()
        backend.shutdown()
        XCTAssertTrue(backend.didShutDown)
    }

    func testAnAppLoopRunsToTheEndOnScriptedInput() {
        // The shape of Thistle's loop: draw, present, take an event.
        let backend = HeadlessBackend(size: Size(width: 20, height: 3))
        backend.type("jj")
        var selection = 0
        loop: while true {
            var canvas = Canvas(size: backend.size)
            ListView(items: ["a", "b", "c"], selection: selection).draw(into: &canvas, rect: canvas.bounds)
            backend.present(canvas)
            switch backend.nextEvent() {
            case .key(.character("j")): selection += 1
            case .terminate: break loop
            default: break
            }
        }
        XCTAssertEqual(selection, 2)
        XCTAssertEqual(backend.presentCount, 3)
        XCTAssertEqual(backend.presentedCanvas?.cell(x: 0, y: 2)?.style.reverse, true)
    }
}
