import GRDB
import PlaceDomain

/// The no-wrong-door rules still hold after a merge. One device can close a
/// case while another, offline, adds a need to it or sends a referral: each
/// was right on its own device, but together they would leave a closed case
/// with a live need (rule 4). The merged tables show such a case open, and
/// `conflicts()` lists it, so that a person decides: keep it open, or end
/// the need and close it again. Like the rest of a merge this is a function
/// of the op set alone, so a rebuild from the log gives the same tables.
extension PlaceStore {
    /// Reopens, in the tables, closed cases (all, or `cases`) that have a
    /// need open or routed or a referral in flight.
    static func repairCaseRules(_ db: Database, cases: Set<String>? = nil) throws {
        let scope = cases.map { JSONValue.array($0.sorted().map { .string($0) }).jsonText }
        try db.execute(
            sql: """
                UPDATE main.case_file SET status = 'open', closed_at = NULL, closed_by_id = NULL, closed_reason = NULL
                WHERE status = 'closed' AND (? IS NULL OR id IN (SELECT value FROM json_each(?)))
                  AND (EXISTS (SELECT 1 FROM need n WHERE n.case_id = case_file.id AND n.state IN ('open', 'routed'))
                       OR EXISTS (SELECT 1 FROM referral r WHERE r.case_id = case_file.id AND r.state IN ('sent', 'accepted')))
                """, arguments: [scope, scope])
    }

    /// Cases the log says are closed (their newest status op) that the
    /// tables show open because of a live need: a conflict between the
    /// closing and the need, until someone sets the status again.
    static func caseRuleConflicts(_ db: Database, cases: Set<String>? = nil) throws -> [Conflict] {
        let scope = cases.map { JSONValue.array($0.sorted().map { .string($0) }).jsonText }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id AS case_id, o.id AS op_id, o.author_id, o.device_id, o.hlc FROM case_file c
                JOIN op o ON o.id = (SELECT id FROM op WHERE entity = 'case' AND entity_id = c.id AND field = 'status'
                                     ORDER BY hlc DESC, device_id DESC, id DESC LIMIT 1)
                WHERE c.status = 'open' AND o.value = '"closed"' AND (? IS NULL OR c.id IN (SELECT value FROM json_each(?)))
                ORDER BY c.id
                """, arguments: [scope, scope])
        return try rows.map { row in
            let caseID: String = row["case_id"]
            // What kept it open: the newest op on one of its live needs or referrals.
            let live = try Op.fetchOne(
                db,
                sql: """
                    SELECT o.* FROM op o
                    WHERE (o.entity = 'need' AND o.entity_id IN (SELECT id FROM need WHERE case_id = ? AND state IN ('open', 'routed')))
                       OR (o.entity = 'referral' AND o.entity_id IN
                           (SELECT id FROM referral WHERE case_id = ? AND state IN ('sent', 'accepted')))
                    ORDER BY o.hlc DESC, o.device_id DESC LIMIT 1
                    """, arguments: [caseID, caseID])
            return Conflict(
                id: "case/\(caseID)/status", entity: EntityKind.case.name, entityID: caseID, field: "status",
                values: [
                    Conflict.Value(opID: row["op_id"], value: .string("closed"),
                                   author: (row["author_id"] as String?).map { MemberID($0) },
                                   device: DeviceID(row["device_id"] as String), at: row["hlc"]),
                    Conflict.Value(opID: live?.id ?? "", value: .string("open"), author: live?.authorID,
                                   device: live?.deviceID ?? "", at: live?.hlc ?? ""),
                ])
        }
    }
}
