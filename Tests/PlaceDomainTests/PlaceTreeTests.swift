import PlaceDomain
import TestSupport
import XCTest

final class PlaceTreeTests: XCTestCase {
    let tree = PlaceTree(Fixtures.places)

    func testCouncilIsTheRootAndAreasAreItsChildrenByName() {
        XCTAssertEqual(tree.roots, ["place-shire"])
        XCTAssertEqual(tree.children(of: "place-shire").map(\.name), ["North", "South"])
        XCTAssertEqual(tree.children(of: "place-north").map(\.name), ["Alpha", "Beta"])
        XCTAssertTrue(tree.children(of: "place-gamma").isEmpty)
    }

    func testBreadcrumbRunsFromCouncilToPlace() {
        XCTAssertEqual(tree.path(to: "place-beta").map(\.name), ["Testshire", "North", "Beta"])
        XCTAssertEqual(tree.path(to: "place-nowhere"), [])
    }

    func testCountsRollUpToEveryAncestor() {
        let totals = tree.rollUp(["place-alpha": 2, "place-beta": 3, "place-gamma": 1, "place-north": 1])
        XCTAssertEqual(totals["place-alpha"], 2)
        XCTAssertEqual(totals["place-north"], 6)
        XCTAssertEqual(totals["place-south"], 1)
        XCTAssertEqual(totals["place-shire"], 7)
    }

    func testServiceListedAtAnAreaServesItsCommunitiesAndCouncilOnce() {
        let counts = tree.servicesServing([
            (service: "s1", place: "place-north"), (service: "s2", place: "place-alpha"),
            (service: "s2", place: "place-beta"), (service: "s3", place: "place-shire"),
        ])
        XCTAssertEqual(counts["place-shire"], 3, "every service serves part of the council, each counted once")
        XCTAssertEqual(counts["place-north"], 3)
        XCTAssertEqual(counts["place-alpha"], 3)
        XCTAssertEqual(counts["place-south"], 1, "only the council-wide service reaches South")
        XCTAssertEqual(counts["place-gamma"], 1)
    }

    func testCoverageIncludesEverythingBelowAListedPlace() {
        XCTAssertEqual(tree.coverage(of: ["place-north"]), ["place-north", "place-alpha", "place-beta"])
    }

    func testACycleInParentsDoesNotHang() {
        let looped = PlaceTree([
            Place(id: "a", name: "A", kind: .area, parentID: "b", population: 1),
            Place(id: "b", name: "B", kind: .area, parentID: "a", population: 1),
        ])
        XCTAssertEqual(looped.path(to: "a").count, 2)
    }
}
