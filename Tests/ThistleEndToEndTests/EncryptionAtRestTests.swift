import Foundation
import TestSupport
import XCTest

/// A lost laptop's database gives away nothing personal: after the demo is
/// built and worked with (a new resident, a case, notes, a decline), no
/// resident's name or postcode and no case text is in the bytes of the
/// database file or its write-ahead log. And erasure from the command line.
final class EncryptionAtRestTests: DemoBinaryTestCase {
    func json(_ arguments: [String], as member: String, expect status: Int32 = 0) throws -> [String: Any] {
        let result = try ThistleBinary.run(arguments + ["--db", database, "--as", member, "--json"])
        XCTAssertEqual(result.status, status, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
    }

    func list(_ arguments: [String], as member: String) throws -> [[String: Any]] {
        let result = try ThistleBinary.run(arguments + ["--db", database, "--as", member, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], result.stdout)
    }

    /// The demo's own personal details: residents' names and postcodes, and
    /// the cases' free text, leaving out any word that also appears in the
    /// files that are not about residents (a postcode shared with a police
    /// office). Names shorter than six letters are left out too: four
    /// letters turn up by chance in a megabyte of base64 ciphertext.
    func demoSecrets() throws -> Set<String> {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sample-data/fife")
        let files = try FileManager.default.contentsOfDirectory(atPath: sample.path)
        let notPersonal = try files.filter { $0 != "residents.csv" && $0 != "cases.json" }
            .map { try String(contentsOf: sample.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        var secrets = Set<String>()
        let rows = try String(contentsOf: sample.appendingPathComponent("residents.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        for row in rows where row.count == 6 {
            for value in [row[1], row[2], row[4]] where value.count >= 6 { secrets.insert(value) }
        }
        func texts(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, member) in object {
                    if ["summary", "closedReason", "reason", "text"].contains(key), let text = member as? String, text.count >= 12 {
                        secrets.insert(text)
                    } else {
                        texts(member)
                    }
                }
            } else if let array = value as? [Any] {
                array.forEach(texts)
            }
        }
        texts(try JSONSerialization.jsonObject(with: Data(contentsOf: sample.appendingPathComponent("cases.json"))))
        return secrets.filter { !notPersonal.contains($0) }
    }

    func testNoPersonalDetailIsInTheDatabaseFileOrItsLog() throws {
        let firefighter = "member-duncan-fairbairn"
        let resident = try json(["resident", "add", "--name", "Morag Scanperson", "--dob", "1979-04-12",
                                 "--postcode", "KY8 9ZQ", "--place", "place-methil"], as: firefighter)
        let residentID = try XCTUnwrap(resident["id"] as? String)
        let file = try json(["case", "open", "--resident", residentID, "--need", "housing:urgent",
                             "--note", "Smoke alarm visit; rent arrears."], as: firefighter)
        let caseID = try XCTUnwrap(file["id"] as? String)
        _ = try json(["case", "note", caseID, "--text", "Neighbour says the boiler failed in October."], as: firefighter)
        XCTAssertEqual(try list(["resident", "find", "Scanperson"], as: firefighter).first?["name"] as? String,
                       "Morag Scanperson", "the member reads what the file holds sealed")

        var secrets = try demoSecrets()
        XCTAssertGreaterThan(secrets.count, 500, "the scan looks for the demo's names, postcodes and case text")
        secrets.formUnion(["Morag", "Scanperson", "KY8 9ZQ", "Smoke alarm visit", "boiler failed"])
        var bytes = Data()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: database + suffix) {
            bytes += try Data(contentsOf: URL(fileURLWithPath: database + suffix))
        }
        XCTAssertGreaterThan(bytes.count, 1_000_000)
        let found = secrets.filter { bytes.range(of: Data($0.utf8)) != nil }
        XCTAssertEqual(found.sorted(), [], "in the clear in the database or its log")
    }

    func testEraseNeedsALeadAReasonAndClosedCasesAndLeavesTheCaseCountedButUnreadable() throws {
        let lead = "member-morven-sinclair", worker = "member-aileen-baxter"
        let residentID = try XCTUnwrap(try json(["resident", "add", "--name", "Ishbel Erasetest", "--dob", "1988-02-03",
                                                 "--postcode", "KY8 9ZQ", "--place", "place-methil"], as: worker)["id"] as? String)
        let file = try json(["case", "open", "--resident", residentID, "--need", "food:routine", "--note", "Asked for help."],
                            as: worker)
        let caseID = try XCTUnwrap(file["id"] as? String)
        let needID = try XCTUnwrap((file["needs"] as? [[String: Any]])?.first?["id"] as? String)
        let erase = ["resident", "erase", residentID, "--reason", "Erasure request ER-2026-3"]

        XCTAssertEqual(try json(erase, as: worker, expect: 1)["error"] as? String, "not-permitted", "frontline members do not erase")
        XCTAssertEqual(try json(["resident", "erase", residentID, "--reason", " "], as: lead, expect: 1)["error"] as? String,
                       "invalid-input", "an erasure needs its reason")
        let open = try json(erase, as: lead, expect: 1)
        XCTAssertEqual(open["error"] as? String, "invalid-input")
        XCTAssertTrue((open["message"] as? String ?? "").contains(caseID), "names the open case to close first")
        XCTAssertEqual(try list(["resident", "find", residentID], as: worker).first?["name"] as? String, "Ishbel Erasetest",
                       "refusals changed nothing")

        _ = try json(["need", "close", needID, "--reason", "Resident moved away"], as: worker)
        _ = try json(["case", "close", caseID], as: worker)
        XCTAssertEqual(try json(erase, as: lead)["erased"] as? [String], [residentID])
        XCTAssertEqual(try json(erase, as: lead, expect: 1)["error"] as? String, "invalid-input", "erased already")

        let after = try json(["case", "show", caseID], as: worker)
        XCTAssertEqual(after["id"] as? String, caseID, "the case is still there, and counted")
        XCTAssertEqual(try list(["resident", "find", residentID], as: worker).first?["name"] as? String, "(erased) (erased)")
        XCTAssertFalse("\(after)".contains("Ishbel"))
    }
}
