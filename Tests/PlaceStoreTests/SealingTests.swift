import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import TestSupport
import XCTest

/// Personal details at rest: sealed in the tables and the op log under the
/// resident's own key, opened only with the team's keys, bound to their
/// row and field; erasing the resident destroys the key.
final class SealingTests: XCTestCase {
    private var store: PlaceStore!
    private var keys: TeamKeyring!

    override func setUpWithError() throws {
        try prepare(try Fixtures.emptyStore())
    }

    /// The team, its keys and resident res-1's case-1 with a note, in `store`.
    private func prepare(_ store: PlaceStore) throws {
        self.store = store
        try Fixtures.populateTeam(store)
        keys = try store.createTeamKeys(passphrases: ["member-ann": "team passphrase", "member-ben": "team passphrase"], by: nil)
        store.useKeys(keys)
        try Fixtures.populateCase(store)
        try store.write(by: "member-ann", [try .create(Note(id: "note-1", caseID: "case-1", text: "Rent arrears since May.",
                                                          byID: "member-ann", at: Fixtures.start))])
    }

    private func raw(_ sql: String) throws -> [String] {
        try store.writer.read { try String.fetchAll($0, sql: sql) }
    }

    /// Ends case-1 (its need, then the case): an erasure waits for that.
    private func closeTheCase() throws {
        try store.write(by: "member-ben", [.set(Need.self, id: "need-1", "state", to: .string("closed")),
                                           .set(Case.self, id: "case-1", "status", to: .string("closed"))])
    }

    private func ben() throws -> ActingMember {
        ActingMember(member: try XCTUnwrap(store.member("member-ben")), tree: try store.placeTree())
    }

    /// A whole case in one write — its resident, the case, a closed need and
    /// a declined referral, each kind's rows inserted together — sealed under
    /// the resident's key: sealing the need and the referral reads the case
    /// written just before them.
    func testACaseWrittenWholeInOneWriteIsSealedUnderItsResidentsKey() throws {
        let resident = Resident(id: "res-2", givenName: "Morven", familyName: "Testwhole", dateOfBirth: "1985-03-04",
                                postcode: "KY2 2ZZ", placeID: "place-alpha")
        let item = Case(id: "case-2", residentID: "res-2", placeID: "place-alpha", doorAgencyID: "agency-council",
                        doorMemberID: "member-ann", leadID: "member-ann", openedAt: Fixtures.start, summary: "Whole.")
        let need = Need(id: "need-2", caseID: "case-2", category: "food", urgency: .soon, state: .closed,
                        createdAt: Fixtures.start, closedAt: Fixtures.start, closedByID: "member-ann",
                        closedReason: "Met by a neighbour.")
        let referral = Referral(id: "ref-2", needID: "need-2", caseID: "case-2", serviceID: "service-food",
                                state: .declined, sentAt: Fixtures.start, sentByID: "member-ann",
                                respondedAt: Fixtures.start, respondedByID: "member-ben", reason: "Outside our area.")
        try store.write(by: "member-ann", [try .create(resident), try .create(item), try .create(need), try .create(referral)])
        let stored = try raw("""
            SELECT summary FROM main.case_file WHERE id = 'case-2' UNION ALL SELECT closed_reason FROM main.need WHERE id = 'need-2'
            UNION ALL SELECT reason FROM main.referral WHERE id = 'ref-2'
            """)
        XCTAssertEqual(stored.count, 3)
        for value in stored { XCTAssertTrue(value.hasPrefix("sealed:v1:r=res-2:"), value) }
        let file = try XCTUnwrap(store.caseFile("case-2"))
        XCTAssertEqual(file.needs.map(\.closedReason), ["Met by a neighbour."])
        XCTAssertEqual(file.referrals.map(\.reason), ["Outside our area."])
    }

    func testTheFileHoldsOnlySealedValuesAndReadsOpenThem() throws {
        let stored = try raw("""
            SELECT given_name FROM main.resident UNION ALL SELECT family_name FROM main.resident
            UNION ALL SELECT postcode FROM main.resident UNION ALL SELECT date_of_birth FROM main.resident
            UNION ALL SELECT text FROM main.note UNION ALL SELECT summary FROM main.case_file
            """)
        XCTAssertEqual(stored.count, 6)
        for value in stored { XCTAssertTrue(value.hasPrefix("sealed:v1:r=res-1:"), value) }
        let log = try raw("SELECT value FROM op").joined(separator: "\n")
        for secret in ["Iona", "Testcase", "KY1 1ZZ", "1990-01-02", "Rent arrears", "Synthetic."] {
            XCTAssertFalse(log.contains(secret), "\(secret) is in the op log")
        }
        let resident = try XCTUnwrap(store.resident("res-1"))
        XCTAssertEqual([resident.givenName, resident.familyName, resident.postcode, resident.dateOfBirth],
                       ["Iona", "Testcase", "KY1 1ZZ", "1990-01-02"])
        XCTAssertEqual(try store.notes(on: "case-1").map(\.text), ["Rent arrears since May."])
        XCTAssertEqual(try store.residents(matching: "testc", for: ben()).map(\.id), ["res-1"], "search works on opened names")
        XCTAssertEqual(try store.residents(bornOn: "1990-01-02").map(\.id), ["res-1"], "so does the duplicate check")
    }

    func testASealedValueMovedToAnotherRowOrFieldDoesNotOpen() throws {
        try store.write(by: "member-ann", [try .create(Resident(
            id: "res-2", givenName: "Other", familyName: "Person", dateOfBirth: nil, postcode: nil, placeID: "place-alpha"))])
        try store.writer.write { db in
            try db.execute(sql: "UPDATE main.resident SET family_name = given_name WHERE id = 'res-1'")
            try db.execute(sql: """
                UPDATE main.resident SET given_name = (SELECT given_name FROM main.resident WHERE id = 'res-1') WHERE id = 'res-2'
                """)
        }
        XCTAssertEqual(try store.resident("res-1")?.familyName, "(unreadable)", "moved to another field")
        XCTAssertEqual(try store.resident("res-2")?.givenName, "(unreadable)", "moved to another row")
        XCTAssertEqual(try store.resident("res-1")?.givenName, "Iona")
    }

    func testWithoutTheKeysNothingOpensAndNothingPersonalIsWritten() throws {
        store.useKeys(nil)
        XCTAssertEqual(try store.resident("res-1")?.givenName, "(locked)")
        XCTAssertNil(try store.resident("res-1")?.postcode, "a column that may be empty reads empty")
        let ops = try store.logCounts().ops
        XCTAssertThrowsError(try store.write(by: "member-ann", [.set(Resident.self, id: "res-1", "postcode", to: .string("KY2 2ZZ"))])) {
            XCTAssertEqual($0 as? StoreError, .locked)
        }
        XCTAssertEqual(try store.logCounts().ops, ops, "nothing written")
        try store.write(by: "member-ann", [.set(Place.self, id: "place-beta", "population", to: .int(801))])
        XCTAssertEqual(try store.place("place-beta")?.population, 801, "what is not personal is written as ever")
        store.useKeys(.fresh())
        XCTAssertEqual(try store.resident("res-1")?.givenName, "(unreadable)", "another team's key opens nothing")
    }

    func testErasureDestroysTheKeyAndKeepsTheCounts() throws {
        let cases = try raw("SELECT count(*) FROM case_file")
        XCTAssertThrowsError(try store.eraseResident("res-1", reason: "  ", by: ben())) {
            XCTAssertEqual($0 as? StoreError, .invalidChange("give the reason for the erasure (--reason, up to 500 characters)"))
        }
        let ann = ActingMember(member: try XCTUnwrap(store.member("member-ann")), tree: try store.placeTree())
        XCTAssertThrowsError(try store.eraseResident("res-1", reason: "Request ER-1", by: ann)) { XCTAssertTrue($0 is NotPermitted) }
        XCTAssertThrowsError(try store.eraseResident("res-1", reason: "Request ER-1", by: ben()), "its case is open") {
            XCTAssertEqual($0 as? StoreError, .invalidChange(
                "close resident res-1's open cases first (case-1): they still need reasons recorded"))
        }
        XCTAssertEqual(try raw("SELECT id FROM main.sealing_key"), ["res-1"], "refusals changed nothing")

        try closeTheCase()
        XCTAssertEqual(try store.eraseResident("res-1", reason: "Request ER-1", by: ben()), ["res-1"])
        XCTAssertEqual(try raw("SELECT id FROM main.sealing_key"), [])
        XCTAssertEqual(try raw("SELECT id FROM op WHERE entity = 'sealing_key'"), [], "the key's op left the log")
        let resident = try XCTUnwrap(store.resident("res-1"))
        XCTAssertEqual([resident.givenName, resident.familyName], ["(erased)", "(erased)"])
        XCTAssertNil(resident.dateOfBirth)
        XCTAssertEqual(try store.notes(on: "case-1").map(\.text), ["(erased)"])
        XCTAssertEqual(try raw("SELECT count(*) FROM case_file"), cases, "counts stay")
        XCTAssertThrowsError(try store.write(by: "member-ann", [try .create(Note(
            id: "note-2", caseID: "case-1", text: "More.", byID: "member-ann", at: Fixtures.start))])) {
            XCTAssertEqual($0 as? StoreError, .erased("res-1"))
        }
        XCTAssertThrowsError(try store.eraseResident("res-1", reason: "again", by: ben()))
        XCTAssertTrue(try store.auditEntries(forCase: "case-1").contains { $0.detail == "resident's details erased" })
    }

    func testAnErasureIsMarkedAsTheLastWriteOfItsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("erasure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("laptop.sqlite").path
        try prepare(try PlaceStore.open(at: path, create: true, device: "device-test"))
        try closeTheCase()
        _ = try store.eraseResident("res-1", reason: "Request ER-3", by: ben())
        let marked = try String(contentsOfFile: path + "-last-write", encoding: .utf8)
        XCTAssertEqual(marked, try store.writer.read { try PlaceStore.lastHLC($0) }.description,
                       "a -wal lost after the erasure would be noticed")
        try store.close()
    }

    func testAKeyComingBackAfterTheErasureStaysOut() throws {
        let keyOp = try XCTUnwrap(store.writer.read { try Op.fetchOne($0, sql: "SELECT * FROM op WHERE entity = 'sealing_key'") })
        try closeTheCase()
        _ = try store.eraseResident("res-1", reason: "Request ER-2", by: ben())
        _ = try store.importOps([keyOp])
        XCTAssertEqual(try raw("SELECT id FROM main.sealing_key"), [], "an old bundle's key is kept out")
        XCTAssertEqual(try raw("SELECT id FROM op WHERE entity = 'sealing_key'"), [])
        XCTAssertEqual(try store.resident("res-1")?.givenName, "(erased)")
    }

    func testTwoLaptopsSettingTheSameNameAgreeAndDifferentNamesConflictInTheClear() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = try PlaceStore.open(at: folder.appendingPathComponent("b.sqlite").path, create: true, device: "device-b")
        other.useKeys(keys)
        _ = try other.importOps(try store.writer.read { try Op.fetchAll($0, sql: "SELECT * FROM op ORDER BY hlc") })
        XCTAssertEqual(try other.resident("res-1")?.givenName, "Iona")
        for laptop in [store!, other] {
            try laptop.write(by: "member-ann", [.set(Resident.self, id: "res-1", "postcode", to: .string("KY3 3ZZ"))])
            try laptop.write(by: "member-ann", [.set(Resident.self, id: "res-1", "family_name",
                                                     to: .string(laptop === other ? "Testcase-Smith" : "Testcase-Jones"))])
        }
        _ = try store.importOps(try other.writer.read { try Op.fetchAll($0, sql: "SELECT * FROM op ORDER BY hlc") })
        let conflicts = try store.conflicts()
        XCTAssertEqual(conflicts.map(\.field), ["family_name"], "the same postcode, sealed twice, agrees")
        XCTAssertEqual(Set(conflicts[0].values.map(\.value)), [.string("Testcase-Smith"), .string("Testcase-Jones")])
        _ = try store.resolve(conflicts[0], with: .string("Testcase-Smith"), by: "member-ben")
        XCTAssertEqual(try store.resident("res-1")?.familyName, "Testcase-Smith")
        XCTAssertFalse(try raw("SELECT value FROM op").joined().contains("Smith"), "the chosen value is written sealed")
    }
}
