import Foundation
import PlaceDomain
import XCTest

final class AnsweringReferralsTests: XCTestCase {
    let now = Team.now

    func testOnlyTheReceivingAgencyMayAcceptAReferral() throws {
        let file = try Team.referredCase()
        for member in [Team.ann, Team.gus, Team.cara] {
            assertRefused(
                try file.accept("ref-debt", service: Team.debt, by: Team.acting(member), now: now),
                .notReceivingAgency(member: member.id, referral: "ref-debt", agency: "agency-advice"),
                "\(member.name) is not at the agency running Debt Advice")
        }
        let update = try file.accept("ref-debt", service: Team.debt, by: Team.acting(Team.fay), now: now)
        let referral = try XCTUnwrap(update.file.referral("ref-debt"))
        XCTAssertEqual(referral.state, .accepted)
        XCTAssertEqual(referral.respondedAt, now)
        XCTAssertEqual(referral.respondedByID, "member-fay")
        XCTAssertEqual(update.file.need("need-debt")?.state, .routed, "accepted is still in flight")
        XCTAssertEqual(
            update.events, [CaseEvent(.referralAccepted("ref-debt", onBehalf: false), by: "member-fay", at: now)])
    }

    func testOnlyTheReceivingAgencyMayDeclineOrCompleteAReferral() throws {
        assertRefused(
            try Team.referredCase().decline(
                "ref-debt", service: Team.debt, reason: "Full.", by: Team.acting(Team.ann),
                now: now),
            .notReceivingAgency(member: "member-ann", referral: "ref-debt", agency: "agency-advice"))
        assertRefused(
            try Team.acceptedCase().complete(
                "ref-debt", service: Team.debt, outcome: .successful,
                by: Team.acting(Team.gus), now: now),
            .notReceivingAgency(member: "member-gus", referral: "ref-debt", agency: "agency-advice"))
    }

    func testDeclinedReferralReturnsNeedToLead() throws {
        let update = try Team.referredCase().decline(
            "ref-debt", service: Team.debt, reason: " Over our income threshold. ", suggested: "service-debt-line",
            by: Team.acting(Team.fay), now: now)
        let referral = try XCTUnwrap(update.file.referral("ref-debt"))
        XCTAssertEqual(referral.state, .declined)
        XCTAssertEqual(referral.reason, "Over our income threshold.")
        XCTAssertEqual(referral.suggestedServiceID, "service-debt-line")
        let need = try XCTUnwrap(update.file.need("need-debt"))
        XCTAssertEqual(need.state, .open)
        XCTAssertTrue(need.returned, "the need is back in front of the lead, flagged as returned")
        XCTAssertEqual(update.file.case.leadID, "member-ann")
        XCTAssertEqual(
            update.events,
            [
                CaseEvent(
                    .referralDeclined(
                        "ref-debt", reason: "Over our income threshold.", suggested: "service-debt-line",
                        onBehalf: false), by: "member-fay", at: now),
                CaseEvent(.needReturned("need-debt", referral: "ref-debt"), by: "member-fay", at: now),
            ])
    }

    func testDecliningAReferralNeedsAReason() throws {
        let file = try Team.referredCase()
        for blank in ["", "   ", "\n\t"] {
            assertRefused(
                try file.decline("ref-debt", service: Team.debt, reason: blank, by: Team.acting(Team.fay), now: now),
                .reasonMissing(.declining("ref-debt")))
        }
    }

    func testSuccessfulCompletionMeetsTheNeed() throws {
        let update = try Team.acceptedCase().complete(
            "ref-debt", service: Team.debt, outcome: .successful, by: Team.acting(Team.fay), now: now)
        let referral = try XCTUnwrap(update.file.referral("ref-debt"))
        XCTAssertEqual(referral.state, .completed)
        XCTAssertEqual(referral.outcome, .successful)
        XCTAssertNil(referral.reason, "a successful outcome needs no reason")
        XCTAssertEqual(
            referral.respondedAt, now - Team.hours(1), "respondedAt stays the time the service first answered")
        XCTAssertEqual(update.file.need("need-debt")?.state, .met)
        XCTAssertEqual(update.file.need("need-debt")?.returned, false)
        XCTAssertEqual(update.events.last, CaseEvent(.needMet("need-debt"), by: "member-fay", at: now))
    }

    func testUnsuccessfulCompletionNeedsAReasonAndReturnsNeedToLead() throws {
        let file = try Team.acceptedCase()
        assertRefused(
            try file.complete(
                "ref-debt", service: Team.debt, outcome: .unsuccessful, by: Team.acting(Team.fay), now: now),
            .reasonMissing(.unsuccessfulOutcome("ref-debt")))
        assertRefused(
            try file.complete(
                "ref-debt", service: Team.debt, outcome: .unsuccessful, reason: "  ",
                by: Team.acting(Team.fay), now: now),
            .reasonMissing(.unsuccessfulOutcome("ref-debt")))

        let update = try file.complete(
            "ref-debt", service: Team.debt, outcome: .unsuccessful,
            reason: "Resident missed three appointments.", by: Team.acting(Team.fay), now: now)
        XCTAssertEqual(update.file.referral("ref-debt")?.outcome, .unsuccessful)
        XCTAssertEqual(update.file.referral("ref-debt")?.reason, "Resident missed three appointments.")
        XCTAssertEqual(update.file.need("need-debt")?.state, .open)
        XCTAssertEqual(update.file.need("need-debt")?.returned, true)
    }

    func testAReferralMovesOnlyFromSentToAcceptedToCompletedOrFromSentToDeclined() throws {
        let sent = try Team.referredCase()
        let fay = Team.acting(Team.fay)
        assertRefused(
            try sent.complete("ref-debt", service: Team.debt, outcome: .successful, by: fay, now: now),
            .referralCannotMove("ref-debt", from: .sent, to: .completed))
        let accepted = try Team.acceptedCase()
        assertRefused(
            try accepted.accept("ref-debt", service: Team.debt, by: fay, now: now),
            .referralCannotMove("ref-debt", from: .accepted, to: .accepted))
        assertRefused(
            try accepted.decline("ref-debt", service: Team.debt, reason: "Changed our minds.", by: fay, now: now),
            .referralCannotMove("ref-debt", from: .accepted, to: .declined))
        let declined = try sent.decline("ref-debt", service: Team.debt, reason: "Full.", by: fay, now: now).file
        assertRefused(
            try declined.accept("ref-debt", service: Team.debt, by: fay, now: now),
            .referralCannotMove("ref-debt", from: .declined, to: .accepted))
        let completed = try accepted.complete("ref-debt", service: Team.debt, outcome: .successful, by: fay, now: now)
            .file
        assertRefused(
            try completed.complete("ref-debt", service: Team.debt, outcome: .successful, by: fay, now: now),
            .referralCannotMove("ref-debt", from: .completed, to: .completed))
    }

    func testAnAnswerNamingTheWrongServiceOrReferralIsRefused() throws {
        let file = try Team.referredCase()
        assertRefused(
            try file.accept("ref-debt", service: Team.food, by: Team.acting(Team.fay), now: now),
            .wrongService(referral: "ref-debt", service: "service-food"))
        assertRefused(
            try file.accept("ref-none", service: Team.debt, by: Team.acting(Team.fay), now: now),
            .unknownReferral("ref-none"))
    }

    func testWithdrawnReferralReturnsNeedToLead() throws {
        for file in [try Team.referredCase(), try Team.acceptedCase()] {
            let update = try file.withdraw(
                "ref-debt", reason: "Resident chose another adviser.",
                by: Team.acting(Team.ann), now: now)
            XCTAssertEqual(update.file.referral("ref-debt")?.state, .withdrawn)
            XCTAssertEqual(update.file.referral("ref-debt")?.reason, "Resident chose another adviser.")
            XCTAssertEqual(update.file.need("need-debt")?.state, .open)
            XCTAssertEqual(update.file.need("need-debt")?.returned, true)
            XCTAssertEqual(
                update.events,
                [
                    CaseEvent(
                        .referralWithdrawn("ref-debt", reason: "Resident chose another adviser."), by: "member-ann",
                        at: now),
                    CaseEvent(.needReturned("need-debt", referral: "ref-debt"), by: "member-ann", at: now),
                ])
        }
    }

    func testOnlyTheLeadMayWithdrawAReferralAndOnlyWithAReason() throws {
        let file = try Team.referredCase()
        assertRefused(
            try file.withdraw("ref-debt", reason: "Not needed.", by: Team.acting(Team.fay), now: now),
            .notLeadOrLeadServingPlace(member: "member-fay", case: "case-1"))
        assertRefused(
            try file.withdraw("ref-debt", reason: " ", by: Team.acting(Team.ann), now: now),
            .reasonMissing(.withdrawing("ref-debt")))
        XCTAssertNoThrow(try file.withdraw("ref-debt", reason: "Not needed.", by: Team.acting(Team.ben), now: now))
    }

    func testAFinishedReferralCannotBeWithdrawn() throws {
        let completed = try Team.acceptedCase().complete(
            "ref-debt", service: Team.debt, outcome: .successful,
            by: Team.acting(Team.fay), now: now
        ).file
        assertRefused(
            try completed.withdraw("ref-debt", reason: "Too late.", by: Team.acting(Team.ann), now: now),
            .referralCannotMove("ref-debt", from: .completed, to: .withdrawn))
    }

    func testAReturnedNeedCanBeRoutedAgain() throws {
        let returned = try Team.referredCase().decline(
            "ref-debt", service: Team.debt, reason: "Full.",
            by: Team.acting(Team.fay), now: now
        ).file
        let update = try returned.refer(
            id: "ref-debt-2", needID: "need-debt", to: Team.debt, servicePlacesCover: true,
            by: Team.acting(Team.ann), now: now)
        XCTAssertEqual(update.file.need("need-debt")?.state, .routed)
        XCTAssertEqual(update.file.need("need-debt")?.returned, false)
        XCTAssertEqual(update.file.referrals.map(\.state), [.declined, .sent])
    }

    func testLeadRecordsTheAnswerOfAnAgencyWithNoOneOnThistle() throws {
        let referred = try Team.openCase()
            .recordConsent(
                id: "consent-vol", agency: "agency-volunteers", basis: .consent, dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: Team.acting(Team.ann),
                now: now - Team.days(2)
            )
            .file.refer(
                id: "ref-friend", needID: "need-lonely", to: Team.befriending, servicePlacesCover: true,
                by: Team.acting(Team.ann), now: now - Team.days(2)
            )
            .file
        let phoned = now - Team.days(1)
        let accepted = try referred.recordAnswerOnBehalf(
            .accept, referralID: "ref-friend", service: Team.befriending, agencyHasMembers: false, answeredAt: phoned,
            by: Team.acting(Team.ann), now: now)
        XCTAssertEqual(accepted.file.referral("ref-friend")?.state, .accepted)
        XCTAssertEqual(accepted.file.referral("ref-friend")?.respondedAt, phoned)
        XCTAssertEqual(accepted.file.referral("ref-friend")?.respondedByID, "member-ann")
        XCTAssertEqual(
            accepted.events, [CaseEvent(.referralAccepted("ref-friend", onBehalf: true), by: "member-ann", at: phoned)])

        let completed = try accepted.file.recordAnswerOnBehalf(
            .complete(outcome: .successful, reason: "Matched with a befriender."), referralID: "ref-friend",
            service: Team.befriending, agencyHasMembers: false, by: Team.acting(Team.ann), now: now)
        XCTAssertEqual(completed.file.need("need-lonely")?.state, .met)

        let declined = try referred.recordAnswerOnBehalf(
            .decline(reason: "No volunteers this month.", suggested: nil), referralID: "ref-friend",
            service: Team.befriending, agencyHasMembers: false, by: Team.acting(Team.ann), now: now)
        XCTAssertEqual(declined.file.need("need-lonely")?.returned, true)

        assertRefused(
            try referred.recordAnswerOnBehalf(
                .accept, referralID: "ref-friend", service: Team.befriending,
                agencyHasMembers: false, answeredAt: now + 1, by: Team.acting(Team.ann), now: now),
            .timeInFuture(now + 1))
        assertRefused(
            try referred.recordAnswerOnBehalf(
                .accept, referralID: "ref-friend", service: Team.befriending,
                agencyHasMembers: false, answeredAt: now - Team.days(3),
                by: Team.acting(Team.ann), now: now),
            .answerBeforeReferralSent("ref-friend"))
        assertRefused(
            try referred.recordAnswerOnBehalf(
                .decline(reason: "", suggested: nil), referralID: "ref-friend",
                service: Team.befriending, agencyHasMembers: false,
                by: Team.acting(Team.ann), now: now),
            .reasonMissing(.declining("ref-friend")))
    }

    func testAnAgencyOnThistleAnswersItsOwnReferrals() throws {
        assertRefused(
            try Team.referredCase().recordAnswerOnBehalf(
                .accept, referralID: "ref-debt", service: Team.debt,
                agencyHasMembers: true, by: Team.acting(Team.ann), now: now),
            .agencyAnswersForItself(agency: "agency-advice", referral: "ref-debt"))
    }

    func testOnlyTheLeadRecordsAnAnswerOnBehalf() throws {
        assertRefused(
            try Team.referredCase().recordAnswerOnBehalf(
                .accept, referralID: "ref-debt", service: Team.debt,
                agencyHasMembers: false, by: Team.acting(Team.dev), now: now),
            .notLeadOrLeadServingPlace(member: "member-dev", case: "case-1"))
    }
}
