import Foundation
import PostgresNIO

/// One connection to the team's hub: a PostgreSQL database holding every
/// team device's ops, sealed. It creates its tables when they are missing.
///
/// Sequence numbers never commit out of order: every push for a team
/// first locks that team's counter row (`SELECT … FOR UPDATE`), takes its
/// numbers from it and commits before the lock is released. So when a
/// reader sees row N of a team, every row below N is already committed,
/// and "everything after my cursor" never skips a row (docs/sync.md).
struct HubConnection: Sendable {
    let connection: PostgresConnection
    let address: HubAddress
    let logger: Logger

    /// The hub's table layout; a hub made by a newer Thistle is refused.
    static let schemaVersion = 1

    static func open(_ address: HubAddress, password: String?) async throws -> HubConnection {
        var logger = Logger(label: "thistle.hub")
        logger.logLevel = .critical
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: password,
            database: address.database, tls: try tls(for: address))
        configuration.options.connectTimeout = .seconds(Int64(address.connectTimeoutSeconds))
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            // A laptop that sleeps inside a push must not hold the team's numbers
            // for hours: the server ends such a session, and a waiting push gives up.
            try await connection.query("SET idle_in_transaction_session_timeout = '120s'", logger: logger)
            try await connection.query("SET lock_timeout = '60s'", logger: logger)
            return HubConnection(connection: connection, address: address, logger: logger)
        } catch {
            throw HubConnection.explain(error, address: address)
        }
    }

    private static func tls(for address: HubAddress) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch address.tls {
        case .disable: return .disable
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if let root = address.rootCertificate {
            guard FileManager.default.isReadableFile(atPath: root) else {
                throw SyncError.hubRefused("cannot read the CA certificate \(root) named by sslrootcert")
            }
            configuration.trustRoots = .file(root)
        }
        let context = try NIOSSLContext(configuration: configuration)
        return address.tls == .prefer ? .prefer(context) : .require(context)
    }

    /// Closes the connection without waiting: one the server already ended
    /// (a dropped network, a terminated session) has nothing left to wait for.
    func close() {
        let connection = connection
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Runs `body` in one transaction, turning PostgreSQL's errors into ones
    /// a user can act on. A transaction that has not finished after two
    /// minutes (a lock waits one at most) is given up: a connection the
    /// network or the server dropped at the wrong moment may never answer.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let (connection, logger, address) = (connection, logger, address)
        do {
            return try await Self.within(seconds: 120) {
                try await connection.withTransaction(logger: logger) { try await body($0) }
            }
        } catch let error as PostgresTransactionError {
            throw Self.explain(error.closureError ?? error.commitError ?? error.beginError ?? error, address: address)
        } catch {
            throw Self.explain(error, address: address)
        }
    }

    /// `work`'s result, or `hubUnreachable` if it takes longer than `seconds`.
    static func within<T: Sendable>(seconds: Int, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let answered = Answered()
        return try await withCheckedThrowingContinuation { continuation in
            let timer = Task {
                try await Task.sleep(for: .seconds(seconds))
                if answered.claim() { continuation.resume(throwing: SyncError.hubUnreachable("the hub stopped answering")) }
            }
            Task {
                do {
                    let value = try await work()
                    if answered.claim() { continuation.resume(returning: value) }
                } catch {
                    if answered.claim() { continuation.resume(throwing: error) }
                }
                timer.cancel()
            }
        }
    }

    /// Creates the hub's tables if they are missing (once, under a lock, so
    /// two devices meeting an empty hub do not race), and returns the hub's
    /// id, which changes if the hub is ever rebuilt from nothing. A hub that
    /// has its tables is only read: DDL would wait behind every push in flight.
    func prepare() async throws -> String {
        let settings = try await transaction { db in
            var ready = false
            for try await exists in try await db.query(
                """
                SELECT to_regclass('thistle_hub') IS NOT NULL AND to_regclass('thistle_team') IS NOT NULL
                       AND to_regclass('thistle_op') IS NOT NULL
                """, logger: logger
            ).decode(Bool.self) { ready = exists }
            if !ready { try await createTables(db) }
            var found: [String: String] = [:]
            for try await (key, value) in try await db.query("SELECT key, value FROM thistle_hub", logger: logger)
                .decode((String, String).self) { found[key] = value }
            return found
        }
        guard let schema = settings["schema"].flatMap(Int.init), schema <= Self.schemaVersion, let hubID = settings["hub_id"] else {
            throw SyncError.hubRefused(
                "this hub was set up by a newer Thistle (its layout is \(settings["schema"] ?? "unknown")); update Thistle")
        }
        return hubID
    }

    private func createTables(_ db: PostgresConnection) async throws {
        try await db.query("SELECT pg_advisory_xact_lock(hashtext('thistle-hub-schema'))", logger: logger)
        try await db.query("CREATE TABLE IF NOT EXISTS thistle_hub (key text PRIMARY KEY, value text NOT NULL)", logger: logger)
        try await db.query(
            """
            CREATE TABLE IF NOT EXISTS thistle_team (
                team_id text PRIMARY KEY,
                last_seq bigint NOT NULL DEFAULT 0)
            """, logger: logger)
        try await db.query(
            """
            CREATE TABLE IF NOT EXISTS thistle_op (
                team_id text NOT NULL,
                seq bigint NOT NULL,
                op_id text NOT NULL,
                device_id text NOT NULL,
                hlc text COLLATE "C" NOT NULL,
                pushed_by text NOT NULL,
                sealed bytea NOT NULL,
                signature bytea NOT NULL,
                pushed_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (team_id, seq),
                UNIQUE (team_id, op_id))
            """, logger: logger)
        try await db.query(
            "CREATE INDEX IF NOT EXISTS thistle_op_device ON thistle_op (team_id, device_id, hlc)", logger: logger)
        let version = String(Self.schemaVersion), hubID = UUID().uuidString.lowercased()
        try await db.query(
            """
            INSERT INTO thistle_hub (key, value) VALUES ('schema', \(version)), ('hub_id', \(hubID))
            ON CONFLICT (key) DO NOTHING
            """, logger: logger)
    }

    /// The newest HLC the hub holds for each device of `team`. A device's
    /// ops reach the hub as a whole prefix, so this says which ops it has.
    func vector(team: String) async throws -> [String: String] {
        try await transaction { db in
            var vector: [String: String] = [:]
            let rows = try await db.query(
                "SELECT device_id, max(hlc) FROM thistle_op WHERE team_id = \(team) GROUP BY device_id", logger: logger)
            for try await (device, hlc) in rows.decode((String, String).self) { vector[device] = hlc }
            return vector
        }
    }

    /// The highest sequence number of `team`'s rows.
    func lastSeq(team: String) async throws -> Int64 {
        try await transaction { db in
            var last: Int64 = 0
            for try await seq in try await db.query(
                "SELECT last_seq FROM thistle_team WHERE team_id = \(team)", logger: logger
            ).decode(Int64.self) { last = seq }
            return last
        }
    }

    /// Appends rows the hub lacks (by op id) in one transaction, numbered
    /// after the team's last row under its lock, and deletes the rows named
    /// in `forgetting` (erased residents' key ops), never taking them in
    /// again. Returns the last number before this push and after it.
    /// `beforeCommit` lets a test cut the push off mid-transaction.
    func push(_ rows: [HubRow], team: String, pushedBy: String, forgetting: [String] = [],
              beforeCommit: (@Sendable (PostgresConnection) async throws -> Void)? = nil) async throws -> (from: Int64, to: Int64) {
        try await transaction { db in
            try await db.query(
                "INSERT INTO thistle_team (team_id) VALUES (\(team)) ON CONFLICT (team_id) DO NOTHING", logger: logger)
            var base: Int64 = 0
            for try await seq in try await db.query(
                "SELECT last_seq FROM thistle_team WHERE team_id = \(team) FOR UPDATE", logger: logger
            ).decode(Int64.self) { base = seq }
            let ids = rows.map(\.opID), devices = rows.map(\.deviceID), times = rows.map(\.hlc)
            let sealed = rows.map { ByteBuffer(bytes: $0.sealed) }, signatures = rows.map { ByteBuffer(bytes: $0.signature) }
            var last = base
            for try await seq in try await db.query(
                """
                WITH incoming AS (
                    SELECT * FROM unnest(\(ids)::text[], \(devices)::text[], \(times)::text[], \(sealed)::bytea[],
                                         \(signatures)::bytea[])
                        WITH ORDINALITY AS t(op_id, device_id, hlc, sealed, signature, n)),
                fresh AS (
                    SELECT i.*, row_number() OVER (ORDER BY i.n) AS k FROM incoming i
                    WHERE NOT EXISTS (SELECT 1 FROM thistle_op o WHERE o.team_id = \(team) AND o.op_id = i.op_id)
                      AND NOT i.op_id = ANY(\(forgetting)::text[])),
                inserted AS (
                    INSERT INTO thistle_op (team_id, seq, op_id, device_id, hlc, pushed_by, sealed, signature)
                    SELECT \(team), \(base) + k, op_id, device_id, hlc, \(pushedBy), sealed, signature FROM fresh
                    RETURNING seq)
                UPDATE thistle_team SET last_seq = last_seq + (SELECT count(*) FROM inserted)
                WHERE team_id = \(team) RETURNING last_seq
                """, logger: logger
            ).decode(Int64.self) { last = seq }
            if !forgetting.isEmpty {
                try await db.query(
                    "DELETE FROM thistle_op WHERE team_id = \(team) AND op_id = ANY(\(forgetting)::text[])", logger: logger)
            }
            try await beforeCommit?(db)
            return (base, last)
        }
    }

    /// Up to `limit` of `team`'s rows after `cursor`, in sequence order.
    func pull(team: String, after cursor: Int64, limit: Int) async throws -> [HubRow] {
        try await transaction { db in
            var rows: [HubRow] = []
            let found = try await db.query(
                """
                SELECT seq, op_id, device_id, hlc, pushed_by, sealed, signature FROM thistle_op
                WHERE team_id = \(team) AND seq > \(cursor) ORDER BY seq LIMIT \(limit)
                """, logger: logger)
            for try await (seq, id, device, hlc, pushedBy, sealed, signature) in found.decode(
                (Int64, String, String, String, String, ByteBuffer, ByteBuffer).self)
            {
                rows.append(HubRow(seq: seq, opID: id, deviceID: device, hlc: hlc, pushedBy: pushedBy,
                                   sealed: Data(sealed.readableBytesView), signature: Data(signature.readableBytesView)))
            }
            return rows
        }
    }

    /// What went wrong, in words a user can act on; never the server's raw dump.
    static func explain(_ error: any Error, address: HubAddress) -> any Error {
        if error is SyncError { return error }
        guard let psql = error as? PSQLError else {
            return SyncError.hubUnreachable("\(address): \(error)")
        }
        if let tls = psql.underlying as? NIOSSLError {
            return SyncError.hubRefused("\(tls)".contains("CERTIFICATE_VERIFY_FAILED")
                ? "the hub's TLS certificate is not one this device trusts (name its CA with sslrootcert=FILE)"
                : "the TLS handshake with the hub failed")
        }
        switch psql.code {
        case .connectionError:
            return SyncError.hubUnreachable("cannot reach \(address.host):\(address.port)"
                                            + (psql.underlying.map { " (\($0))" } ?? ""))
        case .sslUnsupported:
            return SyncError.hubRefused("the hub at \(address.host):\(address.port) does not offer TLS, which the URL asks for")
        case .failedToAddSSLHandler:
            return SyncError.hubRefused("TLS with the hub failed" + (psql.underlying.map { ": \($0)" } ?? ""))
        case .authMechanismRequiresPassword:
            return SyncError.hubRefused(
                "the hub asks \(address.user) for a password: set PGPASSWORD or add a line to ~/.pgpass")
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? ""
            let message = psql.serverInfo?[.message] ?? "an error"
            switch state {
            case "28P01", "28000":
                return SyncError.hubRefused("the hub refused \(address.user)'s sign-in (\(message)): check PGPASSWORD or ~/.pgpass")
            case "3D000":
                return SyncError.hubRefused("the hub has no database \(address.database)")
            case "55P03":
                return SyncError.hubUnreachable("the hub stayed busy with another device's push; sync again in a moment")
            case "42501":
                return SyncError.hubRefused("\(address.user) may not use Thistle's tables on the hub (\(message))")
            default:
                return SyncError.hubUnreachable("the hub said: \(message)")
            }
        default:
            if let underlying = psql.underlying, "\(underlying)".localizedCaseInsensitiveContains("certificate") {
                return SyncError.hubRefused("TLS with the hub failed: \(underlying)")
            }
            return SyncError.hubUnreachable("the connection to the hub at \(address.host):\(address.port) was lost")
        }
    }
}

/// Whether a continuation has been resumed: the first to claim it resumes it.
private final class Answered: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.withLock {
            defer { claimed = true }
            return !claimed
        }
    }
}
