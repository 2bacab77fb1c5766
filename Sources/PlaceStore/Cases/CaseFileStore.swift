import Foundation
import GRDB
import PlaceDomain

extension PlaceStore {
    /// A case with everything the no-wrong-door rules act on; nil if there is no such case.
    public func caseFile(_ id: CaseID) throws -> CaseFile? {
        try writer.read { db in
            guard let item = try Case.fetchOne(db, key: id.rawValue) else { return nil }
            let key = id.rawValue
            return CaseFile(
                case: item,
                needs: try Need.fetchAll(db, sql: "SELECT * FROM need WHERE case_id = ? ORDER BY created_at, id", arguments: [key]),
                referrals: try Referral.fetchAll(
                    db, sql: "SELECT * FROM referral WHERE case_id = ? ORDER BY sent_at, id", arguments: [key]),
                consents: try Consent.fetchAll(
                    db, sql: "SELECT * FROM consent WHERE case_id = ? ORDER BY recorded_at, id", arguments: [key]),
                consentOverrides: try ConsentOverride.fetchAll(
                    db,
                    sql: """
                        SELECT o.* FROM consent_override o JOIN referral r ON r.id = o.referral_id
                        WHERE r.case_id = ? ORDER BY o.at, o.id
                        """, arguments: [key]),
                leadHistory: try LeadChange.fetchAll(
                    db, sql: "SELECT * FROM lead_change WHERE case_id = ? ORDER BY at, id", arguments: [key]))
        }
    }

    /// Writes what a rule decided: every new or changed record of the case
    /// file, and its events on the case timeline, in one transaction through
    /// the op log. `original` is the file the rule was given (nil for a new case).
    @discardableResult
    public func save(_ update: CaseUpdate, replacing original: CaseFile?, by author: MemberID) throws -> [String] {
        try write(by: author, try changes(for: update, replacing: original))
    }

    func changes(for update: CaseUpdate, replacing original: CaseFile?) throws -> [Change] {
        let file = update.file
        var changes: [Change] = []
        changes += try Self.diff(original.map { [$0.case] } ?? [], [file.case])
        changes += try Self.diff(original?.needs ?? [], file.needs)
        changes += try Self.diff(original?.referrals ?? [], file.referrals)
        changes += try Self.diff(original?.consents ?? [], file.consents)
        let knownOverrides = Set((original?.consentOverrides ?? []).map(\.referralID))
        for override in file.consentOverrides where !knownOverrides.contains(override.referralID) {
            changes.append(try .create(override, as: .consentOverride, id: override.referralID.rawValue))
        }
        for change in file.leadHistory.dropFirst(original?.leadHistory.count ?? 0) {
            changes.append(try .create(change, as: .leadChange, id: ids.next()))
        }
        changes += update.events.map { CaseEventCoding.change($0, id: ids.next(), on: file.case.id) }
        return changes
    }

    /// Creates for records new in `new`, field changes for records that differ.
    private static func diff<Record: StoredRecord>(_ old: [Record], _ new: [Record]) throws -> [Change] {
        let before = Dictionary(old.map { ($0.recordID, $0) }, uniquingKeysWith: { first, _ in first })
        return try new.flatMap { record -> [Change] in
            guard let previous = before[record.recordID] else { return [try .create(record)] }
            return try Change.changes(from: previous, to: record)
        }
    }

    /// The timeline of a case, oldest first: (kind, subject id, who, when).
    public func caseEvents(_ id: CaseID) throws -> [(kind: String, subject: String?, by: MemberID, at: Date)] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT kind, subject_id, by_id, at FROM case_event WHERE case_id = ? ORDER BY at, rowid",
                arguments: [id.rawValue]
            ).map { ($0["kind"], $0["subject_id"], MemberID($0["by_id"] as String), Self.date($0["at"])) }
        }
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
