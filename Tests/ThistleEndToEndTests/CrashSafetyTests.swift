import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import TestSupport
import XCTest

/// Crash safety (docs/RELIABILITY.md). A child process (`thistle-writer`)
/// opens cases and adds needs, referrals and notes through the write path,
/// printing each once it is acknowledged; it is killed with SIGKILL at a
/// random moment, again and again, on one database. After every kill the
/// reopened database must pass `PRAGMA integrity_check`, hold every
/// acknowledged write with its ops and its audit entry, hold nothing
/// half-applied, and its audit chain must verify.
///
/// `make test` kills it 20 times; `make reliability` 200
/// (`THISTLE_CRASH_KILLS`). A failure names its seed and kill: run again
/// with `THISTLE_CRASH_SEED` and `THISTLE_CRASH_KILLS` to replay it.
final class CrashSafetyTests: DemoBinaryTestCase {
    private static let member = "member-alasdair-kerr"

    func testAKilledWriterLosesNoAcknowledgedWriteAndLeavesNothingHalfDone() throws {
        continueAfterFailure = false
        let environment = ProcessInfo.processInfo.environment
        let kills = Int(environment["THISTLE_CRASH_KILLS"] ?? "") ?? 20
        let seed = UInt64(environment["THISTLE_CRASH_SEED"] ?? "") ?? 20_261_129
        let signedIn = try ThistleBinary.run(["sign-in", "--db", database, "--as", Self.member])
        XCTAssertEqual(signedIn.status, 0, signedIn.stderr)
        let arguments = try writerArguments()

        var random = SeededRandom(seed: seed)
        var acknowledged: [Acknowledged] = []
        var killedBeforeReady = 0
        for kill in 0..<kills {
            // One kill in ten while the child is still opening the file (recovering the last crash's WAL).
            let early = Int.random(in: 0..<10, using: &random) == 0
            let delay = early ? Int.random(in: 0..<60, using: &random) : Int.random(in: 0..<150, using: &random)
            let child = try Child(
                [Self.writerPath] + arguments + ["--seed", String(seed &+ UInt64(kill))],
                environment: SignInEnvironment.demo)
            if !early {
                XCTAssertTrue(child.waitForLine("ready", seconds: 60), "the writer did not start: \(child.errors)")
            }
            usleep(useconds_t(delay * 1000))
            let lines = child.kill()
            if !lines.contains("ready") { killedBeforeReady += 1 }
            acknowledged += lines.compactMap(Acknowledged.init)
            let replay = "seed \(seed), kill \(kill + 1) of \(kills), \(delay) ms after \(early ? "the start" : "ready")"
            try check(acknowledged, replay: replay)
        }
        XCTAssertGreaterThan(acknowledged.count, kills, "the writer acknowledged writes between kills")
        print("crash safety: \(kills) kills (\(killedBeforeReady) while opening), \(acknowledged.count) acknowledged writes, 0 lost")
    }

    // MARK: - The checks after each kill

    private func check(_ acknowledged: [Acknowledged], replay: String) throws {
        let store = try PlaceStore.open(at: database, connections: .single)
        defer { try? store.close() }
        try store.writer.read { db in
            XCTAssertEqual(try String.fetchAll(db, sql: "PRAGMA integrity_check"), ["ok"], replay)
            var writesOnCase: [String: Int] = [:]
            for write in acknowledged {
                writesOnCase[write.caseID, default: 0] += 1
                for (kind, id) in write.records {
                    let rows = try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM main.\(kind.table.quotedDatabaseIdentifier) WHERE id = ?", arguments: [id])
                    XCTAssertEqual(rows, 1, "acknowledged \(kind.name) \(id) is missing (\(replay))")
                    let ops = try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM op WHERE entity = ? AND entity_id = ?", arguments: [kind.name, id])
                    XCTAssertGreaterThan(ops ?? 0, 0, "acknowledged \(kind.name) \(id) has no op (\(replay))")
                }
            }
            // One audit entry per case for each write that touched it.
            for (caseID, writes) in writesOnCase {
                let entries = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM audit_entry WHERE case_id = ? AND action = 'change'", arguments: [caseID]) ?? 0
                XCTAssertGreaterThanOrEqual(entries, writes, "case \(caseID) lacks audit entries (\(replay))")
            }
            for (problem, sql) in Self.halfDone {
                XCTAssertEqual(try Int.fetchOne(db, sql: sql), 0, "\(problem) (\(replay))")
            }
        }
        let audit = try store.verifyAudit()
        XCTAssertTrue(audit.isIntact, "the audit chain does not verify: \(audit.problems) (\(replay))")
    }

    /// What a half-applied write would leave: each count must be 0.
    private static let halfDone: [(String, String)] = {
        var checks = [
            ("a need without its case",
             "SELECT COUNT(*) FROM main.need n WHERE NOT EXISTS (SELECT 1 FROM main.case_file c WHERE c.id = n.case_id)"),
            ("a referral without its need on its case",
             """
             SELECT COUNT(*) FROM main.referral r
             WHERE NOT EXISTS (SELECT 1 FROM main.need n WHERE n.id = r.need_id AND n.case_id = r.case_id)
             """),
            ("a note without its case",
             "SELECT COUNT(*) FROM main.note o WHERE NOT EXISTS (SELECT 1 FROM main.case_file c WHERE c.id = o.case_id)"),
        ]
        for kind in [EntityKind.case, .need, .referral, .note] {
            let table = "main." + kind.table.quotedDatabaseIdentifier
            checks.append(("a \(kind.name) without its op", """
                SELECT COUNT(*) FROM \(table) t WHERE NOT EXISTS (SELECT 1 FROM op WHERE entity = '\(kind.name)' AND entity_id = t.id)
                """))
            checks.append(("an op making a \(kind.name) that is not there", """
                SELECT COUNT(*) FROM op o WHERE o.entity = '\(kind.name)' AND o.field = '*' AND o.value <> 'null'
                AND NOT EXISTS (SELECT 1 FROM \(table) t WHERE t.id = o.entity_id)
                """))
        }
        return checks
    }()

    // MARK: - The writer

    private static var writerPath: String {
        URL(fileURLWithPath: ThistleBinary.path).deletingLastPathComponent().appendingPathComponent("thistle-writer").path
    }

    /// The member's residents (in the places they serve) and the services taking referrals.
    private func writerArguments() throws -> [String] {
        let store = try PlaceStore.open(at: database, connections: .single)
        defer { try? store.close() }
        let member = try XCTUnwrap(try store.member(MemberID(Self.member)))
        let served = try store.placeTree().coverage(of: member.placeIDs).map(\.rawValue)
        let (residents, services) = try store.writer.read { db in
            (try String.fetchAll(
                db, sql: "SELECT id FROM main.resident WHERE place_id IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 40",
                arguments: [JSONValue.array(served.map(JSONValue.string)).jsonText]),
             try String.fetchAll(
                db, sql: "SELECT id FROM main.service WHERE status = 'active' AND accepts_referrals ORDER BY id"))
        }
        XCTAssertFalse(residents.isEmpty)
        return ["--db", database, "--as", Self.member]
            + residents.flatMap { ["--resident", $0] } + services.flatMap { ["--service", $0] }
    }
}

/// One line the writer printed: a write and the records it made.
private struct Acknowledged {
    let caseID: String
    let records: [(EntityKind, String)]

    init?(line: String) {
        let words = line.split(separator: " ").map(String.init)
        switch words.first {
        case "case" where words.count >= 3:
            caseID = words[1]
            records = [(.case, words[1])] + words[2...].map { (.need, $0) }
        case "need" where words.count == 3:
            (caseID, records) = (words[2], [(.need, words[1])])
        case "referral" where words.count == 4:
            (caseID, records) = (words[3], [(.referral, words[1])])
        case "note" where words.count == 3:
            (caseID, records) = (words[2], [(.note, words[1])])
        default:
            return nil
        }
    }
}

/// A child process with its stdout on a pipe, read line by line; stderr in a file.
private final class Child {
    let pid: pid_t
    private let output: Int32
    private let errorFile: String
    private var buffer: [UInt8] = []

    init(_ arguments: [String], environment: [String: String]) throws {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw Spawn.Failed(description: "no pipe") }
        errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString).err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, descriptors[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addclose(&actions, descriptors[0])
        posix_spawn_file_actions_addclose(&actions, descriptors[1])
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        close(descriptors[1])
        guard spawned == 0 else {
            close(descriptors[0])
            throw Spawn.Failed(description: "could not start \(arguments[0]): error \(spawned)")
        }
        self.pid = pid
        output = descriptors[0]
    }

    var errors: String { (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "" }

    /// Reads until a whole line `line` has come, the child ends, or `seconds` pass.
    func waitForLine(_ line: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if lines().contains(line) { return true }
            var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 else { return false }
            if poller.revents != 0, !readAvailable() { return lines().contains(line) }
        }
        return false
    }

    /// Kills the child with SIGKILL, reads what it wrote to the end and reaps it;
    /// returns its whole lines (a line cut short by the kill was not acknowledged).
    func kill() -> [String] {
        Glibc.kill(pid, SIGKILL)
        while readAvailable() {}
        close(output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        try? FileManager.default.removeItem(atPath: errorFile)
        return lines()
    }

    private func lines() -> [String] {
        guard let end = buffer.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        return String(decoding: buffer[..<end], as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Appends what is there to read; false at the end of the output.
    private func readAvailable() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { return true }
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }
}
