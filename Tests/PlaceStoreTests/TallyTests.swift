import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import SampleData
import TestSupport
import XCTest

/// The dashboard reads tallies the triggers keep (schema v12). However a
/// row changes — a case moved or closed, a need moved to another case, a
/// referral answered or withdrawn, a service handed to another agency, a
/// return struck out, records deleted or rebuilt from the log — each tally
/// equals a recount of the tables.
final class TallyTests: XCTestCase {
    var folder: URL!
    var store: PlaceStore!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("small.sqlite").path
        try SyntheticPlace.generate(at: path, scale: .small, seed: 5, from: SampleData.fifeDirectory)
        store = try PlaceStore.open(at: path)
        try store.unlock(try store.signIn("member-aileen-baxter", passphrase: DemoPlace.passphrase))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// Runs `sql` as one transaction with foreign keys deferred (as a merge does), then recounts.
    func afterEditing(_ what: String, _ sql: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try store.writer.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try db.execute(sql: sql)
        }
        XCTAssertEqual(try store.tallyDrift(), [], "after \(what)", file: file, line: line)
    }

    func one(_ sql: String) throws -> String {
        try XCTUnwrap(try store.writer.read { try String.fetchOne($0, sql: sql) }, sql)
    }

    func testEveryKindOfChangeKeepsTheTalliesEqualToARecount() throws {
        XCTAssertEqual(try store.tallyDrift(), [], "as generated")
        let total = try store.writer.read { try Int.fetchOne($0, sql: "SELECT SUM(n) FROM tally_need") }
        XCTAssertEqual(total, try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM main.need") })

        let busy = try one("SELECT case_id FROM main.referral GROUP BY case_id ORDER BY COUNT(*) DESC, case_id LIMIT 1")
        let elsewhere = try one("SELECT place_id FROM main.case_file WHERE place_id <> (SELECT place_id FROM main.case_file WHERE id = '\(busy)') LIMIT 1")
        try afterEditing("a case moved to another place", "UPDATE main.case_file SET place_id = '\(elsewhere)' WHERE id = '\(busy)'")
        try afterEditing("a case closed and its day moved",
                         "UPDATE main.case_file SET status = 'closed', closed_at = '2026-01-02T10:00:00Z' WHERE id = '\(busy)'")
        try afterEditing("the case opened again", "UPDATE main.case_file SET status = 'open', closed_at = NULL WHERE id = '\(busy)'")
        let need = try one("SELECT need_id FROM main.referral WHERE case_id = '\(busy)' ORDER BY need_id LIMIT 1")
        let other = try one("SELECT id FROM main.case_file WHERE id <> '\(busy)' ORDER BY id LIMIT 1")
        try afterEditing("a need changed kind, urgency, state and return",
                         "UPDATE main.need SET category = 'food', urgency = 'urgent', state = 'open', returned = 1 WHERE id = '\(need)'")
        try afterEditing("a need raised earlier", "UPDATE main.need SET created_at = '2020-01-01T00:00:00Z' WHERE id = '\(need)'")
        try afterEditing("a need moved to another case", "UPDATE main.need SET case_id = '\(other)' WHERE id = '\(need)'")
        let referral = try one("SELECT id FROM main.referral WHERE need_id = '\(need)' LIMIT 1")
        try afterEditing("a referral answered and sent earlier",
                         "UPDATE main.referral SET state = 'declined', sent_at = '2020-01-01T01:30:00Z' WHERE id = '\(referral)'")
        let service = try one("SELECT service_id FROM main.referral WHERE id = '\(referral)'")
        let agency = try one("SELECT id FROM main.agency WHERE id <> (SELECT agency_id FROM main.service WHERE id = '\(service)') LIMIT 1")
        try afterEditing("a service handed to another agency", "UPDATE main.service SET agency_id = '\(agency)' WHERE id = '\(service)'")
        try afterEditing("a return recorded",
                         """
                         INSERT INTO main.case_event (id, case_id, kind, subject_id, by_id, at)
                         SELECT 'event-tally', '\(other)', 'need-returned', '\(need)', lead_id, '2020-01-02T00:00:00Z'
                         FROM main.case_file WHERE id = '\(other)'
                         """)
        try afterEditing("the return moved to another need", "UPDATE main.case_event SET subject_id = '\(referral)' WHERE id = 'event-tally'")
        try afterEditing("the return struck out", "DELETE FROM main.case_event WHERE id = 'event-tally'")
        try afterEditing("a referral deleted", "DELETE FROM main.referral WHERE id = '\(referral)'")
        try afterEditing("a case deleted before its records (as a merge may)",
                         """
                         DELETE FROM main.case_file WHERE id = '\(busy)';
                         DELETE FROM main.consent_override WHERE referral_id IN (SELECT id FROM main.referral WHERE case_id = '\(busy)');
                         DELETE FROM main.case_event WHERE case_id = '\(busy)';
                         DELETE FROM main.referral WHERE case_id = '\(busy)';
                         DELETE FROM main.need WHERE case_id = '\(busy)';
                         DELETE FROM main.note WHERE case_id = '\(busy)';
                         DELETE FROM main.lead_change WHERE case_id = '\(busy)';
                         DELETE FROM main.consent WHERE case_id = '\(busy)';
                         """)
        try store.rebuildFromOpLog()
        XCTAssertEqual(try store.tallyDrift(), [], "after a rebuild from the log")
    }

    /// A merge bringing more than the store holds (a new laptop's first sync)
    /// counts the tallies once at the end: they equal a recount, the triggers
    /// are back, and a later change is counted.
    func testAFirstSyncCountsTheTalliesOnceAndPutsTheTriggersBack() throws {
        let laptop = try PlaceStore.open(at: folder.appendingPathComponent("laptop.sqlite").path, create: true)
        let ops = try store.allOps()
        XCTAssertEqual(try laptop.importOps(ops).new, ops.count)
        XCTAssertEqual(try laptop.tallyDrift(), [], "after the first sync")
        let triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        XCTAssertEqual(try laptop.writer.read { try Row.fetchAll($0, sql: triggers) },
                       try store.writer.read { try Row.fetchAll($0, sql: triggers) })
        let waiting = "SELECT COUNT(*) FROM tally_waiting"
        let before = try XCTUnwrap(try laptop.writer.read { try Int.fetchOne($0, sql: waiting) })
        try laptop.writer.write { db in
            try db.execute(sql: "UPDATE main.need SET state = 'closed' WHERE id = (SELECT need_id FROM tally_waiting LIMIT 1)")
        }
        XCTAssertEqual(try laptop.writer.read { try Int.fetchOne($0, sql: waiting) }, before - 1)
        XCTAssertEqual(try laptop.tallyDrift(), [], "after a change once synced")
    }

    func testADriftingTallyIsFound() throws {
        try store.writer.write { db in
            try db.execute(sql: """
                UPDATE tally_referral SET n = n + 1
                WHERE (place_id, agency_id, state) = (SELECT place_id, agency_id, state FROM tally_referral LIMIT 1)
                """)
        }
        XCTAssertEqual(try store.tallyDrift(), ["tally_referral"])
    }
}
