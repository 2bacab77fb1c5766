import Foundation
import TestSupport
import XCTest

/// The plan, pot, evidence and report verbs as a team lead, an analyst and
/// a frontline worker use them, with the refusals they meet.
final class PlanCommandTests: DemoBinaryTestCase {
    let lead = "member-morven-sinclair"
    let analyst = "member-euan-mackie"


    @discardableResult
    func thistle(_ member: String?, _ arguments: [String], expect status: Int32 = 0,
                 file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        let result = try ThistleBinary.run(arguments + ["--db", database, "--json"] + (member.map { ["--as", $0] } ?? []))
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func object(_ value: Any) throws -> [String: Any] { try XCTUnwrap(value as? [String: Any]) }

    func testALeadWalksThePlanReRatesAddsAnActionAndAllocatesWithinThePot() throws {
        let plan = try object(thistle("member-morven-sinclair", ["plan", "show", "place-levenmouth"]))
        let priorities = try XCTUnwrap(plan["priorities"] as? [[String: Any]])
        XCTAssertEqual(priorities.first?["rag"] as? String, "red", "worst first")
        let id = try XCTUnwrap(priorities.first?["id"] as? String)

        let rated = try object(thistle(lead, ["priority", "update", id, "--rag", "amber", "--reason", "Outreach started"]))
        XCTAssertEqual(rated["rag"] as? String, "amber")
        XCTAssertEqual(rated["ragReason"] as? String, "Outreach started")
        let action = try object(thistle(lead, ["action", "add", "--priority", id, "--title", "Naloxone in every pharmacy",
                                               "--owner", "member-ross-menzies", "--due", "2027-02-28"]))
        XCTAssertEqual(action["status"] as? String, "not-started")
        let bad = try object(thistle(lead, ["action", "add", "--priority", id, "--title", "x", "--owner", "member-ross-menzies",
                                            "--due", "2027-02-30"], expect: 1))
        XCTAssertEqual(bad["error"] as? String, "invalid-input")

        let pot = try object(thistle("member-morven-sinclair", ["pot", "show", "place-levenmouth"]))
        let stream = try XCTUnwrap((pot["streams"] as? [[String: Any]])?.first)
        let streamID = try XCTUnwrap(stream["id"] as? String)
        let left = try XCTUnwrap(stream["remaining"] as? Int)
        let over = try object(thistle(lead, ["pot", "allocate", "--stream", streamID, "--priority", id, "--amount", String(left + 1)],
                                      expect: 1))
        XCTAssertEqual(over["error"] as? String, "over-allocated")
        try thistle(lead, ["pot", "allocate", "--stream", streamID, "--priority", id, "--amount", String(left)])
        let after = try object(thistle("member-morven-sinclair", ["pot", "show", "place-levenmouth"]))
        XCTAssertEqual(after["unallocated"] as? Int, (pot["unallocated"] as? Int ?? 0) - left)
        XCTAssertEqual((after["streams"] as? [[String: Any]])?.first?["remaining"] as? Int, 0)

        let frontline = try object(thistle("member-aileen-baxter", ["priority", "update", id, "--title", "Mine now"], expect: 1))
        XCTAssertEqual(frontline["error"] as? String, "not-permitted")
        let elsewhere = try object(thistle("member-iain-brodie", ["priority", "update", id, "--title", "Mine now"], expect: 1))
        XCTAssertEqual(elsewhere["error"] as? String, "not-permitted", "a lead serving another area may not")
        let unknown = try object(thistle(lead, ["priority", "update", "priority-nowhere", "--title", "x"], expect: 1))
        XCTAssertEqual(unknown["error"] as? String, "unknown-id")
    }

    func testAnAnalystImportsIndicatorValuesAllOrNothing() throws {
        let before = try XCTUnwrap(thistle("member-morven-sinclair", ["indicator", "list", "--place", "place-levenmouth"]) as? [[String: Any]])
        let csv = folder.appendingPathComponent("values.csv")
        try """
            indicator,place,period,value,numerator,denominator
            indicator-deliberate-fires,place-leven,2026-Q4,4,,
            indicator-child-poverty,place-leven,2026-Q4,12,,
            """.write(to: csv, atomically: true, encoding: .utf8)
        let refused = try ThistleBinary.run(["indicator", "import", csv.path, "--db", database, "--as", analyst])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("values.csv:3: indicator-child-poverty is a rate"), refused.stderr)
        XCTAssertEqual((try thistle("member-morven-sinclair", ["indicator", "list", "--place", "place-levenmouth"]) as? [[String: Any]])?.count,
                       before.count)
        let fires = { (rows: [[String: Any]]) in rows.first { $0["id"] as? String == "indicator-deliberate-fires" }?["period"] as? String }
        XCTAssertEqual(fires(try XCTUnwrap(thistle("member-morven-sinclair", ["indicator", "list", "--place", "place-levenmouth"]) as? [[String: Any]])),
                       "2026-Q3", "nothing was imported")
        try """
            indicator,place,period,value,numerator,denominator
            indicator-deliberate-fires,place-leven,2026-Q4,4,,
            indicator-child-poverty,place-leven,2026-Q4,,120,400
            """.write(to: csv, atomically: true, encoding: .utf8)
        let summary = try object(thistle(analyst, ["indicator", "import", csv.path]))
        XCTAssertEqual(summary["imported"] as? Int, 2)
        let frontline = try object(thistle("member-aileen-baxter", ["indicator", "import", csv.path], expect: 1))
        XCTAssertEqual(frontline["error"] as? String, "not-permitted")
    }

    func testEvidenceAndLearningAreRecordedAndBadInputChangesNothing() throws {
        var scores = ["--score", "feeling-safe=3"]
        let refused = try object(thistle(analyst, ["placestandard", "add", "--place", "place-leven", "--date", "2026-11-01",
                                                   "--group", "Panel", "--respondents", "12"] + scores, expect: 1))
        XCTAssertEqual(refused["message"] as? String, "The theme moving-around has no score.")
        scores = ["moving-around", "public-transport", "traffic-and-parking", "streets-and-spaces", "natural-space",
                  "play-and-recreation", "facilities-and-amenities", "work-and-local-economy", "housing-and-community",
                  "social-contact", "identity-and-belonging", "feeling-safe", "care-and-maintenance",
                  "influence-and-sense-of-control"].flatMap { ["--score", "\($0)=4"] }
        let saved = try object(thistle(analyst, ["placestandard", "add", "--place", "place-leven", "--date", "2026-11-01",
                                                 "--group", "Panel", "--respondents", "12"] + scores))
        XCTAssertEqual((saved["scores"] as? [String: Int])?.count, 14)
        let future = try object(thistle(analyst, ["placestandard", "add", "--place", "place-leven", "--date", "2099-01-01",
                                                  "--group", "Panel", "--respondents", "12"] + scores, expect: 1))
        XCTAssertEqual(future["error"] as? String, "invalid-input")
        let voice = try object(thistle(lead, ["voice", "add", "--place", "place-leven", "--text", "The last bus is at six.",
                                              "--source", "survey", "--theme", "public-transport"]))
        XCTAssertEqual(voice["kind"] as? String, "community-voice")
        let badTheme = try object(thistle(lead, ["voice", "add", "--place", "place-leven", "--text", "x", "--source", "survey",
                                                 "--theme", "weather"], expect: 1))
        XCTAssertEqual(badTheme["error"] as? String, "unknown-id")
        let learning = try object(thistle(lead, ["learning", "add", "--place", "place-levenmouth", "--kind", "obstacle",
                                                 "--title", "Data sharing", "--text", "The agreement took four months."]))
        XCTAssertEqual(learning["byID"] as? String, lead)
        let blank = try object(thistle(lead, ["learning", "add", "--place", "place-levenmouth", "--kind", "obstacle",
                                              "--title", "  ", "--text", "x"], expect: 1))
        XCTAssertEqual(blank["error"] as? String, "invalid-input")
    }

    func testTheBoardReportIsWrittenToAFile() throws {
        let out = folder.appendingPathComponent("levenmouth.html")
        let result = try ThistleBinary.run(["report", "dashboard", "--place", "place-levenmouth", "--format", "html",
                                            "--out", out.path, "--db", database, "--as", "member-euan-mackie"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.contains("Levenmouth: place dashboard"))
        XCTAssertFalse(html.contains("<script"))
        let unknown = try object(thistle("member-morven-sinclair", ["report", "dashboard", "--place", "place-atlantis"], expect: 1))
        XCTAssertEqual(unknown["error"] as? String, "unknown-id")
        let nowhere = try ThistleBinary.run(["report", "dashboard", "--place", "place-levenmouth", "--out",
                                             folder.appendingPathComponent("no/such/folder.html").path, "--db", database,
                                             "--as", "member-euan-mackie"])
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.stderr.contains("does not exist"), nowhere.stderr)
    }
}
