import Foundation
import TestSupport
import XCTest

/// Retention review and subject access from the command line.
final class RetentionAndSubjectAccessTests: DemoBinaryTestCase {


    func json(_ arguments: [String], as member: String, expect status: Int32 = 0) throws -> Any {
        let result = try ThistleBinary.run(arguments + ["--db", database, "--as", member, "--json"])
        XCTAssertEqual(result.status, status, result.stderr)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// Runs thistle with the clock at `date` (libfaketime).
    func json(at date: String, _ arguments: [String], as member: String) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/faketime")
        process.arguments = [date, ThistleBinary.path] + arguments + ["--db", database, "--as", member, "--json"]
        process.environment = ProcessInfo.processInfo.environment.merging(SignInEnvironment.demo) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return try JSONSerialization.jsonObject(with: data)
    }

    func testClosedCasesShowOnceTheirPlacesRetentionPeriodHasPassed() throws {
        let frontline = try XCTUnwrap(json(["retention", "review"], as: "member-aileen-baxter", expect: 1) as? [String: Any])
        XCTAssertEqual(frontline["error"] as? String, "not-permitted")
        XCTAssertEqual((try json(["retention", "review"], as: "member-morven-sinclair") as? [Any])?.count, 0,
                       "the demo's cases closed this year")
        let later = try XCTUnwrap(try json(at: "2033-01-01 00:00:00", ["retention", "review"], as: "member-morven-sinclair")
                                    as? [[String: Any]])
        XCTAssertFalse(later.isEmpty, "six years on, Levenmouth's closed cases are due")
        XCTAssertTrue(later.allSatisfy { $0["retentionYears"] as? Int == 6 })
        let places = try XCTUnwrap(json(["places"], as: "member-morven-sinclair") as? [[String: Any]])
        let members = try XCTUnwrap(json(["members"], as: "member-morven-sinclair") as? [[String: Any]])
        let hers = Set(try XCTUnwrap(members.first { $0["id"] as? String == "member-morven-sinclair" }?["places"] as? [String]))
        let served = hers.union(places.filter { hers.contains($0["parent"] as? String ?? "") }.compactMap { $0["id"] as? String })
        XCTAssertTrue(later.allSatisfy { served.contains($0["place"] as? String ?? "") }, "only the places she serves")
    }

    func testASubjectAccessExportHoldsTheirCasesNotesAndWhoViewedThem() throws {
        let mine = try XCTUnwrap(json(["cases", "mine"], as: "member-aileen-baxter") as? [[String: Any]])
        let caseID = try XCTUnwrap(mine.first?["case"] as? String)
        let shown = try XCTUnwrap(json(["case", "show", caseID], as: "member-aileen-baxter") as? [String: Any])
        let resident = try XCTUnwrap(shown["resident"] as? String)
        _ = try json(["case", "note", caseID, "--text", "Asked for a copy of her records"], as: "member-aileen-baxter")

        let refused = try XCTUnwrap(json(["resident", "export", resident, "--request", "SAR-2026-041"],
                                         as: "member-aileen-baxter", expect: 1) as? [String: Any])
        XCTAssertEqual(refused["error"] as? String, "not-permitted")
        let blank = try XCTUnwrap(json(["resident", "export", resident, "--request", " "], as: "member-morven-sinclair",
                                       expect: 1) as? [String: Any])
        XCTAssertEqual(blank["error"] as? String, "invalid-input")

        let out = folder.appendingPathComponent("sar.json")
        let result = try ThistleBinary.run(["resident", "export", resident, "--request", "SAR-2026-041", "--out", out.path,
                                            "--db", database, "--as", "member-morven-sinclair"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let attributes = try FileManager.default.attributesOfItem(atPath: out.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let export = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        XCTAssertEqual(export["request"] as? String, "SAR-2026-041")
        XCTAssertEqual((export["resident"] as? [String: Any])?["id"] as? String, resident)
        let cases = try XCTUnwrap(export["cases"] as? [[String: Any]])
        let exported = try XCTUnwrap(cases.first { $0["id"] as? String == caseID })
        XCTAssertTrue((exported["notes"] as? [[String: Any]] ?? []).contains { $0["text"] as? String == "Asked for a copy of her records" })
        let viewers = (exported["viewedOrChangedBy"] as? [[String: Any]] ?? [])
        XCTAssertTrue(viewers.contains { $0["member"] as? String == "Aileen Baxter" && $0["action"] as? String == "view" })

        let trail = try XCTUnwrap(json(["audit", "show", "--case", caseID], as: "member-morven-sinclair") as? [[String: Any]])
        XCTAssertTrue(trail.contains { $0["action"] as? String == "export" && ($0["detail"] as? String ?? "").contains("SAR-2026-041") },
                      "the export is in the audit trail")
    }
}
