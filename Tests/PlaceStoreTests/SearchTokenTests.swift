import Crypto
import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import TestSupport
import XCTest

/// Residents found through keyed tokens of the beginnings of their words:
/// the tokens follow every change, say nothing without the team key, go
/// with an erasure, and are made again when they are missing.
final class SearchTokenTests: XCTestCase {
    private var store: PlaceStore!

    override func setUpWithError() throws {
        store = try Fixtures.emptyStore()
        try Fixtures.populateTeam(store)
        let keys = try store.createTeamKeys(passphrases: ["member-ann": "team passphrase", "member-ben": "team passphrase"], by: nil)
        store.useKeys(keys)
        try store.refreshSearchTokens()
        try Fixtures.populateCase(store)
        try store.write(by: "member-ann", [try .create(Resident(
            id: "res-2", givenName: "Hamish", familyName: "Ó Briain", dateOfBirth: "1990-01-02", postcode: "KY8 3AB",
            placeID: "place-alpha"))])
    }

    private func ben() throws -> ActingMember {
        ActingMember(member: try XCTUnwrap(store.member("member-ben")), tree: try store.placeTree())
    }

    private func find(_ text: String) throws -> [String] {
        try store.residents(matching: text, for: ben()).map(\.id.rawValue)
    }

    private func tokens(of resident: String) throws -> Int {
        try store.writer.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM main.resident_token WHERE resident_id = ?", arguments: [resident]) ?? 0
        }
    }

    func testATokenIsTheFirstEightBytesOfItsKeyedHash() {
        // Tokens already stored must keep matching: known answers (HMAC-SHA256, big-endian, signed).
        let key = SymmetricKey(data: Data(repeating: 7, count: 32))
        XCTAssertEqual(SearchTokens.token("w|ann", key: key), -3_807_193_708_181_353_678)
        XCTAssertEqual(SearchTokens.dateToken("1990-01-02", key: key), 4_577_723_030_308_068_026)
        let all = SearchTokens.tokens(givenName: "Ann", familyName: "Bo", postcode: nil, dateOfBirth: "1990-01-02", key: key)
        XCTAssertEqual(all, Set(["w|a", "w|an", "w|ann", "w|b", "w|bo"].map { SearchTokens.token($0, key: key) }
            + [4_577_723_030_308_068_026]))
        XCTAssertTrue(all.contains(-3_807_193_708_181_353_678))
    }

    func testResidentsAreFoundByTheBeginningsOfTheirWordsThroughTheTokens() throws {
        XCTAssertNotNil(try store.writer.read { try self.store.currentSearchKey($0) }, "the tokens are current")
        XCTAssertEqual(try find("Test"), ["res-1"])
        XCTAssertEqual(try find("iona TESTCASE"), ["res-1"], "every word, any case")
        XCTAssertEqual(try find("obri"), [], "a word begins where the name's word does")
        XCTAssertEqual(try find("o briain"), ["res-2"], "accents folded")
        XCTAssertEqual(try find("ky8 3a"), ["res-2"], "postcodes too")
        XCTAssertEqual(try find("ky"), ["res-1", "res-2"], "both postcodes, by family name")
        XCTAssertEqual(try find("tcase"), [], "not the middle of a word")
        XCTAssertEqual(try find("res-2"), ["res-2"], "an id")
        XCTAssertEqual(try store.residents(matching: "ky", limit: 1, for: ben()).map(\.id), ["res-1"],
                       "past the limit, the first by id")
        XCTAssertEqual(try find("Hamishly"), [], "a word longer than any of theirs is checked opened")
        XCTAssertEqual(try store.residents(bornOn: "1990-01-02").map(\.id), ["res-1", "res-2"])

        try store.write(by: "member-ann", [.set(Resident.self, id: "res-2", "family_name", to: .string("Hamilton"))])
        XCTAssertEqual(try find("briain"), [], "a changed name is no longer found by the old one")
        XCTAssertEqual(try find("hamil"), ["res-2"])

        let stored = try store.writer.read {
            try Row.fetchAll($0, sql: "SELECT typeof(token) AS kind, COUNT(*) AS n FROM main.resident_token GROUP BY kind")
        }
        XCTAssertEqual(stored.map { $0["kind"] as String }, ["integer"], "tokens are numbers, not text")
        XCTAssertGreaterThan(try tokens(of: "res-2"), 10)
    }

    func testAWordRepeatedCountsOnceAndASearchOverItsLimitIsRefused() throws {
        XCTAssertEqual(try find(String(repeating: "ky8 ", count: 25)), ["res-2"], "100 characters, one word")
        let tooLong = String(repeating: "ky8 ", count: 25) + "3"
        XCTAssertThrowsError(try find(tooLong)) {
            XCTAssertEqual($0 as? CaseRuleViolation, .searchTooLong(limit: ResidentSearch.maximumLength))
        }
        XCTAssertEqual(try find("  " + String(repeating: "k", count: 100) + "  "), [], "the limit counts the trimmed text")
    }

    func testErasingAResidentDeletesTheirTokens() throws {
        try store.write(by: "member-ben", [.set(Need.self, id: "need-1", "state", to: .string("closed")),
                                           .set(Case.self, id: "case-1", "status", to: .string("closed"))])
        XCTAssertGreaterThan(try tokens(of: "res-1"), 0)
        _ = try store.eraseResident("res-1", reason: "Request ER-1", by: ben())
        XCTAssertEqual(try tokens(of: "res-1"), 0)
        XCTAssertEqual(try find("iona"), [])
        XCTAssertEqual(try store.residents(bornOn: "1990-01-02").map(\.id), ["res-2"])
    }

    func testMissingTokensAreMadeAgainAndSearchOpensEveryoneMeanwhile() throws {
        try store.writer.write { db in
            try db.execute(sql: "DELETE FROM main.resident_token")
            try db.execute(sql: "DELETE FROM local_setting WHERE key = 'resident_tokens'")
        }
        XCTAssertNil(try store.writer.read { try self.store.currentSearchKey($0) })
        XCTAssertEqual(try find("hamish"), ["res-2"], "without tokens every resident is opened")
        try store.refreshSearchTokens()
        XCTAssertGreaterThan(try tokens(of: "res-2"), 0)
        XCTAssertEqual(try find("hamish"), ["res-2"])

        store.useKeys(TeamKeyring.fresh())
        XCTAssertNil(try store.writer.read { try self.store.currentSearchKey($0) },
                     "tokens made with another team key are not used")
    }
}
