import Foundation
import GRDB
import TestSupport
import XCTest

/// Storage faults met from the command line (docs/RELIABILITY.md): each is
/// refused in words a user can act on, never SQLite's own, and loses nothing.
/// (A full disk is tested in PlaceStoreTests, where SQLite's page limit can
/// stand in for it.)
final class StorageFaultTests: DemoBinaryTestCase {
    private let lead = "member-alasdair-kerr"

    private func note(on caseID: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try ThistleBinary.run(["case", "note", caseID, "--text", "Called back; no answer.", "--db", database, "--as", lead, "--json"])
    }

    /// A case waiting in the lead's triage queue, which the lead may add a note to.
    private func caseInTheQueue() throws -> String {
        let queue = try ThistleBinary.run(["queue", "--db", database, "--as", lead, "--json"])
        XCTAssertEqual(queue.status, 0, queue.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [[String: Any]])
        return try XCTUnwrap(rows.first?["case"] as? String)
    }

    func testAWriteWhileAnotherProcessHoldsTheLockIsRefusedClearlyAndWorksOnceItIsFree() throws {
        let caseID = try caseInTheQueue()
        // Another process's writer, as a sync or the workspace would be: its transaction stays open.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: database, configuration: configuration)
        try holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let blocked = try note(on: caseID)
        try holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        XCTAssertEqual(blocked.status, 1)
        XCTAssertTrue(blocked.stderr.contains("the database is busy"), blocked.stderr)
        XCTAssertFalse(blocked.stderr.localizedCaseInsensitiveContains("sqlite"), "no raw SQLite error: \(blocked.stderr)")
        XCTAssertTrue(blocked.stdout.contains(#""error":"database""#), blocked.stdout)
        let free = try note(on: caseID)
        XCTAssertEqual(free.status, 0, free.stderr)
    }

    /// The same in the workspace, at 80×24: a note written while another
    /// process holds the lock is refused on the status line, and saved once the lock is free.
    func testTheWorkspaceSaysTheDatabaseIsBusyAndSavesOnceItIsFree() throws {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: database, configuration: configuration)
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", database, "--as", lead])
        try tmux.waitFor("Home") { $0.contains("Alasdair Kerr · lead") && $0.contains("Kirkcaldy") }
        try tmux.openTheLeadsFirstCase()
        try holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        try tmux.send("N")
        try tmux.waitFor("the note box") { $0.contains("Enter confirm") }
        try tmux.send("Phoned the school; visiting Tuesday.", "Enter")
        let busy = try tmux.waitFor("the refusal", timeout: 30) { $0.contains("the database is busy") }
        XCTAssertFalse(busy.localizedCaseInsensitiveContains("sqlite"), busy)
        try holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        try tmux.send("N")
        try tmux.waitFor("the note box") { $0.contains("Enter confirm") }
        try tmux.send("Phoned the school; visiting Tuesday.", "Enter")
        try tmux.waitFor("the saved note") { $0.contains("Phoned the school; visiting Tuesday.") && !$0.contains("Enter confirm") }
    }

    func testAnUnwritableDatabaseFileIsRefusedClearlyAndLeftAsItWas() throws {
        let caseID = try caseInTheQueue()
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        // Root ignores file modes, so the file is made immutable.
        let output = folder.appendingPathComponent("chattr.out").path
        guard try Spawn.run(["chattr", "+i", database], output: output) == 0 else {
            throw XCTSkip("chattr +i needs root and a file system with immutable files")
        }
        defer { _ = try? Spawn.run(["chattr", "-i", database], output: output) }
        let refused = try note(on: caseID)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("cannot write to \(database!)"), refused.stderr)
        XCTAssertTrue(refused.stdout.contains(#""error":"database""#), refused.stdout)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: database)), before)
    }
}
