import Foundation
import GRDB
import PlaceDomain
import TestSupport
import XCTest

/// Bad input on the command line (docs/RELIABILITY.md): every flag that
/// takes text, table-driven with `Fuzz.badTexts`, and seeded random damage
/// to whole command lines. Each run either does what was asked (and text
/// it stored comes back exactly as given, trimmed) or is refused with a
/// clear message and writes nothing. Never a crash, a hang, SQLite's words
/// or a screenful of echoed input.
///
/// `make test` gives each flag six of the texts (a different six per flag,
/// so every text is tried somewhere) and damages 60 command lines;
/// `make reliability` gives every flag every text and damages 2,000
/// (`THISTLE_BAD_INPUT=all`, `THISTLE_FUZZ_ARGUMENTS`, `THISTLE_FUZZ_SEED`).
final class BadInputCommandTests: DemoBinaryTestCase {
    /// One flag or argument under test: a verb run as `member`, `V` where
    /// the value goes, a value that works, and the output field that
    /// echoes the stored text (for the round trip).
    struct Slot {
        let member: String
        let arguments: [String]
        let good: String
        var echo: String?

        func with(_ value: String) -> [String] { arguments.map { $0 == "V" ? value : $0 } }
    }

    static let lead = "member-alasdair-kerr"
    static let frontline = "member-duncan-fairbairn"
    static let analyst = "member-euan-mackie"
    static let admin = "member-graham-anderson"
    static let housing = "member-fiona-hutchison"
    static let resident = ["--dob", "1980-01-01", "--postcode", "KY8 1AA", "--place", "place-methil", "--confirm-new"]
    static let priority = ["--plan", "plan-cowdenbeath", "--lead-agency", "agency-fife-council-housing", "--rag", "red"]

    static let slots: [Slot] = [
        Slot(member: frontline, arguments: ["resident", "add", "--name", "V"] + resident, good: "Ailsa Testperson", echo: "name"),
        Slot(member: frontline, arguments: ["resident", "add", "--name", "Ailsa Test", "--dob", "V", "--postcode", "KY8 1AA",
                                            "--place", "place-methil", "--confirm-new"], good: "1984-02-29", echo: "dob"),
        Slot(member: frontline, arguments: ["resident", "add", "--name", "Ailsa Test", "--dob", "1980-01-01", "--postcode", "V",
                                            "--place", "place-methil", "--confirm-new"], good: "KY8 2BB", echo: "postcode"),
        Slot(member: frontline, arguments: ["resident", "add", "--name", "Ailsa Test", "--dob", "1980-01-01", "--postcode", "KY8 1AA",
                                            "--place", "V", "--confirm-new"], good: "place-leven", echo: "place"),
        Slot(member: frontline, arguments: ["resident", "find", "V"], good: "Watt"),
        Slot(member: lead, arguments: ["resident", "update", "res-0001", "--name", "V"], good: "Ailsa Testperson", echo: "name"),
        Slot(member: frontline, arguments: ["case", "open", "--resident", "res-0001", "--need", "V"], good: "housing:urgent"),
        Slot(member: frontline, arguments: ["case", "open", "--resident", "res-0001", "--need", "housing", "--note", "V"],
             good: "Met at the door; rent arrears"),
        Slot(member: lead, arguments: ["case", "note", "case-0154", "--text", "V"], good: "Phoned; a visit on Friday"),
        Slot(member: lead, arguments: ["case", "show", "V"], good: "case-0154"),
        Slot(member: lead, arguments: ["case", "consent", "case-0154", "--agency", "agency-nhs-fife", "--basis", "public-task",
                                       "--dsa", "V"], good: "DSA-2026-07"),
        Slot(member: lead, arguments: ["need", "close", "need-0154-2", "--reason", "V"], good: "Resolved by phone"),
        Slot(member: housing, arguments: ["referral", "decline", "ref-0456-1-1", "--reason", "V"], good: "Below our threshold"),
        Slot(member: lead, arguments: ["priority", "add", "--title", "V", "--reason", "New evidence"] + priority,
             good: "Warm homes", echo: "title"),
        Slot(member: lead, arguments: ["priority", "add", "--title", "Warm homes", "--reason", "V"] + priority, good: "New evidence"),
        Slot(member: lead, arguments: ["action", "add", "--priority", "priority-cowdenbeath-1", "--title", "Visit", "--owner", lead,
                                       "--due", "V"], good: "2027-03-31", echo: "due"),
        Slot(member: lead, arguments: ["voice", "add", "--place", "place-cowdenbeath", "--text", "V", "--source", "Drop-in",
                                       "--theme", "moving-around"], good: "The bus stops at six", echo: "text"),
        Slot(member: lead, arguments: ["voice", "add", "--place", "place-cowdenbeath", "--text", "Buses", "--source", "V",
                                       "--theme", "moving-around"], good: "Drop-in", echo: "source"),
        Slot(member: lead, arguments: ["voice", "add", "--place", "place-cowdenbeath", "--text", "Buses", "--source", "Drop-in",
                                       "--theme", "V"], good: "moving-around"),
        Slot(member: lead, arguments: ["voice", "add", "--place", "place-cowdenbeath", "--text", "Buses", "--source", "Drop-in",
                                       "--theme", "moving-around", "--date", "V"], good: "2026-10-01"),
        Slot(member: lead, arguments: ["learning", "add", "--place", "place-cowdenbeath", "--kind", "innovation", "--title", "V",
                                       "--text", "Shared triage"], good: "Joint visits", echo: "title"),
        Slot(member: analyst, arguments: ["indicator", "add-value", "indicator-antisocial-behaviour", "--place", "place-cowdenbeath",
                                          "--period", "V", "--value", "12"], good: "2026-Q3", echo: "period"),
        Slot(member: analyst, arguments: ["indicator", "add-value", "indicator-antisocial-behaviour", "--place", "place-cowdenbeath",
                                          "--period", "2026-Q3", "--value", "V"], good: "12"),
        Slot(member: lead, arguments: ["pot", "allocate", "--stream", "stream-cowdenbeath-1", "--priority", "priority-cowdenbeath-1",
                                       "--amount", "V"], good: "100"),
        Slot(member: admin, arguments: ["member", "add", "--name", "V", "--agency", "agency-nhs-fife", "--role", "frontline",
                                        "--place", "place-fife"], good: "Rhona Testworker", echo: "name"),
        Slot(member: lead, arguments: ["queue", "--place", "V"], good: "place-kirkcaldy"),
        Slot(member: lead, arguments: ["report", "dashboard", "--place", "V"], good: "place-fife"),
        Slot(member: admin, arguments: ["directory", "import", "V", "--dry-run"], good: samples + "/openreferral/csv"),
        Slot(member: admin, arguments: ["directory", "import", samples + "/openreferral/csv", "--mapping", "V", "--yes"],
             good: samples + "/openreferral/taxonomy-map.csv"),
        Slot(member: lead, arguments: ["case", "import", "V", "--dry-run"], good: samples + "/new-team/cases.csv"),
    ]
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-data").path

    /// `Fuzz.badTexts` but the one with a NUL, which a command line cannot carry.
    static let badArguments = Fuzz.badTexts.filter { !$0.contains("\u{0}") }

    /// The texts a slot is given: all of them, or six (a different six per slot).
    func texts(for index: Int) -> [String] {
        let all = Self.badArguments
        if ProcessInfo.processInfo.environment["THISTLE_BAD_INPUT"] == "all" { return all }
        return (0..<6).map { all[(index * 6 + $0) % all.count] }
    }

    private var pristine: Data!
    /// A new member's passphrase (`member add`), from a file as a script gives it.
    private var newPassphrase: [String: String] = [:]

    override func setUpWithError() throws {
        try super.setUpWithError()
        pristine = try Data(contentsOf: URL(fileURLWithPath: database))
        newPassphrase = ["THISTLE_NEW_PASSPHRASE_FILE": SignInEnvironment.passphraseFile("a new passphrase", in: folder)]
    }

    /// The database as the test began (the same path, so the kept sign-in still opens it).
    func restore() throws {
        // The marker of the last write goes too: the pristine copy is meant to be older.
        for suffix in ["-wal", "-shm", "-last-write"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        try pristine.write(to: URL(fileURLWithPath: database))
    }

    func opCount() throws -> Int {
        try DatabaseQueue(path: database).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM op") ?? 0 }
    }

    /// Runs one command line and checks what came back; returns the exit
    /// status, stdout and stderr, and whether it wrote.
    @discardableResult
    func check(_ arguments: [String], as member: String?, _ what: String)
        throws -> (status: Int32, stdout: String, stderr: String, wrote: Bool)
    {
        let before = try opCount()
        let started = Date()
        let result = try ThistleBinary.run(arguments + ["--db", database] + (member.map { ["--as", $0] } ?? []) + ["--json"],
                                           environment: newPassphrase)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertLessThan(seconds, 20, "\(what) took \(Int(seconds)) s")
        XCTAssertTrue([0, 1, 64].contains(result.status), "\(what): exit status \(result.status): \(result.stderr.prefix(300))")
        for forbidden in ["Fatal error", "SQLite error", "SQLITE_", "Stack dump"] {
            XCTAssertFalse(result.stderr.contains(forbidden) || result.stdout.contains(forbidden),
                           "\(what): \(forbidden) reached the user: \(result.stderr.prefix(300))")
        }
        if result.status != 0 {
            XCTAssertEqual(try opCount(), before, "\(what): a refused command wrote")
            XCTAssertFalse(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(what): refused in silence")
            XCTAssertLessThan(result.stderr.count, 1_000, "\(what): the refusal is \(result.stderr.count) characters")
        }
        if result.status == 1 {
            let refusal = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let message = refusal?["message"] as? String ?? ""
            XCTAssertTrue(refusal?["error"] is String, "\(what): no error code: \(result.stdout.prefix(300))")
            XCTAssertFalse(message.isEmpty || message.contains("\n") || message.count > 500, "\(what): unclear: \(message.prefix(600))")
        }
        return (result.status, result.stdout, result.stderr, try opCount() > before)
    }

    func testEveryTextFlagTakesBadInputCorrectlyOrRefusesItClearly() throws {
        var accepted = 0
        var refused = 0
        for (index, slot) in Self.slots.enumerated() {
            try restore()
            let good = try check(slot.with(slot.good), as: slot.member, "\(slot.arguments.prefix(2)) with a good value")
            XCTAssertEqual(good.status, 0, "the table's good value works: \(slot.with(slot.good)) \(good.stderr.prefix(300))")
            for text in texts(for: index) {
                try restore()
                let what = "\(slot.with("«\(text.prefix(20))»").prefix(6).joined(separator: " "))"
                let result = try check(slot.with(text), as: slot.member, what)
                guard result.status == 0 else {
                    refused += 1
                    continue
                }
                accepted += 1
                if result.wrote { XCTAssertNil(PlainText.firstControl(in: text), "\(what): a control character was stored") }
                guard let field = slot.echo else { continue }
                let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
                // A name or a title is one line: runs of spaces, tabs or new lines become one space.
                let given = ["name", "title", "source"].contains(field) ? text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    : text.trimmingCharacters(in: .whitespacesAndNewlines)
                XCTAssertEqual(object?[field] as? String, given.isEmpty ? nil : given, "\(what): the stored text is not what was given")
            }
        }
        print("bad input: \(Self.slots.count) flags, \(accepted) values accepted and stored as given, \(refused) refused clearly")
    }

    func testCommandLinesThatAreNotUTF8AreRefusedBeforeAnythingHappens() throws {
        let before = try opCount()
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", "\"$0\" case note case-0154 --text \"$(printf 'caf\\xe9')\" --db \"$1\" --as \"$2\"",
                           ThistleBinary.path, database, Self.lead]
        shell.environment = ProcessInfo.processInfo.environment.merging(SignInEnvironment.demo) { $1 }
        let errors = Pipe()
        shell.standardError = errors
        try shell.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 64)
        XCTAssertEqual(message, "thistle: argument 5 is not UTF-8 text; nothing was done\n")
        XCTAssertEqual(try opCount(), before)
    }

    func testDamagedCommandLinesAreRefusedClearlyOrDoWhatTheySay() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["THISTLE_FUZZ_ARGUMENTS"] ?? "") ?? 60
        let seed = UInt64(environment["THISTLE_FUZZ_SEED"] ?? "") ?? 64
        var random = SeededRandom(seed: seed)
        var statuses: [Int32: Int] = [:]
        for attempt in 0..<count {
            let slot = Self.slots[Int.random(in: 0..<Self.slots.count, using: &random)]
            var arguments = slot.with(slot.good)
            var member: String? = slot.member
            var how: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<arguments.count, using: &random)
                let bad = Self.badArguments
                switch Int.random(in: 0..<8, using: &random) {
                case 0:
                    how.append("dropped \(arguments.remove(at: at).prefix(20))")
                case 1:
                    arguments.insert(arguments[at], at: at)
                    how.append("repeated \(arguments[at].prefix(20))")
                case 2:
                    let text = bad[Int.random(in: 0..<bad.count, using: &random)]
                    arguments.insert(text, at: at)
                    how.append("inserted «\(text.prefix(20))»")
                case 3:
                    let text = bad[Int.random(in: 0..<bad.count, using: &random)]
                    how.append("replaced \(arguments[at].prefix(20)) by «\(text.prefix(20))»")
                    arguments[at] = text
                case 4:
                    arguments.insert(["--frobnicate", "-x", "--", "--json=yes", "--as"][Int.random(in: 0..<5, using: &random)], at: at)
                    how.append("inserted \(arguments[at])")
                case 5:
                    let other = Int.random(in: 0..<arguments.count, using: &random)
                    arguments.swapAt(at, other)
                    how.append("swapped \(at) and \(other)")
                case 6 where arguments[at].hasPrefix("--"):
                    how.append("cut \(arguments[at])")
                    arguments[at] = String(arguments[at].dropLast(2))
                default:
                    member = Int.random(in: 0..<2, using: &random) == 0 ? nil : "member-nobody"
                    how.append("as \(member ?? "nobody given")")
                }
                if arguments.isEmpty { arguments = ["--help"] }
            }
            try restore()
            let status = try check(arguments, as: member, "attempt \(attempt): \(how.joined(separator: ", ")) (seed \(seed))").status
            statuses[status, default: 0] += 1
        }
        print("damaged command lines: \(count) (seed \(seed)), exit statuses \(statuses.sorted { $0.key < $1.key })")
    }
}
