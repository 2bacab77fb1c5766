import PlaceDomain

/// How a `CaseEvent` is kept in the `case_event` table: its kind as a word,
/// the id it is mainly about, and the rest as a JSON object.
enum CaseEventCoding {
    /// The create of one `case_event` row.
    static func change(_ event: CaseEvent, id: String, on caseID: CaseID) -> Change {
        let row = row(event)
        let fields: [String: JSONValue] = [
            "id": .string(id), "case_id": .string(caseID.rawValue), "kind": .string(row.kind),
            "subject_id": row.subject.map { .string($0) } ?? .null, "detail": .object(row.detail),
            "by_id": .string(event.byID.rawValue), "at": .string(ISOTime.string(event.at)),
        ]
        return Change(entity: .caseEvent, entityID: id, field: Op.wholeRecord, value: .object(fields))
    }

    static func row(_ event: CaseEvent) -> (kind: String, subject: String?, detail: [String: JSONValue]) {
        func id<T>(_ value: Identifier<T>?) -> JSONValue { value.map { .string($0.rawValue) } ?? .null }
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        switch event.kind {
        case .caseOpened(let caseID):
            return ("case-opened", caseID.rawValue, [:])
        case .needAdded(let need):
            return ("need-added", need.rawValue, [:])
        case .referred(let referral, let need, let service):
            return ("referred", referral.rawValue, ["need": id(need), "service": id(service)])
        case .consentOverridden(let referral, let agency, let reason):
            return ("consent-overridden", referral.rawValue, ["agency": id(agency), "reason": text(reason)])
        case .referralAccepted(let referral, let onBehalf):
            return ("referral-accepted", referral.rawValue, ["onBehalf": .bool(onBehalf)])
        case .referralDeclined(let referral, let reason, let suggested, let onBehalf):
            return ("referral-declined", referral.rawValue,
                    ["reason": text(reason), "suggested": id(suggested), "onBehalf": .bool(onBehalf)])
        case .referralCompleted(let referral, let outcome, let reason, let onBehalf):
            return ("referral-completed", referral.rawValue,
                    ["outcome": text(outcome.rawValue), "reason": text(reason), "onBehalf": .bool(onBehalf)])
        case .referralWithdrawn(let referral, let reason):
            return ("referral-withdrawn", referral.rawValue, ["reason": text(reason)])
        case .referralChased(let referral):
            return ("referral-chased", referral.rawValue, [:])
        case .needReturned(let need, let referral):
            return ("need-returned", need.rawValue, ["referral": id(referral)])
        case .needMet(let need):
            return ("need-met", need.rawValue, [:])
        case .needClosed(let need, let reason):
            return ("need-closed", need.rawValue, ["reason": text(reason)])
        case .leadChanged(let from, let to):
            return ("lead-changed", to.rawValue, ["from": id(from)])
        case .caseClosed(let caseID, let reason):
            return ("case-closed", caseID.rawValue, ["reason": text(reason)])
        case .consentRecorded(let consent, let agency, let basis):
            return ("consent-recorded", consent.rawValue, ["agency": id(agency), "basis": text(basis.rawValue)])
        case .consentWithdrawn(let consent, let agency, let referrals):
            return ("consent-withdrawn", consent.rawValue,
                    ["agency": id(agency), "referralsStillWithAgency": .array(referrals.map { .string($0.rawValue) })])
        }
    }
}
