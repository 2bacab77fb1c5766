import Foundation
import TestSupport
import XCTest

/// The CLI verbs, run as a user runs them: the real binary, no terminal.
final class CommandLineTests: XCTestCase {
    nonisolated(unsafe) static var folder: URL!
    nonisolated(unsafe) static var database: String!

    override class func setUp() {
        folder = try! Fixtures.temporaryDirectory()
        database = folder.appendingPathComponent("demo.sqlite").path
        let result = try! ThistleBinary.run(["demo", "--db", database, "--no-tui"])
        precondition(result.status == 0, "demo failed: \(result.stderr)")
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try ThistleBinary.run(arguments + ["--db", Self.database])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    func testPlacesJSONHasTheContractKeysAndTheWholeTree() throws {
        let places = try json(["places", "--json"])
        XCTAssertEqual(Set(places[0].keys), ["id", "name", "kind", "parent", "population"])
        XCTAssertEqual(places.filter { $0["kind"] as? String == "council" }.count, 1)
        XCTAssertEqual(places.filter { $0["kind"] as? String == "area" }.count, 7)
        XCTAssertTrue((50...60).contains(places.filter { $0["kind"] as? String == "community" }.count))
        XCTAssertTrue(places[0]["parent"] is NSNull, "the council has a null parent")
        XCTAssertTrue(places[1]["population"] is Int)
        XCTAssertEqual(try json(["places", "--format", "json"]).count, places.count)
    }

    func testAgenciesAndMembersJSON() throws {
        let agencies = try json(["agencies", "--json"])
        XCTAssertEqual(Set(agencies[0].keys), ["id", "name", "kind"])
        let members = try json(["members", "--json"])
        XCTAssertEqual(Set(members[0].keys), ["id", "name", "agency", "role", "places", "disabled"])
        XCTAssertEqual(members[0]["disabled"] as? Bool, false)
        let agencyIDs = Set(agencies.compactMap { $0["id"] as? String })
        for member in members {
            XCTAssertTrue(agencyIDs.contains(member["agency"] as? String ?? ""))
            XCTAssertFalse((member["places"] as? [String] ?? []).isEmpty)
        }
    }

    func testServicesFilterByNeedAndByPlace() throws {
        let all = try json(["services", "--json"])
        XCTAssertEqual(Set(all[0].keys),
                       ["id", "name", "agency", "needs", "places", "acceptsReferrals", "typicalWaitDays"])
        let debt = try json(["services", "--need", "money-debt", "--json"])
        XCTAssertFalse(debt.isEmpty)
        XCTAssertLessThan(debt.count, all.count)
        XCTAssertTrue(debt.allSatisfy { ($0["needs"] as? [String] ?? []).contains("money-debt") })
        let methil = try json(["services", "--place", "place-methil", "--json"])
        let allowed: Set = ["place-fife", "place-levenmouth", "place-methil"]
        XCTAssertFalse(methil.isEmpty)
        XCTAssertTrue(methil.allSatisfy { !allowed.isDisjoint(with: $0["places"] as? [String] ?? []) })
    }

    func testGlobalOptionsMayComeBeforeTheCommand() throws {
        let before = try ThistleBinary.run(["--db", Self.database, "agencies", "--json"])
        let after = try ThistleBinary.run(["agencies", "--json", "--db", Self.database])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertEqual(before.stdout, after.stdout)
    }

    func testTextAndCSVFormats() throws {
        let text = try ThistleBinary.run(["agencies", "--db", Self.database])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.hasPrefix("id"))
        let csv = try ThistleBinary.run(["members", "--format", "csv", "--db", Self.database])
        XCTAssertTrue(csv.stdout.hasPrefix("id,name,agency,role,places,disabled\r\n"))
    }

    func testBadInputsAreRefusedWithAClearMessageAndNonZeroStatus() throws {
        let cases: [(arguments: [String], status: Int32, message: String)] = [
            (["places", "--db", Self.folder.appendingPathComponent("missing/x.sqlite").path], 1, "no Thistle database"),
            (["demo", "--no-tui", "--db", Self.folder.appendingPathComponent("missing/x.sqlite").path], 1,
             "missing/x.sqlite does not exist"),
            (["places", "--db", Self.folder.appendingPathComponent("absent.sqlite").path], 1, "no Thistle database"),
            (["places", "--db", Self.database, "--as", "member-nobody"], 1, "no member with id 'member-nobody'"),
            (["services", "--db", Self.database, "--place", "place-atlantis"], 1, "no place with id 'place-atlantis'"),
            (["services", "--db", Self.database, "--need", "unicorns"], 1, "no need category 'unicorns'"),
            (["places", "--db", Self.database, "--json", "--format", "csv"], 64, "different formats"),
            (["places", "--db", Self.database, "--format", "xml"], 64, "xml"),
            (["frobnicate"], 64, "frobnicate"),
            (["--db", Self.database, "--on", "nowhere"], 64, "nowhere"),
        ]
        for item in cases {
            let result = try ThistleBinary.run(item.arguments)
            XCTAssertEqual(result.status, item.status, "\(item.arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(item.message), "\(item.arguments): \(result.stderr)")
            XCTAssertTrue(result.stdout.isEmpty, "\(item.arguments) printed to stdout")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("absent.sqlite").path))
    }

    func testAFileThatIsNotADatabaseIsLeftUntouched() throws {
        let path = Self.folder.appendingPathComponent("notes.sqlite").path
        let bytes = Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
        try bytes.write(to: URL(fileURLWithPath: path))
        for arguments in [["places", "--db", path], ["demo", "--db", path, "--no-tui", "--reset"]] {
            let result = try ThistleBinary.run(arguments)
            XCTAssertEqual(result.status, 1)
            XCTAssertTrue(result.stderr.contains("not a Thistle database"), result.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasPrefix("notes") }
        XCTAssertEqual(leftovers, ["notes.sqlite"])
    }

    func testWithoutATerminalTheTUIExplainsAndExitsWithTwo() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: Self.database))
        let piped = try ThistleBinary.run(["--db", Self.database])
        XCTAssertEqual(piped.status, 2)
        XCTAssertTrue(piped.stderr.contains("terminal"), piped.stderr)
        XCTAssertFalse(piped.stderr.contains("\u{1b}["), "no escape codes when there is no terminal")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: Self.database)), before)
    }

    func testDumbTerminalIsRefusedInARealTerminal() throws {
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", Self.database], environment: ["TERM": "dumb"])
        let screen = try tmux.waitFor("[exit status 2]")
        XCTAssertTrue(screen.contains("TERM=dumb"), screen)
    }

    func testVersionAndHelp() throws {
        XCTAssertEqual(try ThistleBinary.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
        let help = try ThistleBinary.run(["--help"])
        XCTAssertEqual(help.status, 0)
        for verb in ["demo", "places", "agencies", "members", "services"] {
            XCTAssertTrue(help.stdout.contains(verb), "help lacks \(verb)")
        }
    }
}

/// docs/cli.md documents every command the binary has.
final class CommandLineDocsTests: XCTestCase {
    func testEveryCommandInHelpIsDocumented() throws {
        let docs = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("docs/cli.md"), encoding: .utf8)
        func subcommands(_ path: [String]) throws -> [String] {
            let help = try ThistleBinary.run(path + ["--help"]).stdout
            guard let section = help.components(separatedBy: "SUBCOMMANDS:").dropFirst().first else { return [] }
            return section.split(separator: "\n").compactMap { line in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                    word.first?.isLowercase == true
                else { return nil }
                return String(word)
            }
        }
        var checked = 0
        for command in try subcommands([]) {
            let nested = try subcommands([command])
            for name in nested.isEmpty ? [command] : nested.map({ "\(command) \($0)" }) {
                XCTAssertTrue(docs.contains("`thistle \(name)"), "docs/cli.md does not document `thistle \(name)`")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 15)
    }
}
