import Foundation
import PlaceDomain
import PlaceStore
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
}
