import Foundation
import GRDB
import PlaceDomain

/// Need-to-know, as one rule every interface reads through. A member sees
/// a case's personal details (who the resident is, notes, the summary, the
/// reasons given) when they opened it or lead it; or when they are frontline
/// or lead, serve the case's place (or a place above it), and their agency
/// is the door agency, the lead's agency, or an agency the case is shared
/// with (consent in force, or a consent override on a referral to it).
/// Everyone else, analysts and admins included, sees a redacted row.
enum CaseAccess {
    /// An SQL condition on the `case_file` row aliased `alias`, true where
    /// `viewer` may see the case's details.
    static func condition(on alias: String, for viewer: ActingMember) -> (sql: String, arguments: StatementArguments) {
        let member = viewer.member
        let mayByAgency = Member.rolesThatMayLead.contains(member.role)
        let sql = """
            (\(alias).door_member_id = ? OR \(alias).lead_id = ? OR (? AND \(alias).place_id IN (SELECT value FROM json_each(?)) AND (
                \(alias).door_agency_id = ?
                OR (SELECT agency_id FROM member WHERE id = \(alias).lead_id) = ?
                OR EXISTS (SELECT 1 FROM consent k WHERE k.case_id = \(alias).id AND k.agency_id = ? AND k.withdrawn_at IS NULL)
                OR EXISTS (SELECT 1 FROM consent_override o JOIN referral r ON r.id = o.referral_id
                           WHERE r.case_id = \(alias).id AND o.agency_id = ?))))
            """
        let agency = member.agencyID.rawValue
        return (sql, [member.id.rawValue, member.id.rawValue, mayByAgency, PlaceStore.jsonList(viewer.servedPlaceIDs),
                      agency, agency, agency, agency])
    }
}

/// What anyone in the team may know of a case they may not open: that
/// work exists in a place, how much, and how urgent.
public struct RedactedCase: Hashable, Sendable {
    public var id: CaseID
    public var placeID: PlaceID
    public var status: CaseStatus
    /// Needs still open or routed.
    public var liveNeeds: Int
    /// The most urgent of them, if any.
    public var urgency: Urgency?

    /// "Case · Levenmouth · 2 needs · urgent", with the place's name.
    public func summary(placeName: String) -> String {
        (["Case", placeName, liveNeeds == 1 ? "1 need" : "\(liveNeeds) needs"] + (urgency.map { [$0.rawValue] } ?? []))
            .joined(separator: " · ")
    }
}

/// A case as a member may read it.
public enum CaseReading: Sendable {
    case details(CaseFile)
    case redacted(RedactedCase)
}

extension PlaceStore {
    /// Whether `viewer` may see the personal details of case `id`.
    public func mayView(_ id: CaseID, by viewer: ActingMember) throws -> Bool {
        try visibleCases(among: [id], by: viewer).contains(id)
    }

    /// Which of `ids` `viewer` may see the details of.
    public func visibleCases(among ids: Set<CaseID>, by viewer: ActingMember) throws -> Set<CaseID> {
        guard !ids.isEmpty else { return [] }
        let access = CaseAccess.condition(on: "c", for: viewer)
        return try writer.read { db in
            Set(try String.fetchAll(
                db, sql: "SELECT c.id FROM case_file c WHERE c.id IN (SELECT value FROM json_each(?)) AND \(access.sql)",
                arguments: [JSONValue.array(ids.sorted().map { .string($0.rawValue) }).jsonText] + access.arguments
            ).map { CaseID($0) })
        }
    }

    /// Case `id` as `viewer` may read it: the whole file, or a redacted row;
    /// nil if there is no such case. Reading the whole file is an opening of
    /// the case's personal details, and goes in the audit trail.
    public func readCase(_ id: CaseID, by viewer: ActingMember) throws -> CaseReading? {
        guard try mayView(id, by: viewer) else { return try redactedCase(id).map(CaseReading.redacted) }
        guard let file = try caseFile(id) else { return nil }
        try recordView(of: id, by: viewer.id)
        return .details(file)
    }

    /// What any member may know of case `id`.
    public func redactedCase(_ id: CaseID) throws -> RedactedCase? {
        try writer.read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.place_id, c.status,
                        (SELECT COUNT(*) FROM need n WHERE n.case_id = c.id AND n.state IN ('open', 'routed')) AS live,
                        (SELECT MIN(CASE n.urgency WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END) FROM need n
                         WHERE n.case_id = c.id AND n.state IN ('open', 'routed')) AS rank
                    FROM case_file c WHERE c.id = ?
                    """, arguments: [id.rawValue])
            else { return nil }
            let rank: Int? = row["rank"]
            return RedactedCase(
                id: id, placeID: PlaceID(row["place_id"] as String), status: CaseStatus(rawValue: row["status"]) ?? .open,
                liveNeeds: row["live"], urgency: rank.map { [Urgency.urgent, .soon, .routine][$0] })
        }
    }
}
