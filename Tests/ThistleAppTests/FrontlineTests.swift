import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// The triage queue, my cases, referrals in and the case screen as a
/// frontline worker meets them. Tests that write get a demo of their own.
final class FrontlineTests: DemoTestCase {
    func app(_ store: PlaceStore, as id: MemberID, width: Int = 120, height: Int = 40) throws -> AppDriver {
        AppDriver(store: store, member: try XCTUnwrap(try store.member(id)), size: Size(width: width, height: height))
    }

    func rows(_ app: AppDriver) throws -> [WorkRow] {
        switch app.state.stack.last {
        case .triageQueue(let screen)?: return try XCTUnwrap(screen.rows)
        case .myCases(let screen)?: return try XCTUnwrap(screen.work.rows)
        case .referralsIn(let screen)?: return try XCTUnwrap(screen.work.rows)
        default: throw WrongScreen("a worklist")
        }
    }

    /// Moves the selection of the worklist on screen to `index`.
    func select(_ index: Int, in app: AppDriver) {
        app.press(.home)
        for _ in 0..<index { app.press(.down) }
    }

    func testTriageQueueListsTheMostUrgentFirstAndEnterOpensThatCase() throws {
        let app = try app(try Fixtures.sharedDemo(), as: "member-aileen-baxter")
        app.press(.character("3"))
        XCTAssertTrue(app.screen.contains("Triage queue"), app.screen)
        let queue = try rows(app)
        XCTAssertFalse(queue.isEmpty)
        let rank: [Urgency?: Int] = [.urgent: 0, .soon: 1, .routine: 2]
        XCTAssertEqual(queue.map { rank[$0.item.urgency] ?? 3 }, queue.map { rank[$0.item.urgency] ?? 3 }.sorted())
        XCTAssertEqual(queue[0].item.urgency, .urgent)
        app.press(.enter)
        guard case .caseFile(let screen)? = app.state.stack.last else { return XCTFail("Enter did not open the case") }
        XCTAssertEqual(screen.caseID, queue[0].item.caseID)
        XCTAssertTrue(app.screen.contains("› \(queue[0].item.caseID)"), app.screen)
        if queue[0].residentName == WorkRow.notShared {
            XCTAssertTrue(app.screen.contains("not shared with your agency"), app.screen)
        } else {
            XCTAssertTrue(app.screen.contains(queue[0].residentName), app.screen)
        }
        app.press(.escape)
        guard case .triageQueue = app.state.stack.last else { return XCTFail("Esc did not go back to the queue") }
    }

    func testDigitsNeedAMember() throws {
        let app = AppDriver(store: try Fixtures.sharedDemo(), member: nil)
        app.press(.character("3"), .character("4"), .character("5"))
        guard case .memberPicker = app.state.stack.last else { return XCTFail("a digit skipped choosing a member") }
    }

    /// Referrals in for Aileen Baxter (social work), on the first referral still only sent.
    func onASentReferral(_ store: PlaceStore) throws -> (AppDriver, WorkRow) {
        let app = try app(store, as: "member-aileen-baxter")
        app.press(.character("5"))
        let incoming = try rows(app)
        let index = try XCTUnwrap(incoming.firstIndex { $0.item.status == "sent" })
        select(index, in: app)
        return (app, incoming[index])
    }

    func testDecliningWithoutAReasonShowsTheRuleMessageAndChangesNothing() throws {
        let store = try freshDemo()
        let (app, row) = try onASentReferral(store)
        let before = try store.caseFile(row.item.caseID)
        app.press(.character("d"))
        XCTAssertTrue(app.screen.contains("Decline referral"), app.screen)
        app.press(.enter)
        let message = CaseRuleViolation.reasonMissing(.declining(try XCTUnwrap(row.item.referralID))).description
        XCTAssertEqual(app.state.notice, message)
        XCTAssertTrue(app.screen.contains(String(message.prefix(30))), app.screen)
        XCTAssertEqual(try store.caseFile(row.item.caseID), before)
    }

    func testEscCancelsTheDeclineAndChangesNothing() throws {
        let store = try freshDemo()
        let (app, row) = try onASentReferral(store)
        let before = try store.caseFile(row.item.caseID)
        app.press(.character("d"))
        app.type("no")
        app.press(.escape)
        XCTAssertFalse(app.screen.contains("Decline referral"))
        XCTAssertEqual(try store.caseFile(row.item.caseID), before)
    }

    func testDeclinedReferralReturnsNeedToLead() throws {
        let store = try freshDemo()
        let (app, row) = try onASentReferral(store)
        app.press(.character("d"))
        app.type("No capacity until the new year")
        app.press(.enter)
        XCTAssertNil(app.state.notice)
        let file = try XCTUnwrap(try store.caseFile(row.item.caseID))
        let referral = try XCTUnwrap(file.referral(try XCTUnwrap(row.item.referralID)))
        XCTAssertEqual(referral.state, .declined)
        XCTAssertEqual(referral.reason, "No capacity until the new year")
        XCTAssertFalse(try rows(app).contains { $0.item.referralID == referral.id }, "the declined referral left the list")

        let lead = try self.app(store, as: file.case.leadID)
        lead.press(.character("4"))
        let mine = try rows(lead)
        let returned = try XCTUnwrap(mine.firstIndex { $0.item.needID == referral.needID })
        XCTAssertEqual(mine[returned].item.returned, true)
        XCTAssertTrue(mine.prefix(returned).allSatisfy { $0.item.returned == true }, "returned needs come first")
        let line = try XCTUnwrap(lead.screen.split(separator: "\n").first { $0.contains(mine[returned].residentName) })
        XCTAssertTrue(line.contains("returned"), String(line))
    }

    func testReferringWithoutConsentShowsTheConsentMessageAndYRecordsItAndSends() throws {
        let store = try freshDemo()
        let lead: MemberID = "member-aileen-baxter"
        let app = try app(store, as: lead)
        app.press(.character("4"))
        // A case Aileen leads with an open need that some service without consent can take.
        var found: (index: Int, need: Int, service: Int, agency: AgencyID)?
        let effects = StoreEffects(store: store)
        for (index, row) in try rows(app).enumerated() where row.item.status == "open" {
            let file = try XCTUnwrap(try store.caseFile(row.item.caseID))
            let open = file.needs.filter { $0.state == .open }
            guard let needIndex = open.firstIndex(where: { $0.id == row.item.needID }) else { continue }
            let targets = try effects.referralTargets(file.case.id, open[needIndex].id)
            if let serviceIndex = targets.firstIndex(where: { file.activeConsent(for: $0.service.agencyID) == nil }) {
                found = (index, needIndex, serviceIndex, targets[serviceIndex].service.agencyID)
                break
            }
        }
        let target = try XCTUnwrap(found, "no case of Aileen's can be referred without consent")
        select(target.index, in: app)
        app.press(.enter)
        guard case .caseFile(let screen)? = app.state.stack.last else { return XCTFail("not on the case") }
        let before = try store.caseFile(screen.caseID)
        app.press(.character("r"))
        for _ in 0..<target.need { app.press(.down) }
        app.press(.enter)
        XCTAssertTrue(app.screen.contains("To which service?"), app.screen)
        for _ in 0..<target.service { app.press(.down) }
        app.press(.enter)
        let message = CaseRuleViolation.consentMissing(agency: target.agency).description
        XCTAssertEqual(app.state.notice, message)
        XCTAssertTrue(app.screen.contains("No consent is recorded"), app.screen)
        XCTAssertEqual(try store.caseFile(screen.caseID), before, "a refusal changes nothing")

        app.press(.character("y"))
        let after = try XCTUnwrap(try store.caseFile(screen.caseID))
        XCTAssertNotNil(after.activeConsent(for: target.agency))
        XCTAssertEqual(after.referrals.count, (before?.referrals.count ?? 0) + 1)
        XCTAssertTrue(app.screen.contains("sent"), app.screen)
    }

    func testClosingACaseWithANeedOpenShowsTheRuleMessage() throws {
        let store = try freshDemo()
        let app = try app(store, as: "member-aileen-baxter")
        app.press(.character("4"))
        let row = try XCTUnwrap(try rows(app).first { $0.item.status == "open" })
        select(try rows(app).firstIndex(of: row)!, in: app)
        app.press(.enter)
        let before = try store.caseFile(row.item.caseID)
        app.press(.character("C"))
        app.press(.enter)
        XCTAssertTrue(app.state.notice?.contains("not yet met or closed") ?? false, app.state.notice ?? "no notice")
        XCTAssertEqual(try store.caseFile(row.item.caseID), before)
    }

    func testClosingANeedWithAReasonClosesIt() throws {
        let store = try freshDemo()
        let app = try app(store, as: "member-aileen-baxter")
        app.press(.character("4"))
        let row = try XCTUnwrap(try rows(app).first { $0.item.status == "open" })
        select(try rows(app).firstIndex(of: row)!, in: app)
        app.press(.enter)
        let file = try XCTUnwrap(try store.caseFile(row.item.caseID))
        let live = file.needs.filter { $0.state == .open || $0.state == .routed }
        let index = try XCTUnwrap(live.firstIndex { $0.id == row.item.needID })
        app.press(.character("x"))
        for _ in 0..<index { app.press(.down) }
        app.press(.enter)
        app.type("Resident moved away")
        app.press(.enter)
        XCTAssertNil(app.state.notice)
        let need = try XCTUnwrap(try store.caseFile(row.item.caseID)?.need(try XCTUnwrap(row.item.needID)))
        XCTAssertEqual(need.state, .closed)
        XCTAssertEqual(need.closedReason, "Resident moved away")
    }
}

extension FrontlineTests {
    func testTheTriageQueueMarksNeedsPastTheirPlacesTarget() throws {
        let store = try Fixtures.sharedDemo()
        let member = try XCTUnwrap(try store.member("member-aileen-baxter"))
        let app = AppDriver(store: store, member: member, clock: FixedClock(AppDriver.morningAfterDemo))
        app.press(.character("3"))
        guard case .triageQueue(let queue) = app.state.stack.last else { return XCTFail("not on the triage queue") }
        let targets = try store.triageTargets()
        let tree = try store.placeTree()
        let rows = try XCTUnwrap(queue.rows)
        XCTAssertFalse(rows.isEmpty)
        for row in rows {
            let need = try XCTUnwrap(try store.caseFile(row.item.caseID)?.need(XCTUnwrap(row.item.needID)))
            XCTAssertEqual(row.overdue, targets.isOverdue(need, at: row.item.placeID, in: tree, now: AppDriver.morningAfterDemo))
        }
        XCTAssertTrue(rows.contains(where: \.overdue), "the demo has needs waiting past their target")
        XCTAssertTrue(app.screen.contains("overdue"))
    }
}

extension FrontlineTests {
    func testTheWorkspaceOpensOnTheScreenAskedForOnceSignedIn() throws {
        let store = try Fixtures.sharedDemo()
        let member = try XCTUnwrap(try store.member("member-aileen-baxter"))
        var state = AppState(size: Size(width: 80, height: 24), member: member, opening: .goTriage)
        let effects = state.start()
        guard case .triageQueue? = state.stack.last else { return XCTFail("not on the triage queue: \(state.stack)") }
        guard case .loadQueue? = effects.first else { return XCTFail("the queue is read first: \(effects)") }
        XCTAssertTrue(effects.contains(.loadPlaces), "and Home's figures after it")

        var locked = AppState(size: Size(width: 80, height: 24), member: member, needsSignIn: true, opening: .goTriage)
        _ = locked.start()
        XCTAssertNotNil(locked.lock, "nothing opens before the passphrase")
        _ = locked.update(.signedIn(member))
        guard case .triageQueue? = locked.stack.last else { return XCTFail("not on the queue after sign-in") }

        let home = AppState(size: Size(width: 80, height: 24), member: member, opening: .quit)
        XCTAssertEqual(home.opening, .goHome, "only a top-level screen can be opened on")
    }
}
