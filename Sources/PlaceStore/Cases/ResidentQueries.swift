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
