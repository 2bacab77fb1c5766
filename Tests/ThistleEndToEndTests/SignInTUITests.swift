import Foundation
import TestSupport
import XCTest

/// The workspace's passphrase box in a real terminal: nothing shows until
/// the right passphrase, a wrong one says so, and a lead opens a case's
/// audit from it; at 80×24 and after a resize.
final class SignInTUITests: DemoBinaryTestCase {
    /// A runtime folder (0700) of this test's own, so no kept sign-in from another test applies.
    func privateRuntime() throws -> URL {
        let runtime = folder.appendingPathComponent("runtime")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return runtime
    }


    func testALeadSignsInOpensACaseAndSeesWhoViewedIt() throws {
        // No passphrase file and a runtime folder of its own: the box must ask.
        let runtime = try privateRuntime()
        let tmux = try TmuxSession(
            command: [ThistleBinary.path, "--db", database, "--as", "member-morven-sinclair"],
            environment: ["THISTLE_PASSPHRASE_FILE": "", "XDG_RUNTIME_DIR": runtime.path])
        let box = try tmux.waitFor("the passphrase box") { $0.contains("Sign in") && $0.contains("Passphrase:") }
        XCTAssertTrue(box.contains("Morven Sinclair · lead"), box)
        XCTAssertFalse(box.contains("Levenmouth"), "nothing of the workspace shows:\n\(box)")

        try tmux.send("-l", "wrong guess")
        try tmux.send("Enter")
        try tmux.waitFor("wrong passphrase")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("the box after a resize") { $0.contains("Sign in") && $0.contains("wrong passphrase") }
        try tmux.resize(width: 80, height: 24)
        try tmux.send("-l", "demo")
        try tmux.send("Enter")
        try tmux.waitFor("Home") { $0.contains("Morven Sinclair · lead") && $0.contains("Levenmouth") }

        try tmux.send("3")
        try tmux.waitFor("the triage queue") { $0.contains("Needs waiting to be routed") && $0.contains("case-") }
        try tmux.send("Enter")
        try tmux.waitFor("the case") { $0.contains("Resident") && $0.contains("Door") }
        try tmux.send("u")
        let audit = try tmux.waitFor("the case's audit") { $0.contains("› Audit") && $0.contains("opened the case") }
        XCTAssertTrue(audit.contains("Morven Sinclair"), audit)
        try tmux.send("Escape")
        try tmux.waitFor("back on the case") { $0.contains("Resident") && !$0.contains("› Audit") }
        try tmux.send("q")
        try tmux.waitFor("[exit status 0]")
    }

    func testTheWorkspaceLocksWhenLeftAndOpensAgainWithThePassphrase() throws {
        let runtime = try privateRuntime()
        // Signed in from the passphrase file; locked after five seconds without a key.
        let tmux = try TmuxSession(
            command: [ThistleBinary.path, "--db", database, "--as", "member-aileen-baxter"],
            environment: ["THISTLE_LOCK_AFTER": "5s", "XDG_RUNTIME_DIR": runtime.path], now: nil)
        try tmux.waitFor("Home") { $0.contains("Aileen Baxter · frontline") && $0.contains("Levenmouth") }
        let locked = try tmux.waitFor("the idle lock", timeout: 30) { $0.contains("Thistle is locked") }
        XCTAssertFalse(locked.contains("Levenmouth"), "nothing of the workspace shows while locked:\n\(locked)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: runtime.path + "/thistle").count, 0,
                       "the kept sign-in ended with the lock")
        try tmux.send("-l", "demo")
        try tmux.send("Enter")
        try tmux.waitFor("Home again") { $0.contains("Aileen Baxter · frontline") && $0.contains("Levenmouth") }
        try tmux.send("q")
        try tmux.waitFor("[exit status 0]")
    }
}
