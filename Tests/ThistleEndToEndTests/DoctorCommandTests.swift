import Foundation
import TestSupport
import XCTest

/// `thistle doctor` on a healthy setup (in a terminal, in tmux) and on
/// broken ones: each problem named with how to fix it, exit status 1.
final class DoctorCommandTests: DemoBinaryTestCase {
    struct Report: Decodable {
        struct Check: Decodable { let check: String, status: String, detail: String, fix: String? }
        let checks: [Check]
        let failed: Int
        let warned: Int

        func check(_ name: String) throws -> Check { try XCTUnwrap(checks.first { $0.check == name }, name) }
    }

    func report(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, report: Report) {
        let ran = try ThistleBinary.run(["doctor", "--json"] + arguments, environment: hermetic.merging(environment) { $1 })
        return (ran.status, try JSONDecoder().decode(Report.self, from: Data(ran.stdout.utf8)))
    }

    /// No settings file of the machine's.
    var hermetic: [String: String] { ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path] }

    func testAHealthySetupIsInOrder() throws {
        // (NO_COLOR empty, as if unset: the test runner may set it; no settings file of the machine's.)
        let tmux = try TmuxSession(command: [ThistleBinary.path, "doctor", "--db", database],
                                   environment: hermetic.merging(["NO_COLOR": ""]) { $1 })
        let screen = try tmux.waitFor("[exit status 0]")
        for line in ["ok      terminal     TERM=screen-256color, 80×24", "ok      locale       LC_ALL=C.UTF-8, UTF-8",
                     "ok      colours      256 colours", "ok      database     /", "ok      hub          none used yet", "ok      config       none at ",
                     "Everything Thistle needs is in order."] {
            XCTAssertTrue(screen.contains(line), "\(line)\n\(screen)")
        }
    }

    func testEachProblemIsNamedWithItsFix() throws {
        let missing = folder.appendingPathComponent("nowhere.sqlite").path
        let (status, broken) = try report(["--db", missing], environment: [
            "TERM": "dumb", "LANG": "C", "LC_ALL": "", "LC_CTYPE": "", "NO_COLOR": "", "XDG_RUNTIME_DIR": "",
        ])
        XCTAssertEqual(status, 1)
        XCTAssertEqual(try broken.check("terminal").status, "fail")
        XCTAssertEqual(try broken.check("terminal").fix, "run thistle in a terminal window, not through a pipe, a script or cron")
        XCTAssertEqual(try broken.check("locale").status, "warn")
        XCTAssertEqual(try broken.check("locale").fix, "export LANG=C.UTF-8 (or another UTF-8 locale `locale -a` lists)")
        XCTAssertEqual(try broken.check("colours").status, "warn", "TERM=dumb has no colours")
        XCTAssertEqual(try broken.check("sign-in").status, "warn")
        XCTAssertEqual(try broken.check("database").status, "fail")
        XCTAssertTrue(try broken.check("database").detail.contains(missing))
        XCTAssertTrue(try XCTUnwrap(broken.check("database").fix).contains("thistle demo"))
        XCTAssertEqual(try broken.check("hub").status, "skipped")
        XCTAssertEqual([broken.failed, broken.warned], [2, 3])
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "the doctor made no database")

        // A database others can read, and a hub that does not answer.
        chmod(database, 0o644)
        try sqlite("INSERT INTO local_setting (key, value) VALUES ('hub-url', 'postgres://thistle@127.0.0.1:1/hub'), "
                   + "('hub-synced', '2026-11-20T09:00:00Z')")
        let (again, files) = try report(["--db", database])
        XCTAssertEqual(again, 1)
        XCTAssertEqual(try files.check("permissions").status, "warn")
        XCTAssertEqual(try files.check("permissions").fix, "chmod 600 \(database!) (thistle does this when it opens the file)")
        XCTAssertEqual(try files.check("database").status, "ok")
        let hub = try files.check("hub")
        XCTAssertEqual(hub.status, "fail")
        XCTAssertTrue(hub.detail.hasPrefix("cannot reach 127.0.0.1:1: Connection refused"), hub.detail)

        // The text form: one line a check, each fix under its problem.
        let text = try ThistleBinary.run(["doctor", "--db", database], environment: hermetic)
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.stdout.contains("fail    hub          cannot reach 127.0.0.1:1"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\n                     fix: check the network"), text.stdout)
    }

    func sqlite(_ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, sql]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
