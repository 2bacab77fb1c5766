import Foundation
import PlaceDomain

// The JSON shapes of the place files. They name references the way a
// person writing the file would ("parent", "agency", "places"), so they
// are decoded into these rows and then into domain values.

struct PlaceRow: Decodable {
    let id: PlaceID, name: String, kind: PlaceKind, parent: PlaceID?, population: Int, retentionYears: Int?
    let dataSharingAgreement: String?
    var place: Place {
        Place(id: id, name: name, kind: kind, parentID: parent, population: population, retentionYears: retentionYears,
              dataSharingAgreement: dataSharingAgreement)
    }
}

struct NeedCategoryRow: Decodable {
    let key: NeedCategoryKey, name: String, description: String
    var category: NeedCategory { NeedCategory(id: key, name: name, description: description) }
}

struct MemberRow: Decodable {
    let id: MemberID, name: String, agency: AgencyID, role: Role, places: [PlaceID]
    var member: Member { Member(id: id, name: name, agencyID: agency, role: role, placeIDs: places) }
}

struct ServiceRow: Decodable {
    struct LocationRow: Decodable {
        let id: LocationID, name: String, address: String, postcode: String, place: PlaceID?
        func location(agency: AgencyID) -> Location {
            Location(id: id, agencyID: agency, name: name, address: address, postcode: postcode, placeID: place)
        }
    }
    let id: ServiceID, name: String, agency: AgencyID, description: String, status: ServiceStatus
    let needs: [NeedCategoryKey], places: [PlaceID], acceptsReferrals: Bool, typicalWaitDays: Int?
    let email: String?, phone: String?, locations: [LocationRow]
    var service: Service {
        Service(
            id: id, name: name, agencyID: agency, description: description, status: status, needs: needs,
            placeIDs: places, locationIDs: locations.map(\.id), acceptsReferrals: acceptsReferrals,
            typicalWaitDays: typicalWaitDays, email: email, phone: phone)
    }
}

struct CaseRow: Decodable {
    struct NeedRow: Decodable {
        let id: NeedID, category: NeedCategoryKey, urgency: Urgency, state: NeedState, returned: Bool
        let createdAt: Date, closedAt: Date?, closedBy: MemberID?, closedReason: String?
        let referrals: [ReferralRow]
        func need(in caseID: CaseID) -> Need {
            Need(
                id: id, caseID: caseID, category: category, urgency: urgency, state: state, returned: returned,
                createdAt: createdAt, closedAt: closedAt, closedByID: closedBy, closedReason: closedReason)
        }
    }
    struct ReferralRow: Decodable {
        let id: ReferralID, service: ServiceID, state: ReferralState, sentAt: Date, sentBy: MemberID
        let respondedAt: Date?, respondedBy: MemberID?, reason: String?, suggestedService: ServiceID?
        let outcome: ReferralOutcome?
        func referral(for needID: NeedID, in caseID: CaseID) -> Referral {
            Referral(
                id: id, needID: needID, caseID: caseID, serviceID: service, state: state, sentAt: sentAt,
                sentByID: sentBy, respondedAt: respondedAt, respondedByID: respondedBy, reason: reason,
                suggestedServiceID: suggestedService, outcome: outcome)
        }
    }
    let id: CaseID, resident: ResidentID, place: PlaceID, doorAgency: AgencyID, doorMember: MemberID
    let lead: MemberID, status: CaseStatus, openedAt: Date, closedAt: Date?, closedBy: MemberID?
    let closedReason: String?, summary: String, needs: [NeedRow]
    var `case`: Case {
        Case(
            id: id, residentID: resident, placeID: place, doorAgencyID: doorAgency, doorMemberID: doorMember,
            leadID: lead, status: status, openedAt: openedAt, closedAt: closedAt, closedByID: closedBy,
            closedReason: closedReason, summary: summary)
    }
}

struct TriageTargetRow: Decodable {
    let place: PlaceID, urgency: Urgency, hours: Int
    var target: TriageTarget { TriageTarget(placeID: place, urgency: urgency, hours: hours) }
}
