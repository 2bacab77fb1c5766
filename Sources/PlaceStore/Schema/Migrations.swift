import GRDB

/// The schema's history. Append-only: a shipped migration is never
/// edited; the next one changes it. Each migration after the first ships
/// with a fixture database of the schema before it (Tests/PlaceStoreTests/Fixtures).
enum Migrations {
    /// The last migration's identifier: a schema holding it holds them all.
    static let latest = migrator.migrations.last!

    /// Whether every migration has run: two reads (each connection of each process asks, to make its temp views).
    static func areComplete(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations')") == true
            && Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = ?)", arguments: [latest]) == true
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 places, directory, cases, op log") { db in
            try createPlacesAndPeople(db)
            try createDirectory(db)
            try createCases(db)
            try createOpLogAndAudit(db)
        }
        migrator.registerMigration("v2 consent, lead history, case timeline, triage targets") { db in
            try createCaseRecords(db)
        }
        migrator.registerMigration("v3 place plan, evidence base, pot, learning") { db in
            try createPlanAndEvidence(db)
        }
        migrator.registerMigration("v4 sync: conflict resolution in the op log, enrolled devices") { db in
            // An op that resolves a conflict names every op it settles (a JSON array of op ids).
            try db.execute(sql: """
                ALTER TABLE op ADD COLUMN resolves TEXT CHECK (resolves IS NULL OR json_valid(resolves));
                CREATE INDEX op_by_parent ON op(entity, entity_id, field, supersedes);
                CREATE TABLE device (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    public_key TEXT NOT NULL,
                    enrolled_at TEXT NOT NULL,
                    enrolled_by_id TEXT
                );
                """)
        }
        migrator.registerMigration("v5 sign-in: member credentials, key grants, disabled members") { db in
            try db.execute(sql: """
                CREATE TABLE member_key (
                    id TEXT PRIMARY KEY NOT NULL,
                    member_id TEXT NOT NULL REFERENCES member(id),
                    salt TEXT NOT NULL,
                    rounds INTEGER NOT NULL,
                    public_key TEXT NOT NULL,
                    sealed_private_key TEXT NOT NULL,
                    set_at TEXT NOT NULL,
                    set_by_id TEXT REFERENCES member(id)
                );
                CREATE INDEX member_key_by_member ON member_key(member_id, set_at);
                CREATE TABLE key_grant (
                    id TEXT PRIMARY KEY NOT NULL,
                    member_id TEXT NOT NULL REFERENCES member(id),
                    generation INTEGER NOT NULL CHECK (generation > 0),
                    public_key TEXT NOT NULL,
                    encapsulated_key TEXT NOT NULL,
                    sealed_key TEXT NOT NULL,
                    by_id TEXT REFERENCES member(id),
                    at TEXT NOT NULL
                );
                CREATE INDEX key_grant_by_member ON key_grant(member_id, public_key);
                ALTER TABLE member ADD COLUMN disabled_at TEXT;
                ALTER TABLE member ADD COLUMN disabled_by_id TEXT REFERENCES member(id);
                """)
        }
        migrator.registerMigration("v6 audit chains: one signed hash chain per device, synced as ops") { db in
            try db.execute(sql: """
                CREATE TABLE audit_entry (
                    id TEXT PRIMARY KEY NOT NULL,
                    device_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    at TEXT NOT NULL,
                    member_id TEXT,
                    action TEXT NOT NULL,
                    case_id TEXT,
                    detail TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    signature TEXT
                );
                CREATE INDEX audit_entry_by_device ON audit_entry(device_id, seq);
                CREATE INDEX audit_entry_by_case ON audit_entry(case_id, at);
                """)
        }
        migrator.registerMigration("v7 retention periods") { db in
            try db.execute(sql: "ALTER TABLE place ADD COLUMN retention_years INTEGER CHECK (retention_years > 0)")
        }
        migrator.registerMigration("v8 revoked devices") { db in
            try db.execute(sql: """
                ALTER TABLE device ADD COLUMN revoked_at TEXT;
                ALTER TABLE device ADD COLUMN revoked_by_id TEXT;
                """)
        }
        migrator.registerMigration("v9 sealed personal details: per-resident keys, erasure") { db in
            try createSealingKeysAndErasure(db)
            // Every consent and override names its data-sharing agreement; a place may have one standing.
            try db.execute(sql: """
                ALTER TABLE place ADD COLUMN data_sharing_agreement TEXT;
                ALTER TABLE consent_override ADD COLUMN basis TEXT
                    CHECK (basis IS NULL OR basis IN ('public-task', 'legal-obligation', 'vital-interests'));
                ALTER TABLE consent_override ADD COLUMN data_sharing_agreement TEXT;
                """)
            // The per-op journal of v1: the op log says who, when and which device for every change, and the
            // chained audit trail (v6) is the audit. (Its triggers go with it.)
            try db.execute(sql: "DROP TABLE audit")
        }
        migrator.registerMigration("v10 the triage queue read in order from an index") { db in
            // Urgency as a rank the queue sorts by (a column, not an expression, so that a page's
            // keyset is a range of the index); computed by SQLite, never written. Both indexes cover
            // what the queue, its tally and the place figures read, so those touch no table page.
            try db.execute(sql: """
                ALTER TABLE need ADD COLUMN triage_rank INTEGER
                    GENERATED ALWAYS AS (CASE urgency WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END) VIRTUAL;
                CREATE INDEX need_triage ON need(state, triage_rank, created_at, id, case_id, category, urgency, returned);
                CREATE INDEX case_standing ON case_file(id, status, place_id, resident_id);
                CREATE INDEX case_by_status ON case_file(status, place_id);
                """)
        }
        migrator.registerMigration("v11 residents found by keyed tokens; referrals by case") { db in
            // SearchTokens: kept by each connection's temp triggers; an erasure deletes the resident's.
            try db.execute(sql: """
                CREATE TABLE resident_token (
                    token INTEGER NOT NULL,
                    resident_id TEXT NOT NULL,
                    PRIMARY KEY (token, resident_id)
                ) WITHOUT ROWID;
                CREATE INDEX resident_token_by_resident ON resident_token(resident_id);
                CREATE TRIGGER erasure_forgets_search_tokens AFTER INSERT ON erasure
                    BEGIN DELETE FROM resident_token WHERE resident_id = NEW.id; END;
                """)
            // A case's referrals (the merge's case rules looked for them by scanning every referral).
            try db.execute(sql: "CREATE INDEX referral_by_case ON referral(case_id, state)")
        }
        migrator.registerMigration("v12 dashboard tallies kept by triggers; deletes and settlements in the log indexed") { db in
            try Tallies.create(db)
            try Tallies.recount(db)
            // Every import looks for the log's deletes and conflict settlements: a few rows of millions.
            // op_by_entity is the head of op_by_parent, which serves its reads: one index fewer to keep per op.
            try db.execute(sql: """
                CREATE INDEX op_deletes ON op(entity, entity_id) WHERE field = '*' AND value = 'null';
                CREATE INDEX op_settlements ON op(resolves) WHERE resolves IS NOT NULL;
                DROP INDEX op_by_entity;
                """)
        }
        migrator.registerMigration("v13 official area codes of places") { db in
            // A GSS code names a place in directories (Open Referral UK service areas) and statistics.
            try db.execute(sql: "ALTER TABLE place ADD COLUMN code TEXT")
        }
        return migrator
    }

    /// Issue 6: each resident's key (wrapped under the team key) is the one
    /// kind of op the log may lose: erasing the resident deletes it, from
    /// the log and the table, and keeps it out if it comes back in a bundle.
    private static func createSealingKeysAndErasure(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE sealing_key (
                id TEXT PRIMARY KEY NOT NULL,
                wrapped TEXT NOT NULL
            );
            CREATE TABLE erasure (
                id TEXT PRIMARY KEY NOT NULL,
                reason TEXT NOT NULL,
                by_id TEXT NOT NULL REFERENCES member(id),
                at TEXT NOT NULL
            );
            DROP TRIGGER op_is_append_only_delete;
            CREATE TRIGGER op_is_append_only_delete BEFORE DELETE ON op WHEN OLD.entity <> 'sealing_key'
                BEGIN SELECT RAISE(ABORT, 'the op log is append-only'); END;
            CREATE TRIGGER erased_key_stays_out_of_the_log BEFORE INSERT ON op
                WHEN NEW.entity = 'sealing_key' AND EXISTS (SELECT 1 FROM erasure WHERE id = NEW.entity_id)
                BEGIN SELECT RAISE(IGNORE); END;
            CREATE TRIGGER erased_key_stays_out BEFORE INSERT ON sealing_key
                WHEN EXISTS (SELECT 1 FROM erasure WHERE id = NEW.id)
                BEGIN SELECT RAISE(IGNORE); END;
            CREATE TRIGGER erasure_destroys_the_key AFTER INSERT ON erasure
                BEGIN
                    DELETE FROM sealing_key WHERE id = NEW.id;
                    DELETE FROM op WHERE entity = 'sealing_key' AND entity_id = NEW.id;
                END;
            """)
    }

    /// Issue 4: one plan per place and period with its priorities and
    /// actions; the evidence base (indicators and their values, scorecards,
    /// Place Standard, community voice and practitioner notes); the pot;
    /// the learning log. Lists are JSON arrays, as elsewhere.
    private static func createPlanAndEvidence(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE outcome (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE indicator (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                unit TEXT NOT NULL,
                polarity TEXT NOT NULL CHECK (polarity IN ('higher-is-better', 'lower-is-better')),
                source TEXT NOT NULL DEFAULT '',
                kind TEXT NOT NULL CHECK (kind IN ('count', 'rate', 'mean')),
                per INTEGER,
                target REAL
            );
            CREATE TABLE indicator_value (
                id TEXT PRIMARY KEY NOT NULL,
                indicator_id TEXT NOT NULL REFERENCES indicator(id),
                place_id TEXT NOT NULL REFERENCES place(id),
                period TEXT NOT NULL,
                value REAL,
                numerator REAL,
                denominator REAL
            );
            CREATE UNIQUE INDEX indicator_value_by_place ON indicator_value(indicator_id, period, place_id);
            CREATE TABLE scorecard (
                id TEXT PRIMARY KEY NOT NULL,
                place_id TEXT NOT NULL REFERENCES place(id),
                indicator_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(indicator_ids))
            );
            CREATE TABLE plan (
                id TEXT PRIMARY KEY NOT NULL,
                place_id TEXT NOT NULL REFERENCES place(id),
                period TEXT NOT NULL,
                vision TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX plan_by_place ON plan(place_id, period);
            CREATE TABLE priority (
                id TEXT PRIMARY KEY NOT NULL,
                plan_id TEXT NOT NULL REFERENCES plan(id),
                title TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                lead_agency_id TEXT NOT NULL REFERENCES agency(id),
                partner_agency_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(partner_agency_ids)),
                outcome_keys TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(outcome_keys)),
                indicator_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(indicator_ids)),
                rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
                rag_reason TEXT NOT NULL,
                rag_date TEXT NOT NULL
            );
            CREATE INDEX priority_by_plan ON priority(plan_id);
            CREATE TABLE plan_action (
                id TEXT PRIMARY KEY NOT NULL,
                priority_id TEXT NOT NULL REFERENCES priority(id),
                title TEXT NOT NULL,
                owner_id TEXT NOT NULL REFERENCES member(id),
                due TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'done', 'blocked'))
            );
            CREATE INDEX plan_action_by_priority ON plan_action(priority_id);
            CREATE TABLE place_standard (
                id TEXT PRIMARY KEY NOT NULL,
                place_id TEXT NOT NULL REFERENCES place(id),
                date TEXT NOT NULL,
                respondent_group TEXT NOT NULL,
                respondents INTEGER NOT NULL CHECK (respondents > 0),
                tool_version TEXT NOT NULL,
                scores TEXT NOT NULL CHECK (json_valid(scores))
            );
            CREATE INDEX place_standard_by_place ON place_standard(place_id, date);
            CREATE TABLE evidence (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('community-voice', 'practitioner')),
                place_id TEXT NOT NULL REFERENCES place(id),
                source TEXT NOT NULL,
                date TEXT NOT NULL,
                text TEXT NOT NULL,
                themes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(themes)),
                needs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(needs)),
                by_id TEXT REFERENCES member(id)
            );
            CREATE INDEX evidence_by_place ON evidence(place_id, date);
            CREATE TABLE funding_stream (
                id TEXT PRIMARY KEY NOT NULL,
                place_id TEXT NOT NULL REFERENCES place(id),
                name TEXT NOT NULL,
                amount INTEGER NOT NULL CHECK (amount >= 0),
                conditions TEXT NOT NULL DEFAULT '',
                end_date TEXT NOT NULL
            );
            CREATE INDEX funding_stream_by_place ON funding_stream(place_id);
            CREATE TABLE allocation (
                id TEXT PRIMARY KEY NOT NULL,
                stream_id TEXT NOT NULL REFERENCES funding_stream(id),
                priority_id TEXT NOT NULL REFERENCES priority(id),
                action_id TEXT REFERENCES plan_action(id),
                amount INTEGER NOT NULL CHECK (amount > 0),
                by_id TEXT NOT NULL REFERENCES member(id),
                at TEXT NOT NULL
            );
            CREATE INDEX allocation_by_stream ON allocation(stream_id);
            CREATE TABLE learning (
                id TEXT PRIMARY KEY NOT NULL,
                place_id TEXT NOT NULL REFERENCES place(id),
                kind TEXT NOT NULL CHECK (kind IN ('innovation', 'obstacle')),
                title TEXT NOT NULL,
                text TEXT NOT NULL,
                date TEXT NOT NULL,
                by_id TEXT NOT NULL REFERENCES member(id)
            );
            CREATE INDEX learning_by_place ON learning(place_id, date);
            """)
    }

    /// Issue 3: what the no-wrong-door rules record about a case, triage
    /// targets per place, and merged residents (the other id still resolves).
    private static func createCaseRecords(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE resident ADD COLUMN merged_into_id TEXT REFERENCES resident(id);
            CREATE INDEX resident_by_birth ON resident(date_of_birth);
            CREATE TABLE consent (
                id TEXT PRIMARY KEY NOT NULL,
                case_id TEXT NOT NULL REFERENCES case_file(id),
                agency_id TEXT NOT NULL REFERENCES agency(id),
                basis TEXT NOT NULL
                    CHECK (basis IN ('consent', 'public-task', 'legal-obligation', 'vital-interests')),
                data_sharing_agreement TEXT,
                recorded_by_id TEXT NOT NULL REFERENCES member(id),
                recorded_at TEXT NOT NULL,
                withdrawn_at TEXT,
                withdrawn_by_id TEXT REFERENCES member(id)
            );
            CREATE INDEX consent_by_case ON consent(case_id);
            CREATE TABLE consent_override (
                id TEXT PRIMARY KEY NOT NULL,
                referral_id TEXT NOT NULL REFERENCES referral(id),
                agency_id TEXT NOT NULL REFERENCES agency(id),
                reason TEXT NOT NULL,
                by_id TEXT NOT NULL REFERENCES member(id),
                at TEXT NOT NULL
            );
            CREATE TABLE lead_change (
                id TEXT PRIMARY KEY NOT NULL,
                case_id TEXT NOT NULL REFERENCES case_file(id),
                from_id TEXT NOT NULL REFERENCES member(id),
                to_id TEXT NOT NULL REFERENCES member(id),
                by_id TEXT NOT NULL REFERENCES member(id),
                at TEXT NOT NULL
            );
            CREATE INDEX lead_change_by_case ON lead_change(case_id, at);
            CREATE TABLE case_event (
                id TEXT PRIMARY KEY NOT NULL,
                case_id TEXT NOT NULL REFERENCES case_file(id),
                kind TEXT NOT NULL,
                subject_id TEXT,
                detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
                by_id TEXT NOT NULL REFERENCES member(id),
                at TEXT NOT NULL
            );
            CREATE INDEX case_event_by_case ON case_event(case_id, at);
            CREATE TABLE note (
                id TEXT PRIMARY KEY NOT NULL,
                case_id TEXT NOT NULL REFERENCES case_file(id),
                text TEXT NOT NULL,
                by_id TEXT NOT NULL REFERENCES member(id),
                at TEXT NOT NULL
            );
            CREATE INDEX note_by_case ON note(case_id, at);
            CREATE TABLE triage_target (
                id TEXT PRIMARY KEY NOT NULL,
                place_id TEXT NOT NULL REFERENCES place(id),
                urgency TEXT NOT NULL CHECK (urgency IN ('urgent', 'soon', 'routine')),
                hours INTEGER NOT NULL CHECK (hours > 0)
            );
            CREATE INDEX triage_target_by_place ON triage_target(place_id);
            """)
    }

    private static func createPlacesAndPeople(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE place (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('council', 'area', 'community')),
                parent_id TEXT REFERENCES place(id),
                population INTEGER NOT NULL CHECK (population >= 0)
            );
            CREATE INDEX place_parent ON place(parent_id);
            CREATE TABLE agency (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                website TEXT
            );
            CREATE TABLE member (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                agency_id TEXT NOT NULL REFERENCES agency(id),
                role TEXT NOT NULL CHECK (role IN ('frontline', 'lead', 'analyst', 'admin')),
                place_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(place_ids))
            );
            CREATE INDEX member_by_name ON member(name, id);
            """)
    }

    private static func createDirectory(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE need_category (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE location (
                id TEXT PRIMARY KEY NOT NULL,
                agency_id TEXT NOT NULL REFERENCES agency(id),
                name TEXT NOT NULL,
                address TEXT NOT NULL DEFAULT '',
                postcode TEXT NOT NULL DEFAULT '',
                place_id TEXT REFERENCES place(id)
            );
            CREATE TABLE service (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                agency_id TEXT NOT NULL REFERENCES agency(id),
                description TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL
                    CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
                needs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(needs)),
                place_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(place_ids)),
                location_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(location_ids)),
                accepts_referrals INTEGER NOT NULL DEFAULT 1,
                typical_wait_days INTEGER,
                email TEXT,
                phone TEXT
            );
            CREATE INDEX service_by_name ON service(name, id);
            """)
    }

    private static func createCases(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE resident (
                id TEXT PRIMARY KEY NOT NULL,
                given_name TEXT NOT NULL,
                family_name TEXT NOT NULL,
                date_of_birth TEXT,
                postcode TEXT,
                place_id TEXT NOT NULL REFERENCES place(id)
            );
            CREATE TABLE case_file (
                id TEXT PRIMARY KEY NOT NULL,
                resident_id TEXT NOT NULL REFERENCES resident(id),
                place_id TEXT NOT NULL REFERENCES place(id),
                door_agency_id TEXT NOT NULL REFERENCES agency(id),
                door_member_id TEXT NOT NULL REFERENCES member(id),
                lead_id TEXT NOT NULL REFERENCES member(id),
                status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
                opened_at TEXT NOT NULL,
                closed_at TEXT,
                closed_by_id TEXT REFERENCES member(id),
                closed_reason TEXT,
                summary TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX case_by_place ON case_file(place_id, status);
            CREATE INDEX case_by_resident ON case_file(resident_id);
            CREATE TABLE need (
                id TEXT PRIMARY KEY NOT NULL,
                case_id TEXT NOT NULL REFERENCES case_file(id),
                category TEXT NOT NULL REFERENCES need_category(id),
                urgency TEXT NOT NULL CHECK (urgency IN ('urgent', 'soon', 'routine')),
                state TEXT NOT NULL CHECK (state IN ('open', 'routed', 'met', 'closed')),
                returned INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                closed_at TEXT,
                closed_by_id TEXT REFERENCES member(id),
                closed_reason TEXT
            );
            CREATE INDEX need_by_case ON need(case_id);
            CREATE INDEX need_by_state ON need(state, case_id);
            CREATE TABLE referral (
                id TEXT PRIMARY KEY NOT NULL,
                need_id TEXT NOT NULL REFERENCES need(id),
                case_id TEXT NOT NULL REFERENCES case_file(id),
                service_id TEXT NOT NULL REFERENCES service(id),
                state TEXT NOT NULL
                    CHECK (state IN ('sent', 'accepted', 'declined', 'withdrawn', 'completed')),
                sent_at TEXT NOT NULL,
                sent_by_id TEXT NOT NULL REFERENCES member(id),
                responded_at TEXT,
                responded_by_id TEXT REFERENCES member(id),
                reason TEXT,
                suggested_service_id TEXT REFERENCES service(id),
                outcome TEXT CHECK (outcome IS NULL OR outcome IN ('successful', 'unsuccessful'))
            );
            CREATE INDEX referral_by_need ON referral(need_id);
            CREATE INDEX referral_by_service ON referral(service_id, state);
            """)
    }

    /// The op log and the audit trail are append-only, and the schema says
    /// so: triggers refuse any UPDATE or DELETE on them.
    private static func createOpLogAndAudit(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE op (
                id TEXT PRIMARY KEY NOT NULL,
                device_id TEXT NOT NULL,
                author_id TEXT,
                hlc TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                field TEXT NOT NULL,
                value TEXT NOT NULL CHECK (json_valid(value)),
                supersedes TEXT
            );
            CREATE INDEX op_by_entity ON op(entity, entity_id, field);
            CREATE INDEX op_by_time ON op(hlc, device_id, id);
            CREATE TRIGGER op_is_append_only_update BEFORE UPDATE ON op
                BEGIN SELECT RAISE(ABORT, 'the op log is append-only'); END;
            CREATE TRIGGER op_is_append_only_delete BEFORE DELETE ON op
                BEGIN SELECT RAISE(ABORT, 'the op log is append-only'); END;
            CREATE TABLE audit (
                id TEXT PRIMARY KEY NOT NULL,
                at TEXT NOT NULL,
                member_id TEXT,
                device_id TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                op_id TEXT REFERENCES op(id),
                detail TEXT
            );
            CREATE INDEX audit_by_entity ON audit(entity, entity_id);
            CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            CREATE TABLE local_setting (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            """)
    }
}
