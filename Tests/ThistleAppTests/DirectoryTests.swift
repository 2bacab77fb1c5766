import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

final class DirectoryTests: XCTestCase {
    func directory() throws -> AppDriver {
        let store = try Fixtures.sharedDemo()
        let member = try XCTUnwrap(try store.members(.first(1)).rows.first)
        let app = AppDriver(store: store, member: member)
        app.press(.character("2"))
        return app
    }

    func screenList(_ app: AppDriver) throws -> DirectoryScreen {
        guard case .directory(let screen) = app.state.stack.last else { throw WrongScreen("the directory") }
        return screen
    }

    func testDigitTwoOpensTheDirectoryListingEveryService() throws {
        let app = try directory()
        let screen = try screenList(app)
        let total = try Fixtures.sharedDemo().serviceCount(ServiceFilter())
        XCTAssertEqual(screen.list.total, total)
        XCTAssertTrue(app.screen.contains("1/\(total)"), app.screen)
    }

    func testWhileFilteringQQuestionMarkAndDigitsAreText() throws {
        let app = try directory()
        app.press(.character("/"))
        app.type("q?1")
        XCTAssertFalse(app.state.isQuitting)
        XCTAssertNil(app.state.overlay)
        XCTAssertEqual(try screenList(app).field.text, "q?1")
        app.press(.escape)
        XCTAssertEqual(try screenList(app).filter, "", "Esc cancels the edit")
        app.press(.character("q"))
        XCTAssertTrue(app.state.isQuitting, "after Esc, q quits again")
    }

    func testFilteringNarrowsToMatchingServicesAsYouType() throws {
        let app = try directory()
        let all = try screenList(app).list.total
        app.press(.character("/"))
        app.type("debt")
        app.press(.enter)
        let screen = try screenList(app)
        XCTAssertGreaterThan(screen.list.total, 0)
        XCTAssertLessThan(screen.list.total, all)
        for row in screen.list.rows {
            XCTAssertTrue(row.service.name.lowercased().contains("debt") || row.service.needs.contains("money-debt"),
                          row.service.name)
        }
        XCTAssertTrue(app.screen.contains("debt"))
        app.press(.ctrl("l"))
        XCTAssertEqual(try screenList(app).list.total, all)
    }

    func testAFilterMatchingNothingSaysSo() throws {
        let app = try directory()
        app.press(.character("/"))
        app.type("no such service anywhere")
        XCTAssertTrue(app.screen.contains("No service matches"), app.screen)
    }

    func testEndAndHomeJumpThroughTheWholeList() throws {
        let app = try directory()
        let total = try screenList(app).list.total
        app.press(.end)
        XCTAssertEqual(try screenList(app).list.position, total)
        XCTAssertTrue(app.screen.contains("\(total)/\(total)"))
        app.press(.home)
        XCTAssertEqual(try screenList(app).list.position, 1)
        app.press(.pageDown)
        XCTAssertEqual(try screenList(app).list.position, 1 + 17)
    }

    func testEnterShowsTheServiceInADialogAndEscClosesIt() throws {
        let app = try directory()
        let first = try XCTUnwrap(try screenList(app).list.selected)
        app.press(.enter)
        XCTAssertTrue(app.screen.contains("Run by: \(first.agencyName)"), app.screen)
        app.press(.escape)
        XCTAssertNil(app.state.overlay)
        guard case .directory = app.state.stack.last else { return XCTFail("Esc closed more than the dialog") }
    }
}
