import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import SampleData
import TestSupport
import XCTest

final class DemoPlaceTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func build(_ name: String) throws -> PlaceStore {
        let path = folder.appendingPathComponent(name).path
        XCTAssertTrue(try DemoPlace.build(at: path, from: SampleData.fifeDirectory, reset: false))
        return try PlaceStore.open(at: path)
    }

    func testTwoDemoDatabasesHoldIdenticalOpSets() throws {
        let first = try build("a.sqlite")
        let second = try build("b.sqlite")
        // Everything but the keys: each demo makes its own team key, key
        // pairs and residents' keys, and seals with nonces of its own, so
        // the same ops hold the same values once opened.
        let keys = "('member_key', 'key_grant', 'sealing_key')"
        let dump = { (store: PlaceStore) in
            try store.writer.read {
                try Row.fetchAll($0, sql: "SELECT id, hlc, entity, entity_id, field FROM op WHERE entity NOT IN \(keys) ORDER BY id")
                    .map(\.description)
            }
        }
        let ops = try dump(first)
        XCTAssertFalse(ops.isEmpty)
        XCTAssertEqual(ops, try dump(second))
        XCTAssertEqual(first.deviceID, DemoPlace.device)
        for store in [first, second] { store.useKeys(try store.signIn("member-aileen-baxter", passphrase: DemoPlace.passphrase).keyring) }
        let tables = { (store: PlaceStore) in
            try store.contentDump().split(separator: "\n")
                .filter { !$0.hasPrefix("member_key ") && !$0.hasPrefix("key_grant ") && !$0.hasPrefix("sealing_key ") }
        }
        XCTAssertEqual(try tables(first), try tables(second))
        XCTAssertTrue(try tables(first).contains { $0.contains("Finlay") }, "compared opened")
        let grants = { (store: PlaceStore) in
            try store.writer.read { try String.fetchAll($0, sql: "SELECT sealed_key FROM key_grant ORDER BY member_id") }
        }
        XCTAssertEqual(try grants(first).count, 20, "every demo member holds the team key")
        XCTAssertNotEqual(try grants(first), try grants(second), "two demos never share a key")
    }

    func testTheDemoHoldsTheIssuesScale() throws {
        let store = try build("demo.sqlite")
        let counts = try store.writer.read { db in
            try ["place", "agency", "member", "service", "resident", "case_file"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0
            }
        }
        XCTAssertTrue((58...68).contains(counts[0]), "council, 7 areas and 50–60 communities: \(counts[0])")
        XCTAssertTrue((10...14).contains(counts[1]), "about 12 agencies: \(counts[1])")
        XCTAssertTrue((18...22).contains(counts[2]), "about 20 members: \(counts[2])")
        XCTAssertTrue((130...170).contains(counts[3]), "about 150 services: \(counts[3])")
        XCTAssertEqual(counts[4], 400)
        XCTAssertEqual(counts[5], 600)
        let tree = try store.placeTree()
        XCTAssertEqual(tree.children(of: "place-fife").map(\.name).sorted(), [
            "City of Dunfermline", "Cowdenbeath", "Glenrothes", "Kirkcaldy", "Levenmouth", "North East Fife",
            "South West Fife",
        ])
        let entries = try store.logCounts().audit
        let keys = try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM op WHERE entity = 'sealing_key'") ?? 0 }
        XCTAssertEqual(keys, counts[4], "each resident's key is in the log")
        XCTAssertGreaterThan(entries, 600, "an entry for each case the demo wrote")
    }

    func testTheDemoTablesRebuildFromItsOpLog() throws {
        let store = try build("demo.sqlite")
        let before = try store.contentDump()
        try store.rebuildFromOpLog()
        XCTAssertEqual(try store.contentDump(), before)
    }

    func testEveryDemoCaseHasTheTimelineItsDatesImply() throws {
        let store = try build("demo.sqlite")
        let cases = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT id FROM case_file ORDER BY id") }
        for id in cases.prefix(40) {
            let file = try XCTUnwrap(try store.caseFile(CaseID(id)))
            let timeline = try store.caseEvents(file.case.id)
            XCTAssertEqual(timeline.first?.kind, "case-opened", id)
            XCTAssertEqual(timeline.count, file.impliedEvents.count, id)
            XCTAssertEqual(timeline.filter { $0.kind == "referred" }.count, file.referrals.count, id)
            XCTAssertEqual(timeline.last?.kind == "case-closed", file.case.status == .closed, id)
        }
    }

    func testTheDemoObeysTheNoWrongDoorRules() throws {
        let store = try build("demo.sqlite")
        try store.writer.read { db in
            let closedWithOpenNeeds = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM case_file c JOIN need n ON n.case_id = c.id
                WHERE c.status = 'closed' AND n.state IN ('open', 'routed')
                """)
            XCTAssertEqual(closedWithOpenNeeds, 0)
            let referralsOffTheirCase = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM referral r JOIN need n ON n.id = r.need_id WHERE n.case_id != r.case_id
                """)
            XCTAssertEqual(referralsOffTheirCase, 0)
            let twoInFlight = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT need_id FROM referral WHERE state IN ('sent', 'accepted')
                GROUP BY need_id HAVING COUNT(*) > 1)
                """)
            XCTAssertEqual(twoInFlight, 0)
        }
    }

    func testResetReplacesTheDemoAndABrokenFolderChangesNothing() throws {
        let path = folder.appendingPathComponent("demo.sqlite").path
        try DemoPlace.build(at: path, from: SampleData.fifeDirectory, reset: false)
        XCTAssertFalse(try DemoPlace.build(at: path, from: SampleData.fifeDirectory, reset: false), "kept as it was")
        XCTAssertTrue(try DemoPlace.build(at: path, from: SampleData.fifeDirectory, reset: true))
        let broken = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: false)
        for file in try FileManager.default.contentsOfDirectory(atPath: SampleData.fifeDirectory.path) {
            try FileManager.default.copyItem(at: SampleData.fifeDirectory.appendingPathComponent(file),
                                             to: broken.appendingPathComponent(file))
        }
        try "id,givenName\nres-x\n".write(to: broken.appendingPathComponent("residents.csv"), atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try DemoPlace.build(at: path, from: broken, reset: true)) { error in
            XCTAssertTrue("\(error)".contains("residents.csv"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["broken", "demo.sqlite"])
    }
}

extension DemoPlaceTests {
    func testTheDemoSetsTriageTargetsThatAreasMayTighten() throws {
        let store = try build("targets.sqlite")
        let targets = try store.triageTargets()
        let tree = try store.placeTree()
        XCTAssertEqual(targets.effective(for: .urgent, at: "place-methil", in: tree)?.hours, 12, "Levenmouth's own target")
        XCTAssertEqual(targets.effective(for: .urgent, at: "place-cupar", in: tree)?.hours, 24, "Fife's default")
        XCTAssertEqual(targets.effective(for: .routine, at: "place-methil", in: tree)?.hours, 336)
    }
}
