import Foundation
import TestSupport
import XCTest

/// Two demo laptops meet at a real PostgreSQL hub through the command
/// line: the password comes from PGPASSWORD, never the URL; both converge;
/// a wrong password or a closed port is refused with its code.
final class HubCommandTests: XCTestCase {
    var folder: URL!
    var postgres: ThrowawayPostgres!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
        postgres = try ThrowawayPostgres()
    }

    override func tearDownWithError() throws {
        postgres?.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func thistle(_ db: String, _ arguments: [String], password: String? = nil, expect status: Int32 = 0,
                 file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let result = try ThistleBinary.run(arguments + ["--db", db, "--json", "--as", "member-morven-sinclair"],
                                           environment: ["PGPASSWORD": password ?? postgres.password,
                                                         "PGPASSFILE": folder.appendingPathComponent("none").path])
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        guard status != 64 else { return ["stderr": result.stderr] }
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                             file: file, line: line)
    }

    func testTwoDemoLaptopsConvergeThroughTheHub() throws {
        let a = folder.appendingPathComponent("a.sqlite").path, b = folder.appendingPathComponent("b.sqlite").path
        XCTAssertEqual(try ThistleBinary.run(["demo", "--db", a, "--no-tui"]).status, 0)
        let invite = folder.appendingPathComponent("invite.json").path
        try thistle(a, ["team", "invite", "--out", invite, "--name", "Laptop B"])
        try thistle(b, ["team", "join", invite])

        let pushed = try thistle(a, ["sync", "hub", "--url", postgres.url()])
        XCTAssertGreaterThan(pushed["pushed"] as? Int ?? 0, 10_000)
        XCTAssertEqual(pushed["hub"] as? String, postgres.url())
        let pulled = try thistle(b, ["sync", "hub", "--url", postgres.url()])
        XCTAssertEqual((pulled["new"] as? Int ?? 0) + (pulled["duplicates"] as? Int ?? 0), pushed["pushed"] as? Int,
                       "every op arrives once")
        XCTAssertGreaterThan(pulled["duplicates"] as? Int ?? 0, 20, "the invite carried the devices, people and their keys")
        XCTAssertEqual(pulled["pushed"] as? Int, 0)
        let statusA = try thistle(a, ["sync", "status"]), statusB = try thistle(b, ["sync", "status"])
        XCTAssertEqual(statusA["digest"] as? String, statusB["digest"] as? String)
        XCTAssertEqual((statusB["hub"] as? [String: Any])?["url"] as? String, postgres.url())

        // The same field on both, offline; then each syncs with the remembered hub.
        try thistle(a, ["priority", "update", "priority-levenmouth-1", "--rag", "amber", "--reason", "Take-up rising",
                        "--as", "member-morven-sinclair"])
        try thistle(b, ["priority", "update", "priority-levenmouth-1", "--rag", "green", "--reason", "On track",
                        "--as", "member-morven-sinclair"])
        try thistle(a, ["sync", "hub"])
        let intoB = try thistle(b, ["sync", "hub"])
        XCTAssertEqual((intoB["newConflicts"] as? [[String: Any]])?.map { $0["field"] as? String }, ["rag", "rag_reason"])
        try thistle(a, ["sync", "hub"])
        XCTAssertEqual(try thistle(a, ["sync", "status"])["digest"] as? String, try thistle(b, ["sync", "status"])["digest"] as? String)
        XCTAssertEqual(try thistle(a, ["sync", "status"])["openConflicts"] as? Int, 2, "the RAG and its reason")

        // The workspace's Sync screen shows the hub, at 80x24 and after a resize.
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", b, "--as", "member-morven-sinclair"])
        try tmux.waitFor("Morven Sinclair")
        try tmux.send("6")
        let screen = try tmux.waitFor("the hub on the Sync screen") { $0.contains("Hub ") && $0.contains("last sync 20") }
        let hubLine = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("Hub ") })
        XCTAssertTrue(hubLine.hasSuffix("nothing"), "B has sent the hub everything:\n" + screen)
        XCTAssertTrue(screen.contains(postgres.url()), "the hub's whole URL shows at 80 columns:\n" + screen)
        XCTAssertTrue(screen.contains("rag_reason"), screen)
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("the resized screen") { $0.contains(self.postgres.url()) && $0.contains("Values   Shown now") }
        try tmux.send("q")
        try tmux.waitFor("[exit status 0]")
    }

    func testBadHubsAreRefusedClearly() throws {
        let a = folder.appendingPathComponent("a.sqlite").path
        XCTAssertEqual(try ThistleBinary.run(["demo", "--db", a, "--no-tui"]).status, 0)
        let withPassword = try thistle(a, ["sync", "hub", "--url", "postgres://hub_user:secret@127.0.0.1:\(postgres.port)/thistle_hub"],
                                       expect: 64)
        XCTAssertTrue((withPassword["stderr"] as? String ?? "").contains("PGPASSWORD"))
        let wrong = try thistle(a, ["sync", "hub", "--url", postgres.url()], password: "wrong", expect: 1)
        XCTAssertEqual(wrong["error"] as? String, "hub-refused")
        let closed = try thistle(a, ["sync", "hub", "--url", "postgres://x@127.0.0.1:\(try ThrowawayPostgres.freePort())/x"],
                                 expect: 1)
        XCTAssertEqual(closed["error"] as? String, "hub-unreachable")
        XCTAssertNil(try thistle(a, ["sync", "status"])["hub"] as? [String: Any], "no sync happened")
        let noHub = try thistle(a, ["sync", "hub"], expect: 1)
        XCTAssertTrue((noHub["message"] as? String ?? "").contains("no hub yet"), "\(noHub)")
    }
}
