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
        let targets = try triageTargets()
        let agencyNames = try agencyNames()
        let categoryNames = Dictionary(try needCategories().map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        let wholeTree = places.count == tree.places.count
        var dashboard = try writer.read { db -> Dashboard in
            func counts(_ sql: String, _ arguments: StatementArguments, label: (String) -> String) throws -> [Dashboard.Count] {
                try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                    let key: String = $0[0]
                    return Dashboard.Count(key: key, label: label(key), count: $0[1])
                }
            }
            // Weeks of whole days: the last is today and the six days before it.
            let today = Self.day(now)
            var weeks = (0..<26).map { index -> Dashboard.Week in
                Dashboard.Week(starts: Self.day(now.addingTimeInterval(-Double(7 * (25 - index) + 6) * 86_400)), opened: 0, closed: 0)
            }
            let weekRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT CAST(julianday(?2) - julianday(day) AS INTEGER) / 7 AS ago, SUM(opened), SUM(closed)
                    FROM tally_case_day WHERE place_id IN (SELECT value FROM json_each(?1)) AND day BETWEEN ?3 AND ?2
                    GROUP BY ago
                    """, arguments: [list, today, weeks[0].starts])
            for row in weekRows {
                let index = 25 - (row[0] as Int)
                weeks[index].opened = row[1]
                weeks[index].closed = row[2]
            }
            let routing = try Urgency.allCases.map { urgency in
                let (routed, median) = try Self.medianRoutingHours(urgency, in: wholeTree ? nil : list, db)
                return Dashboard.Routing(
                    urgency: urgency, routed: routed, medianHours: median,
                    targetHours: targets.effective(for: urgency, at: place, in: tree)?.hours)
            }
            let inPlaces = "place_id IN (SELECT value FROM json_each(?))"
            let byState = try counts(
                "SELECT state, SUM(n) FROM tally_referral WHERE \(inPlaces) GROUP BY state HAVING SUM(n) > 0 ORDER BY state",
                [list]) { $0 }
            let byAgency = try counts(
                """
                SELECT agency_id, SUM(n) FROM tally_referral WHERE \(inPlaces)
                GROUP BY agency_id HAVING SUM(n) > 0 ORDER BY SUM(n) DESC, agency_id
                """, [list]) { agencyNames[AgencyID($0)] ?? $0 }
            let answered = byState.filter { ["accepted", "declined", "completed"].contains($0.key) }.reduce(0) { $0 + $1.count }
            let declined = byState.first { $0.key == "declined" }?.count ?? 0
            let bounced = try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(n), 0) FROM tally_returns WHERE \(inPlaces)", arguments: [list]) ?? 0
            let liveNeeds = "FROM tally_need WHERE case_open AND \(inPlaces)"
            let returnedNow = try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(n), 0) \(liveNeeds) AND state = 'open' AND returned", arguments: [list]) ?? 0
            let byCategory = try counts(
                """
                SELECT category, SUM(n) \(liveNeeds) AND state IN ('open', 'routed')
                GROUP BY category HAVING SUM(n) > 0 ORDER BY SUM(n) DESC, category
                """, [list]) { categoryNames[$0] ?? $0 }
            let awaiting = try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(n), 0) \(liveNeeds) AND state = 'open'", arguments: [list]) ?? 0
            // Waiting longer than the target that holds at the case's place: raised before the
            // cut-off of that place and urgency. A range of the waiting needs' tally for each.
            let cutoffs: [JSONValue] = places.flatMap { id in
                Urgency.allCases.compactMap { urgency in
                    targets.effective(for: urgency, at: id, in: tree).map {
                        .object(["p": .string(id.rawValue), "u": .string(urgency.rawValue),
                                 "c": .string(ISOTime.string(now.addingTimeInterval(-Double($0.hours) * 3_600)))])
                    }
                }
            }
            let overdue = try Int.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM((
                        SELECT COUNT(*) FROM tally_waiting w WHERE w.place_id = json_extract(t.value, '$.p')
                          AND w.urgency = json_extract(t.value, '$.u') AND w.created_at < json_extract(t.value, '$.c'))), 0)
                    FROM json_each(?) t
                    """, arguments: [JSONValue.array(cutoffs).jsonText]) ?? 0
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
        let indicators = try card.indicatorIDs.compactMap { try indicator($0) }
        let rollups = try rollups(of: indicators, under: place, tree: tree)
        return indicators.map { indicator in
            let series = rollups[indicator.id, default: []].map { ($0.period, value: $0.rollup.value(at: place)) }
            let latest = series.last { $0.value.value != nil }
            let previous = latest.flatMap { last in series.last { $0.0 < last.0 && $0.value.value != nil } }
            return Dashboard.ScorecardLine(
                indicator: indicator.id, name: indicator.name, unit: indicator.unit, polarity: indicator.polarity,
                period: latest?.0, value: latest?.value.value, complete: latest?.value.complete ?? false,
                target: indicator.target, previous: previous?.value.value,
                trend: Trend(from: previous?.value.value, to: latest?.value.value, polarity: indicator.polarity),
                series: series.map(\.value.value))
        }
    }

    /// How many needs of `urgency` were routed (in the places of `list`, or
    /// anywhere), and the median hours from raised to first referral.
    /// Across the whole tree, two steps into the tally's ordered index; for
    /// part of it, the places' times, read and sorted here.
    private static func medianRoutingHours(_ urgency: Urgency, in list: String?, _ db: Database) throws -> (Int, Double?) {
        guard let list else {
            let routed = try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(n), 0) FROM tally_routed WHERE urgency = ?", arguments: [urgency.rawValue]) ?? 0
            guard routed > 0 else { return (0, nil) }
            let middle = try Double.fetchAll(
                db, sql: "SELECT hours FROM tally_routing WHERE urgency = ? ORDER BY hours LIMIT ? OFFSET ?",
                arguments: [urgency.rawValue, 2 - routed % 2, (routed - 1) / 2])
            return (routed, middle.reduce(0, +) / Double(middle.count))
        }
        let hours = try Double.fetchAll(
            db,
            sql: """
                SELECT hours FROM tally_routing INDEXED BY tally_routing_by_place
                WHERE place_id IN (SELECT value FROM json_each(?)) AND urgency = ?
                """, arguments: [list, urgency.rawValue]).sorted()
        guard !hours.isEmpty else { return (0, nil) }
        let median = hours.count % 2 == 1 ? hours[hours.count / 2] : (hours[hours.count / 2 - 1] + hours[hours.count / 2]) / 2
        return (hours.count, median)
    }

    /// The dashboard tallies that differ from a recount of the tables: none,
    /// unless a trigger that keeps them is wrong.
    public func tallyDrift() throws -> [String] {
        try writer.read { try Tallies.drift($0) }
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
