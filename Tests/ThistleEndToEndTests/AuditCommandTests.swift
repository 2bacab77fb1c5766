import Foundation
import TestSupport
import XCTest

/// The audit trail from the command line: openings and exports are
/// recorded, a lead sees who viewed a case, and tampering with the
/// database by raw SQL is caught by `audit verify`.
final class AuditCommandTests: DemoBinaryTestCase {


    func run(_ arguments: [String], as member: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try ThistleBinary.run(arguments + ["--db", database, "--as", member])
    }

    func json(_ arguments: [String], as member: String, expect status: Int32 = 0) throws -> Any {
        let result = try run(arguments + ["--json"], as: member)
        XCTAssertEqual(result.status, status, result.stderr)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func testOpeningsAreShownToTheLeadAndTamperingIsCaught() throws {
        let mine = try XCTUnwrap(json(["cases", "mine"], as: "member-aileen-baxter") as? [[String: Any]])
        let caseID = try XCTUnwrap(mine.first?["case"] as? String)
        _ = try json(["case", "show", caseID], as: "member-aileen-baxter")
        _ = try run(["report", "dashboard", "--place", "place-levenmouth", "--format", "md"], as: "member-euan-mackie")

        let trail = try XCTUnwrap(json(["audit", "show", "--case", caseID], as: "member-morven-sinclair") as? [[String: Any]])
        XCTAssertEqual(trail.first?["member"] as? String, "member-aileen-baxter")
        XCTAssertEqual(trail.first?["action"] as? String, "view")
        XCTAssertEqual(trail.first?["device"] as? String, "device-demo")
        let frontline = try XCTUnwrap(json(["audit", "show", "--case", caseID], as: "member-ross-menzies", expect: 1)
                                        as? [String: Any])
        XCTAssertEqual(frontline["error"] as? String, "not-permitted", "only those accountable for the case see its audit")

        let intact = try XCTUnwrap(json(["audit", "verify"], as: "member-graham-anderson") as? [String: Any])
        XCTAssertEqual(intact["intact"] as? Bool, true)

        // Someone with the file and sqlite3 hides the opening.
        try Spawn.output(["sqlite3", database,
                          "UPDATE audit_entry SET member_id = 'member-graham-anderson' WHERE action = 'view'"])
        let broken = try XCTUnwrap(json(["audit", "verify"], as: "member-graham-anderson", expect: 1) as? [String: Any])
        XCTAssertEqual(broken["error"] as? String, "audit-broken")
        XCTAssertTrue((broken["message"] as? String ?? "").contains("edited"), "\(broken)")
    }
}
