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

final class ChasingTests: XCTestCase {
    let now = Team.now

    func testTheLeadChasesAReferralStillWithItsServiceOnTheTimeline() throws {
        for file in [try Team.referredCase(), try Team.acceptedCase()] {
            let update = try file.chase("ref-debt", by: Team.acting(Team.ann), now: now)
            XCTAssertEqual(update.file, file, "a chase changes no state")
            XCTAssertEqual(update.events, [CaseEvent(.referralChased("ref-debt"), by: "member-ann", at: now)])
        }
        XCTAssertNoThrow(try Team.referredCase().chase("ref-debt", by: Team.acting(Team.ben), now: now),
                         "a lead serving the place may chase too")
    }

    func testOnlyTheLeadChases() throws {
        assertRefused(
            try Team.referredCase().chase("ref-debt", by: Team.acting(Team.fay), now: now),
            .notLeadOrLeadServingPlace(member: "member-fay", case: "case-1"))
    }

    func testAnAnsweredReferralCannotBeChased() throws {
        let declined = try Team.referredCase().decline(
            "ref-debt", service: Team.debt, reason: "Full this month.", by: Team.acting(Team.fay), now: now).file
        assertRefused(
            try declined.chase("ref-debt", by: Team.acting(Team.ann), now: now),
            .referralNotWithService("ref-debt", .declined))
        assertRefused(try declined.chase("ref-none", by: Team.acting(Team.ann), now: now), .unknownReferral("ref-none"))
    }
}

final class ImpliedHistoryTests: XCTestCase {
    func testACaseBroughtInWholeGetsTheTimelineItsDatesImply() throws {
        let t = Team.now
        var file = try Team.referredCase()
        file = try file.decline("ref-debt", service: Team.debt, reason: "Full.", by: Team.acting(Team.fay), now: t).file
        file = try file.closeNeed("need-food", reason: "Sorted by a neighbour.", by: Team.acting(Team.ann), now: t + 60).file
        let kinds = file.impliedEvents.map(\.kind)
        XCTAssertEqual(kinds, [
            .caseOpened("case-1"),
            .referred("ref-debt", need: "need-debt", service: "service-debt"),
            .referralDeclined("ref-debt", reason: "Full.", suggested: nil, onBehalf: false),
            .needReturned("need-debt", referral: "ref-debt"),
            .needClosed("need-food", reason: "Sorted by a neighbour."),
        ])
        XCTAssertEqual(file.impliedEvents.map(\.byID), ["member-ann", "member-ann", "member-fay", "member-fay", "member-ann"])
        let times = file.impliedEvents.map(\.at)
        XCTAssertEqual(times, times.sorted(), "oldest first")
    }
}
