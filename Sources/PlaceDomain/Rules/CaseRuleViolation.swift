import Foundation

/// Why a change to a case was refused, in words a frontline worker can act on.
public enum CaseRuleViolation: Error, Hashable, Sendable, CustomStringConvertible {
    // Who may do what.
    case roleMayNotTakeNeeds(member: MemberID, role: Role)
    case roleMayNotLead(member: MemberID, role: Role)
    case notLeadOrLeadServingPlace(member: MemberID, case: CaseID)
    case notWorkingOnCase(member: MemberID, case: CaseID)
    case notReceivingAgency(member: MemberID, referral: ReferralID, agency: AgencyID)
    case agencyAnswersForItself(agency: AgencyID, referral: ReferralID)

    // The case, its needs and referrals.
    case caseNeedsANeed
    case caseClosed(CaseID)
    case alreadyLead(member: MemberID, case: CaseID)
    case idInUse(String)
    case unknownNeed(NeedID)
    case unknownReferral(ReferralID)
    case needStillOpen(NeedID)
    case needEnded(NeedID, NeedState)
    case referralInFlight(ReferralID)
    case referralCannotMove(ReferralID, from: ReferralState, to: ReferralState)
    case answerBeforeReferralSent(ReferralID)
    case referralNotWithService(ReferralID, ReferralState)

    // Consent and the service a need goes to.
    case consentMissing(agency: AgencyID)
    case consentAlreadyRecorded(agency: AgencyID)
    case serviceDoesNotMeetNeed(service: ServiceID, need: NeedID, category: NeedCategoryKey)
    case serviceNotActive(ServiceID, ServiceStatus)
    case serviceNotTakingReferrals(ServiceID)
    case serviceDoesNotCoverPlace(service: ServiceID, place: PlaceID)
    case wrongService(referral: ReferralID, service: ServiceID)

    // What was typed.
    case reasonMissing(ReasonPurpose)
    case reasonTooLong(ReasonPurpose, limit: Int)
    case dataSharingAgreementTooLong(agency: AgencyID, limit: Int)
    /// Consent or an override with no data-sharing agreement named, and none standing for the place.
    case dataSharingAgreementMissing(agency: AgencyID)
    /// An override of consent cannot rest on consent.
    case overrideOnConsent(agency: AgencyID)
    case nameMissing(ResidentNamePart)
    case nameTooLong(ResidentNamePart, limit: Int)
    case searchTooLong(limit: Int)
    case timeInFuture(Date)

    // Notes
    case noteMissing
    case noteTooLong(limit: Int)
    case mayNotAddNote(member: MemberID, case: CaseID)

    // Merging residents
    case mayNotMergeResidents(member: MemberID)
    case mergeWithItself(ResidentID)
    case alreadyMerged(ResidentID, into: ResidentID)
    case invalidDateOfBirth(String)
    case invalidPostcode(String)

    public var description: String {
        switch self {
        case .roleMayNotTakeNeeds(let member, let role):
            return "\(member) is \(role.withArticle); only frontline workers and leads can open a case or add a need."
        case .roleMayNotLead(let member, let role):
            return "\(member) is \(role.withArticle); a lead professional must be a frontline worker or a lead."
        case .notLeadOrLeadServingPlace(let member, let id):
            return "Only the lead professional for case \(id), or a lead serving its place, can do that; "
                + "\(member) is neither."
        case .notWorkingOnCase(let member, let id):
            return "Only the lead professional, a lead serving the place or the member who opened case \(id) "
                + "can record consent; \(member) is none of these."
        case .notReceivingAgency(let member, let referral, let agency):
            return "Only \(agency), which runs the service, can answer referral \(referral); "
                + "\(member) works for another agency."
        case .agencyAnswersForItself(let agency, let referral):
            return "\(agency) has members on Thistle, so they answer referral \(referral) themselves."
        case .caseNeedsANeed:
            return "A case needs at least one need: add what the resident needs help with."
        case .caseClosed(let id):
            return "Case \(id) is closed, so it cannot be changed."
        case .alreadyLead(let member, let id):
            return "\(member) is already the lead professional for case \(id)."
        case .idInUse(let id):
            return "The id \(id) is already used in this case."
        case .unknownNeed(let id):
            return "Need \(id) is not part of this case."
        case .unknownReferral(let id):
            return "Referral \(id) is not part of this case."
        case .needStillOpen(let id):
            return "Need \(id) is not yet met or closed: route it, or close it with a reason, before closing the case."
        case .needEnded(let id, let state):
            return "Need \(id) is already \(state.rawValue), so it cannot be changed."
        case .referralInFlight(let id):
            return "Referral \(id) is still with the service: wait for its answer or withdraw it first."
        case .referralCannotMove(let id, let from, let to):
            let until = from == .sent && to == .completed ? " until it is accepted" : ""
            return "Referral \(id) is \(from.rawValue), so it cannot be \(to.rawValue)\(until)."
        case .referralNotWithService(let id, let state):
            return "Referral \(id) is \(state.rawValue), no longer with its service, so there is nothing to chase."
        case .answerBeforeReferralSent(let id):
            return "The answer to referral \(id) cannot be dated before the referral was sent."
        case .consentMissing(let agency):
            return "No consent is recorded for sharing this case with \(agency): "
                + "record consent, or give a reason to override."
        case .consentAlreadyRecorded(let agency):
            return "Consent for \(agency) is already recorded; withdraw it first to record it on a different basis."
        case .serviceDoesNotMeetNeed(let service, let need, let category):
            return "Service \(service) does not meet \(category) needs, so need \(need) cannot go to it."
        case .serviceNotActive(let service, let status):
            return "Service \(service) is \(status.rawValue), so it cannot take referrals."
        case .serviceNotTakingReferrals(let service):
            return "Service \(service) does not take referrals; contact it directly instead."
        case .serviceDoesNotCoverPlace(let service, let place):
            return "Service \(service) does not cover \(place), where this case is."
        case .wrongService(let referral, let service):
            return "Referral \(referral) did not go to service \(service)."
        case .reasonMissing(let purpose):
            return "Give a reason \(purpose.phrase)."
        case .reasonTooLong(let purpose, let limit):
            return "The reason \(purpose.phrase) is too long: keep it to \(limit) characters."
        case .dataSharingAgreementTooLong(let agency, let limit):
            return "The data sharing agreement named for \(agency) is too long: keep it to \(limit) characters."
        case .dataSharingAgreementMissing(let agency):
            return "Name the data sharing agreement that covers sharing with \(agency) (--dsa REF): "
                + "this place has none standing."
        case .overrideOnConsent(let agency):
            return "Sending to \(agency) without consent needs another lawful basis: public-task, legal-obligation or "
                + "vital-interests."
        case .nameMissing(let part):
            return "Enter the resident's \(part.rawValue) name."
        case .nameTooLong(let part, let limit):
            return "The resident's \(part.rawValue) name is too long: keep it to \(limit) characters."
        case .searchTooLong(let limit):
            return "The search is too long: type part of a name, a postcode or an id, up to \(limit) characters."
        case .timeInFuture(let time):
            return "The time \(Self.timestamp(time)) is in the future; enter when it actually happened."
        case .noteMissing:
            return "Write the note: it is empty."
        case .noteTooLong(let limit):
            return "The note is too long: keep it to \(limit) characters."
        case .mayNotAddNote(let member, let id):
            return "Only people working on case \(id) (its lead, a lead serving its place, the member at its door, "
                + "or an agency it is shared with) can add notes; \(member) is none of these."
        case .mayNotMergeResidents(let member):
            return "Only leads and admins can merge two residents' records; \(member) is neither."
        case .mergeWithItself(let id):
            return "Resident \(id) cannot be merged with itself: give two different records."
        case .alreadyMerged(let id, let target):
            return "Resident \(id) was already merged into \(target)."
        case .invalidDateOfBirth(let text):
            return "\"\(text.shownInRefusal)\" is not a date of birth: give a past date as YYYY-MM-DD."
        case .invalidPostcode(let text):
            return "\"\(text.shownInRefusal)\" is not a postcode: letters, digits and a space, up to \(Postcode.maximumLength) characters."
        }
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

extension ReasonPurpose {
    /// Completes "Give a reason …".
    var phrase: String {
        switch self {
        case .declining(let id): return "for declining referral \(id)"
        case .withdrawing(let id): return "for withdrawing referral \(id)"
        case .unsuccessfulOutcome(let id): return "why referral \(id) was unsuccessful"
        case .completing(let id): return "for the outcome of referral \(id)"
        case .closingNeed(let id): return "for closing need \(id)"
        case .closingCase(let id): return "for closing case \(id)"
        case .overridingConsent(let need, let agency):
            return "for sending need \(need) to \(agency) without recorded consent"
        }
    }
}

extension Role {
    var withArticle: String {
        switch self {
        case .frontline: return "a frontline worker"
        case .lead: return "a lead"
        case .analyst: return "an analyst"
        case .admin: return "an admin"
        }
    }
}
