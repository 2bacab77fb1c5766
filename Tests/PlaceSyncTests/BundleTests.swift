import Foundation
import PlaceDomain
import PlaceStore
@testable import PlaceSync
import TestSupport
import XCTest

/// Two laptops of one team exchange signed, encrypted bundles: they
/// converge, importing twice changes nothing, and a damaged bundle, one
/// from another team or from a device not enrolled is refused with nothing changed.
final class BundleTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// Device A with the small place and a team; device B joined from A's invite, holding A's ops.
    func pair() throws -> (PlaceStore, TeamMembership, PlaceStore, TeamMembership) {
        let a = try PlaceStore.open(at: folder.appendingPathComponent("a.sqlite").path, create: true, device: "device-a")
        try Fixtures.populate(a)
        let teamA = try TeamMembership.create(in: a, keys: teamKeys, deviceName: "Laptop A")
        let invite = try teamA.invite(from: a, deviceName: "Laptop B")
        let b = try TeamMembership.join(invite: invite, at: folder.appendingPathComponent("b.sqlite").path)
        let teamB = try TeamMembership.of(b, keys: teamKeys)
        _ = try teamB.importBundle(try teamA.exportBundle(from: a).data, into: b)
        return (a, teamA, b, teamB)
    }

    func testAJoinedDeviceConvergesAndReimportingChangesNothing() throws {
        let (a, teamA, b, teamB) = try pair()
        XCTAssertEqual(try b.stateDigest(), try a.stateDigest())
        XCTAssertEqual(teamB.teamID, teamA.teamID)
        XCTAssertNotEqual(b.deviceID, a.deviceID)
        try b.write(by: "member-ann", [.set(Place.self, id: "place-beta", "population", to: .int(901))])
        let bundle = try teamB.exportBundle(from: b, for: a.deviceID)
        XCTAssertLessThan(bundle.ops, try b.logCounts().ops, "only what A lacks, by the vector A last sent")
        let first = try teamA.importBundle(bundle.data, into: a)
        XCTAssertEqual(first.new, bundle.ops - first.duplicates)
        XCTAssertGreaterThanOrEqual(first.new, 1)
        let again = try teamA.importBundle(bundle.data, into: a)
        XCTAssertEqual(again.new, 0)
        XCTAssertEqual(try a.stateDigest(), try b.stateDigest())
        XCTAssertEqual(try a.place("place-beta")?.population, 901)
    }

    func testEveryTruncationAndFlippedBytesAreRefusedAndChangeNothing() throws {
        let (a, _, b, teamB) = try pair()
        try b.write(by: "member-ann", [.set(Place.self, id: "place-beta", "population", to: .int(902))])
        let data = try teamB.exportBundle(from: b).data
        let teamA = try TeamMembership.of(a, keys: teamKeys)
        let digest = try a.stateDigest()
        let ops = try a.logCounts().ops
        // Every prefix would take long on a big bundle; this one is small, so all of them.
        for length in stride(from: 0, to: data.count, by: max(1, data.count / 400)) {
            XCTAssertThrowsError(try teamA.importBundle(data.prefix(length), into: a), "prefix \(length)")
        }
        var random = SeededRandom(seed: 5)
        for _ in 0..<200 {
            var damaged = data
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<damaged.count, using: &random)
                damaged[at] ^= UInt8.random(in: 1...255, using: &random)
            }
            if damaged == data { continue }
            do {
                _ = try teamA.importBundle(damaged, into: a)
                XCTFail("a damaged bundle was accepted")
            } catch is SyncError {
            }
        }
        XCTAssertEqual(try a.stateDigest(), digest)
        XCTAssertEqual(try a.logCounts().ops, ops)
    }

    func testBundlesFromAnotherTeamOrAnUnenrolledDeviceAreRefused() throws {
        let (a, teamA, b, teamB) = try pair()
        let other = try PlaceStore.open(at: folder.appendingPathComponent("c.sqlite").path, create: true, device: "device-c")
        let teamC = try TeamMembership.create(in: other, keys: teamKeys, deviceName: "Elsewhere")
        XCTAssertThrowsError(try teamA.importBundle(try teamC.exportBundle(from: other).data, into: a)) {
            guard case .wrongTeam? = $0 as? SyncError else { return XCTFail("\($0)") }
        }
        // A device holding the team's key but never enrolled: same team, unknown signer.
        let rogue = try PlaceStore.open(at: folder.appendingPathComponent("d.sqlite").path, create: true, device: "device-rogue")
        let stolen = TeamMembership(teamID: teamB.teamID, keyring: teamB.keyring, signingKey: .init())
        XCTAssertThrowsError(try teamA.importBundle(try stolen.exportBundle(from: rogue).data, into: a)) {
            XCTAssertEqual($0 as? SyncError, .unenrolledDevice("device-rogue"))
        }
        // An enrolled device's id with another key: the signature does not verify.
        let forged = TeamMembership(teamID: teamB.teamID, keyring: teamB.keyring, signingKey: .init())
        XCTAssertThrowsError(try teamA.importBundle(try forged.exportBundle(from: b).data, into: a)) {
            XCTAssertEqual($0 as? SyncError, .badSignature(b.deviceID.rawValue))
        }
        XCTAssertThrowsError(try TeamMembership.create(in: a, keys: teamKeys, deviceName: "again")) {
            XCTAssertEqual($0 as? SyncError, .alreadyInTeam(teamA.teamID))
        }
    }

    func testConcurrentEditsOnTwoLaptopsConflictUntilOneResolves() throws {
        let (a, teamA, b, teamB) = try pair()
        try a.write(by: "member-ann", [.set(Place.self, id: "place-alpha", "name", to: .string("Alpha Glen"))])
        try b.write(by: "member-ben", [.set(Place.self, id: "place-alpha", "name", to: .string("Alpha Bay"))])
        let intoA = try teamA.importBundle(try teamB.exportBundle(from: b, for: a.deviceID).data, into: a)
        XCTAssertEqual(intoA.newConflicts.count, 1)
        _ = try teamB.importBundle(try teamA.exportBundle(from: a, for: b.deviceID).data, into: b)
        XCTAssertEqual(try a.stateDigest(), try b.stateDigest())
        let conflict = try XCTUnwrap(try b.conflicts().first)
        try b.resolve(conflict, with: .string("Alpha Glen"), by: "member-ben")
        _ = try teamA.importBundle(try teamB.exportBundle(from: b, for: a.deviceID).data, into: a)
        XCTAssertEqual(try a.conflicts(), [])
        XCTAssertEqual(try a.place("place-alpha")?.name, "Alpha Glen")
        XCTAssertEqual(try a.stateDigest(), try b.stateDigest())
    }

    /// Fuzzed bundles (docs/RELIABILITY.md): flipped, inserted, deleted and
    /// repeated bytes, truncations, two bundles spliced, random bytes, JSON
    /// with a field changed, and one over the size limit. Each is refused
    /// with a one-line SyncError, within a bounded time, and the laptop's
    /// digest is unchanged. `make test` tries 500; `make reliability` 10,000
    /// (`THISTLE_FUZZ_BUNDLES`; `THISTLE_FUZZ_SEED` replays a run).
    func testFuzzedBundlesAreRefusedWithAClearMessageAndChangeNothing() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["THISTLE_FUZZ_BUNDLES"] ?? "") ?? 500
        let seed = UInt64(environment["THISTLE_FUZZ_SEED"] ?? "") ?? 8
        let (a, _, b, teamB) = try pair()
        try b.write(by: "member-ann", [.set(Place.self, id: "place-beta", "population", to: .int(903))])
        let bundle = try teamB.exportBundle(from: b).data
        try b.write(by: "member-ann", [.set(Place.self, id: "place-alpha", "name", to: .string("Alpha Glen"))])
        let other = try teamB.exportBundle(from: b).data
        let teamA = try TeamMembership.of(a, keys: teamKeys)
        let digest = try a.stateDigest()

        var random = SeededRandom(seed: seed)
        var refused = 0
        var slowest = 0.0
        func mustRefuse(_ damaged: Data, _ how: String) {
            let started = Date()
            do {
                _ = try teamA.importBundle(damaged, into: a)
                XCTFail("a fuzzed bundle was accepted (\(how); seed \(seed))")
            } catch let error as SyncError {
                let message = error.description
                XCTAssertFalse(message.isEmpty || message.contains("\n") || message.count > 300,
                               "unclear refusal '\(message.prefix(400))' (\(how); seed \(seed))")
                refused += 1
            } catch {
                XCTFail("not a SyncError: \(error) (\(how); seed \(seed))")
            }
            slowest = max(slowest, Date().timeIntervalSince(started))
        }
        XCTAssertLessThan(SyncError.unenrolledDevice(String(repeating: "A", count: 100_000) + "\n").description.count, 200,
                          "a hostile name is cut short in a refusal")
        mustRefuse(Data(count: BundleFile.maximumSize + 1), "over the size limit")
        for attempt in 0..<count {
            let (damaged, how) = Fuzz.damaged(bundle, splicingWith: other, using: &random)
            if damaged == bundle || damaged == other { continue }
            mustRefuse(damaged, "attempt \(attempt): \(how)")
        }
        XCTAssertEqual(try a.stateDigest(), digest)
        XCTAssertLessThan(slowest, 5, "every refusal is quick")
        print("bundle fuzzing: \(refused) fuzzed bundles refused, digest unchanged, slowest refusal \(Int(slowest * 1000)) ms")
    }
}
