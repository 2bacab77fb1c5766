import Foundation
import TestSupport
import XCTest

/// `thistle queue` is read without swift-argument-parser when its arguments
/// are its own options given plainly (QuickQueue); everything else goes to
/// the parser. Both roads must give the same answers and the same refusals.
final class QueueCommandTests: DemoBinaryTestCase {
    let lead = "member-alasdair-kerr"

    func queue(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try ThistleBinary.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    func testEverySpellingOfTheSameQueueGivesTheSameRows() throws {
        let db = database!
        let plain = try queue(["queue", "--place", "place-kirkcaldy-town", "--db", db, "--as", lead, "--json"])
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(plain.utf8)) as? [[String: Any]])
        XCTAssertFalse(rows.isEmpty, "the demo has needs waiting in Kirkcaldy town")
        XCTAssertEqual(Set(rows.compactMap { $0["place"] as? String }), ["place-kirkcaldy-town"])
        let spellings: [[String]] = [
            ["queue", "--json", "--as", lead, "--db", db, "--place", "place-kirkcaldy-town"],
            ["queue", "--place=place-kirkcaldy-town", "--db=\(db)", "--as=\(lead)", "--format", "json"],
            ["queue", "--place", "place-kirkcaldy-town", "--db", db, "--as", lead, "--format=json", "--json"],
            // Global options before the command: the parser's road.
            ["--db", db, "--as", lead, "queue", "--place", "place-kirkcaldy-town", "--json"],
        ]
        for spelling in spellings {
            XCTAssertEqual(try queue(spelling), plain, "\(spelling)")
        }
        let text = try queue(["queue", "--place", "place-kirkcaldy-town", "--db", db, "--as", lead])
        XCTAssertEqual(try queue(["queue", "--format", "text", "--place", "place-kirkcaldy-town", "--db", db, "--as", lead]), text)
        XCTAssertTrue(text.hasPrefix("case "), text)
        let csv = try queue(["queue", "--format", "csv", "--place", "place-kirkcaldy-town", "--db", db, "--as", lead])
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, rows.count + 1)
    }

    func testWhatTheQuickRoadDoesNotReadGetsTheParsersMessage() throws {
        let db = database!
        let refusals: [(arguments: [String], message: String)] = [
            (["--place"], "Missing value for '--place <place-id>'"),
            (["--place", "--json"], "Missing value for '--place <place-id>'"),
            (["--json", "--format", "csv"], "--json and --format csv ask for different formats"),
            (["--format", "yaml"], "The value 'yaml' is invalid for '--format <format>'"),
            (["--as", ""], "--as needs a member id"),
            (["--bogus"], "Unknown option '--bogus'"),
            (["--json=yes"], "does not take any value"),
            (["methil"], "Unexpected argument 'methil'"),
        ]
        for (arguments, message) in refusals {
            let result = try ThistleBinary.run(["queue", "--db", db] + arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Usage: thistle queue"), result.stderr)
        }
        let help = try ThistleBinary.run(["queue", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("The triage queue"), help.stdout)
        let unknownPlace = try ThistleBinary.run(["queue", "--place", "place-nowhere", "--db", db, "--as", lead, "--json"])
        XCTAssertEqual(unknownPlace.status, 1)
        XCTAssertTrue(unknownPlace.stdout.contains("\"error\""), unknownPlace.stdout)
    }

    /// QuickQueue reads exactly these; an option added to the command must be added there too
    /// (an unread ArgumentParser property cannot be read at all).
    func testTheQuickRoadKnowsEveryOptionTheCommandHas() throws {
        let help = try ThistleBinary.run(["queue", "--help"])
        let usage = try XCTUnwrap(help.stdout.components(separatedBy: "\n").first { $0.hasPrefix("USAGE:") })
        let options = usage.split(separator: " ").filter { $0.hasPrefix("[--") }.map { $0.dropFirst().trimmingCharacters(in: ["]"]) }
        XCTAssertEqual(Set(options), ["--db", "--as", "--place", "--format", "--json"], usage)
    }
}
