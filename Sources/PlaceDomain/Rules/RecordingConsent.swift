import Foundation

extension CaseFile {
    /// Records the basis on which the case may be shared with an agency.
    /// Whoever is working the case records it: the lead professional, a
    /// lead serving the place, or the member who opened it at the door.
    /// `recordedAt` backdates consent given on paper; it defaults to `now`.
    /// The data-sharing agreement is the one named, else the one standing
    /// for the place (`PlaceTree.dataSharingAgreement(at:)`); one is required.
    public func recordConsent(
        id: ConsentID, agency: AgencyID, basis: ConsentBasis, dataSharingAgreement: String?, standingAgreement: String?,
        by actor: ActingMember, now: Date, recordedAt: Date? = nil
    ) throws -> CaseUpdate {
        try requireOpen()
        try requireWorkingOnCase(actor)
        guard activeConsent(for: agency) == nil else { throw CaseRuleViolation.consentAlreadyRecorded(agency: agency) }
        guard !consents.contains(where: { $0.id == id }) else { throw CaseRuleViolation.idInUse(id.rawValue) }
        let at = try requireNotFuture(recordedAt, now: now)
        let agreement = try DataSharingAgreement.validate(dataSharingAgreement, standing: standingAgreement, agency: agency)

        var file = self
        file.consents.append(
            Consent(
                id: id, caseID: self.case.id, agencyID: agency, basis: basis,
                dataSharingAgreement: agreement, recordedByID: actor.id,
                recordedAt: at))
        return CaseUpdate(
            file: file, events: [CaseEvent(.consentRecorded(id, agency: agency, basis: basis), by: actor.id, at: at)])
    }

    /// Withdraws the consent in force for an agency. Referrals still with
    /// that agency's services (looked up in `services`) are not changed but
    /// come back in `flaggedReferrals`, for the lead to decide on. A
    /// resident may withdraw consent after their case has closed.
    public func withdrawConsent(
        agency: AgencyID, services: [Service], by actor: ActingMember, now: Date
    ) throws -> CaseUpdate {
        try requireWorkingOnCase(actor)
        guard let index = consents.firstIndex(where: { $0.agencyID == agency && $0.isActive }) else {
            throw CaseRuleViolation.consentMissing(agency: agency)
        }
        let agencyServices = Set(services.filter { $0.agencyID == agency }.map(\.id))
        let flagged = referrals.filter { $0.isInFlight && agencyServices.contains($0.serviceID) }

        var file = self
        file.consents[index].withdrawnAt = now
        file.consents[index].withdrawnByID = actor.id
        let event = CaseEvent(
            .consentWithdrawn(consents[index].id, agency: agency, referralsStillWithAgency: flagged.map(\.id)),
            by: actor.id, at: now)
        return CaseUpdate(file: file, events: [event], flaggedReferrals: flagged)
    }

    private func requireWorkingOnCase(_ actor: ActingMember) throws {
        guard isLeadOrLeadServingPlace(actor) || actor.id == self.case.doorMemberID else {
            throw CaseRuleViolation.notWorkingOnCase(member: actor.id, case: self.case.id)
        }
    }
}
