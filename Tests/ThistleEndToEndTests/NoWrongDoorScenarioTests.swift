import Foundation
import PlaceDomain
import PlaceStore
import TestSupport
import XCTest

/// Issue 3's scenario through the command line: a need raised at the fire
/// service's door is declined, comes back, is re-routed and met, and the
/// case closes only when nothing is left open.
final class NoWrongDoorScenarioTests: DemoBinaryTestCase {


    /// Runs a verb as `member` with --json; returns status and the parsed object.
    @discardableResult
    func thistle(_ member: String, _ arguments: [String], expect status: Int32 = 0,
                 file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let result = try ThistleBinary.run(arguments + ["--db", database, "--as", member, "--json"])
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                             result.stdout, file: file, line: line)
    }

    func needs(_ file: [String: Any]) -> [[String: Any]] { file["needs"] as? [[String: Any]] ?? [] }
    func lastReferral(_ file: [String: Any]) -> String { (file["referrals"] as? [[String: Any]])?.last?["id"] as? String ?? "" }

    func testDeclinedNeedComesBackIsReroutedAndTheCaseClosesOnlyWhenNothingIsOpen() throws {
        let firefighter = "member-duncan-fairbairn"
        let housingOfficer = "member-kirsty-drummond"
        let homesWorker = "member-shona-paterson"

        // 1. The fire service opens a case at its door for a new resident with a housing and a money need.
        let resident = try thistle(firefighter, ["resident", "add", "--name", "Morag Testperson", "--dob", "1979-04-12",
                                                 "--postcode", "KY8 9ZQ", "--place", "place-methil"])
        let residentID = try XCTUnwrap(resident["id"] as? String)
        var file = try thistle(firefighter, ["case", "open", "--resident", residentID, "--need", "housing:urgent",
                                             "--need", "money-debt", "--note", "Smoke alarm visit; rent arrears."])
        let caseID = try XCTUnwrap(file["id"] as? String)
        XCTAssertEqual((file["door"] as? [String: String])?["agency"], "agency-sfrs-fife")
        XCTAssertEqual(file["lead"] as? String, firefighter)
        let housing = try XCTUnwrap(needs(file).first { $0["category"] as? String == "housing" }?["id"] as? String)
        let money = try XCTUnwrap(needs(file).first { $0["category"] as? String == "money-debt" }?["id"] as? String)

        // 2. Without consent the referral is refused; with consent it goes.
        let refused = try thistle(firefighter, ["case", "refer", caseID, "--need", housing,
                                                "--service", "service-fife-rent-arrears-early-help"], expect: 1)
        XCTAssertEqual(refused["error"] as? String, "consent-missing")
        try thistle(firefighter, ["case", "consent", caseID, "--agency", "agency-fife-council-housing",
                                  "--agency", "agency-kingdom-homes"])
        file = try thistle(firefighter, ["case", "refer", caseID, "--need", housing,
                                         "--service", "service-fife-rent-arrears-early-help"])
        let first = lastReferral(file)

        // 3. Only the housing agency may answer; it declines with a reason.
        let wrongAgency = try thistle(firefighter, ["referral", "decline", first, "--reason", "no"], expect: 1)
        XCTAssertEqual(wrongAgency["error"] as? String, "not-permitted")
        try thistle(housingOfficer, ["referral", "decline", first, "--reason", "Below our arrears threshold"])

        // 4. The lead sees the need returned, first in `cases mine` and in the case.
        let mine = try ThistleBinary.run(["cases", "mine", "--db", database, "--as", firefighter, "--json"])
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(mine.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.first?["need"] as? String, housing)
        XCTAssertEqual(rows.first?["returned"] as? Bool, true)
        XCTAssertEqual(Set(rows[0].keys),
                       ["case", "need", "referral", "place", "urgency", "status", "returned", "stalled", "since"])
        let queue = try ThistleBinary.run(["queue", "--place", "place-methil", "--db", database, "--as", "member-aileen-baxter",
                                           "--json"])
        XCTAssertTrue(queue.stdout.contains(housing), "the returned need is back in the Methil triage queue")
        file = try thistle(firefighter, ["case", "show", caseID])
        let returned = try XCTUnwrap(needs(file).first { $0["id"] as? String == housing })
        XCTAssertEqual(returned["status"] as? String, "open")
        XCTAssertEqual(returned["returned"] as? Bool, true)

        // 5. The case cannot close while needs are open.
        let early = try thistle(firefighter, ["case", "close", caseID], expect: 1)
        XCTAssertEqual(early["error"] as? String, "need-still-open")

        // 6. Re-routed, accepted and completed successfully: the need is met.
        file = try thistle(firefighter, ["case", "refer", caseID, "--need", housing,
                                         "--service", "service-kingdom-homes-supported-living"])
        let second = lastReferral(file)
        try thistle(homesWorker, ["referral", "accept", second])
        // The homes worker serves Kirkcaldy, not Methil: they answer the referral but see the case redacted.
        let answered = try thistle(homesWorker, ["referral", "complete", second, "--outcome", "successful"])
        XCTAssertEqual(answered["redacted"] as? Bool, true)
        XCTAssertNil(answered["resident"])
        file = try thistle(firefighter, ["case", "show", caseID])
        XCTAssertEqual(needs(file).first { $0["id"] as? String == housing }?["status"] as? String, "met")

        // 7. The money need is closed with a reason (a blank one is refused), and the case closes.
        let blank = try thistle(firefighter, ["need", "close", money, "--reason", "  "], expect: 1)
        XCTAssertEqual(blank["error"] as? String, "invalid-input")
        try thistle(firefighter, ["need", "close", money, "--reason", "Resident chose their own adviser"])
        file = try thistle(firefighter, ["case", "close", caseID])
        XCTAssertEqual(file["status"] as? String, "closed")
    }

    func testTheLeadChasesAServiceOffThistleAndRecordsItsAnswer() throws {
        let lead = "member-aileen-baxter"
        let creditUnion = "service-levenmouth-credit-union-affordable-loans"
        let resident = try thistle(lead, ["resident", "add", "--name", "Ewan Testperson", "--dob", "1988-02-03",
                                          "--postcode", "KY8 4ZQ", "--place", "place-leven"])
        var file = try thistle(lead, ["case", "open", "--resident", try XCTUnwrap(resident["id"] as? String),
                                      "--need", "money-debt:soon"])
        let caseID = try XCTUnwrap(file["id"] as? String)
        let money = try XCTUnwrap(needs(file).first?["id"] as? String)
        try thistle(lead, ["case", "consent", caseID, "--agency", "agency-levenmouth-credit-union"])
        file = try thistle(lead, ["case", "refer", caseID, "--need", money, "--service", creditUnion])
        let referral = lastReferral(file)

        // Only the lead chases; a chase changes no state.
        let notLead = try thistle("member-ross-menzies", ["referral", "chase", referral], expect: 1)
        XCTAssertEqual(notLead["error"] as? String, "not-permitted")
        let chased = try thistle(lead, ["referral", "chase", referral])
        XCTAssertEqual(chased["referrals"] as? NSArray, file["referrals"] as? NSArray)

        // The credit union has no members on Thistle: the lead records its decline.
        file = try thistle(lead, ["referral", "decline", referral, "--reason", "Not a member of the credit union yet"])
        XCTAssertEqual((file["referrals"] as? [[String: Any]])?.last?["status"] as? String, "declined")
        XCTAssertEqual(needs(file).first?["returned"] as? Bool, true)
        let late = try thistle(lead, ["referral", "chase", referral], expect: 1)
        XCTAssertEqual(late["error"] as? String, "invalid-transition")

        let store = try PlaceStore.open(at: database)
        let kinds = try store.caseEvents(CaseID(caseID)).map(\.kind)
        XCTAssertEqual(kinds.suffix(4), ["referred", "referral-chased", "referral-declined", "need-returned"])
    }

    func testALikelyDuplicateResidentIsRefusedWithCandidatesUnlessConfirmed() throws {
        let worker = "member-duncan-fairbairn"
        let arguments = ["resident", "add", "--name", "Siobhán MacDonald", "--dob", "1990-02-03",
                         "--postcode", "KY1 9ZA", "--place", "place-methil"]
        let first = try thistle(worker, arguments)
        let again = try thistle(worker, ["resident", "add", "--name", "Siobhan Macdonald", "--dob", "1990-02-03",
                                         "--postcode", "KY2 9ZB", "--place", "place-leven"], expect: 1)
        XCTAssertEqual(again["error"] as? String, "possible-duplicate")
        XCTAssertEqual((again["candidates"] as? [[String: Any]])?.first?["id"] as? String, first["id"] as? String)
        try thistle(worker, ["resident", "add", "--name", "Siobhan Macdonald", "--dob", "1990-02-03",
                             "--postcode", "KY2 9ZB", "--place", "place-leven", "--confirm-new"])
        for (flag, value) in [("--dob", "2990-01-01"), ("--dob", "1990-02-30"), ("--name", " ")] {
            var bad = arguments
            bad[bad.firstIndex(of: flag)! + 1] = value
            let refused = try thistle(worker, bad, expect: 1)
            XCTAssertEqual(refused["error"] as? String, "invalid-input", "\(flag) \(value)")
        }
    }

    func testResidentsAreFoundCorrectedAndMergedAndNotesAreKept() throws {
        let lead = "member-alasdair-kerr"
        let found = try ThistleBinary.run(["resident", "find", "res-0001", "--db", database, "--as", lead, "--json"])
        XCTAssertTrue(found.stdout.contains("\"res-0001\""), found.stdout)
        let updated = try thistle(lead, ["resident", "update", "res-0001", "--postcode", "KY1 9ZZ"])
        XCTAssertEqual(updated["postcode"] as? String, "KY1 9ZZ")
        XCTAssertEqual(try thistle(lead, ["resident", "update", "res-0001", "--dob", "2999-01-01"], expect: 1)["error"]
                       as? String, "invalid-input")
        XCTAssertEqual(try thistle("member-aileen-baxter", ["resident", "merge", "res-0001", "res-0002"], expect: 1)["error"]
                       as? String, "not-permitted")
        try thistle(lead, ["resident", "merge", "res-0001", "res-0002"])
        let gone = try ThistleBinary.run(["resident", "find", "res-0002", "--db", database, "--as", lead, "--json"])
        XCTAssertEqual(gone.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "[]", "a merged record is not listed")
        let store = try PlaceStore.open(at: database)
        XCTAssertEqual(try store.resident("res-0002")?.id, "res-0001", "the merged id resolves to the kept record")
        let caseID = try XCTUnwrap(try store.casesLed(by: "member-alasdair-kerr", now: Date()).first?.caseID.rawValue)
        try store.close()
        try thistle(lead, ["case", "note", caseID, "--text", "Phoned; visiting on Tuesday."])
        XCTAssertEqual(try thistle("member-rhona-lennox", ["case", "note", caseID, "--text", "x"], expect: 1)["error"]
                       as? String, "not-permitted")
        XCTAssertEqual(try thistle(lead, ["case", "note", caseID, "--text", "  "], expect: 1)["error"] as? String,
                       "invalid-input")
        let check = try PlaceStore.open(at: database)
        XCTAssertEqual(try check.notes(on: CaseID(caseID)).map(\.text), ["(locked)"], "sealed until someone signs in")
        try check.unlock(try check.signIn(MemberID(lead), passphrase: "demo"))
        XCTAssertEqual(try check.notes(on: CaseID(caseID)).map(\.text), ["Phoned; visiting on Tuesday."])
    }

    /// Every row and the size of the op log: what "changed nothing" means for a Thistle database.
    func snapshot() throws -> String {
        let store = try PlaceStore.open(at: database)
        defer { try? store.close() }
        return try store.contentDump() + "\nops: \(store.logCounts().ops)"
    }

    func testUnknownIdsAreRefusedAndChangeNothing() throws {
        let before = try snapshot()
        for arguments in [["case", "show", "case-none"], ["referral", "accept", "ref-none"],
                          ["need", "close", "need-none", "--reason", "x"]] {
            let refused = try thistle("member-duncan-fairbairn", arguments, expect: 1)
            XCTAssertEqual(refused["error"] as? String, "unknown-id", "\(arguments)")
        }
        XCTAssertEqual(try snapshot(), before)
    }
}
