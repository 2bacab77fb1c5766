import Foundation
import GRDB
import PlaceDomain

/// The team's local store: one SQLite file (WAL, synchronous=FULL, foreign
/// keys on) holding the op log, the audit trail, and the tables the log
/// materialises. Every write goes through `write(by:_:)`.
public final class PlaceStore: Sendable {
    /// `PRAGMA application_id` of every Thistle database ("THST").
    static let applicationID: Int32 = 0x5448_5354

    public let path: String
    let writer: any DatabaseWriter
    public let deviceID: DeviceID
    let clock: any WallClock
    let ids: IDGenerator
    let unlocked: Unlocked

    private init(
        path: String, writer: any DatabaseWriter, deviceID: DeviceID, clock: any WallClock, ids: IDGenerator,
        unlocked: Unlocked
    ) {
        self.unlocked = unlocked
        self.path = path
        self.writer = writer
        self.deviceID = deviceID
        self.clock = clock
        self.ids = ids
    }

    /// How a store holds its file open.
    public enum Connections: Sendable {
        /// A writer and concurrent readers: the TUI reads while it writes.
        case pool
        /// One connection, for a short command: SQLite reads the schema
        /// (and Thistle makes its views) once, not once per connection.
        case single
        /// One connection for a command that reads no personal detail and
        /// writes nothing (`thistle queue`), without the reveal views and
        /// search-token triggers: SQLite takes about 2 ms to make them, a
        /// tenth of such a command (docs/PERFORMANCE.md). A sealed column
        /// read through it shows sealed text, never plain; a sign-in whose
        /// search tokens must be remade makes the views first. Not for a
        /// command that writes: a resident written through it would keep
        /// the search tokens it had (the triggers that remake them are absent).
        case singleUnrevealed

        var reveals: Bool { self != .singleUnrevealed }
    }

    /// Opens the database at `path`, creating it when `create` is set and
    /// no file is there. Refuses, touching nothing, a missing folder, an
    /// unwritable path, and any file that is not a Thistle database.
    /// `notice` hears, before it starts, of an upgrade of the file's schema
    /// (which can take a minute on a large place).
    public static func open(
        at path: String, create: Bool = false, device: DeviceID? = nil,
        clock: any WallClock = SystemClock(), idSource: (any IDSource)? = nil, connections: Connections = .pool,
        notice: ((String) -> Void)? = nil
    ) throws(StoreError) -> PlaceStore {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let files = FileManager.default
        let exists = files.fileExists(atPath: path)
        guard exists || create else { throw .databaseMissing(path) }
        try requireFolder(of: path)
        var isNew = !exists
        if exists { isNew = try isEmptyFile(path) }
        if isNew {
            guard create else { throw .databaseMissing(path) }
        } else {
            try checkIsThistleDatabase(path)
        }
        guard access(folder, W_OK) == 0, !exists || access(path, R_OK | W_OK) == 0 else {
            throw .notWritable(path)
        }
        let ids = IDGenerator(idSource ?? UUIDv7Source(clock: clock, random: SystemRandom()))
        keepPrivate(path, creating: isNew && !exists)
        do {
            let unlocked = Unlocked()
            var configuration = configuration(unlocked, reveal: connections.reveals)
            configuration.busyMode = .timeout(5)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // Deleted rows are overwritten with zeros, not left in free pages.
                try db.execute(sql: "PRAGMA secure_delete = ON")
            }
            let writer: any DatabaseWriter = switch connections {
            case .pool: try DatabasePool(path: path, configuration: configuration)
            case .single, .singleUnrevealed: try DatabaseQueue(path: path, configuration: configuration)
            }
            if isNew { LastWrite.forget(path) } else { try LastWrite.check(path, writer) }
            let deviceID = try prepare(writer, isNew: isNew, device: device, ids: ids, reveal: connections.reveals, notice: notice)
            return PlaceStore(path: path, writer: writer, deviceID: deviceID, clock: clock, ids: ids, unlocked: unlocked)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(String(describing: error))
        }
    }

    /// A store in memory, for tests.
    public static func inMemory(
        device: DeviceID = "device-test", clock: any WallClock, idSource: any IDSource
    ) throws -> PlaceStore {
        let unlocked = Unlocked()
        let queue = try DatabaseQueue(configuration: configuration(unlocked))
        let ids = IDGenerator(idSource)
        let deviceID = try prepare(queue, isNew: true, device: device, ids: ids)
        return PlaceStore(path: ":memory:", writer: queue, deviceID: deviceID, clock: clock, ids: ids, unlocked: unlocked)
    }

    /// Foreign keys on; each connection gets the functions and (`reveal`)
    /// views that read personal details through `unlocked` (RevealViews).
    private static func configuration(_ unlocked: Unlocked, reveal: Bool = true) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Sorting and grouping opened values never spill into temporary files.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            RevealViews.addFunctions(to: db, unlocked: unlocked)
            SearchTokens.addFunction(to: db, unlocked: unlocked)
            if reveal { try revealPersonalDetails(in: db) }
            // For profiling (docs/PERFORMANCE.md): each statement and its time on stderr.
            if ProcessInfo.processInfo.environment["THISTLE_TRACE_SQL"] != nil {
                db.trace(options: .profile) { event in
                    FileHandle.standardError.write(Data("thistle sql: \(event)\n".utf8))
                }
            }
        }
        return configuration
    }

    /// The reveal views and search-token triggers, where not made yet.
    static func revealPersonalDetails(in db: Database) throws {
        try RevealViews.createViews(in: db)
        try SearchTokens.createTriggers(in: db)
    }

    private static func prepare(
        _ writer: any DatabaseWriter, isNew: Bool, device: DeviceID?, ids: IDGenerator, reveal: Bool = true,
        notice: ((String) -> Void)? = nil
    ) throws -> DeviceID {
        let migrator = Migrations.migrator
        let onDisk = writer.path != ":memory:"
        // One read of what has run, on the writer's connection (a reader opened before the migration would lack
        // the reveal views); a file already current — every command's but the first after an upgrade — skips
        // the migrator, which would read it twice more.
        let applied = try writer.writeWithoutTransaction { try migrator.appliedIdentifiers($0) }
        guard applied.isSubset(of: migrator.migrations) else { throw StoreError.newerSchema(writer.path) }
        let pending = migrator.migrations.filter { !applied.contains($0) }
        if isNew {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
                // A pool sets WAL itself; a single connection keeps whatever mode the file has.
                if onDisk, !(writer is DatabasePool) { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            }
        }
        if !isNew, let notice, !pending.isEmpty {
            notice("upgrading this database to the current version (\(pending.count) "
                   + (pending.count == 1 ? "step" : "steps") + "); on a large place this takes a minute or so")
        }
        if !pending.isEmpty { try migrator.migrate(writer) }
        if reveal { try writer.writeWithoutTransaction(revealPersonalDetails) }
        if isNew, onDisk {
            // Puts the application id into the main file's header at once,
            // where the opening check reads it, rather than leaving it in the WAL.
            _ = try writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
        func existing(_ db: Database) throws -> DeviceID? {
            try String.fetchOne(db, sql: "SELECT value FROM local_setting WHERE key = 'device_id'").map { DeviceID($0) }
        }
        // Read first: a command that only reads never waits for another process's write.
        if let known = try writer.read(existing) { return known }
        return try writer.write { db in
            if let known = try existing(db) { return known }
            let deviceID = device ?? DeviceID("device-" + ids.next())
            try db.execute(
                sql: "INSERT INTO local_setting (key, value) VALUES ('device_id', ?)",
                arguments: [deviceID.rawValue])
            return deviceID
        }
    }

    /// The database file is its owner's alone (0600): created so before
    /// SQLite opens it, and tightened if it was not. SQLite gives the `-wal`
    /// and `-shm` files the main file's mode.
    private static func keepPrivate(_ path: String, creating: Bool) {
        if creating {
            let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if descriptor >= 0 { Foundation.close(descriptor) }
        }
        for suffix in ["", "-wal", "-shm"] {
            var status = stat()
            if stat(path + suffix, &status) == 0, status.st_mode & 0o077 != 0 { chmod(path + suffix, 0o600) }
        }
    }

    /// Refuses a path whose folder does not exist: Thistle never creates a
    /// folder the user named.
    static func requireFolder(of path: String) throws(StoreError) {
        var isFolder: ObjCBool = false
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .directoryMissing(path)
        }
    }

    /// By `stat` (FileManager's attributes look up the owner's and group's names too).
    private static func isEmptyFile(_ path: String) throws(StoreError) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .notWritable(path) }
        return status.st_size == 0
    }

    /// Reads the file's first 100 bytes (the SQLite header) with a plain
    /// read, never an SQLite connection, so a foreign file is not touched.
    /// Bytes 68–71 hold `PRAGMA application_id`.
    static func checkIsThistleDatabase(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .notWritable(path) }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        try? handle.close()
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw .notADatabase(path)
        }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard Int32(bitPattern: id) == applicationID else { throw .notAThistleDatabase(path) }
    }
}

/// A lock around the injected id source: writes may come from any thread.
final class IDGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var source: any IDSource

    init(_ source: any IDSource) { self.source = source }

    func next() -> String {
        lock.lock()
        defer { lock.unlock() }
        return source.next()
    }
}
