import Foundation
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// The real loop on the headless backend: effects run in the background
/// and come back through the waker, as they do in a terminal.
final class RuntimeTests: XCTestCase {
    /// Waits, polling, until the backend shows `text`.
    func waitFor(_ text: String, on backend: HeadlessBackend, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if backend.screenText.contains(text) { return true }
            usleep(10_000)
        }
        return false
    }

    func testTheLoopLoadsHomeInTheBackgroundDrawsOnlyChangesAndQuitsOnQ() throws {
        let member = try XCTUnwrap(try Fixtures.sharedDemo().members(.first(1)).rows.first)
        let backend = HeadlessBackend(size: Size(width: 80, height: 24))
        let (ended, ending) = try startLoop(as: member, on: backend)
        XCTAssertTrue(waitFor("Levenmouth", on: backend), backend.screenText)
        let fullFrame = backend.lastPresentCellCount
        backend.press(.down)
        XCTAssertTrue(waitFor("Levenmouth", on: backend))
        backend.press(.character("q"))
        wait(for: [ended], timeout: 10)
        XCTAssertEqual(ending(), .quit)
        XCTAssertLessThan(backend.lastPresentCellCount, fullFrame, "moving the selection redraws only what changed")
    }

    func testQuittingWhileTooSmallIsReportedWithTheSize() throws {
        let store = try Fixtures.sharedDemo()
        let backend = HeadlessBackend(size: Size(width: 50, height: 10))
        backend.press(.character("q"))
        let runtime = Runtime(
            state: AppState(size: backend.size, member: nil), backend: backend, effects: StoreEffects(store: store),
            waker: backend.waker)
        XCTAssertEqual(runtime.run(), .quitTooSmall(Size(width: 50, height: 10)))
        XCTAssertTrue(backend.screenText.contains("80×24"))
    }
}
