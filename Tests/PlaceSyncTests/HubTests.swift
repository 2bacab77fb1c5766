import Foundation
import PlaceDomain
import PlaceStore
@testable import PlaceSync
import PostgresNIO
import TestSupport
import XCTest

/// Laptops of one team meet at a real PostgreSQL hub, started for these
/// tests as a throwaway cluster: they converge, an interrupted push loses
/// and duplicates nothing, the cursor never skips a push committed late,
/// and the hub holds nothing readable.
final class HubTests: HubTestCase {
    var hub: HubAddress { get throws { try HubAddress(url: try pg.url()) } }

    /// Device A with the small place and a new team; `count` more devices joined from A's invites, holding nothing yet.
    func team(joined count: Int = 1) throws -> [(PlaceStore, TeamMembership)] {
        let a = try PlaceStore.open(at: folder.appendingPathComponent("a.sqlite").path, create: true, device: "device-a")
        try Fixtures.populate(a)
        let teamA = try TeamMembership.create(in: a, keys: teamKeys, deviceName: "Laptop A")
        var devices = [(a, teamA)]
        for index in 0..<count {
            let invite = try teamA.invite(from: a, deviceName: "Laptop \(index + 2)")
            let joined = try TeamMembership.join(invite: invite, at: folder.appendingPathComponent("\(index).sqlite").path)
            devices.append((joined, try TeamMembership.of(joined, keys: teamKeys)))
        }
        return devices
    }

    func sync(_ device: (PlaceStore, TeamMembership), batch: Int = TeamMembership.hubBatch,
              interrupt: (@Sendable (Int, PostgresConnection) async throws -> Void)? = nil) async throws -> HubSyncResult {
        try await device.1.syncWithHub(device.0, at: try hub, password: try pg.password, batch: batch, interruptPush: interrupt)
    }

    /// The team's rows on the hub: how many, how many distinct ops, and whether their numbers run 1…n with no gap.
    func hubRows(_ team: TeamMembership) throws -> (rows: Int, distinct: Int, dense: Bool) {
        let line = try pg.psql("""
            SELECT count(*), count(DISTINCT op_id), coalesce(max(seq), 0) = count(*) FROM thistle_op WHERE team_id = '\(team.teamID)'
            """)
        let fields = line.split(separator: "|").map(String.init)
        return (Int(fields[0]) ?? -1, Int(fields[1]) ?? -1, fields[2] == "t")
    }

    func testTwoLaptopsConvergeThroughTheHubAndConflictsSurfaceOnBoth() async throws {
        let devices = try team()
        let (a, b) = (devices[0], devices[1])
        let first = try await sync(a)
        XCTAssertEqual(first.pushed, try a.0.logCounts().ops, "the first push sends everything")
        XCTAssertEqual(first.pulled, 0)
        let invited = try b.0.logCounts().ops
        let intoB = try await sync(b)
        XCTAssertEqual(intoB.pulled, try a.0.logCounts().ops - invited, "B had what its invite carried")
        XCTAssertEqual(try b.0.stateDigest(), try a.0.stateDigest())

        try a.0.write(by: "member-ann", [.set(Place.self, id: "place-alpha", "name", to: .string("Alpha Glen"))])
        try b.0.write(by: "member-ben", [.set(Place.self, id: "place-alpha", "name", to: .string("Alpha Bay"))])
        try b.0.write(by: "member-ben", [.set(Place.self, id: "place-gamma", "population", to: .int(1_250))])
        _ = try await sync(a)
        let bBack = try await sync(b)
        XCTAssertEqual(bBack.pushed, 4, "two changes and their audit entries")
        XCTAssertEqual(bBack.newConflicts.map(\.id), ["place/place-alpha/name"])
        let aBack = try await sync(a)
        XCTAssertEqual(aBack.pulled, 4)
        XCTAssertEqual(aBack.newConflicts.map(\.id), ["place/place-alpha/name"], "both laptops list the conflict")
        XCTAssertEqual(try a.0.stateDigest(), try b.0.stateDigest())
        XCTAssertEqual(try a.0.place("place-gamma")?.population, 1_250)

        let conflict = try XCTUnwrap(try b.0.conflicts().first)
        try b.0.resolve(conflict, with: .string("Alpha Glen"), by: "member-ben")
        _ = try await sync(b)
        _ = try await sync(a)
        XCTAssertEqual(try a.0.conflicts(), [])
        XCTAssertEqual(try a.0.place("place-alpha")?.name, "Alpha Glen")
        XCTAssertEqual(try a.0.stateDigest(), try b.0.stateDigest())
        let again = try await sync(a)
        XCTAssertEqual([again.pushed, again.pulled], [0, 0], "a sync with nothing new moves nothing")
        let rows = try hubRows(a.1)
        XCTAssertEqual(rows.rows, try a.0.logCounts().ops, "the hub holds every op once")
        XCTAssertEqual(rows.distinct, rows.rows)
        XCTAssertTrue(rows.dense)
        XCTAssertNotNil(try a.0.lastHubSync(), "the device remembers the hub and when it last synced")
    }

    func testAPushCutOffMidBatchAndRetriedLosesAndDuplicatesNothing() async throws {
        let devices = try team()
        let (a, b) = (devices[0], devices[1])
        let total = try a.0.logCounts().ops
        XCTAssertGreaterThan(total, 30, "enough ops for several batches")
        // The server ends the session inside the third batch's transaction, after its insert, before its commit.
        do {
            _ = try await sync(a, batch: 10) { batch, connection in
                if batch == 2 {
                    try await connection.query("SELECT pg_terminate_backend(pg_backend_pid())", logger: Logger(label: "test"))
                }
            }
            XCTFail("the push was cut off")
        } catch let error as SyncError {
            guard case .hubUnreachable = error else { return XCTFail("\(error)") }
        }
        let cut = try hubRows(a.1)
        XCTAssertEqual(cut.rows, 20, "two whole batches committed; the third rolled back")
        XCTAssertTrue(cut.dense)
        let retry = try await sync(a, batch: 10)
        XCTAssertEqual(retry.pushed, total - 20, "the retry sends what the hub lacks")
        let rows = try hubRows(a.1)
        XCTAssertEqual(rows.rows, total)
        XCTAssertEqual(rows.distinct, total, "no op twice")
        XCTAssertTrue(rows.dense)
        _ = try await sync(b, batch: 7)
        XCTAssertEqual(try b.0.stateDigest(), try a.0.stateDigest(), "nothing lost")
        XCTAssertEqual(try b.0.logCounts().ops, total)
    }

    /// Two devices push at once: the second waits for the first's commit,
    /// so a reader between them never sees a later number before an earlier one.
    func testPushesAreSerialisedSoAPullNeverSkipsARowCommittedLate() async throws {
        let devices = try team(joined: 2)
        let (a, b, c) = (devices[0], devices[1], devices[2])
        _ = try await sync(a)
        _ = try await sync(b)
        _ = try await sync(c)
        try a.0.write(by: "member-ann", [.set(Place.self, id: "place-alpha", "population", to: .int(1_001))])
        try b.0.write(by: "member-ben", [.set(Place.self, id: "place-beta", "population", to: .int(801))])
        let (arrived, released) = (Latch(), Latch())
        let (hub, password) = (try hub, try pg.password)
        let pushingA = Task { [a] in
            // A push that fails before its hook still lets the test go on, to report why.
            do {
                let result = try await a.1.syncWithHub(a.0, at: hub, password: password, interruptPush: { _, _ in
                    await arrived.open()
                    await released.wait()
                })
                return result
            } catch {
                await arrived.open()
                throw error
            }
        }
        await arrived.wait()
        let pushingB = Task { [b] in try await b.1.syncWithHub(b.0, at: hub, password: password) }
        do {
            try await waitUntil("B's push waits for the team's lock") {
                try self.pg.psql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") == "1"
            }
        } catch {
            await released.open()
            throw error
        }
        let seen = try hubRows(a.1).rows
        _ = try await sync(c)
        XCTAssertEqual(try c.0.place("place-beta")?.population, 800, "B's push waits while A holds the team's numbers")
        XCTAssertEqual(try hubRows(a.1).rows, seen)
        await released.open()
        _ = try await pushingA.value
        _ = try await pushingB.value
        _ = try await sync(c)
        XCTAssertEqual(try c.0.place("place-alpha")?.population, 1_001)
        XCTAssertEqual(try c.0.place("place-beta")?.population, 801)
        XCTAssertTrue(try hubRows(a.1).dense)
        _ = try await sync(a)
        XCTAssertEqual(try a.0.stateDigest(), try c.0.stateDigest())
    }

    func testTheHubHoldsNoPersonalDataInTheClear() async throws {
        let devices = try team()
        _ = try await sync(devices[0])
        let clear = try pg.psql("""
            SELECT count(*) FROM thistle_op
            WHERE position(convert_to('Testcase', 'UTF8') in sealed) > 0 OR op_id LIKE '%Testcase%'
            """)
        XCTAssertEqual(clear, "0", "a resident's name is nowhere in the hub's rows")
        let columns = try pg.psql("""
            SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'thistle_op'
            """)
        XCTAssertEqual(columns, "device_id,hlc,op_id,pushed_at,pushed_by,sealed,seq,signature,team_id",
                       "record, field, value and author exist only inside the sealed op")
    }

    func testARowAlteredOnTheHubOrPushedByAStrangerIsRefused() async throws {
        let devices = try team()
        let (a, b) = (devices[0], devices[1])
        _ = try await sync(a)
        try pg.psql("""
            UPDATE thistle_op SET sealed = set_byte(sealed, 40, get_byte(sealed, 40) # 1)
            WHERE team_id = '\(a.1.teamID)' AND seq = 5
            """)
        let invited = try b.0.logCounts().ops
        do {
            _ = try await sync(b, batch: 2)
            XCTFail("an altered row was accepted")
        } catch let error as SyncError {
            XCTAssertEqual(error, .hubRowRefused(seq: 5, why: "its signature from device-a does not verify"))
        }
        XCTAssertEqual(try b.0.logCounts().ops, invited + 4, "the pages before it were applied (B had what its invite carried)")
        XCTAssertNil(try b.0.place("place-beta"), "nothing from the bad row's page on")
    }

    func testAWrongOrMissingPasswordAndAnUnreachableHubGiveClearMessages() async throws {
        let (a, teamA) = try team(joined: 0)[0]
        do {
            _ = try await teamA.syncWithHub(a, at: try hub, password: "not-it")
            XCTFail("a wrong password was accepted")
        } catch let error as SyncError {
            XCTAssertEqual(error.code, "hub-refused")
            XCTAssertTrue(error.description.contains("PGPASSWORD or ~/.pgpass"), error.description)
        }
        do {
            _ = try await teamA.syncWithHub(a, at: try hub, password: nil)
            XCTFail("no password was accepted")
        } catch let error as SyncError {
            XCTAssertEqual(error.code, "hub-refused")
        }
        let closed = try HubAddress(url: "postgres://someone@127.0.0.1:\(try ThrowawayPostgres.freePort())/x?connect_timeout=5")
        do {
            _ = try await teamA.syncWithHub(a, at: closed, password: "x")
            XCTFail("nothing listens there")
        } catch let error as SyncError {
            XCTAssertEqual(error.code, "hub-unreachable")
            XCTAssertTrue(error.description.contains("cannot reach 127.0.0.1"), error.description)
        }
        XCTAssertNil(try a.lastHubSync(), "a failed sync is not recorded as a sync")
    }

    func testAHubAskedForTLSThatOffersNoneIsRefused() async throws {
        let (a, teamA) = try team(joined: 0)[0]
        do {
            _ = try await teamA.syncWithHub(a, at: try HubAddress(url: try pg.url("sslmode=require")), password: try pg.password)
            XCTFail("TLS was required")
        } catch let error as SyncError {
            XCTAssertTrue(error.description.contains("does not offer TLS"), error.description)
        }
    }
}

/// Polls `condition` until it holds, failing after `timeout` seconds.
private func waitUntil(_ what: String, timeout: TimeInterval = 20, _ condition: () throws -> Bool) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        guard Date() < deadline else { throw Spawn.Failed(description: "timed out: \(what)") }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// Opens once; everyone waiting, or coming later, goes through. Two of
/// them hold a push inside its transaction until the test lets it go.
private actor Latch {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func open() {
        isOpen = true
        waiting.forEach { $0.resume() }
        waiting = []
    }

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }
}
