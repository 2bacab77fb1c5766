import GRDB

/// The dashboard's counters (schema v12), kept by SQLite triggers in the
/// same transaction as every write to cases, needs, referrals, services and
/// case events: the write path, merges, rebuilds, erasure and retention all
/// keep them without knowing of them. A dashboard reads a few hundred tally
/// rows instead of every case, need and referral of the council area.
///
/// Each tally is a function of the tables. A counter tally is kept as the
/// join it counts: a change to either side of the join adds the change in
/// the join, so the counts hold whatever order rows arrive in (a merge
/// defers foreign keys). A per-need tally (routing times, bounced needs) is
/// recomputed for each need a change touches.
enum Tallies {
    /// Every tally table, with the query that recounts it from the tables.
    static let recounts: [(table: String, columns: String, recount: String)] = [
        ("tally_case_day", "place_id, day, opened, closed", """
            SELECT place_id, day, SUM(opened), SUM(closed) FROM (
                SELECT place_id, substr(opened_at, 1, 10) AS day, 1 AS opened, 0 AS closed FROM main.case_file
                UNION ALL
                SELECT place_id, substr(closed_at, 1, 10), 0, 1 FROM main.case_file WHERE closed_at IS NOT NULL)
            GROUP BY place_id, day
            """),
        ("tally_need", "place_id, category, urgency, state, returned, case_open, n", """
            SELECT c.place_id, n.category, n.urgency, n.state, n.returned, c.status = 'open', COUNT(*)
            FROM main.need n JOIN main.case_file c ON c.id = n.case_id
            GROUP BY c.place_id, n.category, n.urgency, n.state, n.returned, c.status = 'open'
            """),
        ("tally_waiting", "place_id, urgency, created_at, need_id", """
            SELECT c.place_id, n.urgency, n.created_at, n.id FROM main.need n JOIN main.case_file c ON c.id = n.case_id
            WHERE n.state = 'open' AND c.status = 'open'
            """),
        ("tally_referral", "place_id, agency_id, state, n", """
            SELECT c.place_id, s.agency_id, r.state, COUNT(*)
            FROM main.referral r JOIN main.case_file c ON c.id = r.case_id JOIN main.service s ON s.id = r.service_id
            GROUP BY c.place_id, s.agency_id, r.state
            """),
        ("tally_routing", "need_id, place_id, urgency, hours", routing(where: "true")),
        ("tally_routed", "place_id, urgency, n",
         "SELECT place_id, urgency, COUNT(*) FROM (\(routing(where: "true"))) GROUP BY place_id, urgency"),
        ("tally_bounced", "need_id, place_id", bounced(where: "true")),
        ("tally_returns", "place_id, n", "SELECT place_id, COUNT(*) FROM (\(bounced(where: "true"))) GROUP BY place_id"),
    ]

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE tally_case_day (
                place_id TEXT NOT NULL,
                day TEXT NOT NULL,
                opened INTEGER NOT NULL DEFAULT 0,
                closed INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (place_id, day)
            ) WITHOUT ROWID;
            CREATE TABLE tally_need (
                place_id TEXT NOT NULL,
                category TEXT NOT NULL,
                urgency TEXT NOT NULL,
                state TEXT NOT NULL,
                returned INTEGER NOT NULL,
                case_open INTEGER NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (place_id, category, urgency, state, returned, case_open)
            ) WITHOUT ROWID;
            CREATE TABLE tally_waiting (
                place_id TEXT NOT NULL,
                urgency TEXT NOT NULL,
                created_at TEXT NOT NULL,
                need_id TEXT NOT NULL,
                PRIMARY KEY (place_id, urgency, created_at, need_id)
            ) WITHOUT ROWID;
            CREATE TABLE tally_referral (
                place_id TEXT NOT NULL,
                agency_id TEXT NOT NULL,
                state TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (place_id, agency_id, state)
            ) WITHOUT ROWID;
            CREATE TABLE tally_routing (
                need_id TEXT PRIMARY KEY NOT NULL,
                place_id TEXT NOT NULL,
                urgency TEXT NOT NULL,
                hours REAL NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX tally_routing_in_order ON tally_routing(urgency, hours);
            CREATE INDEX tally_routing_by_place ON tally_routing(place_id, urgency, hours);
            CREATE TABLE tally_bounced (
                need_id TEXT PRIMARY KEY NOT NULL,
                place_id TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE tally_routed (
                place_id TEXT NOT NULL,
                urgency TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (place_id, urgency)
            ) WITHOUT ROWID;
            CREATE TABLE tally_returns (
                place_id TEXT PRIMARY KEY NOT NULL,
                n INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX case_event_returns ON case_event(subject_id) WHERE kind = 'need-returned';
            """)
        try db.execute(sql: triggers)
    }

    /// Empties every tally and recounts it from the tables.
    static func recount(_ db: Database) throws {
        for tally in recounts {
            try db.execute(sql: "DELETE FROM \(tally.table)")
            try db.execute(sql: "INSERT INTO \(tally.table) (\(tally.columns)) \(tally.recount)")
        }
    }

    /// Runs `apply` with the tallies' triggers dropped, then recounts every
    /// tally and puts the triggers back, all in the caller's transaction, so
    /// no reader sees a stale tally. For a merge that brings more than the
    /// store holds (a new laptop's first sync) or a rebuild: one recount
    /// then costs less than counting row by row.
    static func recounting<Result>(_ db: Database, _ apply: () throws -> Result) throws -> Result {
        try dropTriggers(db)
        let result = try apply()
        try recountAndKeep(db)
        return result
    }

    /// Stops keeping the tallies: only for a file no one reads until `recountAndKeep`.
    static func dropTriggers(_ db: Database) throws {
        let names = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tally\\_%' ESCAPE '\\'")
        for name in names { try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)") }
    }

    /// Recounts every tally and keeps them from now on.
    static func recountAndKeep(_ db: Database) throws {
        try recount(db)
        try db.execute(sql: triggers)
    }

    /// The tallies that differ from a recount of the tables (none, unless a trigger is wrong).
    static func drift(_ db: Database) throws -> [String] {
        try recounts.filter { tally in
            // Counters that went back to zero stay as rows; a recount has none.
            let kept = "SELECT \(tally.columns) FROM \(tally.table) WHERE "
                + (tally.table == "tally_case_day" ? "opened <> 0 OR closed <> 0"
                    : tally.columns.hasSuffix(", n") ? "n <> 0" : "true")
            let differing = try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM (\(kept) EXCEPT \(tally.recount)))
                         + (SELECT COUNT(*) FROM (\(tally.recount) EXCEPT \(kept)))
                    """) ?? 0
            return differing > 0
        }.map(\.table)
    }

    // MARK: - Triggers

    /// Adds `sign` times a case row's (`NEW` or `OLD`) opening and closing days.
    private static func caseDays(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO tally_case_day (place_id, day, opened) VALUES (\(row).place_id, substr(\(row).opened_at, 1, 10), \(sign))
            ON CONFLICT DO UPDATE SET opened = opened + excluded.opened;
        INSERT INTO tally_case_day (place_id, day, closed)
            SELECT \(row).place_id, substr(\(row).closed_at, 1, 10), \(sign) WHERE \(row).closed_at IS NOT NULL
            ON CONFLICT DO UPDATE SET closed = closed + excluded.closed;
        """
    }

    /// Adds `sign` times a need row's count, if its case is there.
    private static func needCount(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO tally_need (place_id, category, urgency, state, returned, case_open, n)
            SELECT c.place_id, \(row).category, \(row).urgency, \(row).state, \(row).returned, c.status = 'open', \(sign)
            FROM case_file c WHERE c.id = \(row).case_id
            ON CONFLICT DO UPDATE SET n = n + excluded.n;
        """
    }

    /// Adds `sign` times the counts of a case row's needs.
    private static func caseNeedCounts(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO tally_need (place_id, category, urgency, state, returned, case_open, n)
            SELECT \(row).place_id, n.category, n.urgency, n.state, n.returned, \(row).status = 'open', \(sign) * COUNT(*)
            FROM need n WHERE n.case_id = \(row).id GROUP BY n.category, n.urgency, n.state, n.returned
            ON CONFLICT DO UPDATE SET n = n + excluded.n;
        """
    }

    /// Adds (`+`) or removes (`-`) a need row waiting to be routed on its open case.
    private static func needWaiting(_ row: String, _ sign: Character) -> String {
        waiting(sign, """
            SELECT c.place_id, \(row).urgency, \(row).created_at, \(row).id FROM case_file c
            WHERE c.id = \(row).case_id AND c.status = 'open' AND \(row).state = 'open'
            """)
    }

    /// Adds (`+`) or removes (`-`) the needs of a case row waiting to be routed.
    private static func caseWaiting(_ row: String, _ sign: Character) -> String {
        waiting(sign, """
            SELECT \(row).place_id, n.urgency, n.created_at, n.id FROM need n
            WHERE n.case_id = \(row).id AND n.state = 'open' AND \(row).status = 'open'
            """)
    }

    /// Adds (`+`) or removes (`-`) the waiting needs `rows` selects (place, urgency, raised, id).
    private static func waiting(_ sign: Character, _ rows: String) -> String {
        sign == "+" ? "INSERT OR IGNORE INTO tally_waiting (place_id, urgency, created_at, need_id) \(rows);"
            : "DELETE FROM tally_waiting WHERE (place_id, urgency, created_at, need_id) IN (\(rows));"
    }

    /// Adds `sign` times a referral row's count, if its case and service are there.
    private static func referralCount(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO tally_referral (place_id, agency_id, state, n)
            SELECT c.place_id, s.agency_id, \(row).state, \(sign) FROM case_file c, service s
            WHERE c.id = \(row).case_id AND s.id = \(row).service_id
            ON CONFLICT DO UPDATE SET n = n + excluded.n;
        """
    }

    /// Adds `sign` times the counts of the referrals on a case row.
    private static func caseReferralCounts(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO tally_referral (place_id, agency_id, state, n)
            SELECT \(row).place_id, s.agency_id, r.state, \(sign) * COUNT(*)
            FROM referral r JOIN service s ON s.id = r.service_id WHERE r.case_id = \(row).id GROUP BY s.agency_id, r.state
            ON CONFLICT DO UPDATE SET n = n + excluded.n;
        """
    }

    /// Adds `sign` times the counts of the referrals to a service row.
    private static func serviceReferralCounts(_ row: String, _ sign: String) -> String {
        """
        INSERT INTO tally_referral (place_id, agency_id, state, n)
            SELECT c.place_id, \(row).agency_id, r.state, \(sign) * COUNT(*)
            FROM referral r JOIN case_file c ON c.id = r.case_id WHERE r.service_id = \(row).id GROUP BY c.place_id, r.state
            ON CONFLICT DO UPDATE SET n = n + excluded.n;
        """
    }

    /// Hours from each need (`condition` on `n`) being raised to its first referral.
    private static func routing(where condition: String) -> String {
        """
        SELECT n.id, c.place_id, n.urgency, (strftime('%s', MIN(r.sent_at)) - strftime('%s', n.created_at)) / 3600.0 AS hours
        FROM main.need n JOIN main.case_file c ON c.id = n.case_id JOIN main.referral r ON r.need_id = n.id
        WHERE \(condition) GROUP BY n.id
        """
    }

    /// Recomputes the routing time of the needs `condition` (on `n`) picks, given as `needs`, a list of ids.
    private static func rerouting(_ needs: String, _ condition: String) -> String {
        """
        DELETE FROM tally_routing WHERE need_id IN (\(needs));
        INSERT INTO tally_routing (need_id, place_id, urgency, hours) \(routing(where: condition));
        """
    }

    /// Needs that came back to their lead (`condition` on `e`), each with its case's place.
    private static func bounced(where condition: String) -> String {
        """
        SELECT e.subject_id, MIN(c.place_id) AS place_id FROM main.case_event e JOIN main.case_file c ON c.id = e.case_id
        WHERE e.kind = 'need-returned' AND e.subject_id IS NOT NULL AND \(condition) GROUP BY e.subject_id
        """
    }

    /// Recomputes whether the needs in `needs` (a list of ids) came back.
    private static func rebouncing(_ needs: String) -> String {
        """
        DELETE FROM tally_bounced WHERE need_id IN (\(needs));
        INSERT INTO tally_bounced (need_id, place_id) \(bounced(where: "e.subject_id IN (\(needs))"));
        """
    }

    /// The needs that came back on a case row.
    private static func returnsOnCase(_ row: String) -> String {
        "SELECT subject_id FROM case_event WHERE case_id = \(row).id AND kind = 'need-returned'"
    }

    private static func trigger(_ name: String, _ event: String, _ table: String, when: String? = nil, _ body: String...) -> String {
        // Named in main: on a connection with the reveal views (RevealViews), `ON table` alone would name the view.
        "CREATE TRIGGER main.\(name) AFTER \(event) ON \(table)\(when.map { " WHEN \($0)" } ?? "") BEGIN\n"
            + body.joined(separator: "\n") + "\nEND;\n"
    }

    static var triggers: String {
        [
            // Cases: their days, and everything counted by the case's place or standing.
            trigger("tally_case_insert", "INSERT", "case_file",
                    caseDays("NEW", "1"), caseNeedCounts("NEW", "1"), caseWaiting("NEW", "+"), caseReferralCounts("NEW", "1"),
                    rerouting("SELECT id FROM need WHERE case_id = NEW.id", "n.case_id = NEW.id"),
                    rebouncing(returnsOnCase("NEW"))),
            trigger("tally_case_delete", "DELETE", "case_file",
                    caseDays("OLD", "-1"), caseNeedCounts("OLD", "-1"), caseWaiting("OLD", "-"), caseReferralCounts("OLD", "-1"),
                    rerouting("SELECT id FROM need WHERE case_id = OLD.id", "n.case_id = OLD.id"),
                    rebouncing(returnsOnCase("OLD"))),
            trigger("tally_case_days", "UPDATE OF place_id, opened_at, closed_at", "case_file",
                    caseDays("OLD", "-1"), caseDays("NEW", "1")),
            trigger("tally_case_standing", "UPDATE OF place_id, status", "case_file",
                    caseNeedCounts("OLD", "-1"), caseNeedCounts("NEW", "1"), caseWaiting("OLD", "-"), caseWaiting("NEW", "+")),
            trigger("tally_case_place", "UPDATE OF place_id", "case_file",
                    caseReferralCounts("OLD", "-1"), caseReferralCounts("NEW", "1"),
                    rerouting("SELECT id FROM need WHERE case_id = NEW.id", "n.case_id = NEW.id"),
                    rebouncing(returnsOnCase("NEW"))),
            // Needs.
            trigger("tally_need_insert", "INSERT", "need",
                    needCount("NEW", "1"), needWaiting("NEW", "+"), rerouting("NEW.id", "n.id = NEW.id")),
            trigger("tally_need_delete", "DELETE", "need",
                    needCount("OLD", "-1"), needWaiting("OLD", "-"), "DELETE FROM tally_routing WHERE need_id = OLD.id;"),
            trigger("tally_need_update", "UPDATE OF case_id, category, urgency, state, returned", "need",
                    needCount("OLD", "-1"), needCount("NEW", "1")),
            trigger("tally_need_waiting", "UPDATE OF case_id, urgency, state, created_at", "need",
                    needWaiting("OLD", "-"), needWaiting("NEW", "+")),
            trigger("tally_need_routing", "UPDATE OF case_id, urgency, created_at", "need",
                    rerouting("NEW.id", "n.id = NEW.id")),
            // Referrals.
            trigger("tally_referral_insert", "INSERT", "referral",
                    referralCount("NEW", "1"), rerouting("NEW.need_id", "n.id = NEW.need_id")),
            trigger("tally_referral_delete", "DELETE", "referral",
                    referralCount("OLD", "-1"), rerouting("OLD.need_id", "n.id = OLD.need_id")),
            trigger("tally_referral_update", "UPDATE OF case_id, service_id, state", "referral",
                    referralCount("OLD", "-1"), referralCount("NEW", "1")),
            trigger("tally_referral_routing", "UPDATE OF need_id, sent_at", "referral",
                    rerouting("OLD.need_id, NEW.need_id", "n.id IN (OLD.need_id, NEW.need_id)")),
            // Services: the agency a referral counts for.
            trigger("tally_service_insert", "INSERT", "service", serviceReferralCounts("NEW", "1")),
            trigger("tally_service_delete", "DELETE", "service", serviceReferralCounts("OLD", "-1")),
            trigger("tally_service_agency", "UPDATE OF agency_id", "service",
                    serviceReferralCounts("OLD", "-1"), serviceReferralCounts("NEW", "1")),
            // Case events: a need coming back to its lead.
            trigger("tally_event_insert", "INSERT", "case_event", when: "NEW.kind = 'need-returned'",
                    rebouncing("NEW.subject_id")),
            trigger("tally_event_delete", "DELETE", "case_event", when: "OLD.kind = 'need-returned'",
                    rebouncing("OLD.subject_id")),
            // The routed and returned needs counted by place, as the sets above change.
            trigger("tally_routed_insert", "INSERT", "tally_routing", """
                INSERT INTO tally_routed (place_id, urgency, n) VALUES (NEW.place_id, NEW.urgency, 1)
                    ON CONFLICT DO UPDATE SET n = n + 1;
                """),
            trigger("tally_routed_delete", "DELETE", "tally_routing", """
                INSERT INTO tally_routed (place_id, urgency, n) VALUES (OLD.place_id, OLD.urgency, -1)
                    ON CONFLICT DO UPDATE SET n = n - 1;
                """),
            trigger("tally_returns_insert", "INSERT", "tally_bounced", """
                INSERT INTO tally_returns (place_id, n) VALUES (NEW.place_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
                """),
            trigger("tally_returns_delete", "DELETE", "tally_bounced", """
                INSERT INTO tally_returns (place_id, n) VALUES (OLD.place_id, -1) ON CONFLICT DO UPDATE SET n = n - 1;
                """),
            trigger("tally_event_update", "UPDATE OF case_id, kind, subject_id", "case_event",
                    when: "OLD.kind = 'need-returned' OR NEW.kind = 'need-returned'",
                    rebouncing("OLD.subject_id, NEW.subject_id")),
        ].joined()
    }
}
