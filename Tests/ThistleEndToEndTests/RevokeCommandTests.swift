import Foundation
import TestSupport
import XCTest

/// `team revoke` from the command line: admins only; the lost laptop's
/// bundles are refused; the other laptop is asked to sign in again, then
/// reads what was written under the new key.
final class RevokeCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    @discardableResult
    func thistle(_ db: String, _ arguments: [String], as member: String = "member-morven-sinclair", expect status: Int32 = 0,
                 file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let result = try ThistleBinary.run(arguments + ["--db", db, "--json", "--as", member])
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
    }

    func testAnAdminRevokesALostLaptop() throws {
        let a = folder.appendingPathComponent("a.sqlite").path, b = folder.appendingPathComponent("b.sqlite").path,
            lost = folder.appendingPathComponent("lost.sqlite").path
        XCTAssertEqual(try ThistleBinary.run(["demo", "--db", a, "--no-tui"]).status, 0)
        for (path, name) in [(b, "b"), (lost, "lost")] {
            let invite = folder.appendingPathComponent("\(name).invite").path
            try thistle(a, ["team", "invite", "--out", invite, "--name", name])
            try thistle(path, ["team", "join", invite])
            let bundle = folder.appendingPathComponent("to-\(name).bundle").path
            try thistle(a, ["sync", "export", "--out", bundle])
            try thistle(path, ["sync", "import", bundle])
        }
        let lostDevice = try XCTUnwrap(thistle(lost, ["sync", "status"])["device"] as? String)

        let refused = try thistle(a, ["team", "revoke", lostDevice], expect: 1)
        XCTAssertEqual(refused["error"] as? String, "not-permitted")
        let revoked = try thistle(a, ["team", "revoke", lostDevice], as: "member-graham-anderson")
        XCTAssertEqual(revoked["keyGeneration"] as? Int, 2)
        try thistle(a, ["priority", "update", "priority-levenmouth-1", "--rag", "amber", "--reason", "After the loss"])
        let bundle = folder.appendingPathComponent("after.bundle").path
        try thistle(a, ["sync", "export", "--out", bundle])

        // B's kept sign-in predates the new key: the import asks for a new sign-in, which the passphrase file gives.
        let asked = try thistle(b, ["sync", "import", bundle], expect: 1)
        XCTAssertEqual(asked["error"] as? String, "sign-in", "\(asked)")
        try thistle(b, ["sync", "import", bundle])
        let plan = try thistle(b, ["plan", "show", "place-levenmouth"])
        let priority = try XCTUnwrap((plan["priorities"] as? [[String: Any]])?.first { $0["id"] as? String == "priority-levenmouth-1" })
        XCTAssertEqual(priority["rag"] as? String, "amber")

        // What the lost laptop sends is refused.
        let stolen = folder.appendingPathComponent("stolen.bundle").path
        try thistle(lost, ["sync", "export", "--out", stolen])
        let refusedBundle = try thistle(a, ["sync", "import", stolen], expect: 1)
        XCTAssertEqual(refusedBundle["error"] as? String, "bundle-refused")
    }
}
