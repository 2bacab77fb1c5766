import Foundation
import PlaceDomain
@testable import PlaceStore
@testable import PlaceSync
import TestSupport
import XCTest

/// A lost laptop revoked: its bundles are refused, a new team key seals what
/// comes next, and the other laptops take the new key at their next sign-in.
final class RevokeTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    static let admin = Member(id: "member-ada", name: "Ada Admin", agencyID: "agency-council", role: .admin,
                              placeIDs: ["place-shire"])

    func testARevokedLaptopReadsNothingNewAndTheOthersSignInAgain() throws {
        let a = try PlaceStore.open(at: folder.appendingPathComponent("a.sqlite").path, create: true, device: "device-a")
        try Fixtures.populate(a)
        try a.write(by: nil, [try .create(Self.admin)])
        let keys = try a.createTeamKeys(
            passphrases: ["member-ann": "ann passphrase", "member-ben": "ben passphrase", "member-ada": "ada passphrase"], by: nil)
        let teamA = try TeamMembership.create(in: a, keys: keys, deviceName: "Laptop A")
        var laptops: [(PlaceStore, TeamMembership)] = []
        for name in ["b", "c"] {
            let invite = try teamA.invite(from: a, deviceName: "Laptop \(name)")
            let store = try TeamMembership.join(invite: invite, at: folder.appendingPathComponent("\(name).sqlite").path)
            let signedIn = try store.signIn("member-ben", passphrase: "ben passphrase")
            let team = try TeamMembership.of(store, keys: signedIn.keyring)
            _ = try team.importBundle(try teamA.exportBundle(from: a).data, into: store)
            laptops.append((store, team))
        }
        let (b, teamB) = laptops[0], (c, teamC) = laptops[1]

        XCTAssertThrowsError(try teamA.revoke(c.deviceID, in: a, by: try a.signIn("member-ben", passphrase: "ben passphrase"))) {
            XCTAssertEqual($0 as? SyncError, .notPermitted("only admins revoke devices"))
        }
        let rotated = try teamA.revoke(c.deviceID, in: a, by: try a.signIn("member-ada", passphrase: "ada passphrase"))
        XCTAssertEqual(rotated.keys.currentGeneration, 2)
        try a.write(by: "member-ben", [.set(Place.self, id: "place-beta", "name", to: .string("Beta After"))])
        let bundle = try rotated.exportBundle(from: a).data

        // B, signed in before the rotation, learns of the new key and is asked to sign in again.
        XCTAssertThrowsError(try teamB.importBundle(bundle, into: b)) { XCTAssertEqual($0 as? SyncError, .teamKeyChanged) }
        XCTAssertEqual(try b.place("place-beta")?.name, "Beta")
        let again = try b.signIn("member-ben", passphrase: "ben passphrase")
        XCTAssertEqual(again.keyring.currentGeneration, 2)
        _ = try TeamMembership.of(b, keys: again.keyring).importBundle(bundle, into: b)
        XCTAssertEqual(try b.place("place-beta")?.name, "Beta After")

        // C, the lost laptop, with the keys it had: nothing new opens.
        XCTAssertThrowsError(try teamC.importBundle(bundle, into: c)) { XCTAssertEqual($0 as? SyncError, .teamKeyChanged) }
        XCTAssertEqual(try c.place("place-beta")?.name, "Beta", "the revoked laptop reads nothing new")
        // And what it sends is refused.
        try c.write(by: "member-ben", [.set(Place.self, id: "place-gamma", "name", to: .string("Gamma Stolen"))])
        XCTAssertThrowsError(try rotated.importBundle(try teamC.exportBundle(from: c).data, into: a)) {
            XCTAssertEqual($0 as? SyncError, .revokedDevice(c.deviceID.rawValue))
        }
        XCTAssertEqual(try a.place("place-gamma")?.name, "Gamma")
    }

    func testADisabledMemberIsNotGrantedTheNewKey() throws {
        let store = try Fixtures.smallPlace()
        try store.write(by: nil, [try .create(Self.admin)])
        let keys = try store.createTeamKeys(passphrases: ["member-ann": "ann passphrase", "member-ada": "ada passphrase"], by: nil)
        let admin = try store.signIn("member-ada", passphrase: "ada passphrase")
        try store.disableMember("member-ann", reassigningTo: "member-ben", by: admin, now: Fixtures.start)
        let (rotated, grants) = try store.rotationChanges(from: keys, by: "member-ada")
        XCTAssertEqual(rotated.currentGeneration, 2)
        XCTAssertEqual(grants.map(\.entityID).filter { $0.contains("member-ann") }, [], "the leaver gets no grant")
        XCTAssertEqual(grants.count, 1, "only the admin has a passphrase and is not disabled")
    }
}
