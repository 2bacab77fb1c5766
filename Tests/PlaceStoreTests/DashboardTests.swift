import Foundation
import PlaceDomain
@testable import PlaceStore
import TestSupport
import XCTest

/// Every dashboard figure against a small place worked out by hand, rolled
/// up through the tree, and for a place with nothing in it.
final class DashboardTests: XCTestCase {
    let start = Fixtures.start
    lazy var now = start + days(30)

    func days(_ count: Double) -> TimeInterval { count * 86_400 }
    func hours(_ count: Double) -> TimeInterval { count * 3_600 }

    /// Testshire with case-1 (Alpha: an urgent food need, waiting 30 days), case-2 (Beta: a money need
    /// declined and returned, a food need accepted) and case-3 (Gamma: a money need met, the case closed);
    /// plans, pots and a scorecard of one count indicator.
    func place() throws -> (PlaceStore, PlaceTree) {
        let store = try Fixtures.smallPlace()
        var changes: [Change] = []
        changes.append(try .create(Resident(id: "res-2", givenName: "Ann", familyName: "Other", dateOfBirth: "1980-01-01",
                                            postcode: nil, placeID: "place-beta")))
        changes.append(try .create(Case(id: "case-2", residentID: "res-2", placeID: "place-beta", doorAgencyID: "agency-council",
                                        doorMemberID: "member-ann", leadID: "member-ann", openedAt: start + days(1), summary: "S.")))
        changes.append(try .create(Need(id: "need-2", caseID: "case-2", category: "money-debt", urgency: .soon, returned: true,
                                        createdAt: start + days(1))))
        changes.append(try .create(Need(id: "need-3", caseID: "case-2", category: "food", urgency: .routine, state: .routed,
                                        createdAt: start + days(1))))
        changes.append(try .create(Referral(id: "ref-2", needID: "need-2", caseID: "case-2", serviceID: "service-debt",
                                            state: .declined, sentAt: start + days(1) + hours(10), sentByID: "member-ann",
                                            respondedAt: start + days(2), respondedByID: "member-ben", reason: "Full.")))
        changes.append(try .create(Referral(id: "ref-3", needID: "need-3", caseID: "case-2", serviceID: "service-food",
                                            state: .accepted, sentAt: start + days(1) + hours(30), sentByID: "member-ann")))
        changes.append(CaseEventCoding.change(CaseEvent(.needReturned("need-2", referral: "ref-2"), by: "member-ben",
                                                        at: start + days(2)), id: "event-1", on: "case-2"))
        changes.append(try .create(Case(id: "case-3", residentID: "res-2", placeID: "place-gamma", doorAgencyID: "agency-council",
                                        doorMemberID: "member-ann", leadID: "member-ann", status: .closed,
                                        openedAt: start + days(2), closedAt: start + days(9), closedByID: "member-ann",
                                        summary: "S.")))
        changes.append(try .create(Need(id: "need-4", caseID: "case-3", category: "money-debt", urgency: .soon, state: .met,
                                        createdAt: start + days(2))))
        changes.append(try .create(Referral(id: "ref-4", needID: "need-4", caseID: "case-3", serviceID: "service-debt",
                                            state: .completed, sentAt: start + days(2) + hours(20), sentByID: "member-ann",
                                            respondedAt: start + days(3), respondedByID: "member-ben", outcome: .successful)))
        changes += try [TriageTarget(placeID: "place-shire", urgency: .urgent, hours: 48),
                        TriageTarget(placeID: "place-shire", urgency: .soon, hours: 72)].enumerated().map {
            try Change.create($1, as: .triageTarget, id: "target-\($0)")
        }
        changes.append(try .create(Plan(id: "plan-north", placeID: "place-north", period: "2026-27", vision: "V.")))
        changes.append(try .create(Plan(id: "plan-south", placeID: "place-south", period: "2026-27", vision: "V.")))
        for (id, plan, rag) in [("p-1", "plan-north", RAG.red), ("p-2", "plan-north", .green), ("p-3", "plan-south", .amber)] {
            changes.append(try .create(Priority(id: PriorityID(id), planID: PlanID(plan), title: id, leadAgencyID: "agency-council",
                                                rag: rag, ragReason: "R.", ragDate: "2026-10-01")))
        }
        changes.append(try .create(FundingStream(id: "s-1", placeID: "place-north", name: "North fund", amount: 10_000,
                                                 conditions: "", endDate: "2027-03-31")))
        changes.append(try .create(FundingStream(id: "s-2", placeID: "place-south", name: "South fund", amount: 5_000,
                                                 conditions: "", endDate: "2027-03-31")))
        changes.append(try .create(Allocation(id: "al-1", streamID: "s-1", priorityID: "p-1", amount: 4_000, byID: "member-ben",
                                              at: start)))
        changes.append(try .create(Indicator(id: "indicator-fires", name: "Deliberate fires", unit: "fires",
                                             polarity: .lowerIsBetter, source: "Synthetic", kind: .count, target: 1)))
        for (place, period, value) in [("place-alpha", "2026-Q2", 3.0), ("place-beta", "2026-Q2", 2), ("place-gamma", "2026-Q2", 1),
                                       ("place-alpha", "2026-Q3", 1), ("place-gamma", "2026-Q3", 1)] {
            changes.append(try .create(IndicatorValue(indicatorID: "indicator-fires", placeID: PlaceID(place), period: period,
                                                      value: value)))
        }
        changes.append(try .create(Scorecard(placeID: "place-shire", indicatorIDs: ["indicator-fires"])))
        try store.write(by: "member-ann", changes)
        return (store, try store.placeTree())
    }

    func count(_ counts: [Dashboard.Count], _ key: String) -> Int? { counts.first { $0.key == key }?.count }

    func testTheWholePlaceAddsUpByHand() throws {
        let (store, tree) = try place()
        let board = try store.dashboard(of: "place-shire", tree: tree, now: now)
        XCTAssertEqual(board.weeks.count, 26)
        XCTAssertEqual(board.weeks.map(\.opened), Array(repeating: 0, count: 21) + [3, 0, 0, 0, 0], "all three opened 28–30 days ago")
        XCTAssertEqual(board.weeks.map(\.closed), Array(repeating: 0, count: 22) + [1, 0, 0, 0], "case-3 closed 21 days ago")
        XCTAssertEqual(board.routing.map(\.urgency), [.urgent, .soon, .routine])
        XCTAssertEqual(board.routing.map(\.routed), [0, 2, 1])
        XCTAssertEqual(board.routing.map(\.medianHours), [nil, 15, 30], "soon: the median of 10 and 20 hours")
        XCTAssertEqual(board.routing.map(\.targetHours), [48, 72, nil])
        XCTAssertEqual(board.referralsByState.map(\.key), ["accepted", "completed", "declined"])
        XCTAssertEqual(board.referralsByState.map(\.count), [1, 1, 1])
        XCTAssertEqual(board.referralsByAgency.map(\.label), ["Advice Trust"])
        XCTAssertEqual(board.referralsByAgency.map(\.count), [3])
        XCTAssertEqual(board.declineRate!, 1.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(board.bounced, 1)
        XCTAssertEqual(board.returnedNow, 1)
        XCTAssertEqual(count(board.openNeedsByCategory, "food"), 2, "open and routed needs on open cases")
        XCTAssertEqual(count(board.openNeedsByCategory, "money-debt"), 1, "need-4 is met, need-2 open")
        XCTAssertEqual(board.openNeedsByCategory.first?.label, "Food")
        XCTAssertEqual(board.awaitingTriage, 2)
        XCTAssertEqual(board.overdueTriage, 2)
        XCTAssertEqual(board.prioritiesByRAG.map(\.count), [1, 1, 1])
        XCTAssertEqual(board.pot, Dashboard.PotTotals(streams: 2, total: 15_000, allocated: 4_000, unallocated: 11_000))
        let fires = try XCTUnwrap(board.scorecard.first)
        XCTAssertEqual(fires.period, "2026-Q3")
        XCTAssertEqual(fires.value, 2)
        XCTAssertFalse(fires.complete, "Beta has no value for 2026-Q3")
        XCTAssertEqual(fires.previous, 6)
        XCTAssertEqual(fires.trend, .better)
        XCTAssertEqual(fires.series, [6, 2])
    }

    func testAnAreaCountsOnlyWhatIsWithinIt() throws {
        let (store, tree) = try place()
        let north = try store.dashboard(of: "place-north", tree: tree, now: now)
        XCTAssertEqual(north.weeks.reduce(0) { $0 + $1.opened }, 2)
        XCTAssertEqual(north.weeks.reduce(0) { $0 + $1.closed }, 0)
        XCTAssertEqual(north.referralsByState.map(\.count).reduce(0, +), 2)
        XCTAssertEqual(north.awaitingTriage, 2)
        XCTAssertEqual(north.prioritiesByRAG.map(\.count), [1, 0, 1])
        XCTAssertEqual(north.pot.unallocated, 6_000)
        XCTAssertEqual(north.scorecard.first?.value, 1, "the shire's scorecard, rolled up for North: Alpha only")
        let south = try store.dashboard(of: "place-south", tree: tree, now: now)
        XCTAssertEqual(south.awaitingTriage, 0)
        XCTAssertEqual(south.routing[1].medianHours, 20)
        XCTAssertEqual(south.declineRate, 0, "one answered, none declined")
        XCTAssertEqual(south.scorecard.first?.complete, true)
    }

    func testAnEmptyPlaceShowsZerosNotErrors() throws {
        let store = try Fixtures.emptyStore()
        try store.write(by: nil, try Fixtures.places.map(Change.create))
        let board = try store.dashboard(of: "place-shire", tree: try store.placeTree(), now: now)
        XCTAssertEqual(board.weeks.map(\.opened), Array(repeating: 0, count: 26))
        XCTAssertEqual(board.routing.map(\.routed), [0, 0, 0])
        XCTAssertNil(board.declineRate)
        XCTAssertEqual(board.referralsByState, [])
        XCTAssertEqual(board.awaitingTriage, 0)
        XCTAssertEqual(board.overdueTriage, 0)
        XCTAssertEqual(board.prioritiesByRAG.map(\.count), [0, 0, 0])
        XCTAssertEqual(board.pot, Dashboard.PotTotals(streams: 0, total: 0, allocated: 0, unallocated: 0))
        XCTAssertEqual(board.scorecard, [])
    }
}
