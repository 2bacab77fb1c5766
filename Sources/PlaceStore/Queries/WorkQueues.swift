import Foundation
import GRDB
import PlaceDomain

/// One line of a frontline worklist (the triage queue, referrals in, my
/// cases): which case and need, the referral if one is involved, and how
/// long it has been waiting.
public struct WorkItem: Equatable, Sendable {
    public var caseID: CaseID
    public var needID: NeedID?
    public var referralID: ReferralID?
    public var placeID: PlaceID
    public var urgency: Urgency?
    /// The need's state, or the referral's for referrals in.
    public var status: String
    public var returned: Bool?
    public var stalled: Bool?
    public var since: Date
}

extension PlaceStore {
    /// Needs waiting to be routed (new or returned) on open cases in
    /// `places`: most urgent first, then longest waiting.
    public func triageQueue(in places: Set<PlaceID>) throws -> [WorkItem] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT n.id AS need_id, n.case_id, c.place_id, n.urgency, n.state, n.returned, n.created_at
                    FROM need n JOIN case_file c ON c.id = n.case_id
                    WHERE n.state = 'open' AND c.status = 'open'
                      AND c.place_id IN (SELECT value FROM json_each(?))
                    ORDER BY CASE n.urgency WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END, n.created_at, n.id
                    """, arguments: [Self.jsonList(places)]
            ).map { row in
                WorkItem(
                    caseID: CaseID(row["case_id"] as String), needID: NeedID(row["need_id"] as String), referralID: nil,
                    placeID: PlaceID(row["place_id"] as String), urgency: Urgency(rawValue: row["urgency"]),
                    status: row["state"], returned: row["returned"], stalled: nil, since: Self.date(row["created_at"]))
            }
        }
    }

    /// Referrals still with `agency`'s services (sent or accepted), oldest first.
    public func referralsIncoming(to agency: AgencyID, now: Date) throws -> [WorkItem] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.*, n.urgency AS need_urgency, c.place_id AS case_place_id
                    FROM referral r JOIN service s ON s.id = r.service_id
                    JOIN need n ON n.id = r.need_id JOIN case_file c ON c.id = r.case_id
                    WHERE s.agency_id = ? AND r.state IN ('sent', 'accepted')
                    ORDER BY r.sent_at, r.id
                    """, arguments: [agency.rawValue])
            var services: [ServiceID: Service] = [:]
            return try rows.map { row in
                let referral = try Referral(row: row)
                if services[referral.serviceID] == nil {
                    services[referral.serviceID] = try Service.fetchOne(db, key: referral.serviceID.rawValue)
                }
                return WorkItem(
                    caseID: referral.caseID, needID: referral.needID, referralID: referral.id,
                    placeID: PlaceID(row["case_place_id"] as String), urgency: Urgency(rawValue: row["need_urgency"]),
                    status: referral.state.rawValue, returned: nil,
                    stalled: services[referral.serviceID].map { referral.isStalled(service: $0, now: now) },
                    since: referral.sentAt)
            }
        }
    }

    /// The live needs of open cases `lead` leads: returned needs first, then
    /// by urgency and age; a routed need shows its referral and whether it
    /// has stalled. A case with nothing left open shows once, needing closing.
    public func casesLed(by lead: MemberID, now: Date) throws -> [WorkItem] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id AS case_id, c.place_id, c.opened_at, n.id AS need_id, n.urgency, n.state, n.returned,
                           n.created_at, r.id AS referral_id
                    FROM case_file c
                    LEFT JOIN need n ON n.case_id = c.id AND n.state IN ('open', 'routed')
                    LEFT JOIN referral r ON r.need_id = n.id AND r.state IN ('sent', 'accepted')
                    WHERE c.lead_id = ? AND c.status = 'open'
                    ORDER BY n.returned DESC, CASE n.urgency WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END,
                             COALESCE(n.created_at, c.opened_at), c.id, n.id
                    """, arguments: [lead.rawValue])
            return try rows.map { row in
                var stalled: Bool?
                if let referralID: String = row["referral_id"],
                    let referral = try Referral.fetchOne(db, key: referralID),
                    let service = try Service.fetchOne(db, key: referral.serviceID.rawValue)
                {
                    stalled = referral.isStalled(service: service, now: now)
                }
                let needID: String? = row["need_id"]
                return WorkItem(
                    caseID: CaseID(row["case_id"] as String), needID: needID.map { NeedID($0) },
                    referralID: (row["referral_id"] as String?).map { ReferralID($0) },
                    placeID: PlaceID(row["place_id"] as String), urgency: (row["urgency"] as String?).flatMap(Urgency.init),
                    status: row["state"] ?? "open", returned: needID == nil ? nil : (row["returned"] as Bool?),
                    stalled: stalled, since: Self.date(row["created_at"] ?? row["opened_at"]))
            }
        }
    }

    static func jsonList(_ places: Set<PlaceID>) -> String {
        JSONValue.array(places.sorted().map { .string($0.rawValue) }).jsonText
    }

    static func date(_ text: String?) -> Date {
        text.flatMap { try? Date($0, strategy: .iso8601) } ?? .distantPast
    }
}

extension PlaceStore {
    /// Every place's target hours to first routing (a few rows per place).
    public func triageTargets() throws -> TriageTargets {
        TriageTargets(try writer.read { try TriageTarget.fetchAll($0, sql: "SELECT * FROM triage_target") })
    }
}
