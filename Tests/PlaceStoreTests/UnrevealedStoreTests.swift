import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import TestSupport
import XCTest

/// A store opened without the reveal views (`thistle queue`) reads the same
/// queue, shows a sealed column sealed, and makes search tokens from the
/// opened details when its sign-in must remake them.
final class UnrevealedStoreTests: XCTestCase {
    func testTheQueueIsTheSameAndSealedDetailsStaySealed() throws {
        let (store, folder) = try Fixtures.demoDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let everywhere = Set(try store.placeTree().places.keys)
        let queue = try store.triageQueue(in: everywhere)
        XCTAssertFalse(queue.isEmpty)
        let plainName = try store.writer.read { try String.fetchOne($0, sql: "SELECT given_name FROM resident ORDER BY id") }

        let unrevealed = try PlaceStore.open(at: store.path, connections: .singleUnrevealed)
        unrevealed.useKeys(try XCTUnwrap(store.unlocked.keyring))
        XCTAssertEqual(try unrevealed.triageQueue(in: everywhere), queue)
        let name = try unrevealed.writer.read { try String.fetchOne($0, sql: "SELECT given_name FROM resident ORDER BY id") }
        XCTAssertTrue(name?.hasPrefix(SealedValue.prefix) == true, "without the views a sealed column reads sealed: \(name ?? "nil")")
        XCTAssertNotEqual(name, plainName)
    }

    func testASignInThatRemakesTheSearchTokensMakesThemFromOpenedDetails() throws {
        let (store, folder) = try Fixtures.demoDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = store.path
        let tokens = "SELECT token || resident_id FROM main.resident_token ORDER BY 1"
        let made = try store.writer.read { try String.fetchAll($0, sql: tokens) }
        XCTAssertFalse(made.isEmpty)
        try store.writer.write { db in
            try db.execute(sql: "DELETE FROM main.resident_token")
            try db.execute(sql: "DELETE FROM local_setting WHERE key = ?", arguments: [SearchTokens.setting])
        }
        try store.close()

        let unrevealed = try PlaceStore.open(at: path, connections: .singleUnrevealed)
        try unrevealed.unlock(try unrevealed.signIn("member-aileen-baxter", passphrase: DemoPlace.passphrase))
        let remade = try unrevealed.writer.read { try String.fetchAll($0, sql: tokens) }
        XCTAssertTrue(remade == made, "the same tokens as made from the opened names, not from sealed text "
                      + "(\(remade.count) against \(made.count), \(Set(remade).intersection(made).count) alike)")
    }
}
