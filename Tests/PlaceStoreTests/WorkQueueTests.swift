import Foundation
import PlaceDomain
import PlaceStore
import TestSupport
import XCTest

final class WorkQueueTests: XCTestCase {
    let now = Fixtures.start.addingTimeInterval(3_600)

    func prepared() throws -> (PlaceStore, ActingMember, ActingMember) {
        let store = try Fixtures.smallPlace()
        let tree = try store.placeTree()
        let ann = ActingMember(member: try XCTUnwrap(store.member("member-ann")), tree: tree)
        let ben = ActingMember(member: try XCTUnwrap(store.member("member-ben")), tree: tree)
        // An older, routine need in Beta: urgency comes before age.
        let older = try CaseFile.open(
            id: "case-2", residentID: "res-1", placeID: "place-beta",
            needs: [NewNeed(id: "need-2", category: "money-debt", urgency: .routine)], by: ann,
            now: Fixtures.start.addingTimeInterval(-86_400))
        try store.save(older, replacing: nil, by: ann.id)
        return (store, ann, ben)
    }

    func testTheTriageQueueIsMostUrgentFirstAndOnlyInThePlacesServed() throws {
        let (store, ann, _) = try prepared()
        XCTAssertEqual(try store.triageQueue(in: ann.servedPlaceIDs).map(\.needID), ["need-1", "need-2"])
        XCTAssertEqual(try store.triageQueue(in: Set(["place-south", "place-gamma"])), [],
                       "nothing from places the member does not serve")
    }

    func testAReferredNeedLeavesTheQueueAndAppearsInTheAgencysIncomingListUntilItStalls() throws {
        let (store, ann, ben) = try prepared()
        let file = try XCTUnwrap(store.caseFile("case-2"))
        let debt = try XCTUnwrap(store.service("service-debt"))
        try store.save(try file.refer(id: "ref-2", needID: "need-2", to: debt, servicePlacesCover: true,
                                      consentOverride: ConsentOverrideRequest(reason: "Synthetic override", standingAgreement: "DSA-TEST"), by: ann, now: now),
                       replacing: file, by: ann.id)
        XCTAssertEqual(try store.triageQueue(in: ann.servedPlaceIDs).map(\.needID), ["need-1"])
        let incoming = try store.referralsIncoming(to: ben.member.agencyID, now: now)
        XCTAssertEqual(incoming.map(\.referralID), ["ref-2"])
        XCTAssertEqual(incoming.first?.stalled, false)
        let later = now.addingTimeInterval(11 * 86_400)
        XCTAssertEqual(try store.referralsIncoming(to: ben.member.agencyID, now: later).first?.stalled, true,
                       "ten days is the debt service's typical wait")
        XCTAssertEqual(try store.referralsIncoming(to: "agency-council", now: now), [])
    }

    func testMyCasesShowReturnedNeedsFirst() throws {
        let (store, ann, ben) = try prepared()
        let file = try XCTUnwrap(store.caseFile("case-2"))
        let debt = try XCTUnwrap(store.service("service-debt"))
        let referred = try file.refer(id: "ref-2", needID: "need-2", to: debt, servicePlacesCover: true,
                                      consentOverride: ConsentOverrideRequest(reason: "Synthetic override", standingAgreement: "DSA-TEST"), by: ann, now: now)
        try store.save(referred, replacing: file, by: ann.id)
        let led = try store.casesLed(by: ann.id, now: now)
        XCTAssertEqual(led.map(\.needID), ["need-1", "need-2"])
        XCTAssertEqual(led.map(\.referralID), [nil, "ref-2"])
        XCTAssertEqual(led.map(\.stalled), [nil, false], "an open need has no referral to stall")
        XCTAssertEqual(try store.casesLed(by: ann.id, now: now.addingTimeInterval(11 * 86_400)).map(\.stalled), [nil, true],
                       "past the debt service's typical wait of ten days")
        let declined = try referred.file.decline("ref-2", service: debt, reason: "Full", by: ben, now: now)
        try store.save(declined, replacing: referred.file, by: ben.id)
        let mine = try store.casesLed(by: ann.id, now: now)
        XCTAssertEqual(mine.map(\.needID), ["need-2", "need-1"])
        XCTAssertEqual(mine.first?.returned, true)
        XCTAssertEqual(try store.casesLed(by: ben.id, now: now), [])
    }
}
