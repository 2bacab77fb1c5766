import Crypto
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

    /// Residents born on a date: the candidates the duplicate check compares
    /// (found by their date's token, then checked opened).
    public func residents(bornOn date: String) throws -> [Resident] {
        try writer.read { try residents(bornOn: date, key: try currentSearchKey($0), in: $0) }
    }

    /// Residents born on `date`, found by its search token under `key` (every resident's date, without one).
    func residents(bornOn date: String, key: SymmetricKey?, in db: Database) throws -> [Resident] {
        guard let key else {
            return try Resident.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM resident WHERE date_of_birth = ? AND merged_into_id IS NULL ORDER BY id"),
                arguments: [date])
        }
        return try Resident.fetchAll(
            db.cachedStatement(sql: """
                SELECT * FROM resident
                WHERE id IN (SELECT resident_id FROM main.resident_token WHERE token = ?)
                  AND date_of_birth = ? AND merged_into_id IS NULL ORDER BY id
                """), arguments: [SearchTokens.dateToken(date, key: key), date])
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
    /// Residents with a word of their name or postcode beginning with each
    /// word of `text` (case and accents ignored), or whose id is `text`:
    /// up to `limit` of them (the first by id), by name; merged records are
    /// left out. A search longer than `ResidentSearch.maximumLength` is refused.
    ///
    /// Need-to-know: only frontline and lead members search (they register
    /// residents at the door), and they find residents living in places they
    /// serve or on a case they may see.
    ///
    /// The candidates come from the search tokens (`SearchTokens`) when they
    /// are current, else they are every resident; either way they are opened
    /// a few at a time, in id order, only until `limit` of them match.
    public func residents(matching text: String, limit: Int = 50, for viewer: ActingMember) throws -> [Resident] {
        guard Member.rolesThatMayLead.contains(viewer.member.role) else {
            throw NotPermitted("only frontline and lead members look residents up; analysts and admins see counts")
        }
        let id = try ResidentSearch.validate(text)
        let words = SearchTokens.searchWords(id)
        guard !id.isEmpty else { return [] }
        let access = CaseAccess.condition(on: "c", for: viewer)
        return try writer.read { db in
            let page = max(limit, 32)
            var found: [Resident] = []
            for source in try candidateSources(id, in: db) {
                var after = ""
                while found.count < max(1, limit) {
                    // The next page of candidates the member may find (from the columns that are not sealed).
                    let ids = try String.fetchAll(
                        db,
                        sql: """
                            SELECT k.id FROM (\(source.sql)) k JOIN main.resident r ON r.id = k.id
                            WHERE k.id > ? AND r.merged_into_id IS NULL
                              AND (r.place_id IN (SELECT value FROM json_each(?))
                                   OR EXISTS (SELECT 1 FROM case_file c WHERE c.resident_id = r.id AND \(access.sql)))
                            ORDER BY k.id LIMIT ?
                            """,
                        arguments: source.arguments + [after, Self.jsonList(viewer.servedPlaceIDs)] + access.arguments + [page])
                    guard let last = ids.last else { break }
                    after = last
                    // Opened, and kept if they really match.
                    found += try Resident.fetchAll(
                        db, sql: "SELECT * FROM resident WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
                        arguments: [JSONValue.array(ids.map { .string($0) }).jsonText]
                    ).filter { resident in
                        !found.contains { $0.id == resident.id }
                            && (resident.id.rawValue == id || SearchTokens.words(words, beginWordsOf: resident))
                    }
                    if ids.count < page { break }
                }
            }
            return found.prefix(max(1, limit)).sorted {
                ($0.familyName, $0.givenName, $0.id.rawValue) < ($1.familyName, $1.givenName, $1.id.rawValue)
            }
        }
    }

    /// Where a search's candidates come from, each read in id order: the
    /// resident whose id is the text; then those with every word's token
    /// when the tokens are current, else everyone.
    private func candidateSources(_ id: String, in db: Database) throws
        -> [(sql: String, arguments: StatementArguments)]
    {
        let byID = (sql: "SELECT id FROM main.resident WHERE id = ?", arguments: [id] as StatementArguments)
        guard let key = try currentSearchKey(db) else { return [byID, ("SELECT id FROM main.resident", [])] }
        let tokens = SearchTokens.searchTokens(id, key: key)
        guard !tokens.isEmpty else { return [byID] }
        let everyWord = tokens.map { _ in "SELECT resident_id AS id FROM main.resident_token WHERE token = ?" }
        return [byID, (everyWord.joined(separator: " INTERSECT "), StatementArguments(tokens))]
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
