import Foundation
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// The mouse on the headless backend: what a click or the wheel does on a
/// tab, a footer hint, a list row and a box, through the real loop and
/// through `update`.
final class MouseTests: DemoTestCase {
    func app() throws -> AppDriver {
        let store = try Fixtures.sharedDemo()
        return AppDriver(store: store, member: try XCTUnwrap(try store.member("member-alasdair-kerr")))
    }

    func click(_ app: AppDriver, _ x: Int, _ y: Int) { app.receive(.mouse(MouseEvent(.click, x: x, y: y))) }

    func position(_ app: AppDriver) -> Int? {
        guard case .myCases(let screen)? = app.state.stack.last else { return nil }
        return screen.work.selection.index
    }

    func testATabOrAFooterHintClickedRunsItsCommand() throws {
        let app = try app()
        click(app, 40, 1)  // " 4 My cases "
        XCTAssertEqual(app.state.stack.last?.tabIndex, 3, app.screen)
        click(app, 12, 1)  // " 2 Directory "
        guard case .directory? = app.state.stack.last else { return XCTFail(app.screen) }
        let footer = try XCTUnwrap(app.screen.split(separator: "\n", omittingEmptySubsequences: false).last)
        let help = try XCTUnwrap(footer.range(of: "? help"))
        click(app, footer.distance(from: footer.startIndex, to: help.lowerBound), 23)
        guard case .help? = app.state.overlay else { return XCTFail("no help:\n\(app.screen)") }
        app.receive(.mouse(MouseEvent(.click, x: 5, y: 10)))
        XCTAssertNotNil(app.state.overlay, "a click on a box does nothing")
    }

    func testARowClickedIsSelectedAndClickedAgainOpens() throws {
        let app = try app()
        app.press(.character("4"))
        XCTAssertEqual(position(app), 0)
        click(app, 20, 4 + 5)  // the sixth row shown (rows start under the heading and the table's header)
        XCTAssertEqual(position(app), 5)
        XCTAssertTrue(app.screen.contains(" 6/72"), app.screen)
        click(app, 20, 4 + 2)
        XCTAssertEqual(position(app), 2)
        click(app, 20, 22)  // the notice line, under the last row: nothing
        click(app, 20, 3)  // the table's header: nothing
        XCTAssertEqual(position(app), 2)
        click(app, 20, 4 + 2)
        guard case .caseFile? = app.state.stack.last else { return XCTFail("not opened:\n\(app.screen)") }
    }

    func testTheWheelMovesThreeRowsAndScrollsABox() throws {
        let app = try app()
        app.press(.character("4"))
        app.receive(.mouse(MouseEvent(.wheelDown, x: 10, y: 10)))
        XCTAssertEqual(position(app), 3)
        app.receive(.mouse(MouseEvent(.wheelUp, x: 10, y: 10)))
        XCTAssertEqual(position(app), 0)
        app.press(.enter, .character("r"))  // Refer: which need? a choice box
        let depth = app.state.stack.count
        app.receive(.mouse(MouseEvent(.wheelDown, x: 10, y: 10)))
        guard case .caseFile(let screen)? = app.state.stack.last, screen.prompt != nil else { return XCTFail(app.screen) }
        XCTAssertEqual(app.state.stack.count, depth, "the wheel stays in the box")
    }

    func testTheLoopTakesMouseEventsFromTheBackend() throws {
        let member = try XCTUnwrap(try Fixtures.sharedDemo().member("member-alasdair-kerr"))
        let backend = HeadlessBackend(size: Size(width: 80, height: 24))
        let (ended, _) = try startLoop(as: member, on: backend)
        backend.mouse(MouseEvent(.click, x: 40, y: 1))
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !backend.screenText.contains(" 1/72") { usleep(10_000) }
        XCTAssertTrue(backend.screenText.contains("Thistle │ My cases"), backend.screenText)
        backend.mouse(MouseEvent(.wheelDown, x: 10, y: 10))
        while Date() < deadline, !backend.screenText.contains(" 4/72") { usleep(10_000) }
        XCTAssertTrue(backend.screenText.contains(" 4/72"), backend.screenText)
        backend.press(.character("q"))
        wait(for: [ended], timeout: 10)
    }
}
