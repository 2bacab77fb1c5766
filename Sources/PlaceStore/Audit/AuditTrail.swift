import Crypto
import Foundation
import GRDB
import PlaceDomain

/// Writing the audit trail. Every write names the cases it touched in one
/// entry each; reading a case's details and exporting write their own.
extension PlaceStore {
    /// Records that `member` opened case `caseID`'s personal details.
    public func recordView(of caseID: CaseID, by member: MemberID) throws {
        try appendAudit(.view, by: member, caseIDs: [caseID], detail: "opened the case")
    }

    /// Records an export: what went out, and for which case if one.
    public func recordExport(_ detail: String, by member: MemberID, caseID: CaseID? = nil) throws {
        try appendAudit(.export, by: member, caseIDs: [caseID], detail: detail)
    }

    private func appendAudit(_ action: AuditEntry.Action, by member: MemberID?, caseIDs: [CaseID?], detail: String) throws {
        try writer.write { db in
            var clock = HybridLogicalClock(last: try Self.lastHLC(db))
            for caseID in caseIDs {
                try appendAudit(action, by: member, caseID: caseID, detail: detail, clock: &clock, in: db)
            }
        }
    }

    /// One entry per case the changes touch (and one for the rest), in the write's transaction.
    func auditChanges(_ changes: [Change], by author: MemberID?, clock: inout HybridLogicalClock, in db: Database) throws {
        var byCase: [CaseID?: [String: Int]] = [:]
        for change in changes {
            byCase[try Self.caseID(of: change, in: db), default: [:]][change.entity.name, default: 0] += 1
        }
        for (caseID, counts) in byCase.sorted(by: { ($0.key?.rawValue ?? "") < ($1.key?.rawValue ?? "") }) {
            let detail = counts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            try appendAudit(.change, by: author, caseID: caseID, detail: detail, clock: &clock, in: db)
        }
    }

    /// The case a change belongs to, if any.
    static func caseID(of change: Change, in db: Database) throws -> CaseID? {
        if change.entity == .case { return CaseID(change.entityID) }
        if case .object(let fields) = change.value, case .string(let id)? = fields["case_id"] { return CaseID(id) }
        switch change.entity {
        case .need, .referral, .consent, .note, .caseEvent, .leadChange:
            return try String.fetchOne(
                db, sql: "SELECT case_id FROM \(change.entity.table.quotedDatabaseIdentifier) WHERE id = ?",
                arguments: [change.entityID]
            ).map { CaseID($0) }
        case .consentOverride:
            return try String.fetchOne(db, sql: "SELECT case_id FROM referral WHERE id = ?", arguments: [change.entityID])
                .map { CaseID($0) }
        default:
            return nil
        }
    }

    func appendAudit(
        _ action: AuditEntry.Action, by member: MemberID?, caseID: CaseID?, detail: String, clock: inout HybridLogicalClock,
        in db: Database
    ) throws {
        let last = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT seq, hash FROM audit_entry WHERE device_id = ? ORDER BY seq DESC LIMIT 1"),
            arguments: [deviceID.rawValue])
        // Whole seconds: the entry's time is hashed as ISO 8601 text.
        let at = Date(timeIntervalSince1970: self.clock.now().timeIntervalSince1970.rounded(.down))
        var entry = AuditEntry(
            id: "audit-" + ids.next(), deviceID: deviceID, seq: (last?["seq"] as Int? ?? 0) + 1, at: at, memberID: member,
            action: action, caseID: caseID, detail: detail, prevHash: last?["hash"] ?? AuditEntry.genesis, hash: "",
            signature: nil)
        entry.hash = entry.computedHash
        if let key = unlocked.signingKey {
            entry.signature = try key.signature(for: Data(entry.hash.utf8)).base64EncodedString()
        }
        try insertOp(try Change.create(entry), by: member, clock: &clock, in: db)
    }

    /// Who viewed or changed a case, newest first.
    public func auditEntries(forCase caseID: CaseID) throws -> [AuditEntry] {
        try writer.read { db in
            try AuditEntry.fetchAll(
                db, sql: "SELECT * FROM audit_entry WHERE case_id = ? ORDER BY at DESC, device_id, seq DESC",
                arguments: [caseID.rawValue])
        }
    }
}
