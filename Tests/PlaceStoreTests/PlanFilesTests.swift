import Foundation
import PlaceDomain
@testable import PlaceStore
import TestSupport
import XCTest

/// Indicator values from CSV (refused with the line, all or nothing) and
/// the demo's plan and evidence base as imported.
final class PlanFilesTests: XCTestCase {
    let indicators = [
        Indicator(id: "indicator-fires", name: "Fires", unit: "fires", polarity: .lowerIsBetter, source: "", kind: .count),
        Indicator(id: "indicator-poverty", name: "Poverty", unit: "%", polarity: .lowerIsBetter, source: "", kind: .rate, per: 100),
    ]
    let header = "indicator,place,period,value,numerator,denominator\n"

    func read(_ body: String) throws -> [IndicatorValue] {
        try IndicatorValuesCSV.read(header + body, file: "values.csv", indicators: indicators)
    }

    func testGoodRowsAreRead() throws {
        let values = try read("indicator-fires,place-alpha,2026-Q3,4,,\nindicator-poverty,place-alpha,2026-Q3,,12,100\n")
        XCTAssertEqual(values, [
            IndicatorValue(indicatorID: "indicator-fires", placeID: "place-alpha", period: "2026-Q3", value: 4),
            IndicatorValue(indicatorID: "indicator-poverty", placeID: "place-alpha", period: "2026-Q3", numerator: 12, denominator: 100),
        ])
    }

    func testEachBadRowIsReportedWithItsLine() {
        let good = "indicator-fires,place-alpha,2026-Q3,4,,\n"
        let cases: [(String, String)] = [
            ("indicator-smoke,place-alpha,2026-Q3,4,,\n", "values.csv:3: \"indicator-smoke\" is not a known indicator"),
            ("indicator-fires,place-alpha,2026-Q5,4,,\n", "values.csv:3: period \"2026-Q5\" is not a quarter such as 2026-Q3"),
            ("indicator-fires,place-alpha,2026-Q2,four,,\n", "values.csv:3: value \"four\" is not a number"),
            ("indicator-fires,place-alpha,2026-Q2,-1,,\n", "values.csv:3: value is negative"),
            ("indicator-poverty,place-alpha,2026-Q2,12,,\n",
             "values.csv:3: indicator-poverty is a rate: give numerator and a denominator above zero, and no value"),
            ("indicator-poverty,place-alpha,2026-Q2,,12,0\n",
             "values.csv:3: indicator-poverty is a rate: give numerator and a denominator above zero, and no value"),
            ("indicator-fires,place-alpha,2026-Q3,5,,\n", "values.csv:3: indicator-fires for place-alpha in 2026-Q3 is given twice"),
            ("indicator-fires,,2026-Q2,5,,\n", "values.csv:3: place is required"),
        ]
        for (row, message) in cases {
            XCTAssertThrowsError(try read(good + row), row) { XCTAssertEqual(($0 as? ImportError)?.description, message) }
        }
        XCTAssertThrowsError(try IndicatorValuesCSV.read("indicator,place,period\n", file: "values.csv", indicators: indicators)) {
            XCTAssertEqual(($0 as? ImportError)?.description, "values.csv:1: the header has no \"value\" column")
        }
    }

    func testTheDemoHoldsAPlanAndEvidenceForEveryArea() throws {
        let store = try Fixtures.sharedDemo()
        let tree = try store.placeTree()
        let areas = tree.places.values.filter { $0.kind == .area }
        XCTAssertEqual(areas.count, 7)
        for area in areas {
            let plan = try XCTUnwrap(try store.plans(for: area.id).first, area.name)
            let priorities = try store.priorities(of: plan.id)
            XCTAssertTrue((4...6).contains(priorities.count), area.name)
            XCTAssertTrue(try priorities.allSatisfy { try !store.actions(of: $0.id).isEmpty }, area.name)
            XCTAssertEqual(try store.pot(of: [area.id]).streams.count, 3, area.name)
            XCTAssertGreaterThanOrEqual(try store.assessments(in: [area.id]).count, 2, area.name)
            XCTAssertFalse(try store.evidence(in: tree.subtree(of: area.id), kind: .communityVoice).isEmpty, area.name)
            XCTAssertFalse(try store.learning(in: tree.subtree(of: area.id)).isEmpty, area.name)
        }
        let indicators = try store.indicators()
        XCTAssertGreaterThanOrEqual(indicators.count, 12)
        let root = try XCTUnwrap(tree.roots.first)
        let rollups = try store.rollups(of: indicators, under: root, tree: tree)
        for indicator in indicators {
            XCTAssertGreaterThanOrEqual(rollups[indicator.id, default: []].count, 8, indicator.name)
        }
        XCTAssertEqual(try store.outcomes().count, 11, "the National Performance Framework's national outcomes")
    }
}
