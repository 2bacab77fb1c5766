import Foundation
import PlaceDomain
import GRDB
@testable import PlaceStore
import TestSupport
import XCTest

final class OpeningTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testANewDatabaseIsMigratedAndKeepsItsDeviceIdAcrossOpens() throws {
        let path = folder.appendingPathComponent("team.sqlite").path
        let store = try PlaceStore.open(at: path, create: true)
        let device = store.deviceID
        try store.close()
        let again = try PlaceStore.open(at: path)
        XCTAssertEqual(again.deviceID, device)
        XCTAssertEqual(try again.logCounts().ops, 0)
    }

    func testAMissingFolderIsRefusedAndNothingIsCreated() {
        let path = folder.appendingPathComponent("nope/team.sqlite").path
        XCTAssertThrowsError(try PlaceStore.open(at: path, create: true)) { error in
            XCTAssertEqual(error as? StoreError, .directoryMissing(path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("nope").path))
    }

    func testAMissingDatabaseIsNotCreatedUnlessAsked() {
        let path = folder.appendingPathComponent("none.sqlite").path
        XCTAssertThrowsError(try PlaceStore.open(at: path)) { error in
            XCTAssertEqual(error as? StoreError, .databaseMissing(path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testRandomBytesAreRefusedAndLeftUntouched() throws {
        let path = folder.appendingPathComponent("random.sqlite").path
        var generator = SeededRandom(seed: 3)
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try PlaceStore.open(at: path, create: true)) { error in
            XCTAssertEqual(error as? StoreError, .notADatabase(path))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["random.sqlite"])
    }

    func testAnotherSQLiteDatabaseIsRefusedAndLeftUntouched() throws {
        let path = folder.appendingPathComponent("other.sqlite").path
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try PlaceStore.open(at: path)) { error in
            XCTAssertEqual(error as? StoreError, .notAThistleDatabase(path))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testAnUnwritableFolderIsRefused() throws {
        guard getuid() != 0 else { throw XCTSkip("root can write anywhere") }
        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        chmod(locked.path, 0o500)
        defer { chmod(locked.path, 0o700) }
        XCTAssertThrowsError(try PlaceStore.open(at: locked.appendingPathComponent("t.sqlite").path, create: true))
    }

    func testDefaultPathFollowsXDGDataHome() {
        XCTAssertEqual(PlaceStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]),
                       "/data/thistle/thistle.sqlite")
        XCTAssertEqual(PlaceStore.defaultPath(environment: ["HOME": "/home/a"]),
                       "/home/a/.local/share/thistle/thistle.sqlite")
    }

    func testADatabaseFromANewerThistleIsRefusedAndLeftUntouched() throws {
        let path = folder.appendingPathComponent("team.sqlite").path
        try PlaceStore.open(at: path, create: true).close()
        // A later version's migration, as that version would have recorded it.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from a newer Thistle')") }
        try queue.close()
        let before = try Self.everyRow(at: path)
        XCTAssertThrowsError(try PlaceStore.open(at: path)) {
            XCTAssertEqual($0 as? StoreError, .newerSchema(path))
            XCTAssertEqual("\($0)", "\(path) was written by a newer version of Thistle; upgrade thistle to open it")
        }
        XCTAssertEqual(try Self.everyRow(at: path), before)
    }

    /// The schema and every row of the file, as text.
    static func everyRow(at path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let schema = try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
            var lines = schema.map(\.description)
            for table in schema where table["type"] == "table" {
                let name: String = table["name"]
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(name.quotedDatabaseIdentifier)").map { "\(name) \($0)" }
            }
            return lines
        }
    }

    /// SQLite's page limit stands in for a full disk: the write is refused in
    /// words a user can act on and nothing of it is kept.
    func testAFullDiskRefusesTheWholeWriteClearly() throws {
        let store = try PlaceStore.open(at: folder.appendingPathComponent("team.sqlite").path, create: true)
        try Fixtures.populate(store)
        let dump = try store.contentDump()
        let changes = (0..<2_000).map { Change.set(Place.self, id: "place-beta", "population", to: .int(Int64($0))) }
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA max_page_count = \(try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0)")
        }
        XCTAssertThrowsError(try store.write(by: "member-ann", changes)) {
            XCTAssertEqual(StoreError(sqlite: $0), .diskFull)
            XCTAssertEqual(StoreError(sqlite: $0)?.description, "the disk is full: nothing was saved; free some space and try again")
        }
        XCTAssertEqual(try store.contentDump(), dump, "nothing of the refused write is kept")
        try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = 1073741823") }
        XCTAssertNoThrow(try store.write(by: "member-ann", changes), "once there is room")
        XCTAssertEqual(try store.place("place-beta")?.population, 1_999)
    }

    /// A crash, then the `-wal` lost (deleted, or left behind by a copy):
    /// the file would open without the last acknowledged writes. The marker
    /// beside it refuses that until the `-wal` is back or the marker deleted.
    func testAFileMissingItsLastWritesIsRefusedUntilItsWalIsBack() throws {
        let path = folder.appendingPathComponent("laptop.sqlite").path
        let store = try PlaceStore.open(at: path, create: true, device: "device-test")
        try Fixtures.populate(store)  // in the write-ahead log, not yet in the main file
        let mode = try FileManager.default.attributesOfItem(atPath: path + "-last-write")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600, "the marker is private like the database")
        let copies = folder.appendingPathComponent("stick")
        try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true)
        let copy = copies.appendingPathComponent("laptop.sqlite").path
        for suffix in ["", "-wal", "-last-write"] {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix)
        }
        try FileManager.default.moveItem(atPath: copy + "-wal", toPath: copy + "-wal.kept")

        XCTAssertThrowsError(try PlaceStore.open(at: copy)) { error in
            guard case .writesMissing(let named, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(named, copy)
            XCTAssertTrue(String(describing: error).contains("put the -wal file back beside it"), "\(error)")
        }

        // The -wal put back: every write is there, and the refusal wrote nothing.
        try FileManager.default.moveItem(atPath: copy + "-wal.kept", toPath: copy + "-wal")
        let restored = try PlaceStore.open(at: copy)
        XCTAssertEqual(try restored.contentDump(), try store.contentDump())
        try restored.close()
        try store.close()

        // A file opened after a clean close has nothing missing; a new file forgets an old marker.
        XCTAssertNoThrow(try PlaceStore.open(at: path).close())
        try FileManager.default.removeItem(atPath: path)
        XCTAssertNoThrow(try PlaceStore.open(at: path, create: true).close())
    }
}
