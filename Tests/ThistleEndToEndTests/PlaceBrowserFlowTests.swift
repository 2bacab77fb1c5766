import Foundation
import TestSupport
import XCTest

/// The first-run flow, driven in a real terminal (tmux) on the real binary.
final class PlaceBrowserFlowTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testDemoHomeDrillInHelpResizeAndQuit() throws {
        let database = folder.appendingPathComponent("demo.sqlite").path
        let tmux = try TmuxSession(command: [ThistleBinary.path, "demo", "--db", database])

        // 1. The demo builds and, with no --as, asks who you are.
        try tmux.waitFor("the member list") { $0.contains("Who are you?") && $0.contains("Role") }
        try tmux.send("Enter")
        // The chosen member's passphrase (every demo member's is "demo"), masked as it is typed.
        try tmux.waitFor("the demo's passphrase, in the box") {
            $0.contains("Passphrase:") && $0.contains("every member's passphrase is \"demo\"")
        }
        try tmux.send("-l", "demo")
        try tmux.waitFor("Passphrase: ••••")
        try tmux.send("Enter")

        // 2. Home shows Fife and all seven areas.
        let areas = ["Cowdenbeath", "City of Dunfermline", "Glenrothes", "Kirkcaldy", "Levenmouth",
                     "North East Fife", "South West Fife"]
        let home = try tmux.waitFor("Fife and its areas") { screen in
            screen.contains("Fife") && areas.allSatisfy(screen.contains)
        }
        XCTAssertTrue(home.contains("Home"))

        // 3. Enter on Levenmouth shows its communities and a breadcrumb.
        let lines = home.split(separator: "\n")
        let fifeRow = try XCTUnwrap(lines.firstIndex { $0.contains("Fife") && !$0.contains("East") && !$0.contains("West") && !$0.contains("Home") })
        let levenmouthRow = try XCTUnwrap(lines.firstIndex { $0.contains("Levenmouth") })
        for _ in 0..<(levenmouthRow - fifeRow) { try tmux.send("Down") }
        try tmux.send("Enter")
        let place = try tmux.waitFor("Levenmouth's communities") { $0.contains("Methil") && $0.contains("Buckhaven") }
        XCTAssertTrue(place.contains("Fife › Levenmouth"), place)

        // 4. ? shows help, generated from the bindings, listing quit.
        try tmux.send("?")
        let help = try tmux.waitFor("Quit Thistle")
        XCTAssertTrue(help.contains("Everywhere"))
        try tmux.send("Escape")
        try tmux.waitFor("help closed") { !$0.contains("Quit Thistle") && $0.contains("Methil") }

        // 5. Too small, then back.
        try tmux.resize(width: 60, height: 20)
        let small = try tmux.waitFor("80×24")
        XCTAssertTrue(small.contains("60×20"), small)
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("Methil")

        // 6. q exits with status 0 and gives the terminal back.
        try tmux.send("q")
        try tmux.waitFor("[exit status 0]")
        XCTAssertFalse(try tmux.isAlternateScreen())
        XCTAssertFalse(try tmux.screen().contains("Methil"))
    }
}
