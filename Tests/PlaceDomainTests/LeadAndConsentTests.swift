import Foundation
import PlaceDomain
import XCTest

final class LeadAndConsentTests: XCTestCase {
    let now = Team.now

    func testLeadHandsTheCaseToAColleagueAndTheHandoverIsKept() throws {
        let update = try Team.openCase().changeLead(to: Team.dev, by: Team.acting(Team.ann), now: now)
        XCTAssertEqual(update.file.case.leadID, "member-dev")
        XCTAssertEqual(update.file.case.doorMemberID, "member-ann", "the door does not move")
        XCTAssertEqual(
            update.file.leadHistory,
            [
                LeadChange(caseID: "case-1", fromID: "member-ann", toID: "member-dev", byID: "member-ann", at: now)
            ])
        XCTAssertEqual(
            update.events, [CaseEvent(.leadChanged(from: "member-ann", to: "member-dev"), by: "member-ann", at: now)])
        assertRefused(
            try update.file.refer(
                id: "ref-debt", needID: "need-debt", to: Team.debt, servicePlacesCover: true,
                by: Team.acting(Team.ann), now: now),
            .notLeadOrLeadServingPlace(member: "member-ann", case: "case-1"), "the old lead no longer routes")
    }

    func testOnlyLeadOrLeadRoleServingThePlaceMayChangeTheLead() throws {
        let file = try Team.openCase()
        assertRefused(
            try file.changeLead(to: Team.dev, by: Team.acting(Team.dev), now: now),
            .notLeadOrLeadServingPlace(member: "member-dev", case: "case-1"), "no one takes a case for themselves")
        assertRefused(
            try file.changeLead(to: Team.dev, by: Team.acting(Team.cara), now: now),
            .notLeadOrLeadServingPlace(member: "member-cara", case: "case-1"))
        XCTAssertEqual(
            try file.changeLead(to: Team.gus, by: Team.acting(Team.ben), now: now).file.case.leadID, "member-gus")
    }

    func testTheNewLeadMustBeAFrontlineWorkerOrALead() throws {
        let file = try Team.openCase()
        assertRefused(
            try file.changeLead(to: Team.eve, by: Team.acting(Team.ann), now: now),
            .roleMayNotLead(member: "member-eve", role: .analyst))
        assertRefused(
            try file.changeLead(to: Team.ida, by: Team.acting(Team.ann), now: now),
            .roleMayNotLead(member: "member-ida", role: .admin))
        assertRefused(
            try file.changeLead(to: Team.ann, by: Team.acting(Team.ann), now: now),
            .alreadyLead(member: "member-ann", case: "case-1"))
        XCTAssertNoThrow(try file.changeLead(to: Team.cara, by: Team.acting(Team.ann), now: now))
    }

    func testConsentIsRecordedWithItsBasisAgreementAndWhoRecordedIt() throws {
        let update = try Team.openCase().recordConsent(
            id: "consent-homes", agency: "agency-homes", basis: .publicTask,
            dataSharingAgreement: " Testshire DSA 2026 ",
            standingAgreement: nil, by: Team.acting(Team.ben), now: now)
        let consent = try XCTUnwrap(update.file.activeConsent(for: "agency-homes"))
        XCTAssertEqual(
            consent,
            Consent(
                id: "consent-homes", caseID: "case-1", agencyID: "agency-homes", basis: .publicTask,
                dataSharingAgreement: "Testshire DSA 2026", recordedByID: "member-ben",
                recordedAt: now))
        XCTAssertEqual(
            update.events,
            [
                CaseEvent(
                    .consentRecorded("consent-homes", agency: "agency-homes", basis: .publicTask), by: "member-ben",
                    at: now)
            ])
        let standing = try Team.openCase().recordConsent(
            id: "consent-homes", agency: "agency-homes", basis: .consent, dataSharingAgreement: "  ",
            standingAgreement: "Testshire standing DSA", by: Team.acting(Team.ann), now: now)
        XCTAssertEqual(standing.file.activeConsent(for: "agency-homes")?.dataSharingAgreement, "Testshire standing DSA",
                       "none named: the place's standing agreement")
        assertRefused(
            try Team.openCase().recordConsent(
                id: "consent-homes", agency: "agency-homes", basis: .consent, dataSharingAgreement: "  ",
                standingAgreement: nil, by: Team.acting(Team.ann), now: now),
            .dataSharingAgreementMissing(agency: "agency-homes"), "consent always names its agreement")
    }

    func testConsentBasesAreStoredAsTheirAgreedCodes() {
        XCTAssertEqual(
            ConsentBasis.allCases.map(\.rawValue), ["consent", "public-task", "legal-obligation", "vital-interests"])
    }

    func testTheDoorMemberMayStillRecordConsentAfterHandingOver() throws {
        let handedOver = try Team.openCase().changeLead(to: Team.gus, by: Team.acting(Team.ann), now: now).file
        XCTAssertNoThrow(
            try handedOver.recordConsent(
                id: "consent-homes", agency: "agency-homes", basis: .consent,
                dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: Team.acting(Team.ann), now: now))
        XCTAssertNoThrow(
            try handedOver.recordConsent(
                id: "consent-homes", agency: "agency-homes", basis: .consent,
                dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: Team.acting(Team.gus), now: now))
        for member in [Team.dev, Team.fay, Team.cara] {
            assertRefused(
                try handedOver.recordConsent(
                    id: "consent-homes", agency: "agency-homes", basis: .consent,
                    dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: Team.acting(member), now: now),
                .notWorkingOnCase(member: member.id, case: "case-1"))
        }
    }

    func testConsentForAnAgencyIsRecordedOnceUntilWithdrawn() throws {
        let file = try Team.openCase()
        assertRefused(
            try file.recordConsent(
                id: "consent-2", agency: "agency-advice", basis: .publicTask, dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: Team.acting(Team.ann),
                now: now),
            .consentAlreadyRecorded(agency: "agency-advice"))
        let withdrawn = try file.withdrawConsent(
            agency: "agency-advice", services: Team.services,
            by: Team.acting(Team.ann), now: now
        ).file
        let again = try withdrawn.recordConsent(
            id: "consent-2", agency: "agency-advice", basis: .publicTask,
            dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: Team.acting(Team.ann), now: now
        ).file
        XCTAssertEqual(again.activeConsent(for: "agency-advice")?.id, "consent-2")
        XCTAssertEqual(again.consents.count, 2, "the withdrawn consent stays on record")
        assertRefused(
            try withdrawn.recordConsent(
                id: "consent-advice", agency: "agency-advice", basis: .publicTask,
                dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: Team.acting(Team.ann), now: now),
            .idInUse("consent-advice"))
    }

    func testConsentGivenOnPaperIsDatedThenButNeverInTheFuture() throws {
        let file = try Team.openCase()
        let signed = now - Team.days(1)
        XCTAssertEqual(
            try file.recordConsent(
                id: "consent-homes", agency: "agency-homes", basis: .consent, dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: Team.acting(Team.ann),
                now: now, recordedAt: signed
            ).file.activeConsent(for: "agency-homes")?.recordedAt,
            signed)
        assertRefused(
            try file.recordConsent(
                id: "consent-homes", agency: "agency-homes", basis: .consent, dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: Team.acting(Team.ann),
                now: now, recordedAt: now + 3_600),
            .timeInFuture(now + 3_600))
        assertRefused(
            try file.recordConsent(
                id: "consent-homes", agency: "agency-homes", basis: .consent,
                dataSharingAgreement: String(repeating: "d", count: 2_001), standingAgreement: nil, by: Team.acting(Team.ann),
                now: now),
            .dataSharingAgreementTooLong(agency: "agency-homes", limit: 2_000))
    }

    func testWithdrawingConsentFlagsInFlightReferrals() throws {
        let file = try Team.acceptedCase()
            .refer(
                id: "ref-food", needID: "need-food", to: Team.food, servicePlacesCover: true, by: Team.acting(Team.ann),
                now: now
            ).file
        let update = try file.withdrawConsent(
            agency: "agency-advice", services: Team.services, by: Team.acting(Team.ann),
            now: now)
        XCTAssertEqual(update.flaggedReferrals.map(\.id), ["ref-debt", "ref-food"])
        XCTAssertEqual(
            update.file.referrals.map(\.state), [.accepted, .sent], "flagged, not changed: the lead decides")
        let consent = try XCTUnwrap(update.file.consents.first { $0.id == "consent-advice" })
        XCTAssertEqual(consent.withdrawnAt, now)
        XCTAssertEqual(consent.withdrawnByID, "member-ann")
        XCTAssertNil(update.file.activeConsent(for: "agency-advice"))
        XCTAssertEqual(
            update.events,
            [
                CaseEvent(
                    .consentWithdrawn(
                        "consent-advice", agency: "agency-advice",
                        referralsStillWithAgency: ["ref-debt", "ref-food"]), by: "member-ann", at: now)
            ])
    }

    func testWithdrawingConsentFlagsNothingWhenNoReferralIsWithThatAgency() throws {
        let declined = try Team.referredCase()
            .decline("ref-debt", service: Team.debt, reason: "Full.", by: Team.acting(Team.fay), now: now).file
        let update = try declined.withdrawConsent(
            agency: "agency-advice", services: Team.services,
            by: Team.acting(Team.ann), now: now)
        XCTAssertEqual(update.flaggedReferrals, [])
    }

    func testConsentThatWasNeverRecordedCannotBeWithdrawn() throws {
        assertRefused(
            try Team.openCase().withdrawConsent(
                agency: "agency-homes", services: Team.services,
                by: Team.acting(Team.ann), now: now),
            .consentMissing(agency: "agency-homes"))
        assertRefused(
            try Team.openCase().withdrawConsent(
                agency: "agency-advice", services: Team.services,
                by: Team.acting(Team.gus), now: now),
            .notWorkingOnCase(member: "member-gus", case: "case-1"))
    }

    func testAResidentMayWithdrawConsentAfterTheCaseCloses() throws {
        let closed = try Team.openCase()
            .closeNeed("need-debt", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
            .closeNeed("need-food", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
            .closeNeed("need-lonely", reason: "Not needed.", by: Team.acting(Team.ann), now: now).file
            .closeCase(by: Team.acting(Team.ann), now: now).file
        let update = try closed.withdrawConsent(
            agency: "agency-advice", services: Team.services,
            by: Team.acting(Team.ann), now: now)
        XCTAssertNil(update.file.activeConsent(for: "agency-advice"))
    }
}
