import Foundation
import PlaceDomain
import XCTest

final class StalledAndOverdueTests: XCTestCase {
    let sent = Team.now

    func referral(_ state: ReferralState) -> Referral {
        Referral(
            id: "ref-1", needID: "need-1", caseID: "case-1", serviceID: "service-debt", state: state, sentAt: sent,
            sentByID: "member-ann")
    }

    func testReferralPastItsTypicalWaitIsStalled() {
        XCTAssertTrue(referral(.sent).isStalled(service: Team.debt, now: sent + Team.days(10) + 1))
        XCTAssertTrue(
            referral(.accepted).isStalled(service: Team.debt, now: sent + Team.days(11)),
            "accepted but not finished past the wait is stalled too")
    }

    func testReferralWithinItsTypicalWaitIsNotStalled() {
        XCTAssertFalse(referral(.sent).isStalled(service: Team.debt, now: sent + Team.days(9)))
        XCTAssertFalse(referral(.sent).isStalled(service: Team.debt, now: sent + Team.days(10)), "exactly on time")
    }

    func testAServiceWithNoTypicalWaitNeverStallsAReferral() {
        XCTAssertFalse(referral(.sent).isStalled(service: Team.befriending, now: sent + Team.days(365)))
    }

    func testAnAnsweredReferralIsNeverStalled() {
        for state in [ReferralState.declined, .withdrawn, .completed] {
            XCTAssertFalse(referral(state).isStalled(service: Team.debt, now: sent + Team.days(30)), "\(state)")
        }
    }

    // MARK: Triage targets

    let targets = TriageTargets([
        TriageTarget(placeID: "place-shire", urgency: .urgent, hours: 48),
        TriageTarget(placeID: "place-shire", urgency: .routine, hours: 240),
        TriageTarget(placeID: "place-north", urgency: .urgent, hours: 24),
        TriageTarget(placeID: "place-alpha", urgency: .urgent, hours: 8),
        TriageTarget(placeID: "place-alpha", urgency: .urgent, hours: 12),
    ])

    func testACommunityUsesItsOwnTriageTargetFirst() {
        XCTAssertEqual(
            targets.effective(for: .urgent, at: "place-alpha", in: Team.tree),
            TriageTarget(placeID: "place-alpha", urgency: .urgent, hours: 8),
            "of two targets for one place, the stricter holds")
    }

    func testAPlaceWithoutATargetUsesTheNearestPlaceAboveIt() {
        XCTAssertEqual(targets.effective(for: .urgent, at: "place-beta", in: Team.tree)?.placeID, "place-north")
        XCTAssertEqual(targets.effective(for: .urgent, at: "place-gamma", in: Team.tree)?.hours, 48)
        XCTAssertEqual(targets.effective(for: .routine, at: "place-alpha", in: Team.tree)?.placeID, "place-shire")
        XCTAssertNil(targets.effective(for: .soon, at: "place-alpha", in: Team.tree), "no place sets a target for soon")
    }

    func testAnOpenNeedPastItsTargetIsOverdue() {
        let need = Need(id: "need-1", caseID: "case-1", category: "food", urgency: .urgent, createdAt: sent)
        XCTAssertFalse(targets.isOverdue(need, at: "place-beta", in: Team.tree, now: sent + Team.hours(24)))
        XCTAssertTrue(targets.isOverdue(need, at: "place-beta", in: Team.tree, now: sent + Team.hours(24) + 1))
        XCTAssertTrue(targets.isOverdue(need, at: "place-alpha", in: Team.tree, now: sent + Team.hours(9)))
        XCTAssertFalse(targets.isOverdue(need, at: "place-gamma", in: Team.tree, now: sent + Team.hours(47)))
    }

    func testARoutedNeedOrOneWithNoTargetIsNeverOverdue() {
        var need = Need(id: "need-1", caseID: "case-1", category: "food", urgency: .urgent, createdAt: sent)
        need.state = .routed
        XCTAssertFalse(targets.isOverdue(need, at: "place-alpha", in: Team.tree, now: sent + Team.days(30)))
        let soon = Need(id: "need-2", caseID: "case-1", category: "food", urgency: .soon, createdAt: sent)
        XCTAssertFalse(targets.isOverdue(soon, at: "place-alpha", in: Team.tree, now: sent + Team.days(30)))
    }
}
