import Foundation

extension CaseFile {
    /// Sends an open need to a service. Only the lead professional, or a
    /// lead serving the case's place, routes needs. The service must meet
    /// the need, be active, take referrals and cover the case's place
    /// (`servicePlacesCover`, from `Service.covers(_:in:)`). The receiving
    /// agency needs active consent (rule 5), or `consentOverride` gives a
    /// reason to send without it, recorded with who, when, the lawful basis
    /// (not consent) and the data-sharing agreement (named, else standing).
    public func refer(
        id: ReferralID, needID: NeedID, to service: Service, servicePlacesCover: Bool,
        consentOverride: ConsentOverrideRequest? = nil, by actor: ActingMember, now: Date
    ) throws -> CaseUpdate {
        try requireOpen()
        try requireLeadOrLeadServingPlace(actor)
        let needIndex = try requireNeed(needID)
        let need = needs[needIndex]
        if let inFlight = referralInFlight(for: needID) { throw CaseRuleViolation.referralInFlight(inFlight.id) }
        guard need.state == .open else { throw CaseRuleViolation.needEnded(needID, need.state) }
        guard referral(id) == nil else { throw CaseRuleViolation.idInUse(id.rawValue) }
        guard service.needs.contains(need.category) else {
            throw CaseRuleViolation.serviceDoesNotMeetNeed(service: service.id, need: needID, category: need.category)
        }
        guard service.status == .active else { throw CaseRuleViolation.serviceNotActive(service.id, service.status) }
        guard service.acceptsReferrals else { throw CaseRuleViolation.serviceNotTakingReferrals(service.id) }
        guard servicePlacesCover else {
            throw CaseRuleViolation.serviceDoesNotCoverPlace(service: service.id, place: self.case.placeID)
        }
        var override: ConsentOverride?
        if activeConsent(for: service.agencyID) == nil {
            guard let request = consentOverride, !request.reason.trimmingWhitespace.isEmpty else {
                throw CaseRuleViolation.consentMissing(agency: service.agencyID)
            }
            let checked = try Reason.validate(request.reason, for: .overridingConsent(needID, agency: service.agencyID))
            guard request.basis != .consent else { throw CaseRuleViolation.overrideOnConsent(agency: service.agencyID) }
            let agreement = try DataSharingAgreement.validate(
                request.dataSharingAgreement, standing: request.standingAgreement, agency: service.agencyID)
            override = ConsentOverride(
                referralID: id, agencyID: service.agencyID, reason: checked, basis: request.basis,
                dataSharingAgreement: agreement, byID: actor.id, at: now)
        }

        var file = self
        file.referrals.append(
            Referral(
                id: id, needID: needID, caseID: self.case.id, serviceID: service.id, sentAt: now, sentByID: actor.id))
        file.needs[needIndex].state = .routed
        file.needs[needIndex].returned = false
        var events = [CaseEvent(.referred(id, need: needID, service: service.id), by: actor.id, at: now)]
        if let override {
            file.consentOverrides.append(override)
            events.append(
                CaseEvent(
                    .consentOverridden(id, agency: override.agencyID, reason: override.reason), by: actor.id, at: now))
        }
        return CaseUpdate(file: file, events: events)
    }

    /// The lead takes a referral back from a service that has it (sent or
    /// accepted); the need returns to them for re-routing (rule 2). Who
    /// withdrew it and when are in the event: `respondedAt` stays the
    /// service's own answer.
    public func withdraw(_ referralID: ReferralID, reason: String, by actor: ActingMember, now: Date) throws
        -> CaseUpdate
    {
        try requireOpen()
        try requireLeadOrLeadServingPlace(actor)
        let index = try requireReferral(referralID)
        let referral = referrals[index]
        guard referral.isInFlight else {
            throw CaseRuleViolation.referralCannotMove(referralID, from: referral.state, to: .withdrawn)
        }
        let checked = try Reason.validate(reason, for: .withdrawing(referralID))

        var file = self
        file.referrals[index].state = .withdrawn
        file.referrals[index].reason = checked
        let returned = file.returnNeed(of: referral, by: actor.id, at: now)
        return CaseUpdate(
            file: file,
            events: [CaseEvent(.referralWithdrawn(referralID, reason: checked), by: actor.id, at: now), returned])
    }
}

extension Service {
    /// Whether the service covers a place: it lists that place or one above it.
    public func covers(_ placeID: PlaceID, in tree: PlaceTree) -> Bool {
        placeIDs.contains { tree.contains($0, placeID) }
    }
}

/// Sending a referral without consent: why, on what lawful basis, and the
/// data-sharing agreement named (else the place's standing one).
public struct ConsentOverrideRequest: Hashable, Sendable {
    public var reason: String
    public var basis: ConsentBasis
    public var dataSharingAgreement: String?
    public var standingAgreement: String?

    public init(reason: String, basis: ConsentBasis = .publicTask, dataSharingAgreement: String? = nil,
                standingAgreement: String?) {
        self.reason = reason
        self.basis = basis
        self.dataSharingAgreement = dataSharingAgreement
        self.standingAgreement = standingAgreement
    }
}
