import Foundation
import GRDB
import PlaceDomain

extension PlaceStore {
    /// A resident by id; a merged record's id resolves to the record it was merged into.
    public func resident(_ id: ResidentID) throws -> Resident? {
        try writer.read { db in
            var current = try Resident.fetchOne(db, key: id.rawValue)
            var seen: Set<ResidentID> = []
            while let found = current, let next = found.mergedIntoID, seen.insert(found.id).inserted {
                current = try Resident.fetchOne(db, key: next.rawValue)
            }
            return current
        }
    }

    /// Residents born on a date: the candidates the duplicate check compares.
    public func residents(bornOn date: String) throws -> [Resident] {
        try writer.read { db in
            try Resident.fetchAll(
                db, sql: "SELECT * FROM resident WHERE date_of_birth = ? AND merged_into_id IS NULL ORDER BY id",
                arguments: [date])
        }
    }

    /// Whether an agency has any member on Thistle (else its referrals are answered on its behalf).
    public func agencyHasMembers(_ id: AgencyID) throws -> Bool {
        try writer.read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM member WHERE agency_id = ?)",
                                           arguments: [id.rawValue]) ?? false }
    }

    /// A new globally unique id (UUIDv7 from the injected source).
    public func newID() -> String { ids.next() }
}

extension PlaceStore {
    public func caseID(forNeed id: NeedID) throws -> CaseID? {
        let found = try writer.read {
            try String.fetchOne($0, sql: "SELECT case_id FROM need WHERE id = ?", arguments: [id.rawValue])
        }
        return found.map { CaseID($0) }
    }

    public func caseID(forReferral id: ReferralID) throws -> CaseID? {
        let found = try writer.read {
            try String.fetchOne($0, sql: "SELECT case_id FROM referral WHERE id = ?", arguments: [id.rawValue])
        }
        return found.map { CaseID($0) }
    }
}

extension PlaceStore {
    /// Residents whose name, postcode or id contains `text` (case-insensitive), by name; merged records are left out.
    ///
    /// Need-to-know: only frontline and lead members search (they register
    /// residents at the door), and they find residents living in places they
    /// serve or on a case they may see.
    public func residents(matching text: String, limit: Int = 50, for viewer: ActingMember) throws -> [Resident] {
        guard Member.rolesThatMayLead.contains(viewer.member.role) else {
            throw NotPermitted("only frontline and lead members look residents up; analysts and admins see counts")
        }
        let pattern = "%" + text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
        let access = CaseAccess.condition(on: "c", for: viewer)
        return try writer.read { db in
            try Resident.fetchAll(
                db,
                sql: """
                    SELECT * FROM resident
                    WHERE merged_into_id IS NULL
                      AND (given_name || ' ' || family_name LIKE ? ESCAPE '\\' OR postcode LIKE ? ESCAPE '\\'
                           OR id LIKE ? ESCAPE '\\')
                      AND (place_id IN (SELECT value FROM json_each(?))
                           OR EXISTS (SELECT 1 FROM case_file c WHERE c.resident_id = resident.id AND \(access.sql)))
                    ORDER BY family_name, given_name, id LIMIT ?
                    """,
                arguments: [pattern, pattern, pattern, Self.jsonList(viewer.servedPlaceIDs)] + access.arguments
                    + [max(1, limit)])
        }
    }

    /// Merges `other` into `keep`: the other's cases move to the kept record,
    /// and the other id resolves to it from now on. One transaction.
    public func mergeResident(_ other: Resident, into keep: Resident, by author: MemberID) throws {
        let caseIDs = try writer.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM case_file WHERE resident_id = ? ORDER BY id", arguments: [other.id.rawValue])
        }
        var changes = caseIDs.map { Change.set(Case.self, id: $0, "resident_id", to: .string(keep.id.rawValue)) }
        changes.append(.set(Resident.self, id: other.id.rawValue, "merged_into_id", to: .string(keep.id.rawValue)))
        try write(by: author, changes)
    }

    /// The notes on a case, oldest first.
    public func notes(on id: CaseID) throws -> [Note] {
        try writer.read { try Note.fetchAll($0, sql: "SELECT * FROM note WHERE case_id = ? ORDER BY at, id", arguments: [id.rawValue]) }
    }
}

extension PlaceStore {
    /// Writes the fields of `updated` that differ from `original`, one op each.
    public func update(_ original: Resident, to updated: Resident, by author: MemberID) throws {
        let changes = try Change.changes(from: original, to: updated)
        guard !changes.isEmpty else { return }
        try write(by: author, changes)
    }
}
