import Foundation
import TestSupport
import XCTest

/// Two laptops from the demo, offline: both change the same case's lead and
/// the same priority's RAG, exchange bundles both ways, see the same
/// conflicts, one resolves them, they exchange again and their digests match.
final class SyncCommandTests: XCTestCase {
    var folder: URL!
    var laptopA: String!
    var laptopB: String!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
        laptopA = folder.appendingPathComponent("a.sqlite").path
        laptopB = folder.appendingPathComponent("b.sqlite").path
        XCTAssertEqual(try ThistleBinary.run(["demo", "--db", laptopA, "--no-tui"]).status, 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    @discardableResult
    func thistle(_ db: String, _ arguments: [String], as member: String? = "member-morven-sinclair", expect status: Int32 = 0,
                 file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        let result = try ThistleBinary.run(arguments + ["--db", db, "--json"] + (member.map { ["--as", $0] } ?? []))
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func object(_ value: Any) throws -> [String: Any] { try XCTUnwrap(value as? [String: Any]) }

    func send(from: String, to: String, name: String) throws -> [String: Any] {
        let bundle = folder.appendingPathComponent(name).path
        try thistle(from, ["sync", "export", "--out", bundle])
        return try object(thistle(to, ["sync", "import", bundle]))
    }

    func testTwoLaptopsEditOfflineConflictResolveAndConverge() throws {
        let invite = folder.appendingPathComponent("invite.json").path
        try thistle(laptopA, ["team", "invite", "--out", invite, "--name", "Laptop B"])
        let attributes = try FileManager.default.attributesOfItem(atPath: invite)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, "an invite is a secret")
        try thistle(laptopB, ["team", "join", invite])
        let first = try send(from: laptopA, to: laptopB, name: "first.bundle")
        XCTAssertGreaterThan(first["new"] as? Int ?? 0, 10_000)
        let statusA = try object(thistle(laptopA, ["sync", "status"]))
        XCTAssertEqual(statusA["digest"] as? String, try object(thistle(laptopB, ["sync", "status"]))["digest"] as? String)
        XCTAssertEqual((statusA["devices"] as? [Any])?.count, 2)

        // Offline on both: the same case's lead and the same priority's RAG.
        let mine = try XCTUnwrap(thistle(laptopA, ["cases", "mine"], as: "member-aileen-baxter") as? [[String: Any]])
        let caseID = try XCTUnwrap(mine.first?["case"] as? String)
        try thistle(laptopA, ["case", "lead", caseID, "--member", "member-morven-sinclair"], as: "member-aileen-baxter")
        try thistle(laptopB, ["case", "lead", caseID, "--member", "member-ross-menzies"], as: "member-aileen-baxter")
        try thistle(laptopA, ["priority", "update", "priority-levenmouth-1", "--rag", "amber", "--reason", "Take-up rising"],
                    as: "member-morven-sinclair")
        try thistle(laptopB, ["priority", "update", "priority-levenmouth-1", "--rag", "green", "--reason", "On track"],
                    as: "member-morven-sinclair")

        let intoB = try send(from: laptopA, to: laptopB, name: "a-to-b.bundle")
        XCTAssertEqual((intoB["newConflicts"] as? [Any])?.count, 3, "the lead, the RAG and its reason")
        _ = try send(from: laptopB, to: laptopA, name: "b-to-a.bundle")
        let onA = try XCTUnwrap(thistle(laptopA, ["conflicts", "list"]) as? [[String: Any]])
        let onB = try XCTUnwrap(thistle(laptopB, ["conflicts", "list"]) as? [[String: Any]])
        XCTAssertEqual(onA.count, 3)
        XCTAssertEqual(onA.map { $0["id"] as? String }, onB.map { $0["id"] as? String }, "both show the same conflicts")
        XCTAssertEqual(Set(onA.compactMap { $0["field"] as? String }), ["lead_id", "rag", "rag_reason"])
        let lead = try XCTUnwrap(onA.first { $0["field"] as? String == "lead_id" })
        XCTAssertEqual(Set((lead["values"] as? [[String: Any]])?.compactMap { $0["value"] as? String } ?? []),
                       ["member-morven-sinclair", "member-ross-menzies"])
        XCTAssertEqual(try object(thistle(laptopA, ["sync", "status"]))["digest"] as? String,
                       try object(thistle(laptopB, ["sync", "status"]))["digest"] as? String, "both show the same winners")

        // Only those who may change a field settle it; one laptop resolves, the other hears of it.
        let frontline = try object(thistle(laptopA, ["conflicts", "resolve", try XCTUnwrap(lead["id"] as? String), "--pick", "1"],
                                           as: "member-duncan-fairbairn", expect: 1))
        XCTAssertEqual(frontline["error"] as? String, "not-permitted")
        for conflict in onA {
            let id = try XCTUnwrap(conflict["id"] as? String)
            try thistle(laptopA, ["conflicts", "resolve", id, "--pick", "1"], as: "member-morven-sinclair")
        }
        let bad = try object(thistle(laptopA, ["conflicts", "resolve", "place/nowhere/name", "--pick", "1"],
                                     as: "member-morven-sinclair", expect: 1))
        XCTAssertEqual(bad["error"] as? String, "unknown-id")
        _ = try send(from: laptopA, to: laptopB, name: "resolved.bundle")
        XCTAssertEqual((try thistle(laptopB, ["conflicts", "list"]) as? [Any])?.count, 0)
        XCTAssertEqual(try object(thistle(laptopA, ["sync", "status"]))["digest"] as? String,
                       try object(thistle(laptopB, ["sync", "status"]))["digest"] as? String)

        // The same bundle again changes nothing; a damaged one is refused.
        let again = try object(thistle(laptopB, ["sync", "import", folder.appendingPathComponent("resolved.bundle").path]))
        XCTAssertEqual(again["new"] as? Int, 0)
        let damaged = folder.appendingPathComponent("damaged.bundle")
        var data = try Data(contentsOf: folder.appendingPathComponent("resolved.bundle"))
        data = data.prefix(data.count / 2)
        try data.write(to: damaged)
        let refused = try object(thistle(laptopB, ["sync", "import", damaged.path], expect: 1))
        XCTAssertEqual(refused["error"] as? String, "bundle-unreadable")
        // A file over the size limit is refused unread as a bundle that cannot be one.
        let huge = try Fixtures.sparseFile(at: folder.appendingPathComponent("huge.bundle"), bytes: 512 << 20 + 1)
        let tooLarge = try object(thistle(laptopB, ["sync", "import", huge], expect: 1))
        XCTAssertEqual(tooLarge["error"] as? String, "bundle-unreadable")
        XCTAssertEqual(tooLarge["message"] as? String, "the file is larger than 512 MiB")
    }

    /// The same story with the conflict settled in the workspace, at 80×24.
    func testAConflictIsResolvedInTheWorkspace() throws {
        let invite = folder.appendingPathComponent("invite.json").path
        try thistle(laptopA, ["team", "invite", "--out", invite])
        try thistle(laptopB, ["team", "join", invite])
        _ = try send(from: laptopA, to: laptopB, name: "first.bundle")
        try thistle(laptopA, ["priority", "update", "priority-levenmouth-2", "--rag", "red", "--reason", "Slipping"],
                    as: "member-morven-sinclair")
        try thistle(laptopB, ["priority", "update", "priority-levenmouth-2", "--title", "Jobs from the new rail link"],
                    as: "member-morven-sinclair")
        try thistle(laptopB, ["priority", "update", "priority-levenmouth-2", "--rag", "green", "--reason", "Ahead of plan"],
                    as: "member-morven-sinclair")
        _ = try send(from: laptopA, to: laptopB, name: "a-to-b.bundle")

        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", laptopB, "--as", "member-morven-sinclair"])
        try tmux.waitFor("Morven Sinclair")
        try tmux.send("6")
        let sync = try tmux.waitFor("the conflicts") { $0.contains("Open conflicts") && $0.contains("rag_reason") }
        XCTAssertTrue(sync.contains("2 open conflicts"), sync)
        try tmux.send("Enter")
        let sideBySide = try tmux.waitFor("the values side by side") { $0.contains("(shown now)") }
        XCTAssertTrue(sideBySide.contains("red") && sideBySide.contains("green"), sideBySide)
        try tmux.send("r")
        try tmux.waitFor("Keep 1")
        try tmux.send("Enter")
        try tmux.waitFor("one left") { $0.contains("1 open conflict ·") }
        try tmux.send("r")
        try tmux.waitFor("Keep 1")
        try tmux.send("Enter")
        try tmux.waitFor("none left") { $0.contains("No open conflict") }
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("after a resize") { $0.contains("No open conflict") && $0.contains("6 Sync") }
        try tmux.send("q")
        try tmux.waitFor("[exit status 0]")

        _ = try send(from: laptopB, to: laptopA, name: "b-to-a.bundle")
        XCTAssertEqual((try thistle(laptopA, ["conflicts", "list"]) as? [Any])?.count, 0)
        XCTAssertEqual(try object(thistle(laptopA, ["sync", "status"]))["digest"] as? String,
                       try object(thistle(laptopB, ["sync", "status"]))["digest"] as? String)
        let plan = try object(thistle(laptopA, ["plan", "show", "place-levenmouth"]))
        let priority = try XCTUnwrap((plan["priorities"] as? [[String: Any]])?.first { $0["id"] as? String == "priority-levenmouth-2" })
        XCTAssertEqual(priority["title"] as? String, "Jobs from the new rail link", "an edit on one side only merges")
    }
}
