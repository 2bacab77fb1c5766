import PlaceDomain
import PlaceStore
import TestSupport
import XCTest

final class QueryTests: XCTestCase {
    func testServicesPageByNameInBothDirections() throws {
        let store = try Fixtures.smallPlace()
        let first = try store.services(ServiceFilter(), .first(2))
        XCTAssertEqual(first.rows.map(\.name), ["Alpha Food Bank", "Debt Advice"])
        XCTAssertTrue(first.hasMore)
        let last = first.rows.last!
        let next = try store.services(ServiceFilter(), .after(NameKey(name: last.name, id: last.id.rawValue), 2))
        XCTAssertEqual(next.rows.map(\.name), ["South Housing Support"])
        XCTAssertFalse(next.hasMore)
        let back = try store.services(ServiceFilter(), .before(NameKey(name: "South Housing Support", id: "service-housing"), 1))
        XCTAssertEqual(back.rows.map(\.name), ["Debt Advice"])
        XCTAssertTrue(back.hasMore)
        XCTAssertEqual(try store.services(ServiceFilter(), .last(2)).rows.map(\.name), ["Debt Advice", "South Housing Support"])
    }

    func testDirectoryFilterMatchesNameNeedOrListedPlace() throws {
        let store = try Fixtures.smallPlace()
        func names(_ text: String) throws -> [String] {
            try store.services(ServiceFilter(text: text), .first(10)).rows.map(\.name)
        }
        XCTAssertEqual(try names("debt"), ["Debt Advice"])
        XCTAssertEqual(try names("housing"), ["South Housing Support"])
        XCTAssertEqual(try names("food"), ["Alpha Food Bank"])
        XCTAssertEqual(try names("testshire"), ["Debt Advice"], "matches the place a service lists")
        XCTAssertEqual(try names("100%"), [], "LIKE wildcards are taken literally")
        XCTAssertEqual(try store.serviceCount(ServiceFilter(text: "o")), 3)
        XCTAssertEqual(try store.serviceCount(ServiceFilter(text: "a")), 2)
    }

    func testServicesCoveringAPlaceIncludeThoseListedAboveIt() throws {
        let store = try Fixtures.smallPlace()
        let tree = try store.placeTree()
        let filter = ServiceFilter(listingAnyOf: tree.path(to: "place-alpha").map(\.id))
        XCTAssertEqual(try store.services(filter, .first(10)).rows.map(\.id), ["service-food", "service-debt"])
        let south = ServiceFilter(need: "housing", listingAnyOf: tree.path(to: "place-gamma").map(\.id))
        XCTAssertEqual(try store.services(south, .first(10)).rows.map(\.id), ["service-housing"])
    }

    func testPlaceFiguresCountOpenCasesAwaitingTriageAndActiveServices() throws {
        let store = try Fixtures.smallPlace()
        let figures = try store.placeFigures()
        XCTAssertEqual(figures.openCases, ["place-alpha": 1])
        XCTAssertEqual(figures.awaitingTriage, ["place-alpha": 1])
        XCTAssertEqual(figures.serviceCoverage.map(\.service), ["service-debt", "service-food"],
                       "the temporarily closed service is not counted")
        try store.write(by: "member-ann", [.set(Need.self, id: "need-1", "state", to: .string("routed"))])
        XCTAssertEqual(try store.placeFigures().awaitingTriage, [:])
    }

    func testAgenciesPresentAreThoseWithMembersOrServicesThere() throws {
        let store = try Fixtures.smallPlace()
        let tree = try store.placeTree()
        let south = tree.path(to: "place-south").map(\.id) + tree.subtree(of: "place-south")
        XCTAssertEqual(try store.agenciesPresent(in: south).map(\.name), ["Advice Trust"],
                       "council's South service is closed and its member serves North")
        let north = tree.path(to: "place-north").map(\.id) + tree.subtree(of: "place-north")
        XCTAssertEqual(try store.agenciesPresent(in: north).map(\.name), ["Advice Trust", "Testshire Council"])
    }
}
