import PlaceDomain
import PlaceStore

/// Logging a case, as `StoreEffects` performs it.
extension StoreEffects {
    /// Runs the rules first (opening the case, then consent for each agency
    /// ticked), so a refusal writes nothing; then registers a new resident
    /// and saves the case.
    func logCase(_ request: LogCaseRequest, by memberID: MemberID) throws -> Message {
        guard let member = try store.member(memberID) else { return .failed("Member \(memberID) does not exist.") }
        let tree = try store.placeTree()
        let actor = ActingMember(member: member, tree: tree)
        let now = clock.now()
        var resident = request.resident
        if request.isNew { resident.id = ResidentID(store.newID()) }
        do {
            if request.isNew {
                _ = try ResidentName.validate(givenName: resident.givenName, familyName: resident.familyName)
                try DateOfBirth.validate(resident.dateOfBirth ?? "", now: now)
                resident.postcode = try resident.postcode.flatMap(Postcode.validate)
            }
            let opened = try CaseFile.open(
                id: CaseID(store.newID()), residentID: resident.id, placeID: resident.placeID,
                needs: request.needs.map { NewNeed(id: NeedID(store.newID()), category: $0.category, urgency: $0.urgency) },
                summary: request.note, by: actor, now: now)
            var file = opened.file
            var events = opened.events
            for agency in request.consentTo {
                let consent = try file.recordConsent(
                    id: ConsentID(store.newID()), agency: agency, basis: .consent, dataSharingAgreement: nil,
                    standingAgreement: tree.dataSharingAgreement(at: file.case.placeID), by: actor, now: now)
                file = consent.file
                events += consent.events
            }
            if request.isNew { try store.write(by: member.id, [try .create(resident)]) }
            let update = CaseUpdate(file: file, events: events)
            try store.save(update, replacing: nil, by: member.id)
            return .caseLogged(try detail(of: update.file, tree: tree))
        } catch let violation as CaseRuleViolation {
            return .logRefused(violation.description)
        }
    }
}
