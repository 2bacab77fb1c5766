import PlaceDomain
import PlaceStore

/// `case show`: the JSON shape issue 3 fixes, and a text summary; for a
/// case the member may not open, the redacted row issue 6 adds.
enum CaseOutput {
    static func print(_ reading: CaseReading, _ format: OutputFormat, placeName: String) {
        switch reading {
        case .details(let file):
            Swift.print(format == .json ? json(file).jsonText : text(file), terminator: format == .json ? "\n" : "")
        case .redacted(let row) where format == .json:
            Swift.print(JSONValue.object([
                "id": .string(row.id.rawValue), "status": .string(row.status.rawValue), "place": .string(row.placeID.rawValue),
                "redacted": .bool(true), "liveNeeds": .int(Int64(row.liveNeeds)), "urgency": row.urgency.map { .string($0.rawValue) } ?? .null,
            ]).jsonText)
        case .redacted(let row):
            Swift.print("\(row.summary(placeName: placeName)) — not shared with your agency: ask its lead professional")
        }
    }

    static func json(_ file: CaseFile) -> JSONValue {
        func id<T>(_ value: Identifier<T>?) -> JSONValue { value.map { .string($0.rawValue) } ?? .null }
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        let item = file.case
        return .object([
            "id": id(item.id), "status": .string(item.status.rawValue), "resident": id(item.residentID),
            "place": id(item.placeID), "door": .object(["agency": id(item.doorAgencyID), "member": id(item.doorMemberID)]),
            "lead": id(item.leadID),
            "needs": .array(file.needs.map { need in
                .object([
                    "id": id(need.id), "category": id(need.category), "urgency": .string(need.urgency.rawValue),
                    "status": .string(need.state.rawValue), "returned": .bool(need.returned),
                ])
            }),
            "referrals": .array(file.referrals.map { referral in
                .object([
                    "id": id(referral.id), "need": id(referral.needID), "service": id(referral.serviceID),
                    "status": .string(referral.state.rawValue), "reason": text(referral.reason),
                    "outcome": text(referral.outcome?.rawValue),
                ])
            }),
            "consent": .array(file.consents.filter(\.isActive).map { consent in
                .object([
                    "agency": id(consent.agencyID), "recordedBy": id(consent.recordedByID),
                    "at": .string(ISOTime.string(consent.recordedAt)),
                ])
            }),
        ])
    }

    static func text(_ file: CaseFile) -> String {
        let item = file.case
        var lines = [
            "Case \(item.id) (\(item.status.rawValue)) for resident \(item.residentID) in \(item.placeID)",
            "Door: \(item.doorMemberID) of \(item.doorAgencyID); lead: \(item.leadID)",
            "Needs:",
        ]
        lines += file.needs.map { "  \($0.id)  \($0.category)  \($0.urgency.rawValue)  \($0.state.rawValue)\($0.returned ? "  RETURNED" : "")" }
        if !file.referrals.isEmpty {
            lines.append("Referrals:")
            lines += file.referrals.map { referral in
                "  \(referral.id)  \(referral.needID) → \(referral.serviceID)  \(referral.state.rawValue)"
                    + (referral.outcome.map { " (\($0.rawValue))" } ?? "") + (referral.reason.map { ": \($0)" } ?? "")
            }
        }
        let consents = file.consents.filter(\.isActive)
        lines.append("Consent: " + (consents.isEmpty ? "none recorded" : consents.map(\.agencyID.rawValue).joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }
}
