import Foundation
import PlaceDomain
import XCTest

/// A small synthetic team for the case rules: a council with two areas and
/// three communities, four agencies (one with no one on Thistle), members
/// of every role and a handful of services. Every name is made up.
enum Team {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z

    static func hours(_ count: Double) -> TimeInterval { count * 3_600 }
    static func days(_ count: Double) -> TimeInterval { count * 86_400 }

    static let tree = PlaceTree([
        Place(id: "place-shire", name: "Testshire", kind: .council, parentID: nil, population: 3_000),
        Place(id: "place-north", name: "North", kind: .area, parentID: "place-shire", population: 1_800),
        Place(id: "place-south", name: "South", kind: .area, parentID: "place-shire", population: 1_200),
        Place(id: "place-alpha", name: "Alpha", kind: .community, parentID: "place-north", population: 1_000),
        Place(id: "place-beta", name: "Beta", kind: .community, parentID: "place-north", population: 800),
        Place(id: "place-gamma", name: "Gamma", kind: .community, parentID: "place-south", population: 1_200),
    ])

    /// Frontline at the council, serving North: opens the case and leads it.
    static let ann = Member(
        id: "member-ann", name: "Ann Door", agencyID: "agency-council", role: .frontline,
        placeIDs: ["place-north"])
    /// A lead at the advice charity serving the whole council.
    static let ben = Member(
        id: "member-ben", name: "Ben Overseer", agencyID: "agency-advice", role: .lead,
        placeIDs: ["place-shire"])
    /// A lead at the council, but serving South only.
    static let cara = Member(
        id: "member-cara", name: "Cara Southlead", agencyID: "agency-council", role: .lead,
        placeIDs: ["place-south"])
    /// Frontline at the council in Alpha, not the case's lead.
    static let dev = Member(
        id: "member-dev", name: "Dev Colleague", agencyID: "agency-council", role: .frontline,
        placeIDs: ["place-alpha"])
    static let eve = Member(
        id: "member-eve", name: "Eve Numbers", agencyID: "agency-council", role: .analyst,
        placeIDs: ["place-shire"])
    static let ida = Member(
        id: "member-ida", name: "Ida Setup", agencyID: "agency-council", role: .admin,
        placeIDs: ["place-shire"])
    /// Frontline at the advice charity: answers referrals to its services.
    static let fay = Member(
        id: "member-fay", name: "Fay Adviser", agencyID: "agency-advice", role: .frontline,
        placeIDs: ["place-shire"])
    /// Frontline at the housing association, in Alpha.
    static let gus = Member(
        id: "member-gus", name: "Gus Homes", agencyID: "agency-homes", role: .frontline,
        placeIDs: ["place-alpha"])

    static func acting(_ member: Member) -> ActingMember { ActingMember(member: member, tree: tree) }

    static let debt = Service(
        id: "service-debt", name: "Debt Advice", agencyID: "agency-advice",
        needs: ["money-debt"], placeIDs: ["place-shire"], typicalWaitDays: 10)
    static let food = Service(
        id: "service-food", name: "Alpha Pantry", agencyID: "agency-advice", needs: ["food"],
        placeIDs: ["place-alpha"], typicalWaitDays: 2)
    static let gammaFood = Service(
        id: "service-gamma-food", name: "Gamma Pantry", agencyID: "agency-advice",
        needs: ["food"], placeIDs: ["place-gamma"])
    static let closedHousing = Service(
        id: "service-housing", name: "Housing Support", agencyID: "agency-homes",
        status: .temporarilyClosed, needs: ["housing"], placeIDs: ["place-shire"])
    static let debtLine = Service(
        id: "service-debt-line", name: "Debt Line", agencyID: "agency-advice",
        needs: ["money-debt"], placeIDs: ["place-shire"], acceptsReferrals: false)
    /// Run by volunteers who are not on Thistle; no typical wait.
    static let befriending = Service(
        id: "service-befriend", name: "Befriending", agencyID: "agency-volunteers",
        needs: ["social-isolation"], placeIDs: ["place-shire"])
    static let services = [debt, food, gammaFood, closedHousing, debtLine, befriending]

    /// Case 1 in Alpha as Ann opened it an hour ago: a debt need, a food
    /// need and a befriending need, with consent for the advice charity.
    static func openCase() throws -> CaseFile {
        let opened = try CaseFile.open(
            id: "case-1", residentID: "res-1", placeID: "place-alpha",
            needs: [
                NewNeed(id: "need-debt", category: "money-debt", urgency: .urgent),
                NewNeed(id: "need-food", category: "food", urgency: .soon),
                NewNeed(id: "need-lonely", category: "social-isolation", urgency: .routine),
            ],
            summary: "Synthetic resident at the library door.", by: acting(ann), now: now - hours(1)
        ).file
        return try opened.recordConsent(
            id: "consent-advice", agency: "agency-advice", basis: .consent, dataSharingAgreement: "DSA-TEST", standingAgreement: nil, by: acting(ann), now: now - hours(1)
        ).file
    }

    /// Case 1 with the debt need sent to Debt Advice (referral `ref-debt`).
    static func referredCase() throws -> CaseFile {
        try openCase().refer(
            id: "ref-debt", needID: "need-debt", to: debt, servicePlacesCover: true, by: acting(ann),
            now: now - hours(1)
        ).file
    }

    /// Case 1 with `ref-debt` accepted by Fay.
    static func acceptedCase() throws -> CaseFile {
        try referredCase().accept("ref-debt", service: debt, by: acting(fay), now: now - hours(1)).file
    }
}

/// Asserts the expression is refused with exactly `expected`.
func assertRefused<T>(
    _ expression: @autoclosure () throws -> T, _ expected: CaseRuleViolation, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try expression(), message, file: file, line: line) { error in
        XCTAssertEqual(error as? CaseRuleViolation, expected, message, file: file, line: line)
    }
}
