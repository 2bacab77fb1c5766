import Foundation
import PlaceStore
import TestSupport
import XCTest

/// Signing in from the command line: passphrases from a file or kept
/// sign-ins, refusals that say what to do and change nothing, and the
/// admin's member verbs.
final class SignInCommandTests: DemoBinaryTestCase {
    var runtime: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        runtime = folder.appendingPathComponent("runtime").path
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// Runs thistle with its own runtime folder and, unless given, no passphrase file.
    func run(_ arguments: [String], passphrase: String? = nil, newPassphrase: String? = nil)
        throws -> (status: Int32, stdout: String, stderr: String)
    {
        var environment = ["XDG_RUNTIME_DIR": runtime!, "THISTLE_PASSPHRASE_FILE": ""]
        if let passphrase { environment["THISTLE_PASSPHRASE_FILE"] = SignInEnvironment.passphraseFile(passphrase, in: folder) }
        if let newPassphrase {
            environment["THISTLE_NEW_PASSPHRASE_FILE"] = SignInEnvironment.passphraseFile(newPassphrase, in: folder)
        }
        return try ThistleBinary.run(arguments + ["--db", database], environment: environment)
    }

    func error(_ result: (status: Int32, stdout: String, stderr: String), file: StaticString = #filePath, line: UInt = #line)
        throws -> [String: Any]
    {
        XCTAssertEqual(result.status, 1, result.stderr, file: file, line: line)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func testEveryCaseVerbNeedsASignInAndTheDirectoryDoesNot() throws {
        let refused = try error(run(["cases", "mine", "--json"]))
        XCTAssertEqual(refused["error"] as? String, "sign-in")
        XCTAssertTrue((refused["message"] as? String ?? "").contains("sign in first"))
        let noTerminal = try error(run(["cases", "mine", "--json", "--as", "member-aileen-baxter"]))
        XCTAssertTrue((noTerminal["message"] as? String ?? "").contains("THISTLE_PASSPHRASE_FILE"), "\(noTerminal)")
        for open in [["places"], ["agencies"], ["members"], ["services"]] {
            XCTAssertEqual(try run(open).status, 0, "\(open) needs no sign-in")
        }
    }

    func testAWrongPassphraseOpensNothingAndRepeatedTriesMustWait() throws {
        for _ in 0..<3 {
            let wrong = try error(run(["cases", "mine", "--json", "--as", "member-aileen-baxter"], passphrase: "guess"))
            XCTAssertEqual(wrong["error"] as? String, "sign-in")
            XCTAssertEqual(wrong["message"] as? String, "wrong passphrase")
        }
        let held = try error(run(["cases", "mine", "--json", "--as", "member-aileen-baxter"], passphrase: "demo"))
        XCTAssertTrue((held["message"] as? String ?? "").contains("try again in"), "\(held)")
        XCTAssertEqual(try run(["cases", "mine", "--as", "member-ross-menzies"], passphrase: "demo").status, 0,
                       "another member is not held up")
    }

    func testAPassphraseFileOthersCanReadIsRefused() throws {
        let path = SignInEnvironment.passphraseFile("demo", in: folder)
        chmod(path, 0o644)
        let result = try ThistleBinary.run(
            ["cases", "mine", "--json", "--as", "member-aileen-baxter", "--db", database],
            environment: ["XDG_RUNTIME_DIR": runtime!, "THISTLE_PASSPHRASE_FILE": path])
        XCTAssertTrue((try error(result)["message"] as? String ?? "").contains("chmod 600"))
    }

    func testAKeptSignInForAFileReplacedSinceAsksAgain() throws {
        XCTAssertEqual(try run(["sign-in", "--as", "member-aileen-baxter"], passphrase: "demo").status, 0)
        let rebuilt = try run(["demo", "--reset", "--no-tui"])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        let again = try error(run(["cases", "mine", "--json"]))
        XCTAssertEqual(again["error"] as? String, "sign-in", "the new file's keys are not the kept ones: \(again)")
        XCTAssertEqual(try run(["cases", "mine", "--as", "member-aileen-baxter"], passphrase: "demo").status, 0)
    }

    func testSignInIsKeptUntilSignOut() throws {
        let signedIn = try run(["sign-in", "--as", "member-aileen-baxter", "--json"], passphrase: "demo")
        XCTAssertEqual(signedIn.status, 0, signedIn.stderr)
        let kept = try FileManager.default.contentsOfDirectory(atPath: runtime + "/thistle")
        XCTAssertEqual(kept.count, 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: runtime + "/thistle/" + kept[0])
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let mine = try run(["cases", "mine", "--json"])
        XCTAssertEqual(mine.status, 0, "no --as and no passphrase: the kept sign-in acts\n\(mine.stderr)")
        XCTAssertEqual(try run(["sign-out"]).status, 0)
        XCTAssertEqual(try error(run(["cases", "mine", "--json"]))["error"] as? String, "sign-in")
    }

    func testTheDatabaseFileHoldsNoKeyInTheClear() throws {
        let settings = try Spawn.output(["sqlite3", database, "SELECT key || '=' || value FROM local_setting"])
        XCTAssertFalse(settings.contains("team_key"), settings)
        XCTAssertFalse(settings.contains("device_signing_key="), settings)
        XCTAssertTrue(settings.contains("device_signing_key_sealed="), settings)
    }

    func testAnAdminAddsAMemberWhoSignsInWithTheirOwnPassphrase() throws {
        let added = try run(["member", "add", "--id", "member-test-new", "--name", "Nina Newcomer",
                             "--agency", "agency-nhs-fife", "--role", "frontline", "--place", "place-levenmouth",
                             "--as", "member-graham-anderson", "--json"],
                            passphrase: "demo", newPassphrase: "correct horse battery")
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(try run(["cases", "mine", "--as", "member-test-new"], passphrase: "correct horse battery").status, 0)
        let short = try error(run(["member", "add", "--name", "Short Pass", "--agency", "agency-nhs-fife", "--role", "lead",
                                   "--place", "place-fife", "--as", "member-graham-anderson", "--json"],
                                  passphrase: "demo", newPassphrase: "short"))
        XCTAssertEqual(short["error"] as? String, "invalid-input")
        let notAdmin = try error(run(["member", "add", "--name", "Sneaky", "--agency", "agency-nhs-fife", "--role", "admin",
                                      "--place", "place-fife", "--as", "member-aileen-baxter", "--json"],
                                     passphrase: "demo", newPassphrase: "long enough passphrase"))
        XCTAssertEqual(notAdmin["error"] as? String, "not-permitted")
        let members = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run(["members", "--json"]).stdout.utf8))
                                        as? [[String: Any]])
        XCTAssertEqual(members.count, 21, "only the admin's member was added")
    }

    func testAMemberChangesTheirPassphrase() throws {
        let changed = try run(["member", "passphrase", "--as", "member-aileen-baxter"], passphrase: "demo",
                              newPassphrase: "a much longer one")
        XCTAssertEqual(changed.status, 0, changed.stderr)
        XCTAssertEqual(try error(run(["cases", "mine", "--json", "--as", "member-aileen-baxter"], passphrase: "demo"))["message"]
                           as? String, "wrong passphrase")
        XCTAssertEqual(try run(["cases", "mine", "--as", "member-aileen-baxter"], passphrase: "a much longer one").status, 0)
    }

    func testDisablingALeaverPassesTheirCasesOnAndLocksThemOut() throws {
        let before = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(
            run(["cases", "mine", "--json", "--as", "member-aileen-baxter"], passphrase: "demo").stdout.utf8)) as? [[String: Any]])
        let led = Set(before.compactMap { $0["case"] as? String })
        XCTAssertFalse(led.isEmpty)
        let refused = try error(run(["member", "disable", "member-aileen-baxter", "--reassign-to", "member-morven-sinclair",
                                     "--as", "member-ross-menzies", "--json"], passphrase: "demo"))
        XCTAssertEqual(refused["error"] as? String, "not-permitted")
        let disabled = try run(["member", "disable", "member-aileen-baxter", "--reassign-to", "member-morven-sinclair",
                                "--as", "member-graham-anderson", "--json"], passphrase: "demo")
        XCTAssertEqual(disabled.status, 0, disabled.stderr)
        let shown = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(disabled.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(shown["cases"] as? [String] ?? []), led)
        let after = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(
            run(["cases", "mine", "--json", "--as", "member-morven-sinclair"], passphrase: "demo").stdout.utf8)) as? [[String: Any]])
        XCTAssertTrue(led.isSubset(of: Set(after.compactMap { $0["case"] as? String })), "the successor leads them now")
        let locked = try error(run(["cases", "mine", "--json", "--as", "member-aileen-baxter"], passphrase: "demo"))
        XCTAssertEqual(locked["message"] as? String, "this member has been disabled: ask an admin")
    }
}
