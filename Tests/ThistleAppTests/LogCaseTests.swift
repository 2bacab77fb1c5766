import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// Logging a case at the door: find or register the resident, tick needs
/// and consent, write a first note, and land on the new case.
final class LogCaseTests: DemoTestCase {
    func app(_ store: PlaceStore, as id: MemberID) throws -> AppDriver {
        AppDriver(store: store, member: try XCTUnwrap(try store.member(id)), size: Size(width: 120, height: 40))
    }

    func form(_ app: AppDriver) throws -> LogCaseScreen {
        guard case .logCase(let screen)? = app.state.stack.last else { throw WrongScreen("Log a case") }
        return screen
    }

    /// Moves to the row of the needs or consent list whose index `find` gives, then ticks it.
    func tick(_ app: AppDriver, at index: Int, current: Int) {
        for _ in 0..<abs(index - current) { app.press(index > current ? .down : .up) }
        app.press(.character(" "))
    }

    func testLoggingACaseForAnExistingResidentWithTwoNeedsAndConsentOpensTheCase() throws {
        let store = try freshDemo()
        let app = try app(store, as: "member-aileen-baxter")
        app.press(.character("3"), .character("n"))
        XCTAssertTrue(app.screen.contains("Log a case"), app.screen)
        app.type("Craig Watt")
        XCTAssertTrue(app.screen.contains("Craig Watt · born 1938-12-14"), app.screen)
        app.press(.enter)
        var screen = try form(app)
        XCTAssertEqual(screen.step, .needs)
        let housing = try XCTUnwrap(screen.categories.firstIndex { $0.id == "housing" })
        let money = try XCTUnwrap(screen.categories.firstIndex { $0.id == "money-debt" })
        tick(app, at: housing, current: 0)
        app.press(.character("u"))
        tick(app, at: money, current: housing)
        app.press(.enter)
        screen = try form(app)
        XCTAssertEqual(screen.step, .consent)
        let housingAgency = try XCTUnwrap(screen.agencies.firstIndex { $0.id == "agency-fife-council-housing" })
        tick(app, at: housingAgency, current: 0)
        app.press(.enter)
        app.type("Came in about rent arrears")
        app.press(.enter)
        guard case .caseFile(let opened)? = app.state.stack.last else { return XCTFail("not on the case:\n\(app.screen)") }
        let file = try XCTUnwrap(try store.caseFile(opened.caseID))
        XCTAssertEqual(Set(file.needs.map(\.category)), ["housing", "money-debt"])
        XCTAssertEqual(file.needs.first { $0.category == "housing" }?.urgency, .routine)
        XCTAssertEqual(file.consents.map(\.agencyID), ["agency-fife-council-housing"])
        XCTAssertEqual(file.case.summary, "Came in about rent arrears")
        XCTAssertTrue(app.screen.contains("housing"), app.screen)
        XCTAssertTrue(app.screen.contains("money-debt"), app.screen)
        XCTAssertTrue(app.screen.contains("Fife Council Housing Services (consent)"), app.screen)
        XCTAssertTrue(app.screen.contains("Craig Watt"), app.screen)
    }

    func testANearDuplicateNewResidentShowsTheCandidateAndWritesNothingUntilConfirmed() throws {
        let store = try freshDemo()
        let existing = Resident(
            id: "res-siobhan", givenName: "Siobhán", familyName: "MacDonald", dateOfBirth: "1984-03-02",
            postcode: "KY8 1AB", placeID: "place-methil")
        try store.write(by: "member-aileen-baxter", [try .create(existing)])
        let app = try app(store, as: "member-aileen-baxter")
        app.press(.character("3"), .character("n"), .character("+"))
        app.type("Siobhan Macdonald")
        app.press(.tab)
        app.type("1984-03-02")
        app.press(.tab)
        app.type("KY8 3XY")
        app.press(.enter)
        XCTAssertEqual(try form(app).step, .duplicates)
        XCTAssertTrue(app.screen.contains("Siobhán MacDonald · born 1984-03-02"), app.screen)
        XCTAssertEqual(try store.residents(bornOn: "1984-03-02").count, 1)
        app.press(.character("N"))
        XCTAssertEqual(try form(app).step, .needs)
        XCTAssertEqual(try store.residents(bornOn: "1984-03-02").count, 1, "confirming does not write yet")
        app.press(.character(" "), .enter, .enter)
        app.press(.enter)
        guard case .caseFile = app.state.stack.last else { return XCTFail("not on the case:\n\(app.screen)") }
        let born = try store.residents(bornOn: "1984-03-02")
        XCTAssertEqual(born.map(\.fullName).sorted(), ["Siobhan Macdonald", "Siobhán MacDonald"])
    }

    func testAnAnalystIsRefusedWithTheRulesMessage() throws {
        let store = try Fixtures.sharedDemo()
        let app = try app(store, as: "member-euan-mackie")
        app.press(.character("3"), .character("n"))
        guard case .triageQueue = app.state.stack.last else { return XCTFail("an analyst opened Log a case") }
        let member = try XCTUnwrap(try store.member("member-euan-mackie"))
        let message = CaseRuleViolation.roleMayNotTakeNeeds(member: member.id, role: member.role).description
        XCTAssertEqual(app.state.notice, message)
        XCTAssertTrue(app.screen.contains(String(message.prefix(40))), app.screen)
    }

    func testQuestionMarkQAndDigitsAreTextInTheSearchField() throws {
        let app = try app(try Fixtures.sharedDemo(), as: "member-aileen-baxter")
        app.press(.character("4"), .character("n"))
        app.type("q?15")
        let screen = try form(app)
        XCTAssertEqual(screen.search.text, "q?15")
        XCTAssertNil(app.state.overlay)
        XCTAssertFalse(app.state.isQuitting)
        app.press(.escape)
        guard case .myCases = app.state.stack.last else { return XCTFail("Esc did not leave Log a case") }
    }

    func testTheSearchFieldStopsAtItsLimitAndStillFinds() throws {
        let app = try app(try Fixtures.sharedDemo(), as: "member-aileen-baxter")
        app.press(.character("4"), .character("n"))
        app.type("Craig " + String(repeating: " ", count: ResidentSearch.maximumLength))
        app.type("Watt")
        let search = try form(app).search.text
        XCTAssertEqual(search.count, ResidentSearch.maximumLength)
        XCTAssertFalse(search.contains("W"), "nothing typed beyond the limit")
        XCTAssertTrue(app.screen.contains("Craig Watt · born 1938-12-14"), app.screen)
        XCTAssertNil(app.state.notice)
    }

    func testEveryStepHasHelpTextAndNoKeyTwice() throws {
        for step in [LogCaseScreen.Step.resident, .newResident, .duplicates, .needs, .consent, .note] {
            var screen = LogCaseScreen(from: "Triage queue")
            screen.step = step
            let keys = screen.stepBindings.flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "\(step)")
            XCTAssertFalse(screen.stepBindings.contains { $0.help.isEmpty }, "\(step)")
        }
    }
}
