import Foundation
import PlaceDomain
import XCTest

final class OpeningACaseTests: XCTestCase {
    let now = Team.now

    func testAFrontlineWorkerOpensACaseAndIsItsDoorAndLead() throws {
        let update = try CaseFile.open(
            id: "case-9", residentID: "res-9", placeID: "place-gamma",
            needs: [NewNeed(id: "need-9", category: "housing", urgency: .urgent)], summary: "  Came in about rent.  ",
            by: Team.acting(Team.gus), now: now)
        let item = update.file.case
        XCTAssertEqual(item.doorAgencyID, "agency-homes", "any agency is a right door")
        XCTAssertEqual(item.doorMemberID, "member-gus")
        XCTAssertEqual(item.leadID, "member-gus")
        XCTAssertEqual(item.placeID, "place-gamma", "a member may take a need for a place they do not serve")
        XCTAssertEqual(item.status, .open)
        XCTAssertEqual(item.openedAt, now)
        XCTAssertEqual(item.summary, "Came in about rent.")
        XCTAssertEqual(
            update.events,
            [
                CaseEvent(.caseOpened("case-9"), by: "member-gus", at: now),
                CaseEvent(.needAdded("need-9"), by: "member-gus", at: now),
            ])
    }

    func testNeedsTakenAtTheDoorStartOpenWithTheLead() throws {
        let file = try Team.openCase()
        XCTAssertEqual(file.needs.map(\.id), ["need-debt", "need-food", "need-lonely"])
        XCTAssertTrue(file.needs.allSatisfy { $0.state == .open && !$0.returned && $0.caseID == "case-1" })
    }

    func testALeadMayOpenACase() throws {
        let update = try CaseFile.open(
            id: "case-9", residentID: "res-9", placeID: "place-alpha",
            needs: [NewNeed(id: "need-9", category: "food", urgency: .soon)], by: Team.acting(Team.ben), now: now)
        XCTAssertEqual(update.file.case.leadID, "member-ben")
        XCTAssertEqual(update.file.case.summary, "", "a summary is optional")
    }

    func testAnAnalystOrAdminCannotOpenACase() {
        for member in [Team.eve, Team.ida] {
            assertRefused(
                try CaseFile.open(
                    id: "case-9", residentID: "res-9", placeID: "place-alpha",
                    needs: [NewNeed(id: "need-9", category: "food", urgency: .soon)], by: Team.acting(member),
                    now: now),
                .roleMayNotTakeNeeds(member: member.id, role: member.role))
        }
    }

    func testACaseCannotBeOpenedWithoutANeed() {
        assertRefused(
            try CaseFile.open(
                id: "case-9", residentID: "res-9", placeID: "place-alpha", needs: [],
                by: Team.acting(Team.ann), now: now),
            .caseNeedsANeed)
    }

    func testACaseTakenOnPaperIsDatedWhenItWasTakenButNeverInTheFuture() throws {
        let earlier = now - Team.days(2)
        let update = try CaseFile.open(
            id: "case-9", residentID: "res-9", placeID: "place-alpha",
            needs: [NewNeed(id: "need-9", category: "food", urgency: .soon)], by: Team.acting(Team.ann), now: now,
            openedAt: earlier)
        XCTAssertEqual(update.file.case.openedAt, earlier)
        XCTAssertEqual(update.file.needs[0].createdAt, earlier)

        let later = now + 60
        assertRefused(
            try CaseFile.open(
                id: "case-9", residentID: "res-9", placeID: "place-alpha",
                needs: [NewNeed(id: "need-9", category: "food", urgency: .soon)], by: Team.acting(Team.ann), now: now,
                openedAt: later),
            .timeInFuture(later))
    }

    func testTwoNeedsWithOneIdAreRefused() {
        assertRefused(
            try CaseFile.open(
                id: "case-9", residentID: "res-9", placeID: "place-alpha",
                needs: [
                    NewNeed(id: "need-9", category: "food", urgency: .soon),
                    NewNeed(id: "need-9", category: "fuel", urgency: .soon),
                ],
                by: Team.acting(Team.ann), now: now),
            .idInUse("need-9"))
    }

    func testAnyFrontlineWorkerCanAddANeedAndItWaitsForTheLead() throws {
        let file = try Team.openCase()
        let update = try file.addNeed(
            NewNeed(id: "need-fuel", category: "fuel", urgency: .urgent),
            by: Team.acting(Team.gus), now: now)
        let need = try XCTUnwrap(update.file.need("need-fuel"))
        XCTAssertEqual(need.state, .open)
        XCTAssertEqual(need.createdAt, now)
        XCTAssertEqual(update.file.case.leadID, "member-ann", "adding a need does not change the lead")
        XCTAssertEqual(update.events, [CaseEvent(.needAdded("need-fuel"), by: "member-gus", at: now)])
    }

    func testAnAnalystCannotAddANeedNorReuseAnId() throws {
        let file = try Team.openCase()
        assertRefused(
            try file.addNeed(
                NewNeed(id: "need-fuel", category: "fuel", urgency: .urgent), by: Team.acting(Team.eve),
                now: now),
            .roleMayNotTakeNeeds(member: "member-eve", role: .analyst))
        assertRefused(
            try file.addNeed(
                NewNeed(id: "need-food", category: "fuel", urgency: .urgent), by: Team.acting(Team.ann),
                now: now),
            .idInUse("need-food"))
    }
}
