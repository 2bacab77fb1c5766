import Foundation
import PlaceDomain
@testable import PlaceStore
@testable import PlaceSync
import TestSupport
import XCTest

/// A resident's erasure reaches every laptop, by bundle and through the hub:
/// each destroys the key, and no bundle made before and no hub row can bring
/// it back.
final class ErasureSyncTests: HubTestCase {
    /// Laptop A, with a sealed team (keys made before any personal detail), and `count` laptops joined from it.
    func team(joined count: Int) throws -> (keys: TeamKeyring, laptops: [(PlaceStore, TeamMembership)]) {
        let a = try PlaceStore.open(at: folder.appendingPathComponent("a.sqlite").path, create: true, device: "device-a")
        try Fixtures.populateTeam(a)
        let keys = try a.createTeamKeys(passphrases: ["member-ann": "ann passphrase", "member-ben": "ben passphrase"], by: nil)
        a.useKeys(keys)
        try Fixtures.populateCase(a)
        let teamA = try TeamMembership.create(in: a, keys: keys, deviceName: "Laptop A")
        var laptops = [(a, teamA)]
        for index in 0..<count {
            let invite = try teamA.invite(from: a, deviceName: "Laptop \(index + 2)")
            let joined = try TeamMembership.join(invite: invite, at: folder.appendingPathComponent("\(index).sqlite").path)
            joined.useKeys(keys)
            laptops.append((joined, try TeamMembership.of(joined, keys: keys)))
        }
        return (keys, laptops)
    }

    func erase(on store: PlaceStore) throws {
        try store.write(by: "member-ben", [.set(Need.self, id: "need-1", "state", to: .string("closed")),
                                           .set(Case.self, id: "case-1", "status", to: .string("closed"))])
        let ben = ActingMember(member: try XCTUnwrap(store.member("member-ben")), tree: try store.placeTree())
        XCTAssertEqual(try store.eraseResident("res-1", reason: "Erasure request ER-7", by: ben), ["res-1"])
    }

    func assertErased(_ store: PlaceStore, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try store.resident("res-1")?.givenName, "(erased)", message, file: file, line: line)
        XCTAssertTrue(try store.isErased("res-1"), message, file: file, line: line)
        XCTAssertFalse(try store.writer.read {
            try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM op WHERE entity = 'sealing_key')") ?? true
        }, "no key op left: \(message)", file: file, line: line)
    }

    func testErasureTravelsByBundleAndABundleMadeBeforeCannotUndoIt() throws {
        let (_, laptops) = try team(joined: 2)
        let (a, teamA) = laptops[0], (b, teamB) = laptops[1], (c, teamC) = laptops[2]
        let before = try teamA.exportBundle(from: a).data
        _ = try teamB.importBundle(before, into: b)
        XCTAssertEqual(try b.resident("res-1")?.givenName, "Iona", "B read her details before the erasure")

        try erase(on: a)
        try assertErased(a, "on the laptop that erased")
        _ = try teamB.importBundle(try teamA.exportBundle(from: a, for: b.deviceID).data, into: b)
        try assertErased(b, "after the erasure's bundle")
        _ = try teamB.importBundle(before, into: b)
        try assertErased(b, "an older bundle, imported again, brings nothing back")
        XCTAssertEqual(try b.stateDigest(), try a.stateDigest())

        // C hears of the erasure first, then meets the old bundle.
        _ = try teamC.importBundle(try teamA.exportBundle(from: a).data, into: c)
        _ = try teamC.importBundle(before, into: c)
        try assertErased(c, "a laptop that never had the key")
        let cases = { (store: PlaceStore) in try store.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM case_file") } }
        XCTAssertEqual(try cases(c), try cases(a), "counts stay")
    }

    func testErasureTravelsThroughTheHubAndTheHubForgetsTheKey() async throws {
        let (_, laptops) = try team(joined: 2)
        let hub = try HubAddress(url: try pg.url())
        let password = try pg.password
        let (a, teamA) = laptops[0], (b, teamB) = laptops[1], (c, teamC) = laptops[2]
        _ = try await teamA.syncWithHub(a, at: hub, password: password)
        _ = try await teamB.syncWithHub(b, at: hub, password: password)
        XCTAssertEqual(try b.resident("res-1")?.givenName, "Iona")
        let keyRow = "SELECT count(*) FROM thistle_op WHERE op_id = '\(PlaceStore.keyOpID("res-1"))'"
        XCTAssertEqual(try pg.psql(keyRow), "1", "the key's op is on the hub, sealed")

        try erase(on: a)
        _ = try await teamA.syncWithHub(a, at: hub, password: password)
        XCTAssertEqual(try pg.psql(keyRow), "0", "the hub forgot the key")
        _ = try await teamB.syncWithHub(b, at: hub, password: password)
        try assertErased(b, "after pulling the erasure")
        _ = try await teamC.syncWithHub(c, at: hub, password: password)
        try assertErased(c, "a laptop whose first pull comes after the erasure")
        _ = try await teamB.syncWithHub(b, at: hub, password: password)
        XCTAssertEqual(try pg.psql(keyRow), "0", "and no laptop pushes it back")
    }
}
