import Foundation
import PlaceDomain
import PlaceStore
import TestSupport
import XCTest

/// Each schema a Thistle release shipped is kept as a fixture database
/// (Fixtures/vN.sqlite, the small test place written by that release), and
/// every later migration must upgrade it without losing a row.
final class MigrationTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Opens a copy of a fixture with today's code, which migrates it.
    func upgraded(_ name: String) throws -> (PlaceStore, URL) {
        let folder = try Fixtures.temporaryDirectory()
        let copy = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: copy)
        return (try PlaceStore.open(at: copy.path), folder)
    }

    func testEveryShippedSchemaUpgradesKeepingEveryRowAndOp() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasSuffix(".sqlite") }.sorted()
        XCTAssertTrue(names.contains("v1.sqlite"))
        for name in names {
            let (store, folder) = try upgraded(name)
            defer { try? FileManager.default.removeItem(at: folder) }
            let reference = try Fixtures.smallPlace()
            // The audit trail (schema v6) starts with the first write after the upgrade.
            XCTAssertEqual(try store.contentDump(includingAudit: false), try reference.contentDump(includingAudit: false), name)
            let dataOps = { (store: PlaceStore) in try store.allOps().filter { $0.entity != "audit_entry" }.count }
            XCTAssertEqual(try dataOps(store), try dataOps(reference), name)
            XCTAssertEqual(store.deviceID, "device-test")
            try store.write(by: "member-ann", [.set(Place.self, id: "place-beta", "population", to: .int(900))])
            XCTAssertEqual(try store.place("place-beta")?.population, 900, name)
        }
    }

    /// Writes Fixtures/v1.sqlite with the current schema. Run only when a
    /// release freezes its schema: THISTLE_WRITE_FIXTURE=v1.
    func testWriteFixtureWhenAsked() throws {
        guard let name = ProcessInfo.processInfo.environment["THISTLE_WRITE_FIXTURE"] else {
            throw XCTSkip("set THISTLE_WRITE_FIXTURE=vN to write Fixtures/vN.sqlite")
        }
        let path = Self.fixtures.appendingPathComponent("\(name).sqlite").path
        try? FileManager.default.removeItem(atPath: path)
        let clock = SteppingClock(start: Fixtures.start)
        let store = try PlaceStore.open(
            at: path, create: true, device: "device-test", clock: clock,
            idSource: UUIDv7Source(clock: clock, random: SeededRandom(seed: 7)))
        try Fixtures.populate(store)
        try store.close()
    }
}
