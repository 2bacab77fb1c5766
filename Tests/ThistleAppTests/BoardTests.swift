import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// A team lead's board for Levenmouth: golden screens of every tab at 80×24
/// and 120×40, then re-rating a priority and allocating from the pot, with
/// the refusals a user would meet.
final class BoardTests: DemoTestCase {
    static let lead: MemberID = "member-morven-sinclair"

    /// Home → Levenmouth (the fifth row: Fife, then its areas by name) → b.
    static func openLevenmouth(_ app: AppDriver) {
        app.press(.down, .down, .down, .down, .down, .character("b"))
    }

    func eachSize(_ name: String, _ steps: (AppDriver) -> Void) throws {
        let store = try Fixtures.sharedDemo()
        let member = try XCTUnwrap(try store.member(Self.lead))
        for (width, height) in GoldenScreenTests.sizes {
            let app = AppDriver(store: store, member: member, size: Size(width: width, height: height),
                                clock: FixedClock(AppDriver.morningAfterDemo))
            Self.openLevenmouth(app)
            steps(app)
            assertScreen(app.screen, named: "board-\(name)-\(width)x\(height)")
        }
    }

    func testDashboard() throws { try eachSize("dashboard") { _ in } }
    func testDashboardScrolledToTheScorecard() throws { try eachSize("dashboard-end") { $0.press(.end) } }
    func testPlan() throws { try eachSize("plan") { $0.press(.tab) } }
    func testPriority() throws { try eachSize("priority") { $0.press(.tab, .down, .enter) } }
    func testIndicators() throws { try eachSize("indicators") { $0.press(.tab, .tab) } }
    func testIndicatorComparingPlaces() throws { try eachSize("indicator") { $0.press(.tab, .tab, .down, .down, .enter) } }
    func testPlaceStandardAndVoice() throws { try eachSize("evidence") { $0.press(.tab, .tab, .tab) } }
    func testPot() throws { try eachSize("pot") { $0.press(.tab, .tab, .tab, .tab) } }
    func testLearning() throws { try eachSize("learning") { $0.press(.backTab) } }

    func board(_ app: AppDriver) throws -> BoardScreen {
        guard case .board(let screen)? = app.state.stack.last else { throw WrongScreen("a place board") }
        return screen
    }

    func app(_ store: PlaceStore, as id: MemberID) throws -> AppDriver {
        AppDriver(store: store, member: try XCTUnwrap(try store.member(id)), size: Size(width: 80, height: 24),
                  clock: FixedClock(AppDriver.morningAfterDemo))
    }

    func testTheBoardCountsWhatTheStoreHolds() throws {
        let store = try Fixtures.sharedDemo()
        let app = try app(store, as: Self.lead)
        Self.openLevenmouth(app)
        let shown = try XCTUnwrap(try board(app).board)
        let tree = try store.placeTree()
        XCTAssertEqual(shown.dashboard, try store.dashboard(of: "place-levenmouth", tree: tree, now: AppDriver.morningAfterDemo))
        XCTAssertTrue(app.screen.contains("\(shown.dashboard.awaitingTriage) awaiting"), app.screen)
        XCTAssertTrue(app.screen.contains("Fife › Levenmouth › Board"), app.screen)
    }

    func testALeadReRatesAPriorityWithAReason() throws {
        let store = try freshDemo()
        let app = try app(store, as: Self.lead)
        Self.openLevenmouth(app)
        app.press(.tab)
        let red = try XCTUnwrap(try board(app).board?.priorities.first)
        XCTAssertEqual(red.rag, .red)
        app.press(.character("R"))
        app.press(.down, .enter)
        app.press(.enter)
        XCTAssertEqual(app.state.notice, "Give a reason for the RAG status; it cannot be blank.")
        XCTAssertEqual(try store.priority(red.id)?.rag, .red, "a blank reason changes nothing")
        app.press(.character("R"), .down, .enter)
        app.type("Outreach has started in both streets")
        app.press(.enter)
        let saved = try XCTUnwrap(try store.priority(red.id))
        XCTAssertEqual(saved.rag, .amber)
        XCTAssertEqual(saved.ragReason, "Outreach has started in both streets")
        XCTAssertEqual(saved.ragDate, "2026-11-24")
        let shown = try board(app)
        XCTAssertEqual(shown.board?.priorities[shown.selection.index].id, red.id, "the selection follows the priority")
    }

    func testAllocatingMoreThanAStreamHasIsRefusedAndWithinItIsSaved() throws {
        let store = try freshDemo()
        let app = try app(store, as: Self.lead)
        Self.openLevenmouth(app)
        app.press(.tab, .tab, .tab, .tab)
        let before = try XCTUnwrap(try board(app).board?.pot)
        let stream = before.streams[0]
        let left = before.remaining(in: stream.id)
        app.press(.character("a"), .enter, .enter)
        XCTAssertTrue(app.screen.contains("Conditions:"), "the stream's conditions are shown where money is allocated")
        app.type(String(left + 1))
        app.press(.enter)
        XCTAssertEqual(app.state.notice, "\(stream.name) has \(Money.text(left)) left, so \(Money.text(left + 1)) cannot be allocated from it.")
        XCTAssertEqual(try store.pot(of: ["place-levenmouth"]), before)
        app.press(.character("a"), .enter, .enter)
        app.type("1,500")
        app.press(.enter)
        let after = try store.pot(of: ["place-levenmouth"])
        XCTAssertEqual(after.allocated, before.allocated + 1_500)
        XCTAssertEqual(after.remaining(in: stream.id), left - 1_500)
        XCTAssertEqual(try board(app).board?.pot, after, "the board shows the new allocation")
    }

    func testAFrontlineWorkerMayReadTheBoardButNotChangeThePlan() throws {
        let store = try freshDemo()
        let app = try app(store, as: "member-aileen-baxter")
        Self.openLevenmouth(app)
        app.press(.tab)
        let first = try XCTUnwrap(try board(app).board?.priorities.first)
        app.press(.character("R"), .enter)
        app.type("Looks better")
        app.press(.enter)
        XCTAssertEqual(app.state.notice,
                       "member-aileen-baxter is a frontline worker; only leads and admins serving place-levenmouth change its plan or pot.")
        XCTAssertEqual(try store.priority(first.id), first)
    }

    func testALeadAddsAPriorityThenAnActionAndMovesItOn() throws {
        let store = try freshDemo()
        let app = try app(store, as: Self.lead)
        Self.openLevenmouth(app)
        app.press(.tab)
        let before = try XCTUnwrap(try board(app).board?.priorities.count)
        app.press(.character("n"))
        app.type("Safe routes to the new station")
        app.press(.enter)
        XCTAssertTrue(app.screen.contains("Which agency leads it?"), app.screen)
        app.press(.enter, .down, .down, .enter)
        app.type("Agreed at the board this month")
        app.press(.enter)
        XCTAssertNil(app.state.notice)
        let plan = try XCTUnwrap(try store.plans(for: "place-levenmouth").first)
        let added = try XCTUnwrap(try store.priorities(of: plan.id).first { $0.title == "Safe routes to the new station" })
        XCTAssertEqual(added.rag, .green)
        XCTAssertEqual(added.ragReason, "Agreed at the board this month")
        XCTAssertEqual(try board(app).board?.priorities.count, before + 1)

        let index = try XCTUnwrap(try board(app).board?.priorities.firstIndex { $0.id == added.id })
        app.press(.home)
        for _ in 0..<index { app.press(.down) }
        app.press(.enter)
        app.press(.character("n"))
        app.type("Walk the routes with parents")
        app.press(.enter, .enter)
        app.type("2027-13-01")
        app.press(.enter)
        XCTAssertEqual(app.state.notice, "The due date \"2027-13-01\" is not a date: write YYYY-MM-DD.")
        XCTAssertEqual(try store.actions(of: added.id), [])
        app.press(.character("n"))
        app.type("Walk the routes with parents")
        app.press(.enter, .enter)
        app.type("2027-03-01")
        app.press(.enter)
        let action = try XCTUnwrap(try store.actions(of: added.id).first)
        XCTAssertEqual(action.due, "2027-03-01")
        XCTAssertEqual(action.status, .notStarted)
        XCTAssertTrue(app.screen.contains("Walk the routes with parents"), "the priority screen shows it at once\n" + app.screen)
        app.press(.character("s"), .enter, .down, .down, .enter)
        XCTAssertEqual(try store.actions(of: added.id).first?.status, .done)
    }
}
