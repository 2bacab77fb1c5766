import Foundation
import PlaceDomain
import XCTest

/// Indicator roll-up through the place tree, trends, the pot's allocation
/// rule and Place Standard checks. Testshire: North (Alpha 1,000, Beta 800)
/// and South (Gamma 1,200).
final class IndicatorRollupTests: XCTestCase {
    let tree = Team.tree

    func value(_ place: PlaceID, _ value: Double? = nil, _ numerator: Double? = nil, _ denominator: Double? = nil)
        -> IndicatorValue
    {
        IndicatorValue(indicatorID: "indicator-x", placeID: place, period: "2026-Q3", value: value, numerator: numerator,
                       denominator: denominator)
    }

    func indicator(_ kind: Indicator.Kind, per: Int? = nil) -> Indicator {
        Indicator(id: "indicator-x", name: "X", unit: "u", polarity: .lowerIsBetter, source: "", kind: kind, per: per)
    }

    func testCountsAreSummedUpTheTree() {
        let rollup = IndicatorRollup(indicator(.count), tree: tree,
                                     values: [value("place-alpha", 10), value("place-beta", 5), value("place-gamma", 7)])
        XCTAssertEqual(rollup.value(at: "place-north"), RolledValue(value: 15, numerator: nil, denominator: nil, complete: true))
        XCTAssertEqual(rollup.value(at: "place-shire").value, 22)
        XCTAssertEqual(rollup.value(at: "place-shire").complete, true)
        XCTAssertEqual(rollup.value(at: "place-gamma").value, 7)
    }

    func testRatesRollUpAsTheSumOfNumeratorsOverTheSumOfDenominators() {
        let rollup = IndicatorRollup(
            indicator(.rate, per: 100), tree: tree,
            values: [value("place-alpha", nil, 10, 100), value("place-beta", nil, 30, 100), value("place-gamma", nil, 1, 200)])
        XCTAssertEqual(rollup.value(at: "place-north").value, 20, "40 of 200, not the mean of 10% and 30%")
        let shire = rollup.value(at: "place-shire")
        XCTAssertEqual(shire.numerator, 41)
        XCTAssertEqual(shire.denominator, 400)
        XCTAssertEqual(shire.value!, 10.25, accuracy: 1e-9)
    }

    func testMeansAreWeightedByPopulation() {
        let rollup = IndicatorRollup(indicator(.mean), tree: tree,
                                     values: [value("place-alpha", 90), value("place-beta", 81)])
        XCTAssertEqual(rollup.value(at: "place-north").value!, (90 * 1_000 + 81 * 800) / 1_800, accuracy: 1e-9)
    }

    func testAParentWithAChildMissingIsIncompleteNeverSilentlySmaller() {
        let rollup = IndicatorRollup(indicator(.count), tree: tree, values: [value("place-alpha", 10), value("place-gamma", 7)])
        let north = rollup.value(at: "place-north")
        XCTAssertEqual(north.value, 10)
        XCTAssertFalse(north.complete, "Beta has no value")
        XCTAssertFalse(rollup.value(at: "place-shire").complete, "incomplete below makes the top incomplete")
        XCTAssertEqual(rollup.value(at: "place-beta"), .missing)
        XCTAssertEqual(IndicatorRollup(indicator(.count), tree: tree, values: []).value(at: "place-shire"), .missing)
    }

    func testARecordedParentValueIsUsedAsItIs() {
        let rollup = IndicatorRollup(indicator(.count), tree: tree, values: [value("place-north", 50), value("place-alpha", 1)])
        XCTAssertEqual(rollup.value(at: "place-north"), RolledValue(value: 50, numerator: nil, denominator: nil, complete: true))
    }

    func testTrendFollowsPolarity() {
        XCTAssertEqual(Trend(from: 10, to: 8, polarity: .lowerIsBetter), .better)
        XCTAssertEqual(Trend(from: 10, to: 8, polarity: .higherIsBetter), .worse)
        XCTAssertEqual(Trend(from: 10, to: 10, polarity: .higherIsBetter), .same)
        XCTAssertNil(Trend(from: nil, to: 10, polarity: .higherIsBetter))
    }

    func testValuesMustFitTheirKindAndPeriodsAreQuarters() {
        XCTAssertTrue(value("place-alpha", 3).fits(.count))
        XCTAssertFalse(value("place-alpha", 3).fits(.rate))
        XCTAssertTrue(value("place-alpha", nil, 3, 10).fits(.rate))
        XCTAssertFalse(value("place-alpha", nil, 3, 0).fits(.rate), "a rate needs a denominator above zero")
        XCTAssertTrue(IndicatorValue.isPeriod("2026-Q3"))
        for bad in ["2026-Q5", "2026Q3", "26-Q1", "2026-Q", "2026-Q10", ""] {
            XCTAssertFalse(IndicatorValue.isPeriod(bad), bad)
        }
    }
}

final class PotTests: XCTestCase {
    let now = Team.now
    let priority = Priority(id: "priority-1", planID: "plan-1", title: "Warm homes", leadAgencyID: "agency-council",
                            rag: .amber, ragReason: "Slow start", ragDate: "2026-10-01")
    let stream = FundingStream(id: "stream-1", placeID: "place-north", name: "Prevention fund", amount: 10_000,
                               conditions: "Families only.", endDate: "2027-03-31")
    let lead = Member(id: "member-ben", name: "Ben", agencyID: "agency-advice", role: .lead, placeIDs: ["place-shire"])

    func pot(allocated: Int) -> Pot {
        Pot(streams: [stream],
            allocations: allocated == 0 ? [] : [Allocation(id: "a-0", streamID: "stream-1", priorityID: "priority-1",
                                                          amount: allocated, byID: "member-ben", at: now)])
    }

    func testAnAllocationUpToWhatRemainsIsMade() throws {
        let made = try pot(allocated: 6_000).allocate(id: "a-1", from: "stream-1", to: priority, action: nil, amount: 4_000,
                                                      by: lead, now: now)
        XCTAssertEqual(made.amount, 4_000)
        XCTAssertEqual(made.byID, "member-ben")
        var after = pot(allocated: 6_000)
        after.allocations.append(made)
        XCTAssertEqual(after.unallocated, 0)
        XCTAssertEqual(after.remaining(in: "stream-1"), 0)
    }

    func testOverAllocationIsRefused() {
        XCTAssertThrowsError(try pot(allocated: 6_000).allocate(id: "a-1", from: "stream-1", to: priority, action: nil,
                                                                amount: 4_001, by: lead, now: now)) { error in
            XCTAssertEqual(error as? PotRuleViolation,
                           .overAllocated(stream: "stream-1", name: "Prevention fund", asked: 4_001, left: 4_000))
            XCTAssertEqual((error as? PotRuleViolation)?.description,
                           "Prevention fund has £4,000 left, so £4,001 cannot be allocated from it.")
        }
    }

    func testBadAllocationsAreRefused() {
        let frontline = Member(id: "member-ann", name: "Ann", agencyID: "agency-council", role: .frontline, placeIDs: [])
        let other = PlanAction(id: "action-9", priorityID: "priority-9", title: "Elsewhere", ownerID: "member-ben",
                               due: "2027-01-01", status: .notStarted)
        let cases: [(() throws -> Allocation, PotRuleViolation)] = [
            ({ try self.pot(allocated: 0).allocate(id: "a", from: "stream-1", to: self.priority, action: nil, amount: 0, by: self.lead, now: self.now) },
             .amountNotPositive(0)),
            ({ try self.pot(allocated: 0).allocate(id: "a", from: "stream-2", to: self.priority, action: nil, amount: 5, by: self.lead, now: self.now) },
             .unknownStream("stream-2")),
            ({ try self.pot(allocated: 0).allocate(id: "a", from: "stream-1", to: self.priority, action: nil, amount: 5, by: frontline, now: self.now) },
             .notPermitted(member: "member-ann", role: .frontline)),
            ({ try self.pot(allocated: 0).allocate(id: "a", from: "stream-1", to: self.priority, action: other, amount: 5, by: self.lead, now: self.now) },
             .actionNotOnPriority(action: "action-9", priority: "priority-1")),
        ]
        for (attempt, expected) in cases {
            XCTAssertThrowsError(try attempt()) { XCTAssertEqual($0 as? PotRuleViolation, expected) }
        }
    }

    func testMoneyReadsAsPounds() {
        XCTAssertEqual(Money.text(1_234_567), "£1,234,567")
        XCTAssertEqual(Money.text(0), "£0")
    }
}

final class PlaceStandardTests: XCTestCase {
    func scores(_ value: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: PlaceStandard.themes.map { ($0.rawValue, value) })
    }

    func testAnAssessmentScoresEveryThemeFromOneToSeven() {
        let good = PlaceStandardAssessment(id: "ps-1", placeID: "place-alpha", date: "2026-09-01",
                                           respondentGroup: "Panel", respondents: 20, toolVersion: "2", scores: scores(4))
        XCTAssertNil(good.problem)
        var missing = good
        missing.scores["feeling-safe"] = nil
        XCTAssertEqual(missing.problem, "The theme feeling-safe has no score.")
        var high = good
        high.scores["feeling-safe"] = 8
        XCTAssertEqual(high.problem, "Scores run from 1 to 7; feeling-safe has 8.")
        var unknown = good
        unknown.scores["weather"] = 3
        XCTAssertEqual(unknown.problem, "weather is not a Place Standard theme.")
    }

    func testLabelsBelongToAToolVersion() {
        XCTAssertEqual(PlaceStandard.themes.count, 14)
        XCTAssertEqual(PlaceStandard.label("influence-and-sense-of-control", version: "1"), "Influence and sense of control")
        XCTAssertEqual(PlaceStandard.label("influence-and-sense-of-control", version: "2"), "Control")
        XCTAssertEqual(PlaceStandard.label("feeling-safe", version: "2"), "Feeling safe", "unrenamed themes keep their label")
    }
}
