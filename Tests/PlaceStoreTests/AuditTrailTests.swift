import Crypto
import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import TestSupport
import XCTest

/// The audit trail: who opened, changed or exported what, in a hash chain
/// per device, signed once the device has its key; any edit, removal,
/// insertion or reordering by raw SQL is caught by `verifyAudit`.
final class AuditTrailTests: XCTestCase {
    private var store: PlaceStore!
    private var ann: ActingMember!
    private let key = Curve25519.Signing.PrivateKey()

    /// The small place on a device enrolled with `key`, which signs from now on.
    override func setUpWithError() throws {
        store = try Fixtures.smallPlace()
        try store.write(by: nil, [Change(entity: .device, entityID: store.deviceID.rawValue, field: Op.wholeRecord, value: .object([
            "id": .string(store.deviceID.rawValue), "name": .string("Laptop"),
            "public_key": .string(key.publicKey.rawRepresentation.base64EncodedString()),
            "enrolled_at": .string("2026-09-21T14:13:20Z"),
        ]))])
        store.signAuditEntries(with: key)
        ann = ActingMember(member: try XCTUnwrap(store.member("member-ann")), tree: try store.placeTree())
        _ = try store.readCase("case-1", by: ann)
        let file = try XCTUnwrap(store.caseFile("case-1"))
        try store.save(try file.addNeed(NewNeed(id: "need-2", category: "housing", urgency: .soon), by: ann, now: Fixtures.start),
                       replacing: file, by: ann.id)
        try store.recordExport("dashboard report of place-alpha as html", by: ann.id)
    }

    func entries() throws -> [AuditEntry] {
        try store.writer.read { try AuditEntry.fetchAll($0, sql: "SELECT * FROM audit_entry ORDER BY seq") }
    }

    func testOpeningChangingAndExportingAreRecordedWithWhoWhatAndWhere() throws {
        let forCase = try store.auditEntries(forCase: "case-1")
        XCTAssertEqual(forCase.map(\.action), [.change, .view, .change], "newest first: the need, the opening, the logging")
        XCTAssertEqual(forCase[0].memberID, "member-ann")
        XCTAssertTrue(forCase[0].detail.contains("need ×1"), forCase[0].detail)
        XCTAssertEqual(forCase[1].detail, "opened the case")
        XCTAssertTrue(forCase.allSatisfy { $0.deviceID == "device-test" })
        XCTAssertTrue(try entries().contains { $0.action == .export && $0.caseID == nil })
        let redacted = ActingMember(member: Member(id: "member-x", name: "X", agencyID: "agency-advice", role: .analyst,
                                                   placeIDs: ["place-shire"]), tree: try store.placeTree())
        let before = try entries().count
        _ = try store.readCase("case-1", by: redacted)
        XCTAssertEqual(try entries().count, before, "a redacted row is not an opening")
    }

    func testAnUntouchedTrailVerifiesAndIsSignedFromEnrolmentOn() throws {
        let report = try store.verifyAudit()
        XCTAssertTrue(report.isIntact, "\(report.problems)")
        let all = try entries()
        XCTAssertEqual(all.map(\.seq), Array(1...all.count))
        XCTAssertNil(all[0].signature, "the small place was written before the device had its key")
        XCTAssertNotNil(all.last?.signature)
        XCTAssertEqual(report.chains.first?.signed, all.filter { $0.signature != nil }.count)
    }

    /// Each tampering, done on a fresh copy of the trail, is named by verify.
    func testEveryKindOfTamperingByRawSQLIsCaught() throws {
        let all = try entries()
        let tamperings: [(String, (Database) throws -> Void)] = all.flatMap { entry -> [(String, (Database) throws -> Void)] in
            [
                ("edit detail of \(entry.seq)", { try $0.execute(sql: "UPDATE audit_entry SET detail = 'nothing to see' WHERE id = ?", arguments: [entry.id]) }),
                ("edit member of \(entry.seq)", { try $0.execute(sql: "UPDATE audit_entry SET member_id = 'member-ben' WHERE id = ?", arguments: [entry.id]) }),
                ("remove \(entry.seq)", { try $0.execute(sql: "DELETE FROM audit_entry WHERE id = ?", arguments: [entry.id]) }),
            ]
        } + [
            ("swap two entries' numbers", { db in
                try db.execute(sql: "UPDATE audit_entry SET seq = 99 WHERE id = ?", arguments: [all[1].id])
                try db.execute(sql: "UPDATE audit_entry SET seq = ? WHERE id = ?", arguments: [all[1].seq, all[2].id])
                try db.execute(sql: "UPDATE audit_entry SET seq = ? WHERE id = ?", arguments: [all[2].seq, all[1].id])
            }),
            ("insert a row", { db in
                try db.execute(sql: """
                    INSERT INTO audit_entry (id, device_id, seq, at, member_id, action, case_id, detail, prev_hash, hash)
                    SELECT 'audit-forged', device_id, seq + 1, at, member_id, action, case_id, detail, hash, hash
                    FROM audit_entry ORDER BY seq DESC LIMIT 1
                    """)
            }),
            ("rewrite the last entry in the op log with a fresh hash", { db in
                try db.execute(sql: "DROP TRIGGER op_is_append_only_update")
                let last = all.last!
                var forged = last
                forged.memberID = "member-ben"
                forged.hash = forged.computedHash
                let value = try RecordCoding.jsonObject(forged)
                try db.execute(sql: "UPDATE op SET value = ? WHERE entity_id = ?", arguments: [value.jsonText, last.id])
                try db.execute(sql: "UPDATE audit_entry SET member_id = 'member-ben', hash = ? WHERE id = ?",
                               arguments: [forged.hash, last.id])
            }),
            ("remove an entry from the op log and the table", { db in
                try db.execute(sql: "DROP TRIGGER op_is_append_only_delete")
                try db.execute(sql: "DELETE FROM op WHERE entity_id = ?", arguments: [all[2].id])
                try db.execute(sql: "DELETE FROM audit_entry WHERE id = ?", arguments: [all[2].id])
            }),
        ]
        XCTAssertGreaterThan(tamperings.count, 10)
        for (name, tamper) in tamperings {
            let copy = try Fixtures.emptyStore(seed: 9)
            try copy.writer.write { db in
                for op in try store.writer.read({ try Op.fetchAll($0, sql: "SELECT * FROM op ORDER BY hlc") }) { try op.insert(db) }
            }
            try copy.rebuildFromOpLog()
            XCTAssertTrue(try copy.verifyAudit().isIntact, "the copy starts intact")
            try copy.writer.write { try tamper($0) }
            let report = try copy.verifyAudit()
            XCTAssertFalse(report.isIntact, "\(name) went unnoticed")
        }
    }

    func testSecretsCompareWithoutShortcuts() {
        XCTAssertTrue(Secrets.equal(Data("correct horse".utf8), Data("correct horse".utf8)))
        XCTAssertFalse(Secrets.equal(Data("correct horse".utf8), Data("correct hors".utf8)))
        XCTAssertFalse(Secrets.equal(Data("correct horse".utf8), Data("correct horsf".utf8)))
        XCTAssertFalse(Secrets.equal(Data(), Data([0])))
        // A guess wrong in its first byte takes as long to refuse as one wrong
        // in its last: a comparison that stops early would be hundreds of times faster.
        let secret = Data(repeating: 7, count: 65_536)
        var early = secret, late = secret
        early[0] = 8
        late[late.count - 1] = 8
        func time(_ guess: Data) -> TimeInterval {
            let start = Date()
            for _ in 0..<20 { _ = Secrets.equal(secret, guess) }
            return Date().timeIntervalSince(start)
        }
        _ = time(early)
        let ratio = time(late) / max(time(early), 1e-9)
        XCTAssertLessThan(ratio, 4, "late/early = \(ratio)")
        XCTAssertGreaterThan(ratio, 0.25, "late/early = \(ratio)")
    }
}
