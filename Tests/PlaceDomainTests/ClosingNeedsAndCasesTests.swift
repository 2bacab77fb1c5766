import Foundation
import PlaceDomain
import XCTest

final class ClosingNeedsAndCasesTests: XCTestCase {
    let now = Team.now

    func testClosingANeedRecordsWhoClosedItWhenAndWhy() throws {
        let update = try Team.openCase().closeNeed(
            "need-food", reason: " Family now helping with food. ",
            by: Team.acting(Team.ann), now: now)
        let need = try XCTUnwrap(update.file.need("need-food"))
        XCTAssertEqual(need.state, .closed)
        XCTAssertEqual(need.closedAt, now)
        XCTAssertEqual(need.closedByID, "member-ann")
        XCTAssertEqual(need.closedReason, "Family now helping with food.")
        XCTAssertEqual(
            update.events,
            [
                CaseEvent(.needClosed("need-food", reason: "Family now helping with food."), by: "member-ann", at: now)
            ])
    }

    func testANeedCannotBeClosedWithoutAReason() throws {
        assertRefused(
            try Team.openCase().closeNeed("need-food", reason: "  ", by: Team.acting(Team.ann), now: now),
            .reasonMissing(.closingNeed("need-food")))
    }

    func testAReasonOverTwoThousandCharactersIsRefused() throws {
        let file = try Team.openCase()
        XCTAssertNoThrow(
            try file.closeNeed(
                "need-food", reason: String(repeating: "a", count: 2_000),
                by: Team.acting(Team.ann), now: now))
        assertRefused(
            try file.closeNeed(
                "need-food", reason: String(repeating: "a", count: 2_001), by: Team.acting(Team.ann), now: now),
            .reasonTooLong(.closingNeed("need-food"), limit: 2_000))
    }

    func testOnlyLeadOrLeadRoleServingThePlaceMayCloseANeed() throws {
        let file = try Team.openCase()
        assertRefused(
            try file.closeNeed("need-food", reason: "Sorted.", by: Team.acting(Team.dev), now: now),
            .notLeadOrLeadServingPlace(member: "member-dev", case: "case-1"))
        XCTAssertNoThrow(try file.closeNeed("need-food", reason: "Sorted.", by: Team.acting(Team.ben), now: now))
    }

    func testANeedCannotBeClosedWhileAReferralIsInFlight() throws {
        assertRefused(
            try Team.referredCase().closeNeed("need-debt", reason: "Sorted.", by: Team.acting(Team.ann), now: now),
            .referralInFlight("ref-debt"))
    }

    func testAMetOrClosedNeedCannotBeClosedAgain() throws {
        let met = try Team.acceptedCase().complete(
            "ref-debt", service: Team.debt, outcome: .successful,
            by: Team.acting(Team.fay), now: now
        ).file
        assertRefused(
            try met.closeNeed("need-debt", reason: "Done.", by: Team.acting(Team.ann), now: now),
            .needEnded("need-debt", .met))
        let closed = try met.closeNeed("need-food", reason: "Done.", by: Team.acting(Team.ann), now: now).file
        assertRefused(
            try closed.closeNeed("need-food", reason: "Done.", by: Team.acting(Team.ann), now: now),
            .needEnded("need-food", .closed))
    }

    func testCaseCannotCloseWhileAReferralIsInFlight() throws {
        let file = try Team.acceptedCase()
            .closeNeed("need-food", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
            .closeNeed("need-lonely", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
        assertRefused(try file.closeCase(by: Team.acting(Team.ann), now: now), .referralInFlight("ref-debt"))
    }

    func testCaseCannotCloseWhileANeedIsOpen() throws {
        assertRefused(
            try Team.openCase().closeCase(by: Team.acting(Team.ann), now: now), .needStillOpen("need-debt"))
        let returned = try Team.referredCase()
            .decline("ref-debt", service: Team.debt, reason: "Full.", by: Team.acting(Team.fay), now: now).file
            .closeNeed("need-food", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
            .closeNeed("need-lonely", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
        assertRefused(
            try returned.closeCase(by: Team.acting(Team.ann), now: now), .needStillOpen("need-debt"),
            "a returned need must be re-routed or closed first")
    }

    func testCaseClosesWhenEveryNeedIsMetOrClosed() throws {
        let ready = try Team.acceptedCase()
            .complete("ref-debt", service: Team.debt, outcome: .successful, by: Team.acting(Team.fay), now: now).file
            .closeNeed("need-food", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
            .closeNeed("need-lonely", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
        assertRefused(
            try ready.closeCase(by: Team.acting(Team.dev), now: now),
            .notLeadOrLeadServingPlace(member: "member-dev", case: "case-1"))
        let update = try ready.closeCase(reason: "All needs met.", by: Team.acting(Team.ann), now: now)
        XCTAssertEqual(update.file.case.status, .closed)
        XCTAssertEqual(update.file.case.closedAt, now)
        XCTAssertEqual(update.file.case.closedByID, "member-ann")
        XCTAssertEqual(update.file.case.closedReason, "All needs met.")
        XCTAssertEqual(
            update.events, [CaseEvent(.caseClosed("case-1", reason: "All needs met."), by: "member-ann", at: now)])
        XCTAssertNil(
            try ready.closeCase(reason: "  ", by: Team.acting(Team.ann), now: now).file.case.closedReason,
            "a reason for closing a case is optional")
    }

    func testAClosedCaseCannotBeChanged() throws {
        let closed = try Team.acceptedCase()
            .complete("ref-debt", service: Team.debt, outcome: .successful, by: Team.acting(Team.fay), now: now).file
            .closeNeed("need-food", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
            .closeNeed("need-lonely", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
            .closeCase(by: Team.acting(Team.ann), now: now).file
        let ann = Team.acting(Team.ann)
        assertRefused(
            try closed.addNeed(NewNeed(id: "need-new", category: "fuel", urgency: .soon), by: ann, now: now),
            .caseClosed("case-1"))
        assertRefused(try closed.closeCase(by: ann, now: now), .caseClosed("case-1"))
        assertRefused(try closed.changeLead(to: Team.dev, by: ann, now: now), .caseClosed("case-1"))
        assertRefused(
            try closed.recordConsent(id: "consent-2", agency: "agency-homes", basis: .publicTask, dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: ann, now: now),
            .caseClosed("case-1"))
    }
}
