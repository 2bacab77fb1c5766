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

    public init(caseID: CaseID, needID: NeedID?, referralID: ReferralID?, placeID: PlaceID, urgency: Urgency?,
                status: String, returned: Bool?, stalled: Bool?, since: Date) {
        self.caseID = caseID
        self.needID = needID
        self.referralID = referralID
        self.placeID = placeID
        self.urgency = urgency
        self.status = status
        self.returned = returned
        self.stalled = stalled
        self.since = since
    }
}

/// Where a need stands in the triage queue: most urgent first, then
/// longest waiting, then by id (the keyset a page of the queue starts after).
public struct QueueKey: Hashable, Sendable {
    /// 0 urgent, 1 soon, 2 routine.
    public var rank: Int
    /// The need's `created_at` as stored (ISO 8601 text sorts as time does).
    public var createdAt: String
    public var needID: String
}

/// What the triage queue is narrowed to: places (already the ones the member
/// serves), and optionally one kind of need and one urgency.
public struct QueueFilter: Hashable, Sendable {
    public var places: Set<PlaceID>
    public var category: NeedCategoryKey?
    public var urgency: Urgency?

    public init(places: Set<PlaceID>, category: NeedCategoryKey? = nil, urgency: Urgency? = nil) {
        self.places = places
        self.category = category
        self.urgency = urgency
    }
}

/// The triage queue counted by place, kind of need and urgency.
public struct QueueTally: Equatable, Sendable {
    public struct Group: Equatable, Sendable {
        public var place: PlaceID
        public var category: NeedCategoryKey
        public var urgency: Urgency
        public var needs: Int
    }

    public var groups: [Group]

    public init(groups: [Group]) { self.groups = groups }

    /// How many needs `filter` keeps.
    public func count(_ filter: QueueFilter) -> Int {
        groups.reduce(0) { total, group in
            filter.places.contains(group.place) && (filter.category.map { $0 == group.category } ?? true)
                && (filter.urgency.map { $0 == group.urgency } ?? true) ? total + group.needs : total
        }
    }

    public var places: Set<PlaceID> { Set(groups.map(\.place)) }
    public var categories: Set<NeedCategoryKey> { Set(groups.map(\.category)) }
}

/// One need in the triage queue, with its case's place and resident.
public struct QueuedNeed: Equatable, Sendable {
    public var need: Need
    public var placeID: PlaceID
    public var residentID: ResidentID
    public var key: QueueKey
}

extension PlaceStore {
    /// The triage queue's rank (0 urgent, 1 soon, 2 routine), as SQL over
    /// `main.need` aliased `n`: a column SQLite computes (schema v10), indexed
    /// as `need_triage` (state, rank, age, id), so a page of the queue is a
    /// range of that index, read in order and never sorted. The queue reads
    /// `main.need`, not the revealing view (which does not carry the computed
    /// column); it needs none of the need's sealed fields.
    static let queueRank = "n.triage_rank"
    private static let queuedNeedColumns = "n.id, n.case_id, n.category, n.urgency, n.state, n.returned, n.created_at"
    /// Needs with their cases, for the queue and the counts of what waits: both read through the
    /// indexes that cover them (schema v10), named so the plan does not depend on SQLite's guesses
    /// (with no statistics it once scanned every open case for each need).
    static let needsWithTheirCases = """
        main.need n INDEXED BY need_triage JOIN main.case_file c INDEXED BY case_standing ON c.id = n.case_id
        """

    /// Needs waiting to be routed (new or returned) on open cases in
    /// `places`: most urgent first, then longest waiting. The whole queue,
    /// for the command line; the workspace reads it a page at a time.
    /// Read from the waiting needs' tally (schema v12), which holds exactly
    /// those needs by place: only the places' needs are touched, where the
    /// queue's index holds every waiting need of the council area.
    public func triageQueue(in places: Set<PlaceID>) throws -> [WorkItem] {
        try writer.read { db in
            // Each row read by column number as the cursor passes it (no copied rows, no name lookups).
            try Array(Row.fetchCursor(
                db,
                sql: """
                    SELECT n.id, n.case_id, w.place_id, n.urgency, n.state, n.returned, n.created_at
                    FROM tally_waiting w JOIN main.need n ON n.id = w.need_id
                    WHERE w.place_id IN (SELECT value FROM json_each(?))
                    ORDER BY \(Self.queueRank), n.created_at, n.id
                    """, arguments: [Self.jsonList(places)]
            ).map { row in
                WorkItem(
                    caseID: CaseID(row[1] as String), needID: NeedID(row[0] as String), referralID: nil,
                    placeID: PlaceID(row[2] as String), urgency: Urgency(rawValue: row[3]),
                    status: row[4], returned: row[5], stalled: nil, since: Self.date(row[6]))
            })
        }
    }

    /// One page of the triage queue narrowed by `filter`, by key.
    public func triagePage(_ filter: QueueFilter, _ request: PageRequest<QueueKey>) throws -> Page<QueuedNeed> {
        let (sql, arguments) = Self.triagePageSQL(filter, request)
        var rows = try writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let need = try Need(row: row)
                return QueuedNeed(
                    need: need, placeID: PlaceID(row["queue_place_id"] as String),
                    residentID: ResidentID(row["queue_resident_id"] as String),
                    key: QueueKey(rank: row["queue_rank"], createdAt: row["created_at"], needID: need.id.rawValue))
            }
        }
        let hasMore = rows.count > request.limit
        if hasMore { rows.removeLast() }
        if request.isBackward { rows.reverse() }
        return Page(rows: rows, hasMore: hasMore)
    }

    /// The page's query: a range of the `need_triage` index read forward, or
    /// backward for `.before` and `.last`, one row more than asked (to know
    /// whether there are more).
    static func triagePageSQL(_ filter: QueueFilter, _ request: PageRequest<QueueKey>) -> (sql: String, arguments: StatementArguments) {
        var (condition, arguments) = queueCondition(filter)
        switch request {
        case .first, .last:
            break
        case .after(let key, _), .before(let key, _):
            condition += " AND (\(queueRank), n.created_at, n.id) \(request.isBackward ? "<" : ">") (?, ?, ?)"
            _ = arguments.append(contentsOf: [key.rank, key.createdAt, key.needID])
        }
        let order = request.isBackward ? "DESC" : "ASC"
        return ("""
            SELECT \(queuedNeedColumns), c.place_id AS queue_place_id, c.resident_id AS queue_resident_id,
                   \(queueRank) AS queue_rank
            FROM \(needsWithTheirCases)
            WHERE \(condition)
            ORDER BY \(queueRank) \(order), n.created_at \(order), n.id \(order) LIMIT \(request.limit + 1)
            """, arguments)
    }

    /// How many needs wait in `places`, by place, kind of need and urgency:
    /// the queue's length under any filter, and the places and kinds a
    /// filter can offer. Read from the needs' tally (schema v12): a few rows a place.
    public func triageTally(in places: Set<PlaceID>) throws -> QueueTally {
        try writer.read { db in
            QueueTally(groups: try Row.fetchAll(
                db,
                sql: """
                    SELECT place_id, category, urgency, SUM(n) AS needs FROM tally_need
                    WHERE case_open AND state = 'open' AND place_id IN (SELECT value FROM json_each(?))
                    GROUP BY place_id, category, urgency HAVING SUM(n) > 0
                    """, arguments: [Self.jsonList(places)]
            ).map { row in
                QueueTally.Group(place: PlaceID(row["place_id"] as String), category: NeedCategoryKey(row["category"] as String),
                                 urgency: Urgency(rawValue: row["urgency"]) ?? .routine, needs: row["needs"])
            })
        }
    }

    private static func queueCondition(_ filter: QueueFilter) -> (String, StatementArguments) {
        // `+c.place_id`: each need's case is found by id, and its place tested after; letting SQLite
        // seek the case once per listed place made the tally twenty seeks a need for a member of two areas.
        var sql = """
            n.state = 'open' AND c.status = 'open' AND +c.place_id IN (SELECT value FROM json_each(?))
            """
        var arguments: StatementArguments = [jsonList(filter.places)]
        if let category = filter.category {
            sql += " AND n.category = ?"
            _ = arguments.append(contentsOf: [category.rawValue])
        }
        if let urgency = filter.urgency {
            sql += " AND n.urgency = ?"
            _ = arguments.append(contentsOf: [urgency.rawValue])
        }
        return (sql, arguments)
    }

    /// Referrals still with `agency`'s services (sent or accepted), oldest first.
    public func referralsIncoming(to agency: AgencyID, now: Date) throws -> [WorkItem] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                // Only the columns the list shows, from the table: no referral's sealed reason is opened.
                // The agency's services first (CROSS JOIN keeps that order), each one's live referrals
                // by `referral_by_service`; without statistics SQLite scanned every referral (0.15 s).
                sql: """
                    SELECT r.id, r.case_id, r.need_id, r.state, r.sent_at, s.typical_wait_days,
                           n.urgency AS need_urgency, c.place_id AS case_place_id
                    FROM service s CROSS JOIN main.referral r ON r.service_id = s.id
                    JOIN need n ON n.id = r.need_id JOIN case_file c ON c.id = r.case_id
                    WHERE s.agency_id = ? AND r.state IN ('sent', 'accepted')
                    ORDER BY r.sent_at, r.id
                    """, arguments: [agency.rawValue])
            return rows.map { row in
                let sentAt = Self.date(row["sent_at"])
                return WorkItem(
                    caseID: CaseID(row["case_id"] as String), needID: NeedID(row["need_id"] as String),
                    referralID: ReferralID(row["id"] as String), placeID: PlaceID(row["case_place_id"] as String),
                    urgency: Urgency(rawValue: row["need_urgency"]), status: row["state"], returned: nil,
                    stalled: Referral.isStalled(inFlight: true, sentAt: sentAt, typicalWaitDays: row["typical_wait_days"], now: now),
                    since: sentAt)
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
                           n.created_at, r.id AS referral_id, r.sent_at, s.id AS service_id, s.typical_wait_days
                    FROM case_file c
                    LEFT JOIN need n ON n.case_id = c.id AND n.state IN ('open', 'routed')
                    LEFT JOIN main.referral r ON r.need_id = n.id AND r.state IN ('sent', 'accepted')
                    LEFT JOIN service s ON s.id = r.service_id
                    WHERE c.lead_id = ? AND c.status = 'open'
                    ORDER BY n.returned DESC, CASE n.urgency WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END,
                             COALESCE(n.created_at, c.opened_at), c.id, n.id
                    """, arguments: [lead.rawValue])
            // Whether a referral has stalled, from its row and its service's wait: not the whole
            // referral, whose sealed reason would be opened for every row.
            return rows.map { row in
                var stalled: Bool?
                if (row["service_id"] as String?) != nil, let sentAt: String = row["sent_at"] {
                    stalled = Referral.isStalled(inFlight: true, sentAt: Self.date(sentAt),
                                                 typicalWaitDays: row["typical_wait_days"], now: now)
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
        text.flatMap(ISOTime.date) ?? .distantPast
    }
}

extension PlaceStore {
    /// Every place's target hours to first routing (a few rows per place).
    public func triageTargets() throws -> TriageTargets {
        TriageTargets(try writer.read { try TriageTarget.fetchAll($0, sql: "SELECT * FROM triage_target") })
    }
}
