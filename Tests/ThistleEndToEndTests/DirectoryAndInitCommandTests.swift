import Foundation
import TestSupport
import XCTest

/// A new team's own place (`thistle init`) and its service directory in
/// and out as Open Referral UK (`thistle directory`), through the binary
/// and the shipped samples in sample-data/.
final class DirectoryAndInitCommandTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data")
    static let admin = "member-isla-drummond"
    var folder: URL!
    var passphrase: String!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
        passphrase = SignInEnvironment.passphraseFile("thistle fern harbour", in: folder)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func sample(_ path: String) -> String { Self.samples.appendingPathComponent(path).path }

    /// Runs thistle with no config of the user's; every passphrase asked for, new or not, is the one file's.
    @discardableResult
    func run(_ arguments: [String], expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let result = try ThistleBinary.run(arguments, environment: [
            "XDG_CONFIG_HOME": folder.path, "THISTLE_NEW_PASSPHRASE_FILE": passphrase, "THISTLE_PASSPHRASE_FILE": passphrase,
        ])
        XCTAssertEqual(result.status, status, "\(arguments): \(result.stdout) \(result.stderr)", file: file, line: line)
        return result
    }

    func json(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try run(arguments + ["--json"], file: file, line: line).stdout.utf8))
    }

    /// A new team database from the sample team files.
    func newTeam(_ name: String, places: String? = nil) throws -> String {
        let db = folder.appendingPathComponent(name).path
        try run(["init", "--db", db, "--places", places ?? sample("new-team/places.csv"), "--agencies", sample("new-team/agencies.csv"),
                 "--members", sample("new-team/members.csv"), "--yes"])
        return db
    }

    func importDirectory(_ path: String, into db: String, _ extra: [String] = []) throws -> [String: Any] {
        try XCTUnwrap(try json(["directory", "import", path, "--db", db, "--as", Self.admin,
                                "--mapping", sample("openreferral/taxonomy-map.csv")] + extra) as? [String: Any])
    }

    func files(in dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            files[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return files
    }

    // MARK: - init

    func testInitMakesATeamWhoseAdminSignsInAndSetsTheOthersPassphrases() throws {
        let db = try newTeam("team.sqlite")
        let places = try XCTUnwrap(try json(["places", "--db", db]) as? [[String: Any]])
        XCTAssertEqual(places.count, 8)
        XCTAssertEqual(places.first { $0["id"] as? String == "place-methil" }?["parent"] as? String, "place-levenmouth")
        let agencies = try XCTUnwrap(try json(["agencies", "--db", db]) as? [[String: Any]])
        XCTAssertEqual(Set(agencies.compactMap { $0["id"] as? String }).count, 4)
        // The admin signs in with the passphrase given at init; the need categories every team shares are there.
        try run(["cases", "mine", "--db", db, "--as", Self.admin, "--json"])
        let categories = try XCTUnwrap(try json(["services", "--db", db, "--need", "money-debt"]) as? [[String: Any]])
        XCTAssertEqual(categories.count, 0, "a new team has no services yet, but knows the category")
        // Another member has no passphrase until an admin sets one.
        let refused = try run(["cases", "mine", "--db", db, "--as", "member-callum-reid", "--json"], expect: 1)
        XCTAssertTrue(refused.stdout.contains("sign-in"), refused.stdout)
        try run(["member", "passphrase", "member-callum-reid", "--db", db, "--as", Self.admin])
        try run(["cases", "mine", "--db", db, "--as", "member-callum-reid", "--json"])
    }

    func testInitShowsWhatItWillMakeAndMakesNothingWithoutYes() throws {
        let db = folder.appendingPathComponent("team.sqlite").path
        let arguments = ["init", "--db", db, "--places", sample("new-team/places.csv"), "--agencies", sample("new-team/agencies.csv"),
                         "--members", sample("new-team/members.csv")]
        let preview = try run(arguments + ["--dry-run"])
        XCTAssertTrue(preview.stdout.contains("1 council, 2 areas, 5 communities (1 with an area code)"), preview.stdout)
        XCTAssertTrue(preview.stdout.contains("first admin member-isla-drummond"), preview.stdout)
        let unasked = try run(arguments, expect: 1)
        XCTAssertTrue(unasked.stderr.contains("add --yes"), unasked.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
        let weak = try ThistleBinary.run(arguments + ["--yes"], environment: [
            "THISTLE_NEW_PASSPHRASE_FILE": SignInEnvironment.passphraseFile("short", in: folder)])
        XCTAssertEqual(weak.status, 1)
        XCTAssertTrue(weak.stderr.contains("at least 8 characters"), weak.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
        try run(arguments + ["--yes"])
        let again = try run(arguments + ["--yes"], expect: 1)
        XCTAssertTrue(again.stderr.contains("exists"), again.stderr)
    }

    func testInitRefusesABadFileByFileAndLineAndMakesNothing() throws {
        let places = try String(contentsOfFile: sample("new-team/places.csv"), encoding: .utf8)
        let members = try String(contentsOfFile: sample("new-team/members.csv"), encoding: .utf8)
        let cases: [(file: String, text: String, expected: String)] = [
            ("places", places.replacingOccurrences(of: "place-dysart,Dysart,community,place-kirkcaldy", with: "place-dysart,Dysart,community,place-nowhere"),
             "places.csv:9: parent place-nowhere is not a place in the file"),
            ("places", places.replacingOccurrences(of: "S12000047", with: "FIFE"), "places.csv:2: code \"FIFE\" is not an area code"),
            ("places", places.replacingOccurrences(of: ",area,", with: ",ward,"), "places.csv:3: kind \"ward\" is not one of council, area, community"),
            ("places", places + "place-methil,Methil again,community,place-levenmouth,,1\n", "places.csv:10: place-methil is given twice (first on line 5)"),
            ("places", places.replacingOccurrences(of: "place-leven,Leven,community,place-levenmouth,,9000", with: "place-leven,Leven,community,,,9000"),
             "places.csv:7: place-leven has no parent; only a council may be at the top"),
            ("places", places.replacingOccurrences(of: ",,38000", with: ",,lots"), "places.csv:3: population \"lots\" is not a whole number"),
            ("members", members.replacingOccurrences(of: ",lead,", with: ",boss,"), "members.csv:3: role \"boss\" is not one of"),
            ("members", members.replacingOccurrences(of: "housing,frontline,place-kirkcaldy", with: "housing,frontline,place-kirkcaldie"),
             "members.csv:5: place place-kirkcaldie is not in the places file"),
            ("members", members.replacingOccurrences(of: ",admin,", with: ",lead,"), "has no admin"),
        ]
        for (which, text, expected) in cases {
            let path = folder.appendingPathComponent("\(which).csv").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let db = folder.appendingPathComponent("team.sqlite").path
            let result = try run(["init", "--db", db, "--places", which == "places" ? path : sample("new-team/places.csv"),
                                  "--agencies", sample("new-team/agencies.csv"),
                                  "--members", which == "members" ? path : sample("new-team/members.csv"), "--yes"], expect: 1)
            XCTAssertTrue(result.stderr.contains(expected), "\(expected) not in: \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: db), expected)
        }
    }

    // MARK: - Open Referral UK

    func testTheSampleDirectoryImportsMappedToNeedsAndPlacesAndAgainChangesNothing() throws {
        let db = try newTeam("team.sqlite")
        let first = try importDirectory(sample("openreferral/csv"), into: db, ["--yes"])
        XCTAssertEqual(first["applied"] as? Bool, true)
        XCTAssertEqual((first["services"] as? [String: Int])?["new"], 6)
        // The sample's housing association is the team's own agency: matched by id, not made twice.
        XCTAssertEqual(first["organizations"] as? [String: Int], ["new": 2, "changed": 0, "unchanged": 1])
        XCTAssertEqual((first["unmapped"] as? [[String: Any]])?.first?["code"] as? String, "gardening")
        XCTAssertEqual(first["withoutNeeds"] as? [String], ["svc-0006"])
        let services = try XCTUnwrap(try json(["services", "--db", db]) as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: services.map { ($0["id"] as! String, $0) })
        XCTAssertEqual(byID["svc-0001"]?["needs"] as? [String], ["money-debt"])
        XCTAssertEqual(byID["svc-0001"]?["places"] as? [String], ["place-levenmouth"])
        XCTAssertEqual(byID["svc-0002"]?["places"] as? [String], ["place-fife"], "named by its GSS code's uri")
        XCTAssertEqual(byID["svc-0005"]?["places"] as? [String], ["place-kirkcaldy"], "the area, not the town of the same name")
        XCTAssertEqual(byID["svc-0002"]?["typicalWaitDays"] as? Int, 7, "1 week")
        XCTAssertEqual(byID["svc-0004"]?["needs"] as? [String], ["social-isolation"])
        // Triage offers an imported service for its need and place.
        let debt = try XCTUnwrap(try json(["services", "--db", db, "--need", "money-debt", "--place", "place-methil"]) as? [[String: Any]])
        XCTAssertEqual(Set(debt.compactMap { $0["id"] as? String }), ["svc-0001", "svc-0002"])

        let again = try importDirectory(sample("openreferral/csv"), into: db, ["--yes"])
        XCTAssertEqual(again["services"] as? [String: Int], ["new": 0, "changed": 0, "unchanged": 6])
        XCTAssertEqual((again["changes"] as? [Any])?.count, 0)
        XCTAssertEqual(try XCTUnwrap(try json(["services", "--db", db]) as? [Any]).count, 6, "no duplicates")

        // The JSON form adds two services, reusing the organizations and the hall already there.
        let nested = try importDirectory(sample("openreferral/json"), into: db, ["--yes"])
        XCTAssertEqual(nested["services"] as? [String: Int], ["new": 2, "changed": 0, "unchanged": 0])
        XCTAssertEqual(nested["locations"] as? [String: Int], ["new": 0, "changed": 0, "unchanged": 1])
        let warm = try XCTUnwrap(try json(["services", "--db", db, "--need", "fuel"]) as? [[String: Any]])
        XCTAssertEqual(warm.first?["needs"] as? [String], ["fuel", "money-debt"])
    }

    func testAChangedDescriptionIsPreviewedThenUpdatedInPlace() throws {
        let db = try newTeam("team.sqlite")
        _ = try importDirectory(sample("openreferral/csv"), into: db, ["--yes"])
        let changed = folder.appendingPathComponent("changed")
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("openreferral/csv"), to: changed)
        let service = changed.appendingPathComponent("service.csv")
        // A description over two lines, CRLF inside its quotes as a spreadsheet writes it.
        try (try String(contentsOf: service, encoding: .utf8)).replacingOccurrences(
            of: "Weekly visits or calls from a trained volunteer.", with: "\"Fortnightly visits\r\nor calls from a trained volunteer.\"")
            .write(to: service, atomically: true, encoding: .utf8)
        let preview = try run(["directory", "import", changed.path, "--db", db, "--as", Self.admin, "--mapping",
                               sample("openreferral/taxonomy-map.csv"), "--dry-run"])
        XCTAssertTrue(preview.stdout.contains("changed service svc-0004: Good Neighbours Befriending (description)"), preview.stdout)
        XCTAssertTrue(preview.stdout.contains("services       0 new, 1 changed, 5 unchanged"), preview.stdout)
        XCTAssertTrue(preview.stdout.contains("Dry run: nothing was written."), preview.stdout)
        let unasked = try run(["directory", "import", changed.path, "--db", db, "--as", Self.admin, "--mapping",
                               sample("openreferral/taxonomy-map.csv")], expect: 1)
        XCTAssertTrue(unasked.stderr.contains("add --yes"), unasked.stderr)
        let export = folder.appendingPathComponent("before")
        try run(["directory", "export", "--db", db, "--format", "csv", export.path])
        XCTAssertFalse(try String(contentsOf: export.appendingPathComponent("service.csv"), encoding: .utf8).contains("Fortnightly"))
        _ = try importDirectory(changed.path, into: db, ["--yes"])
        try run(["directory", "export", "--db", db, "--format", "csv", export.path])
        let text = try String(contentsOf: export.appendingPathComponent("service.csv"), encoding: .utf8)
        XCTAssertTrue(text.contains("\"Fortnightly visits\nor calls from a trained volunteer.\""), text)
        XCTAssertEqual(text.components(separatedBy: "svc-0004,").count, 2, "one row for the service")
    }

    func testExportThenImportIntoAnEmptyTeamThenExportGivesIdenticalFiles() throws {
        let db = try newTeam("team.sqlite")
        _ = try importDirectory(sample("openreferral/csv"), into: db, ["--yes"])
        _ = try importDirectory(sample("openreferral/json"), into: db, ["--yes"])
        for format in ["csv", "json"] {
            let first = folder.appendingPathComponent("\(format)-1"), second = folder.appendingPathComponent("\(format)-2")
            try run(["directory", "export", "--db", db, "--format", format, first.path])
            let empty = try newTeam("empty-\(format).sqlite")
            let imported = try XCTUnwrap(try json(["directory", "import", first.path, "--db", empty, "--as", Self.admin, "--yes"])
                                         as? [String: Any])
            XCTAssertEqual((imported["services"] as? [String: Int])?["new"], 8, format)
            XCTAssertEqual((imported["unmapped"] as? [Any])?.count, 0, "Thistle's own taxonomy needs no mapping file")
            try run(["directory", "export", "--db", empty, "--format", format, second.path])
            let written = try files(in: first)
            XCTAssertEqual(written.count, format == "csv" ? 9 : 1)
            XCTAssertEqual(written, try files(in: second), format)
        }
        // The demo's whole directory, with its area and town of one name, goes round too.
        let demo = folder.appendingPathComponent("demo.sqlite").path
        try run(["demo", "--db", demo, "--no-tui"])
        let out = folder.appendingPathComponent("demo-csv")
        try run(["directory", "export", "--db", demo, "--format", "csv", out.path])
        let preview = try ThistleBinary.run(["directory", "import", out.path, "--db", demo, "--as", "member-graham-anderson", "--dry-run",
                                             "--json"], environment: ["XDG_CONFIG_HOME": folder.path])
        let again = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(preview.stdout.utf8)) as? [String: Any], preview.stderr)
        XCTAssertEqual((again["services"] as? [String: Int])?["changed"], 0)
        XCTAssertGreaterThan((again["services"] as? [String: Int])?["unchanged"] ?? 0, 100)
    }

    func testABadRowIsNamedByFileAndLineAndNothingIsImported() throws {
        let db = try newTeam("team.sqlite")
        let edits: [(file: String, from: String, to: String, expected: String)] = [
            ("service.csv", "svc-0002,org-kingdom-money-advice", "svc-0002,org-nobody", "service.csv:3: organization_id org-nobody is neither"),
            ("service.csv", ",active,1 week,", ",open,1 week,", "service.csv:3: status \"open\" is not one of"),
            ("service.csv", "Benefits Check", "", "service.csv:3: service has no name"),
            ("service_area.csv", "sa-0003,svc-0003,,Leven", "sa-0003,svc-0003,,Atlantis", "service_area.csv:4: service area \"Atlantis\" is not a place"),
            ("service_area.csv", "sa-0006,svc-0005,,Kirkcaldy,,,,urn:thistle:place:place-kirkcaldy", "sa-0006,svc-0005,,Kirkcaldy,,,,",
             "service_area.csv:7: service area \"Kirkcaldy\" names 2 places"),
            ("service_at_location.csv", "sal-0002,svc-0002,loc-0001", "sal-0002,svc-0002,loc-0099", "service_at_location.csv:3: location loc-0099"),
            ("attribute.csv", "at-0003,svc-0003,tt-0003", "at-0003,svc-0003,tt-0099", "attribute.csv:4: taxonomy term tt-0099"),
            ("attribute.csv", "at-0004,svc-0004", "at-0004,svc-0404", "attribute.csv:5: service svc-0404 is not in the directory"),
            ("address.csv", "KY8 9ZB", "KY8 9ZB!!", "address.csv:3: \"KY8 9ZB!!\" is not a postcode"),
            ("organization.csv", "River Leven Community Trust,", "River \u{1B}[31mLeven,", "organization.csv:3: name holds a control character"),
            ("service.csv", "svc-0003,org-river-leven-trust,Leven Larder,,\"A community", "svc-0003,org-river-leven-trust,Leven Larder,,\"A community\"",
             "service.csv:4: expected 10 fields"),
            ("location.csv", "id,organization_id", "ident,organization_id", "location.csv:1: the header has no \"id\" column"),
        ]
        for edit in edits {
            let copy = folder.appendingPathComponent("bad")
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("openreferral/csv"), to: copy)
            let file = copy.appendingPathComponent(edit.file)
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.contains(edit.from), "the sample changed: \(edit.from)")
            try text.replacingOccurrences(of: edit.from, with: edit.to).write(to: file, atomically: true, encoding: .utf8)
            let result = try run(["directory", "import", copy.path, "--db", db, "--as", Self.admin,
                                  "--mapping", sample("openreferral/taxonomy-map.csv"), "--yes"], expect: 1)
            XCTAssertTrue(result.stderr.contains(edit.expected), "\(edit.expected) not in: \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("\u{1B}"), "a refusal never echoes a control character")
            XCTAssertEqual(try XCTUnwrap(try json(["services", "--db", db]) as? [Any]).count, 0, edit.expected)
        }
    }

    func testTheMappingFileAndWhoMayImportAreChecked() throws {
        let db = try newTeam("team.sqlite")
        let mapping = folder.appendingPathComponent("map.csv")
        try "taxonomy,term,category\nlocal-directory,debt-advice,money-debt\nlocal-directory,food,groceries\n"
            .write(to: mapping, atomically: true, encoding: .utf8)
        let bad = try run(["directory", "import", sample("openreferral/csv"), "--db", db, "--as", Self.admin,
                           "--mapping", mapping.path, "--yes"], expect: 1)
        XCTAssertTrue(bad.stderr.contains("map.csv:3: \"groceries\" is not a need category"), bad.stderr)
        // The user's own mapping file is read when --mapping is not given.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("thistle"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample("openreferral/taxonomy-map.csv"),
                                         toPath: folder.appendingPathComponent("thistle/taxonomy-map.csv").path)
        let preview = try XCTUnwrap(try json(["directory", "import", sample("openreferral/csv"), "--db", db, "--as", Self.admin, "--dry-run"])
                                    as? [String: Any])
        XCTAssertEqual(preview["applied"] as? Bool, false)
        XCTAssertEqual(preview["withoutNeeds"] as? [String], ["svc-0006"])
        // Only an admin writes the directory; anyone may preview it.
        try run(["member", "passphrase", "member-callum-reid", "--db", db, "--as", Self.admin])
        let lead = try run(["directory", "import", sample("openreferral/csv"), "--db", db, "--as", "member-callum-reid", "--yes", "--json"],
                           expect: 1)
        XCTAssertTrue(lead.stdout.contains("only an admin"), lead.stdout)
        XCTAssertEqual(try XCTUnwrap(try json(["services", "--db", db]) as? [Any]).count, 0)
        let notJSON = folder.appendingPathComponent("services.json")
        try "{\"contents\": [".write(to: notJSON, atomically: true, encoding: .utf8)
        let broken = try run(["directory", "import", notJSON.path, "--db", db, "--as", Self.admin, "--yes"], expect: 1)
        XCTAssertTrue(broken.stderr.contains("services.json: the file is not JSON"), broken.stderr)
    }

    /// A file over a command's limit is refused unread, by name, and nothing is written.
    func testAFileTooLargeIsNamedAndNothingChanges() throws {
        let db = try teamWithALead()
        let mapping = try Fixtures.sparseFile(at: folder.appendingPathComponent("big-map.csv"), bytes: 1 << 20 + 1)
        let refused = try run(["directory", "import", sample("openreferral/csv"), "--db", db, "--as", Self.admin,
                               "--mapping", mapping, "--yes", "--json"], expect: 1)
        XCTAssertTrue(refused.stderr.contains("big-map.csv is larger than 1 MiB"), refused.stderr)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(refused.stdout.utf8)) as? [String: Any])?["error"] as? String,
                       "invalid-input")
        XCTAssertEqual(try XCTUnwrap(try json(["services", "--db", db]) as? [Any]).count, 0)
        let cases = try Fixtures.sparseFile(at: folder.appendingPathComponent("cases.csv"), bytes: 64 << 20 + 1)
        let tooMany = try run(["case", "import", cases, "--db", db, "--as", "member-callum-reid", "--yes"], expect: 1)
        XCTAssertTrue(tooMany.stderr.contains("cases.csv is larger than 64 MiB"), tooMany.stderr)
        XCTAssertEqual(try myCases(db).count, 0)
    }

    // MARK: - case import

    /// A new team whose lead can sign in.
    func teamWithALead() throws -> String {
        let db = try newTeam("team.sqlite")
        try run(["member", "passphrase", "member-callum-reid", "--db", db, "--as", Self.admin])
        return db
    }

    func myCases(_ db: String) throws -> [[String: Any]] {
        try XCTUnwrap(try json(["cases", "mine", "--db", db, "--as", "member-callum-reid"]) as? [[String: Any]])
    }

    func testCasesImportThroughTheRulesOncePerReference() throws {
        let db = try teamWithALead()
        let file = sample("new-team/cases.csv")
        let preview = try run(["case", "import", file, "--db", db, "--as", "member-callum-reid", "--dry-run"])
        XCTAssertTrue(preview.stdout.contains("open 4 (3 new residents, 0 already registered)"), preview.stdout)
        XCTAssertTrue(preview.stdout.contains("case-import-PF-0004 for Priya Khatri (new): housing:urgent, caring:routine"), preview.stdout)
        XCTAssertEqual(try myCases(db).count, 0, "a dry run writes nothing")
        let unasked = try run(["case", "import", file, "--db", db, "--as", "member-callum-reid"], expect: 1)
        XCTAssertTrue(unasked.stderr.contains("add --yes"), unasked.stderr)

        let imported = try XCTUnwrap(try json(["case", "import", file, "--db", db, "--as", "member-callum-reid", "--yes"]) as? [String: Any])
        XCTAssertEqual(imported["newResidents"] as? Int, 3, "two cases of one person share a resident")
        let opened = try XCTUnwrap(imported["opened"] as? [[String: Any]])
        XCTAssertEqual(opened.map { $0["case"] as? String }, ["case-import-PF-0001", "case-import-PF-0002", "case-import-PF-0003", "case-import-PF-0004"])
        XCTAssertEqual(opened[0]["resident"] as? String, opened[2]["resident"] as? String)
        XCTAssertNil(opened[0]["residentName"], "names are not printed as JSON")
        // Each is a case like any other: the importer is its door and lead, its needs wait in triage.
        let mine = try myCases(db)
        XCTAssertEqual(mine.count, 6, "six needs across the four cases")
        let show = try XCTUnwrap(try json(["case", "show", "case-import-PF-0004", "--db", db, "--as", "member-callum-reid"]) as? [String: Any])
        XCTAssertEqual(show["lead"] as? String, "member-callum-reid")
        XCTAssertEqual(Set((show["needs"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String }), ["housing", "caring"])
        let queue = try XCTUnwrap(try json(["queue", "--db", db, "--as", "member-callum-reid", "--place", "place-levenmouth"]) as? [[String: Any]])
        XCTAssertEqual(queue.count, 4)

        let again = try XCTUnwrap(try json(["case", "import", file, "--db", db, "--as", "member-callum-reid", "--yes"]) as? [String: Any])
        XCTAssertEqual((again["opened"] as? [Any])?.count, 0)
        XCTAssertEqual((again["skipped"] as? [String])?.count, 4)
        XCTAssertEqual(try myCases(db).count, 6)

        // The JSON form; a person already registered is named by id.
        let resident = try XCTUnwrap(opened[1]["resident"] as? String)
        let jsonFile = folder.appendingPathComponent("cases.json")
        try """
            [{"ref": "PF-0010", "resident": "\(resident)", "needs": ["food:soon", "social-isolation"]},
             {"ref": "PF-0011", "given_name": "Ewan", "family_name": "Gilchrist", "dob": "2001-05-05", "postcode": "KY8 9ZH",
              "place": "place-leven", "needs": "money-debt", "summary": "Benefit sanction."}]
            """.write(to: jsonFile, atomically: true, encoding: .utf8)
        let fromJSON = try XCTUnwrap(try json(["case", "import", jsonFile.path, "--db", db, "--as", "member-callum-reid", "--yes"])
                                     as? [String: Any])
        XCTAssertEqual(fromJSON["newResidents"] as? Int, 1)
        XCTAssertEqual((fromJSON["opened"] as? [[String: Any]])?.first?["resident"] as? String, resident)
        XCTAssertEqual(try myCases(db).count, 9)
    }

    func testABadCaseRowIsNamedAndNothingIsOpened() throws {
        let db = try teamWithALead()
        _ = try json(["case", "import", sample("new-team/cases.csv"), "--db", db, "--as", "member-callum-reid", "--yes"])
        let header = "ref,resident,given_name,family_name,dob,postcode,place,needs,opened,summary\n"
        let good = "PF-0100,,Iona,Hendry,1990-01-01,KY8 9ZJ,place-leven,food,,\n"
        let rows: [(row: String, expected: String)] = [
            ("PF-0101,,Iona,Hendry,1990-01-01,KY8 9ZJ,place-leven,groceries,,", "cases.csv:3: need \"groceries\" is not CATEGORY"),
            ("PF-0101,,Iona,Hendry,1990-01-01,KY8 9ZJ,place-leven,food:whenever,,", "cases.csv:3: need \"food:whenever\""),
            ("PF-0101,,Iona,Hendry,1990-01-01,KY8 9ZJ,place-leven,,,", "cases.csv:3: A case needs at least one need"),
            ("PF-0101,,Iona,Hendry,1990-01-01,KY8 9ZJ,place-leven,food,2099-01-01,", "cases.csv:3: The time 2099-01-01T00:00:00Z is in the future"),
            ("PF-0101,,Iona,Hendry,1990-02-30,KY8 9ZJ,place-leven,food,,", "cases.csv:3: \"1990-02-30\" is not a date of birth"),
            ("PF-0101,,Iona,Hendry,1990-01-01,KY8 9ZJ,place-atlantis,food,,", "cases.csv:3: place \"place-atlantis\" is not a place"),
            ("PF-0101,resident-nobody,,,,,,food,,", "cases.csv:3: there is no resident with id 'resident-nobody'"),
            ("PF-0100,,Iona,Hendry,1990-01-01,KY8 9ZJ,place-leven,food,,", "cases.csv:3: ref PF-0100 is given twice (first at cases.csv:2)"),
            ("PF 0101,,Iona,Hendry,1990-01-01,KY8 9ZJ,place-leven,food,,", "cases.csv:3: ref \"PF 0101\" is not a reference"),
            ("PF-0101,,Morag,Tennant,1979-03-14,KY8 9ZD,place-methil,food,,", "cases.csv:3: this may be someone already registered: Morag Tennant"),
            ("PF-0101,,Iona,Hendry,1990-01-01,KY8 9ZJ,place-leven,food,,\"a \u{1B}]0;title\u{07} b\"", "cases.csv:3: summary holds a control character"),
        ]
        let file = folder.appendingPathComponent("cases.csv")
        for (row, expected) in rows {
            try (header + good + row + "\n").write(to: file, atomically: true, encoding: .utf8)
            let result = try run(["case", "import", file.path, "--db", db, "--as", "member-callum-reid", "--yes"], expect: 1)
            XCTAssertTrue(result.stderr.contains(expected), "\(expected) not in: \(result.stderr)")
            XCTAssertEqual(try myCases(db).count, 6, "nothing opened for: \(expected)")
        }
        // Rule 1: an analyst takes no cases.
        try run(["member", "passphrase", "member-eilidh-moffat", "--db", db, "--as", Self.admin])
        try (header + good).write(to: file, atomically: true, encoding: .utf8)
        let analyst = try run(["case", "import", file.path, "--db", db, "--as", "member-eilidh-moffat", "--yes"], expect: 1)
        XCTAssertTrue(analyst.stderr.contains("cases.csv:2: "), analyst.stderr)
        XCTAssertEqual(try myCases(db).count, 6)
    }

    // MARK: - in the workspace

    /// A new team set up from the samples, then opened as its lead in tmux:
    /// the tree, the imported directory and the imported cases with their story.
    func testANewTeamsImportsAreWhatTheWorkspaceShows() throws {
        let db = try teamWithALead()
        _ = try importDirectory(sample("openreferral/csv"), into: db, ["--yes"])
        _ = try json(["case", "import", sample("new-team/cases.csv"), "--db", db, "--as", "member-callum-reid", "--yes"])
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", db, "--as", "member-callum-reid"],
                                   environment: ["THISTLE_PASSPHRASE_FILE": passphrase, "XDG_CONFIG_HOME": folder.path])
        let home = try tmux.waitFor("Home with the new tree") { $0.contains("Levenmouth") && $0.contains("Callum Reid") }
        XCTAssertTrue(home.contains("Kirkcaldy"), home)
        try tmux.send("2")
        let directory = try tmux.waitFor("Debt Advice Drop-in")
        XCTAssertTrue(directory.contains("Tenancy Sustainment"), directory)
        XCTAssertTrue(directory.contains("temp. closed"), directory)
        try tmux.send("4")
        try tmux.waitFor("My cases") { $0.contains("Priya Khatri") && $0.contains("Morag Tennant") }
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("the wider list") { $0.contains("case-import-") && $0.contains("Darren Lumsd") }
        try tmux.send("Down", "Enter")
        let file = try tmux.waitFor("the imported case") { $0.contains("case-import-PF-0004") && $0.contains("Story:") }
        XCTAssertTrue(file.contains("She has asked for help finding somewhere accessible."), file)
    }
}
