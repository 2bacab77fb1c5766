import Foundation
import GRDB
import PlaceDomain

/// Every figure on a place's dashboard, for the place and everything within
/// it. Counts only: nothing here names or describes a person. Each figure
/// is an SQL aggregate; only the indicator roll-up, which walks the tree,
/// runs in Swift over one indicator's values for the place's subtree.
public struct Dashboard: Equatable, Sendable, Codable {
    public var place: PlaceID
    public var placeName: String
    /// The moment the figures were read at (ISO 8601).
    public var asOf: Date

    /// Cases opened and closed per week, oldest of the 26 weeks first; the last week ends at `asOf`.
    public var weeks: [Week]
    public var routing: [Routing]
    public var referralsByState: [Count]
    public var referralsByAgency: [Count]
    /// Declined ÷ answered (accepted, declined or completed); nil with none answered.
    public var declineRate: Double?
    public var declined: Int
    public var answered: Int
    /// Needs that came back to their lead at least once.
    public var bounced: Int
    /// Open needs on open cases marked returned now.
    public var returnedNow: Int
    public var openNeedsByCategory: [Count]
    public var awaitingTriage: Int
    public var overdueTriage: Int
    public var prioritiesByRAG: [Count]
    public var scorecard: [ScorecardLine]
    public var pot: PotTotals

    public struct Week: Equatable, Sendable, Codable {
        /// The first day of the week (YYYY-MM-DD).
        public var starts: String
        public var opened: Int
        public var closed: Int
    }

    /// The median hours from a need being raised to its first referral, per urgency, against the place's target.
    public struct Routing: Equatable, Sendable, Codable {
        public var urgency: Urgency
        public var routed: Int
        public var medianHours: Double?
        public var targetHours: Int?
    }

    public struct Count: Equatable, Sendable, Codable {
        public var key: String
        public var label: String
        public var count: Int

        public init(key: String, label: String, count: Int) {
            self.key = key
            self.label = label
            self.count = count
        }
    }

    public struct ScorecardLine: Equatable, Sendable, Codable {
        public var indicator: IndicatorID
        public var name: String
        public var unit: String
        public var polarity: Indicator.Polarity
        public var period: String?
        public var value: Double?
        public var complete: Bool
        public var target: Double?
        public var previous: Double?
        public var trend: Trend?
        /// The values over every period, oldest first (nil where missing).
        public var series: [Double?]
    }

    public struct PotTotals: Equatable, Sendable, Codable {
        public var streams: Int
        public var total: Int
        public var allocated: Int
        public var unallocated: Int
    }
}

extension PlaceStore {
    /// The dashboard of `place` (and everything within it) as of `now`.
    public func dashboard(of place: PlaceID, tree: PlaceTree, now: Date) throws -> Dashboard {
        let places = tree.subtree(of: place)
        let list = Self.jsonList(Set(places))
        let nowText = Self.isoTime(now)
        let targets = try triageTargets()
        // The target that holds at each place, for each urgency: a few hundred rows at most.
        let effective: [JSONValue] = places.flatMap { id in
            Urgency.allCases.compactMap { urgency in
                targets.effective(for: urgency, at: id, in: tree).map {
                    .object(["p": .string(id.rawValue), "u": .string(urgency.rawValue), "h": .int(Int64($0.hours))])
                }
            }
        }
        let agencyNames = try agencyNames()
        let categoryNames = Dictionary(try needCategories().map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        var dashboard = try writer.read { db -> Dashboard in
            func counts(_ sql: String, _ arguments: StatementArguments, label: (String) -> String) throws -> [Dashboard.Count] {
                try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                    let key: String = $0[0]
                    return Dashboard.Count(key: key, label: label(key), count: $0[1])
                }
            }
            let weekRows = try Row.fetchAll(
                db,
                sql: """
                    WITH opened AS (
                        SELECT (strftime('%s', ?2) - strftime('%s', opened_at)) / 604800 AS w FROM case_file
                        WHERE place_id IN (SELECT value FROM json_each(?1)) AND opened_at <= ?2),
                    closed AS (
                        SELECT (strftime('%s', ?2) - strftime('%s', closed_at)) / 604800 AS w FROM case_file
                        WHERE place_id IN (SELECT value FROM json_each(?1)) AND closed_at IS NOT NULL AND closed_at <= ?2)
                    SELECT 'o', w, COUNT(*) FROM opened WHERE w < 26 GROUP BY w
                    UNION ALL SELECT 'c', w, COUNT(*) FROM closed WHERE w < 26 GROUP BY w
                    """, arguments: [list, nowText])
            var weeks = (0..<26).map { index -> Dashboard.Week in
                let start = now.addingTimeInterval(-Double(26 - index) * 7 * 86_400 + 1)
                return Dashboard.Week(starts: Self.day(start), opened: 0, closed: 0)
            }
            for row in weekRows {
                let ago: Int = row[1]
                let index = 25 - ago
                if (row[0] as String) == "o" { weeks[index].opened = row[2] } else { weeks[index].closed = row[2] }
            }
            let routingRows = try Row.fetchAll(
                db,
                sql: """
                    WITH t AS (
                        SELECT n.urgency, (strftime('%s', MIN(r.sent_at)) - strftime('%s', n.created_at)) / 3600.0 AS hours
                        FROM need n JOIN case_file c ON c.id = n.case_id JOIN referral r ON r.need_id = n.id
                        WHERE +c.place_id IN (SELECT value FROM json_each(?)) GROUP BY n.id),
                    o AS (
                        SELECT urgency, hours, ROW_NUMBER() OVER (PARTITION BY urgency ORDER BY hours) AS k,
                               COUNT(*) OVER (PARTITION BY urgency) AS total FROM t)
                    SELECT urgency, MAX(total), AVG(hours) FROM o
                    WHERE k IN ((total + 1) / 2, (total + 2) / 2) GROUP BY urgency
                    """, arguments: [list])
            let medians = Dictionary(routingRows.map { ($0[0] as String, ($0[1] as Int, $0[2] as Double)) },
                                     uniquingKeysWith: { a, _ in a })
            let routing = Urgency.allCases.map { urgency in
                Dashboard.Routing(
                    urgency: urgency, routed: medians[urgency.rawValue]?.0 ?? 0, medianHours: medians[urgency.rawValue]?.1,
                    targetHours: targets.effective(for: urgency, at: place, in: tree)?.hours)
            }
            let referralScope = """
                FROM referral r JOIN case_file c ON c.id = r.case_id WHERE +c.place_id IN (SELECT value FROM json_each(?))
                """
            let byState = try counts(
                "SELECT r.state, COUNT(*) \(referralScope) GROUP BY r.state ORDER BY r.state", [list]) { $0 }
            let byAgency = try counts(
                """
                SELECT s.agency_id, COUNT(*) FROM referral r JOIN case_file c ON c.id = r.case_id
                JOIN service s ON s.id = r.service_id
                WHERE +c.place_id IN (SELECT value FROM json_each(?)) GROUP BY s.agency_id ORDER BY COUNT(*) DESC, s.agency_id
                """, [list]) { agencyNames[AgencyID($0)] ?? $0 }
            let answered = byState.filter { ["accepted", "declined", "completed"].contains($0.key) }.reduce(0) { $0 + $1.count }
            let declined = byState.first { $0.key == "declined" }?.count ?? 0
            let bounced = try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(DISTINCT e.subject_id) FROM case_event e JOIN case_file c ON c.id = e.case_id
                    WHERE e.kind = 'need-returned' AND +c.place_id IN (SELECT value FROM json_each(?))
                    """, arguments: [list]) ?? 0
            let liveNeeds = """
                FROM need n JOIN case_file c ON c.id = n.case_id
                WHERE c.status = 'open' AND +c.place_id IN (SELECT value FROM json_each(?))
                """
            let returnedNow = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) \(liveNeeds) AND n.state = 'open' AND n.returned", arguments: [list]) ?? 0
            let byCategory = try counts(
                "SELECT n.category, COUNT(*) \(liveNeeds) AND n.state IN ('open', 'routed') GROUP BY n.category ORDER BY COUNT(*) DESC, n.category",
                [list]) { categoryNames[$0] ?? $0 }
            let awaiting = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(liveNeeds) AND n.state = 'open'", arguments: [list]) ?? 0
            let overdue = try Int.fetchOne(
                db,
                sql: """
                    WITH t AS (SELECT json_extract(value, '$.p') AS place, json_extract(value, '$.u') AS urgency,
                                      json_extract(value, '$.h') AS hours FROM json_each(?2))
                    SELECT COUNT(*) FROM need n JOIN case_file c ON c.id = n.case_id
                    JOIN t ON t.place = c.place_id AND t.urgency = n.urgency
                    WHERE n.state = 'open' AND c.status = 'open' AND +c.place_id IN (SELECT value FROM json_each(?1))
                      AND strftime('%s', ?3) - strftime('%s', n.created_at) > t.hours * 3600
                    """, arguments: [list, JSONValue.array(effective).jsonText, nowText]) ?? 0
            let rag = try counts(
                """
                SELECT p.rag, COUNT(*) FROM priority p JOIN plan l ON l.id = p.plan_id
                WHERE l.place_id IN (SELECT value FROM json_each(?)) GROUP BY p.rag
                ORDER BY CASE p.rag WHEN 'red' THEN 0 WHEN 'amber' THEN 1 ELSE 2 END
                """, [list]) { $0 }
            let pot = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COALESCE(SUM(amount), 0),
                           (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a JOIN funding_stream s ON s.id = a.stream_id
                            WHERE s.place_id IN (SELECT value FROM json_each(?1)))
                    FROM funding_stream WHERE place_id IN (SELECT value FROM json_each(?1))
                    """, arguments: [list])
            let total: Int = pot?[1] ?? 0
            let allocated: Int = pot?[2] ?? 0
            return Dashboard(
                place: place, placeName: tree[place]?.name ?? place.rawValue, asOf: now, weeks: weeks, routing: routing,
                referralsByState: byState, referralsByAgency: byAgency,
                declineRate: answered > 0 ? Double(declined) / Double(answered) : nil, declined: declined,
                answered: answered, bounced: bounced, returnedNow: returnedNow, openNeedsByCategory: byCategory,
                awaitingTriage: awaiting, overdueTriage: overdue,
                prioritiesByRAG: RAG.allCases.map { level in
                    Dashboard.Count(key: level.rawValue, label: level.rawValue, count: rag.first { $0.key == level.rawValue }?.count ?? 0)
                },
                scorecard: [],
                pot: Dashboard.PotTotals(streams: pot?[0] ?? 0, total: total, allocated: allocated,
                                         unallocated: total - allocated))
        }
        dashboard.scorecard = try scorecardLines(for: place, tree: tree)
        return dashboard
    }

    private func scorecardLines(for place: PlaceID, tree: PlaceTree) throws -> [Dashboard.ScorecardLine] {
        guard let card = try scorecard(for: place, tree: tree) else { return [] }
        return try card.indicatorIDs.compactMap { id in
            guard let indicator = try indicator(id) else { return nil }
            let series = try series(indicator, at: place, tree: tree)
            let latest = series.last { $0.value.value != nil }
            let previous = latest.flatMap { last in series.last { $0.period < last.period && $0.value.value != nil } }
            return Dashboard.ScorecardLine(
                indicator: id, name: indicator.name, unit: indicator.unit, polarity: indicator.polarity,
                period: latest?.period, value: latest?.value.value, complete: latest?.value.complete ?? false,
                target: indicator.target, previous: previous?.value.value,
                trend: Trend(from: previous?.value.value, to: latest?.value.value, polarity: indicator.polarity),
                series: series.map(\.value.value))
        }
    }

    /// Agency names by id (a dozen or so).
    public func agencyNames() throws -> [AgencyID: String] {
        try writer.read { db in
            Dictionary(try Row.fetchAll(db, sql: "SELECT id, name FROM agency").map { (AgencyID($0[0] as String), $0[1] as String) },
                       uniquingKeysWith: { a, _ in a })
        }
    }

    static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle().year().month().day())
    }
}
