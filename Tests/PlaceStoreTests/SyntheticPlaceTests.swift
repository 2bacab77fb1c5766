import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import SampleData
import TestSupport
import XCTest

/// `thistle generate`: the same seed gives the same place, and a generated
/// place keeps every rule the demo keeps.
final class SyntheticPlaceTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func generate(_ name: String, seed: UInt64) throws -> PlaceStore {
        let path = folder.appendingPathComponent(name).path
        try SyntheticPlace.generate(at: path, scale: .small, seed: seed, from: SampleData.fifeDirectory)
        let store = try PlaceStore.open(at: path)
        try store.unlock(try store.signIn("member-aileen-baxter", passphrase: DemoPlace.passphrase))
        return store
    }

    /// Every table but the keys (random by design), opened.
    func content(_ store: PlaceStore) throws -> [Substring] {
        try store.contentDump(includingAudit: false).split(separator: "\n").filter { line in
            !["member_key ", "key_grant ", "sealing_key "].contains { line.hasPrefix($0) }
        }
    }

    func testTheSameSeedGivesTheSamePlace() throws {
        let first = try generate("a.sqlite", seed: 11)
        let again = try generate("b.sqlite", seed: 11)
        let content = try content(first)
        XCTAssertGreaterThan(content.count, 30_000)
        XCTAssertEqual(content, try self.content(again))
        XCTAssertNotEqual(try first.contentDump(includingAudit: false), try again.contentDump(includingAudit: false),
                          "each has keys of its own")
        XCTAssertThrowsError(try SyntheticPlace.generate(
            at: folder.appendingPathComponent("a.sqlite").path, scale: .small, seed: 1, from: SampleData.fifeDirectory),
            "never over an existing file")
    }

    func testASmallPlaceHasTheScaleAndKeepsEveryRule() throws {
        let store = try generate("small.sqlite", seed: 3)
        try store.writer.read { db in
            let count = { (sql: String) in try Int.fetchOne(db, sql: sql) ?? -1 }
            XCTAssertEqual(try count("SELECT COUNT(*) FROM case_file"), 1_000)
            XCTAssertEqual(try count("SELECT COUNT(*) FROM resident"), 800)
            XCTAssertEqual(try count("SELECT COUNT(*) FROM member"), 40)
            XCTAssertEqual(try count("SELECT COUNT(*) FROM service"), 180)
            let needs = try count("SELECT COUNT(*) FROM need"), referrals = try count("SELECT COUNT(*) FROM referral")
            XCTAssertTrue((2_200...2_800).contains(needs), "about 2.5 needs a case: \(needs)")
            XCTAssertTrue(Double(referrals) / Double(needs) > 1.0, "about 1.2 referrals a need: \(referrals)")
            for state in ["open", "closed"] {
                XCTAssertGreaterThan(try count("SELECT COUNT(*) FROM case_file WHERE status = '\(state)'"), 100, state)
            }
            for state in ["open", "routed", "met", "closed"] {
                XCTAssertGreaterThan(try count("SELECT COUNT(*) FROM need WHERE state = '\(state)'"), 20, state)
            }
            for state in ["sent", "accepted", "declined", "withdrawn", "completed"] {
                XCTAssertGreaterThan(try count("SELECT COUNT(*) FROM referral WHERE state = '\(state)'"), 20, state)
            }
            // The no-wrong-door rules, as the demo keeps them.
            XCTAssertEqual(try count("""
                SELECT COUNT(*) FROM case_file c JOIN need n ON n.case_id = c.id
                WHERE c.status = 'closed' AND n.state IN ('open', 'routed')
                """), 0, "no closed case with a live need")
            XCTAssertEqual(try count("""
                SELECT COUNT(*) FROM referral r LEFT JOIN need n ON n.id = r.need_id WHERE n.case_id IS NOT r.case_id
                """), 0, "every referral points at a need on its case")
            XCTAssertEqual(try count("""
                SELECT COUNT(*) FROM (SELECT need_id FROM referral WHERE state IN ('sent', 'accepted')
                GROUP BY need_id HAVING COUNT(*) > 1)
                """), 0, "at most one referral in flight a need")
            XCTAssertEqual(try count("""
                SELECT COUNT(*) FROM need n WHERE (n.state = 'routed') != EXISTS (
                    SELECT 1 FROM referral r WHERE r.need_id = n.id AND r.state IN ('sent', 'accepted'))
                """), 0, "a need is routed exactly when a referral for it is in flight")
            XCTAssertEqual(try count("""
                SELECT COUNT(*) FROM referral r JOIN service s ON s.id = r.service_id JOIN need n ON n.id = r.need_id
                WHERE n.category NOT IN (SELECT value FROM json_each(s.needs))
                """), 0, "every service meets the need it was sent")
            XCTAssertEqual(try count("""
                SELECT COUNT(*) FROM referral r JOIN service s ON s.id = r.service_id JOIN case_file c ON c.id = r.case_id
                WHERE NOT EXISTS (SELECT 1 FROM consent k WHERE k.case_id = c.id AND k.agency_id = s.agency_id
                                  AND k.data_sharing_agreement IS NOT NULL)
                """), 0, "each agency a case went to has consent on record, with its agreement")
            XCTAssertTrue(try String.fetchAll(db, sql: "SELECT given_name FROM main.resident LIMIT 20")
                .allSatisfy { $0.hasPrefix("sealed:v1:") }, "personal details sealed")
        }
        let audit = try store.verifyAudit()
        XCTAssertTrue(audit.problems.isEmpty, "the audit trail the history implies verifies: \(audit.problems)")
        let reference = try store.placeTree()
        XCTAssertEqual(reference.children(of: "place-fife").count, 7)
    }
}
