import Foundation
import PlaceDomain
import XCTest

final class ReferringTests: XCTestCase {
    let now = Team.now

    func testLeadRefersAnOpenNeedAndItIsRoutedToTheService() throws {
        let update = try Team.openCase().refer(
            id: "ref-debt", needID: "need-debt", to: Team.debt, servicePlacesCover: true, by: Team.acting(Team.ann),
            now: now)
        let referral = try XCTUnwrap(update.file.referral("ref-debt"))
        XCTAssertEqual(referral.state, .sent)
        XCTAssertEqual(referral.serviceID, "service-debt")
        XCTAssertEqual(referral.caseID, "case-1")
        XCTAssertEqual(referral.sentAt, now)
        XCTAssertEqual(referral.sentByID, "member-ann")
        XCTAssertEqual(update.file.need("need-debt")?.state, .routed)
        XCTAssertEqual(update.file.need("need-debt")?.returned, false)
        XCTAssertTrue(update.file.consentOverrides.isEmpty, "consent was recorded, so nothing is overridden")
        XCTAssertEqual(
            update.events,
            [CaseEvent(.referred("ref-debt", need: "need-debt", service: "service-debt"), by: "member-ann", at: now)])
    }

    func testOnlyLeadOrLeadRoleServingThePlaceMayRefer() throws {
        let file = try Team.openCase()
        func refer(as member: Member) throws -> CaseUpdate {
            try file.refer(
                id: "ref-debt", needID: "need-debt", to: Team.debt, servicePlacesCover: true,
                by: Team.acting(member), now: now)
        }
        assertRefused(
            try refer(as: Team.dev), .notLeadOrLeadServingPlace(member: "member-dev", case: "case-1"),
            "a frontline colleague serving the place is not the lead")
        assertRefused(
            try refer(as: Team.cara), .notLeadOrLeadServingPlace(member: "member-cara", case: "case-1"),
            "a lead who serves another area")
        assertRefused(try refer(as: Team.eve), .notLeadOrLeadServingPlace(member: "member-eve", case: "case-1"))
        XCTAssertEqual(
            try refer(as: Team.ben).file.referral("ref-debt")?.sentByID, "member-ben",
            "a lead serving the council serves Alpha below it")
        XCTAssertNoThrow(try refer(as: Team.ann))
    }

    func testReferralWithoutConsentIsRefusedUnlessOverriddenWithAReason() throws {
        let file = try Team.openCase()
        let homes = Service(
            id: "service-homes", name: "Tenancy Help", agencyID: "agency-homes", needs: ["money-debt"],
            placeIDs: ["place-shire"])
        func refer(_ reason: String?) throws -> CaseUpdate {
            try file.refer(
                id: "ref-homes", needID: "need-debt", to: homes, servicePlacesCover: true,
                consentOverride: reason.map { ConsentOverrideRequest(reason: $0, standingAgreement: "DSA-TEST") },
                by: Team.acting(Team.ann), now: now)
        }
        assertRefused(try refer(nil), .consentMissing(agency: "agency-homes"))
        assertRefused(try refer("   \n"), .consentMissing(agency: "agency-homes"), "a blank reason is no reason")
        assertRefused(
            try refer(String(repeating: "x", count: 2_001)),
            .reasonTooLong(.overridingConsent("need-debt", agency: "agency-homes"), limit: 2_000))

        let update = try refer(" Eviction on Friday; resident could not be reached. ")
        XCTAssertEqual(update.file.referral("ref-homes")?.state, .sent)
        XCTAssertEqual(
            update.file.consentOverrides,
            [
                ConsentOverride(
                    referralID: "ref-homes", agencyID: "agency-homes",
                    reason: "Eviction on Friday; resident could not be reached.", basis: .publicTask,
                    dataSharingAgreement: "DSA-TEST", byID: "member-ann", at: now)
            ])
        func urgent(_ basis: ConsentBasis, _ named: String?, _ standing: String?) throws -> CaseUpdate {
            try file.refer(
                id: "ref-homes", needID: "need-debt", to: homes, servicePlacesCover: true,
                consentOverride: ConsentOverrideRequest(reason: "Eviction on Friday.", basis: basis,
                                                        dataSharingAgreement: named, standingAgreement: standing),
                by: Team.acting(Team.ann), now: now)
        }
        assertRefused(try urgent(.consent, "ISP-1", nil), .overrideOnConsent(agency: "agency-homes"))
        assertRefused(try urgent(.vitalInterests, " ", nil), .dataSharingAgreementMissing(agency: "agency-homes"))
        let named = try urgent(.vitalInterests, "ISP-1", "standing")
        XCTAssertEqual(named.file.consentOverrides.map(\.basis), [.vitalInterests])
        XCTAssertEqual(named.file.consentOverrides.map(\.dataSharingAgreement), ["ISP-1"], "the named one wins")
        XCTAssertTrue(
            update.events.contains(
                CaseEvent(
                    .consentOverridden(
                        "ref-homes", agency: "agency-homes",
                        reason: "Eviction on Friday; resident could not be reached."),
                    by: "member-ann", at: now)))
    }

    func testWithdrawnConsentNoLongerLetsAReferralThrough() throws {
        let file = try Team.openCase().withdrawConsent(
            agency: "agency-advice", services: Team.services, by: Team.acting(Team.ann), now: now
        ).file
        assertRefused(
            try file.refer(
                id: "ref-debt", needID: "need-debt", to: Team.debt, servicePlacesCover: true,
                by: Team.acting(Team.ann), now: now),
            .consentMissing(agency: "agency-advice"))
    }

    func testANeedHasAtMostOneReferralInFlight() throws {
        let file = try Team.referredCase()
        assertRefused(
            try file.refer(
                id: "ref-debt-2", needID: "need-debt", to: Team.debt, servicePlacesCover: true,
                by: Team.acting(Team.ann), now: now),
            .referralInFlight("ref-debt"))
        let accepted = try Team.acceptedCase()
        assertRefused(
            try accepted.refer(
                id: "ref-debt-2", needID: "need-debt", to: Team.debt, servicePlacesCover: true,
                by: Team.acting(Team.ann), now: now),
            .referralInFlight("ref-debt"), "an accepted referral is still in flight")
        XCTAssertNoThrow(
            try file.refer(
                id: "ref-food", needID: "need-food", to: Team.food, servicePlacesCover: true,
                by: Team.acting(Team.ann), now: now), "another need of the same case may go out")
    }

    func testAMetOrClosedNeedCannotBeReferred() throws {
        let met = try Team.acceptedCase().complete(
            "ref-debt", service: Team.debt, outcome: .successful,
            by: Team.acting(Team.fay), now: now
        ).file
        assertRefused(
            try met.refer(
                id: "ref-debt-2", needID: "need-debt", to: Team.debt, servicePlacesCover: true,
                by: Team.acting(Team.ann), now: now),
            .needEnded("need-debt", .met))
        let closed = try Team.openCase().closeNeed(
            "need-food", reason: "Resident moved away.",
            by: Team.acting(Team.ann), now: now
        ).file
        assertRefused(
            try closed.refer(
                id: "ref-food", needID: "need-food", to: Team.food, servicePlacesCover: true,
                by: Team.acting(Team.ann), now: now),
            .needEnded("need-food", .closed))
    }

    func testTheServiceMustMeetTheNeedBeOpenTakeReferralsAndCoverThePlace() throws {
        let file = try Team.openCase()
        func refer(_ need: NeedID, to service: Service, covers: Bool = true) throws -> CaseUpdate {
            try file.refer(
                id: "ref-x", needID: need, to: service, servicePlacesCover: covers,
                consentOverride: ConsentOverrideRequest(reason: "Urgent and agreed verbally.", standingAgreement: "DSA-TEST"),
                by: Team.acting(Team.ann), now: now)
        }
        assertRefused(
            try refer("need-debt", to: Team.food),
            .serviceDoesNotMeetNeed(service: "service-food", need: "need-debt", category: "money-debt"))
        var housing = Team.closedHousing
        housing.needs = ["money-debt"]
        assertRefused(try refer("need-debt", to: housing), .serviceNotActive("service-housing", .temporarilyClosed))
        assertRefused(try refer("need-debt", to: Team.debtLine), .serviceNotTakingReferrals("service-debt-line"))
        assertRefused(
            try refer("need-food", to: Team.gammaFood, covers: false),
            .serviceDoesNotCoverPlace(service: "service-gamma-food", place: "place-alpha"))
        assertRefused(try refer("need-nothing", to: Team.debt), .unknownNeed("need-nothing"))
    }

    func testAServiceCoversThePlacesItListsAndEverythingBelowThem() {
        XCTAssertTrue(Team.debt.covers("place-alpha", in: Team.tree), "listed at the council")
        XCTAssertTrue(Team.food.covers("place-alpha", in: Team.tree))
        XCTAssertFalse(Team.gammaFood.covers("place-alpha", in: Team.tree))
        XCTAssertFalse(Team.food.covers("place-north", in: Team.tree), "a community service does not cover its area")
    }

    func testAReferralIdCannotBeUsedTwice() throws {
        assertRefused(
            try Team.referredCase().refer(
                id: "ref-debt", needID: "need-food", to: Team.food, servicePlacesCover: true,
                by: Team.acting(Team.ann), now: now),
            .idInUse("ref-debt"))
    }
}
