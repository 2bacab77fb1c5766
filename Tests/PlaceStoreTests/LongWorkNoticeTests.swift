import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import TestSupport
import XCTest

/// Work that can take a minute on a large place is announced before it
/// starts, and only when it will happen.
final class LongWorkNoticeTests: XCTestCase {
    func testOpeningAnOlderDatabaseSaysItIsUpgradingOnce() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("older.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "PRAGMA application_id = \(PlaceStore.applicationID)") }
        let migrator = Migrations.migrator
        try migrator.migrate(queue, upTo: migrator.migrations[migrator.migrations.count - 2])
        try queue.close()

        var notices: [String] = []
        _ = try PlaceStore.open(at: path, connections: .single) { notices.append($0) }
        XCTAssertEqual(notices, ["upgrading this database to the current version (1 step); on a large place this takes a minute or so"])
        _ = try PlaceStore.open(at: path, connections: .single) { notices.append($0) }
        XCTAssertEqual(notices.count, 1, "a current database opens without a word")
    }

    func testASignInThatMakesTheSearchIndexSaysSoFirst() throws {
        let (store, folder) = try Fixtures.demoDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let signedIn = try store.signIn("member-aileen-baxter", passphrase: DemoPlace.passphrase)
        var notices: [String] = []
        try store.unlock(signedIn) { notices.append($0) }
        XCTAssertEqual(notices, [], "the index was made with this key")
        try store.writer.write { try $0.execute(sql: "DELETE FROM local_setting WHERE key = ?", arguments: [SearchTokens.setting]) }
        try store.unlock(signedIn) { notices.append($0) }
        let residents = try XCTUnwrap(try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM main.resident") })
        XCTAssertEqual(notices, ["making the search index of \(residents) residents for this team key; on a large place this takes a minute or so"])
        try store.unlock(signedIn) { notices.append($0) }
        XCTAssertEqual(notices.count, 1, "made once")
    }
}
