import Foundation
import GRDB
import PlaceDomain

/// A resident's erasure as the op log records it. Its reason is sealed
/// under the team key; the resident's own key is gone.
struct ErasureRecord: Codable, StoredRecord {
    static let entity = EntityKind.erasure
    var id: String
    var reason: String
    var byID: MemberID
    var at: Date
    var recordID: String { id }
}

extension PlaceStore {
    /// Erases `residentID` (and every record merged into it): an `erasure`
    /// op destroys the resident's key here, and wherever the op reaches
    /// (bundles, the hub, other laptops), taking the key's op out of every
    /// log; a key arriving later is kept out. Their name, date of birth,
    /// postcode and everything written about their cases stay sealed and
    /// read as "(erased)"; the records and counts stay. Leads and admins
    /// only; the reason is required; their cases must be closed first (an
    /// open case still needs reasons written about it). Returns the ids erased.
    public func eraseResident(_ residentID: ResidentID, reason: String, by actor: ActingMember) throws -> [ResidentID] {
        guard Member.rolesThatKeepRecords.contains(actor.member.role) else {
            throw NotPermitted("only leads and admins erase a resident's details")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else {
            throw StoreError.invalidChange("give the reason for the erasure (--reason, up to 500 characters)")
        }
        guard let resident = try resident(residentID) else { throw StoreError.unknownResident(residentID.rawValue) }
        let (ids, caseIDs, erased, open) = try writer.read { db in
            var ids = [resident.id.rawValue]
            var index = 0
            while index < ids.count {
                ids += try String.fetchAll(db, sql: "SELECT id FROM main.resident WHERE merged_into_id = ? ORDER BY id",
                                           arguments: [ids[index]])
                index += 1
            }
            let cases = try String.fetchAll(
                db, sql: "SELECT id FROM main.case_file WHERE resident_id IN (SELECT value FROM json_each(?)) ORDER BY id",
                arguments: [JSONValue.array(ids.map { .string($0) }).jsonText])
            let erased = try String.fetchAll(db, sql: "SELECT id FROM erasure WHERE id IN (SELECT value FROM json_each(?))",
                                             arguments: [JSONValue.array(ids.map { .string($0) }).jsonText])
            let open = try String.fetchAll(
                db, sql: "SELECT id FROM main.case_file WHERE status = 'open' AND id IN (SELECT value FROM json_each(?)) ORDER BY id",
                arguments: [JSONValue.array(cases.map { .string($0) }).jsonText])
            return (ids, cases, Set(erased), open)
        }
        guard erased.count < ids.count else {
            throw StoreError.invalidChange("resident \(resident.id)'s details were erased already")
        }
        guard open.isEmpty else {
            throw StoreError.invalidChange(
                "close resident \(resident.id)'s open cases first (\(open.joined(separator: ", "))): they still need reasons recorded")
        }
        let now = Date(timeIntervalSince1970: clock.now().timeIntervalSince1970.rounded(.down))
        let fresh = ids.filter { !erased.contains($0) }
        let changes = try fresh.map { try Change.create(ErasureRecord(id: $0, reason: reason, byID: actor.id, at: now)) }
        let newest = try writer.write { db in
            var clock = HybridLogicalClock(last: try Self.lastHLC(db))
            for change in changes { try insertOp(change, by: actor.id, clock: &clock, in: db) }
            // One audit entry per case, naming no detail of the person.
            for caseID in caseIDs.isEmpty ? [nil] : caseIDs.map(Optional.some) {
                try appendAudit(.change, by: actor.id, caseID: caseID.map { CaseID($0) }, detail: "resident's details erased",
                                clock: &clock, in: db)
            }
            return try Self.lastHLC(db)
        }
        LastWrite.record(newest, for: path)
        // The destroyed key's bytes leave the write-ahead log now rather than at the next checkpoint.
        _ = try? writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        return fresh.map { ResidentID($0) }
    }

    /// Every erased resident, by id.
    public func erasedResidents() throws -> [ResidentID] {
        try writer.read { try String.fetchAll($0, sql: "SELECT id FROM erasure ORDER BY id").map { ResidentID($0) } }
    }

    /// Whether `residentID`'s details were erased.
    public func isErased(_ residentID: ResidentID) throws -> Bool {
        try writer.read {
            try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM erasure WHERE id = ?)", arguments: [residentID.rawValue])
        } ?? false
    }
}
