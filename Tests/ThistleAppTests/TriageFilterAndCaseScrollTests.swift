import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// Narrowing the triage queue, scrolling a long case, chasing a stalled
/// referral and answering for a service that is not on Thistle.
final class TriageFilterAndCaseScrollTests: DemoTestCase {
    let lead: MemberID = "member-aileen-baxter"

    func app(_ store: PlaceStore, width: Int = 80, height: Int = 24) throws -> AppDriver {
        AppDriver(store: store, member: try XCTUnwrap(try store.member(lead)), size: Size(width: width, height: height))
    }

    func queue(_ app: AppDriver) throws -> TriageQueueScreen {
        guard case .triageQueue(let screen)? = app.state.stack.last else { throw WrongScreen("the triage queue") }
        return screen
    }

    func caseScreen(_ app: AppDriver) throws -> CaseScreen {
        guard case .caseFile(let screen)? = app.state.stack.last else { throw WrongScreen("a case") }
        return screen
    }

    /// Chooses the line `text` in the open prompt, then Enter.
    func choose(_ text: String, in app: AppDriver, prompt: (AppDriver) throws -> Prompt?) throws {
        let choices = try XCTUnwrap(try prompt(app)?.choices, app.screen)
        let index = try XCTUnwrap(choices.firstIndex(of: text), "\(text) is not offered: \(choices)")
        for _ in 0..<index { app.press(.down) }
        app.press(.enter)
    }

    func testFilteringByAnAreaKeepsItsCommunitiesAndUrgencyNarrowsFurther() throws {
        let store = try Fixtures.sharedDemo()
        let app = try app(store)
        app.press(.character("3"))
        let all = try XCTUnwrap(try queue(app).rows)
        let tree = try store.placeTree()
        let kennoway = try XCTUnwrap(tree.places.values.first { $0.name == "Kennoway" })
        XCTAssertTrue(all.contains { $0.item.placeID != kennoway.id }, "the queue spans more than Kennoway")

        app.press(.character("f"))
        XCTAssertTrue(app.screen.contains("Narrow the queue by"), app.screen)
        app.press(.enter)
        try choose("Kennoway", in: app) { try self.queue($0).prompt }
        let inKennoway = try XCTUnwrap(try queue(app).rows)
        XCTAssertEqual(inKennoway, all.filter { $0.item.placeID == kennoway.id })
        XCTAssertTrue(app.screen.contains("Showing only Kennoway"), app.screen)

        app.press(.character("f"), .down, .down, .enter)
        try choose("urgent", in: app) { try self.queue($0).prompt }
        let urgent = try XCTUnwrap(try queue(app).rows)
        XCTAssertEqual(urgent, inKennoway.filter { $0.item.urgency == .urgent })
        XCTAssertFalse(urgent.isEmpty)

        app.press(.character("F"))
        XCTAssertEqual(try queue(app).rows, all, "F clears every filter")

        app.press(.character("f"), .enter)
        try choose("Levenmouth", in: app) { try self.queue($0).prompt }
        let area = try XCTUnwrap(try queue(app).rows)
        XCTAssertEqual(area, all.filter { tree.contains(tree.path(to: kennoway.id)[1].id, $0.item.placeID) })
        XCTAssertEqual(area, all, "Aileen serves Levenmouth only, so the area filter keeps everything")
    }

    func testAFilterThatMatchesNothingSaysSoAndEscapeChangesNothing() throws {
        let app = try app(try Fixtures.sharedDemo())
        app.press(.character("3"))
        let all = try XCTUnwrap(try queue(app).rows)
        app.press(.character("f"), .escape)
        XCTAssertEqual(try queue(app).rows, all)
        XCTAssertNil(try queue(app).prompt)
        let categories = Set(all.compactMap(\.category))
        app.press(.character("f"), .down, .enter)
        XCTAssertEqual(try queue(app).prompt?.choices, categories.sorted().map(\.rawValue),
                       "only kinds of need in the queue are offered")
    }

    /// Opens Hannah Hunter's case from My cases: a routed need stalled with a service.
    func openStalledCase(_ app: AppDriver, _ store: PlaceStore) throws -> CaseID {
        app.press(.character("4"))
        guard case .myCases(let screen)? = app.state.stack.last else { throw WrongScreen("my cases") }
        let rows = try XCTUnwrap(screen.work.rows)
        let index = try XCTUnwrap(rows.firstIndex { $0.item.stalled == true })
        for _ in 0..<index { app.press(.down) }
        app.press(.enter)
        return try caseScreen(app).caseID
    }

    func testALongCaseScrollsToItsTimelineAndBack() throws {
        let store = try Fixtures.sharedDemo()
        let app = try app(store)
        let id = try openStalledCase(app, store)
        let detail = try XCTUnwrap(try caseScreen(app).detail)
        let lastEvent = try XCTUnwrap(CaseScreen.timelineLines(detail).last)
        XCTAssertTrue(app.screen.contains("Resident"), app.screen)
        XCTAssertFalse(app.screen.contains(String(lastEvent.prefix(60))), "the timeline's end is below the fold")
        XCTAssertTrue(app.screen.contains(" of "), "a position shows the case is longer than the screen")
        app.press(.end)
        XCTAssertTrue(app.screen.contains(String(lastEvent.prefix(60))), app.screen)
        XCTAssertFalse(app.screen.contains(" Resident "), app.screen)
        app.press(.home)
        XCTAssertTrue(app.screen.contains(" Resident "), app.screen)
        app.press(.pageDown, .pageDown, .pageDown, .pageDown)
        XCTAssertTrue(app.screen.contains(String(lastEvent.prefix(60))), "paging stops at the end")
        app.resize(80, 60)
        XCTAssertTrue(app.screen.contains(" Resident "), "taller than the case: all of it shows\n" + app.screen)
        XCTAssertEqual(try store.caseFile(id), detail.file, "scrolling changes nothing")
    }

    func testChasingAStalledReferralGoesOnTheTimeline() throws {
        let store = try freshDemo()
        let app = try app(store)
        let id = try openStalledCase(app, store)
        let before = try XCTUnwrap(try store.caseFile(id))
        let stalled = try XCTUnwrap(try caseScreen(app).detail.flatMap { detail in
            detail.file.referrals.first { detail.isStalled($0) } })
        app.press(.character("h"))
        XCTAssertTrue(app.screen.contains("Chase a referral"), app.screen)
        app.press(.enter)
        XCTAssertNil(app.state.notice)
        XCTAssertEqual(try store.caseFile(id), before, "a chase changes no state")
        let chase = try XCTUnwrap(try store.caseEvents(id).last)
        XCTAssertEqual(chase.kind, "referral-chased")
        XCTAssertEqual(chase.subject, stalled.id.rawValue)
        XCTAssertEqual(chase.by, lead)
        XCTAssertTrue(app.screen.contains("chased 2026-"), app.screen)
    }

    func testTheLeadRecordsTheAnswerOfAServiceNotOnThistle() throws {
        let store = try freshDemo()
        let app = try app(store)
        let creditUnion: ServiceID = "service-levenmouth-credit-union-affordable-loans"
        let service = try XCTUnwrap(try store.service(creditUnion))
        XCTAssertFalse(try store.agencyHasMembers(service.agencyID))
        // A case of Aileen's with an open money need, referred to the credit union.
        let rows = try StoreEffects(store: store, clock: FixedClock(AppDriver.morningAfterDemo)).workRows(.casesLed, for: lead)
        var target: (CaseID, NeedID)?
        for row in rows where row.item.status == "open" {
            let file = try XCTUnwrap(try store.caseFile(row.item.caseID))
            if let need = file.needs.first(where: { $0.state == .open && $0.category == "money-debt" }) {
                target = (file.case.id, need.id)
                break
            }
        }
        let (caseID, needID) = try XCTUnwrap(target, "no open money need among Aileen's cases")
        let effects = StoreEffects(store: store, clock: FixedClock(AppDriver.morningAfterDemo))
        _ = try effects.apply(.recordConsent(service.agencyID), to: caseID, by: lead)
        _ = try effects.apply(.refer(needID, to: creditUnion), to: caseID, by: lead)
        let referral = try XCTUnwrap(try store.caseFile(caseID)?.referrals.first { $0.serviceID == creditUnion })

        app.press(.character("4"))
        guard case .myCases(let list)? = app.state.stack.last else { throw WrongScreen("my cases") }
        let index = try XCTUnwrap(list.work.rows?.firstIndex { $0.item.caseID == caseID })
        for _ in 0..<index { app.press(.down) }
        app.press(.enter)
        app.press(.character("A"))
        XCTAssertTrue(app.screen.contains("Answer for a service"), app.screen)
        app.press(.enter)
        XCTAssertTrue(app.screen.contains("They declined it"), app.screen)
        app.press(.down, .enter)
        app.type("No loans to anyone with an active debt relief order.")
        app.press(.enter)
        XCTAssertNil(app.state.notice)
        let after = try XCTUnwrap(try store.caseFile(caseID))
        XCTAssertEqual(after.referral(referral.id)?.state, .declined)
        XCTAssertEqual(after.need(needID)?.state, .open)
        XCTAssertEqual(after.need(needID)?.returned, true, "the declined need comes back to the lead")
        let declined = try XCTUnwrap(try store.caseEvents(caseID).first { $0.kind == "referral-declined" && $0.subject == referral.id.rawValue })
        XCTAssertEqual(declined.by, lead)
    }

    func testAnsweringForAServiceOnThistleIsNotOffered() throws {
        let store = try freshDemo()
        let app = try app(store)
        let id = try openStalledCase(app, store)
        let before = try store.caseFile(id)
        app.press(.character("A"))
        XCTAssertEqual(app.state.notice,
                       "No referral here is with an agency off Thistle: its members answer for themselves.")
        XCTAssertEqual(try store.caseFile(id), before)
    }
}
