import Foundation
import PlaceDomain
import PlaceStore
import TestSupport
import XCTest

/// Need-to-know, cell by cell: role × how the member's agency stands to the
/// case (its door, its lead's, consented, none) × whether they serve its
/// place. Only frontline and lead members of a related agency serving the
/// place see the details; everyone else reads the redacted row.
final class AccessMatrixTests: XCTestCase {
    enum Relation: String, CaseIterable { case door, lead, consented, none }

    static let agencyFor: [Relation: AgencyID] = [
        .door: "agency-council", .lead: "agency-advice", .consented: "agency-housing", .none: "agency-police",
    ]

    private var store: PlaceStore!
    private var tree: PlaceTree!

    /// case-1 in Alpha: opened at the council's door by Ann, led by Ben of
    /// the Advice Trust, shared by consent with the housing agency.
    override func setUpWithError() throws {
        store = try Fixtures.smallPlace()
        try store.write(by: nil, [
            try .create(Agency(id: "agency-housing", name: "Housing Association", kind: .housing)),
            try .create(Agency(id: "agency-police", name: "Police", kind: .police)),
        ])
        tree = try store.placeTree()
        let ann = ActingMember(member: try XCTUnwrap(store.member("member-ann")), tree: tree)
        var file = try XCTUnwrap(store.caseFile("case-1"))
        let ben = try XCTUnwrap(store.member("member-ben"))
        var update = try file.changeLead(to: ben, by: ann, now: Fixtures.start)
        try store.save(update, replacing: file, by: ann.id)
        file = update.file
        update = try file.recordConsent(id: "consent-1", agency: "agency-housing", basis: .consent, dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: ann, now: Fixtures.start)
        try store.save(update, replacing: file, by: ann.id)
    }

    func viewer(_ role: Role, _ relation: Relation, serving: Bool) -> ActingMember {
        let member = Member(id: "member-viewer", name: "Viewer", agencyID: Self.agencyFor[relation]!, role: role,
                            placeIDs: [serving ? "place-north" : "place-south"])
        return ActingMember(member: member, tree: tree)
    }

    func testEveryCellOfTheMatrix() throws {
        var cells = 0
        for role in Role.allCases {
            for relation in Relation.allCases {
                for serving in [true, false] {
                    let expected = [.frontline, .lead].contains(role) && relation != .none && serving
                    let who = viewer(role, relation, serving: serving)
                    XCTAssertEqual(try store.mayView("case-1", by: who), expected, "\(role) \(relation) serving: \(serving)")
                    switch try XCTUnwrap(store.readCase("case-1", by: who)) {
                    case .details(let file):
                        XCTAssertTrue(expected, "\(role) \(relation) \(serving) read the file")
                        XCTAssertEqual(file.case.residentID, "res-1")
                    case .redacted(let row):
                        XCTAssertFalse(expected, "\(role) \(relation) \(serving) got a redacted row")
                        XCTAssertEqual(row.summary(placeName: "Alpha"), "Case · Alpha · 1 need · urgent")
                    }
                    cells += 1
                }
            }
        }
        XCTAssertEqual(cells, 32)
    }

    func testWhoOpenedOrLeadsAlwaysSees() throws {
        let ann = try XCTUnwrap(store.member("member-ann"))
        var elsewhere = ann
        elsewhere.placeIDs = ["place-south"]
        XCTAssertTrue(try store.mayView("case-1", by: ActingMember(member: elsewhere, tree: tree)), "she opened it")
        var ben = try XCTUnwrap(store.member("member-ben"))
        ben.placeIDs = ["place-south"]
        XCTAssertTrue(try store.mayView("case-1", by: ActingMember(member: ben, tree: tree)), "he leads it")
    }

    func testWithdrawnConsentTakesTheAgencyOutOfSight() throws {
        let housing = viewer(.frontline, .consented, serving: true)
        XCTAssertTrue(try store.mayView("case-1", by: housing))
        let ann = ActingMember(member: try XCTUnwrap(store.member("member-ann")), tree: tree)
        let file = try XCTUnwrap(store.caseFile("case-1"))
        try store.save(try file.withdrawConsent(agency: "agency-housing", services: [], by: ann, now: Fixtures.start), replacing: file, by: ann.id)
        XCTAssertFalse(try store.mayView("case-1", by: housing))
    }

    func testResidentSearchKeepsToTheMembersPlacesAndRoles() throws {
        XCTAssertEqual(try store.residents(matching: "Iona", for: viewer(.frontline, .none, serving: true)).map(\.id), ["res-1"],
                       "she lives in a place they serve")
        XCTAssertEqual(try store.residents(matching: "Iona", for: viewer(.frontline, .none, serving: false)), [])
        XCTAssertThrowsError(try store.residents(matching: "Iona", for: viewer(.analyst, .door, serving: true))) {
            XCTAssertTrue($0 is NotPermitted)
        }
    }
}
