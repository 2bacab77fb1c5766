import Foundation
import PlaceDomain
import TestSupport
import XCTest

/// Hostile terminals and environments (docs/RELIABILITY.md), in tmux at
/// 80×24: each works or says why, and never leaves a garbled screen or a
/// stuck terminal. (No terminal and TERM=dumb: CommandLineTests; too small:
/// the golden screens.)
final class HostileTerminalTests: DemoBinaryTestCase {
    private let lead = "member-alasdair-kerr"

    private func workspace(_ environment: [String: String] = [:]) throws -> TmuxSession {
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", database, "--as", lead], environment: environment)
        try tmux.waitFor("Home") { $0.contains("Alasdair Kerr") && $0.contains("Kirkcaldy") }
        return tmux
    }

    func testInACLocaleEveryCellIsASCII() throws {
        let tmux = try workspace(["LANG": "C", "LC_ALL": "C"])
        var screen = try tmux.waitFor("Home") { $0.contains("Thistle | Home") }
        XCTAssertTrue(screen.unicodeScalars.allSatisfy(\.isASCII), screen)
        XCTAssertTrue(screen.contains("v Fife") && screen.contains("> Kirkcaldy"), screen)
        screen = try tmux.openTheLeadsFirstCase()
        XCTAssertTrue(screen.unicodeScalars.allSatisfy(\.isASCII), screen)
        XCTAssertTrue(screen.contains("Ryan Clark - born 2010-09-01"), screen)
    }

    /// A refusal is the one thing drawn in colour (red): with NO_COLOR it is bold alone.
    func testNoColorDrawsWithAttributesAlone() throws {
        // A foreground or background colour other than the terminal's own (39, 49), which tmux writes anyway.
        let colour = try NSRegularExpression(pattern: "\u{1b}\\[[0-9;]*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]")
        func refusal(_ environment: [String: String]) throws -> String {
            let tmux = try workspace(environment)
            try tmux.openTheLeadsFirstCase()
            try tmux.send("C")
            try tmux.waitFor("the confirmation") { $0.contains("Enter confirm") }
            try tmux.send("Enter")
            try tmux.waitFor("the refusal") { $0.contains("is still with the service") }
            return try tmux.styledScreen()
        }
        func colours(_ text: String) -> Int { colour.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) }
        // (Empty, as if unset: the test runner may set NO_COLOR itself.)
        XCTAssertGreaterThan(colours(try refusal(["NO_COLOR": ""])), 0, "in colour by default")
        let plain = try refusal(["NO_COLOR": "1"])
        XCTAssertEqual(colours(plain), 0, plain)
        XCTAssertTrue(plain.contains("\u{1b}[1m") || plain.contains(";1m"), "the refusal is still bold")
    }

    func testAResizeStormDownToOneCellLeavesAWorkingScreen() throws {
        let tmux = try workspace()
        var random = SeededRandom(seed: 11)
        for step in 0..<40 {
            let (width, height) = step % 10 == 0 ? (1, 1) : (Int.random(in: 1...200, using: &random), Int.random(in: 1...60, using: &random))
            try tmux.resize(width: width, height: height)
        }
        try tmux.resize(width: 80, height: 24)
        // The whole of Home, header to footer: a frame caught mid-redraw may hold only part of it.
        let home = try tmux.waitFor("Home again, whole") {
            $0.contains("Thistle │ Home") && $0.contains("South West Fife") && $0.contains("Alasdair Kerr · lead")
                && $0.contains("q quit  ? help")
        }
        XCTAssertFalse(home.contains("7,▸"), "no cell left over from an earlier size: \(home)")
        try tmux.send("4")
        try tmux.waitFor("my cases", timeout: 20) { $0.contains("case-0154") }
    }

    func testSuspendAndResumeRestoreTheScreen() throws {
        let tmux = try TmuxSession(command: ["bash", "--norc", "--noprofile", "-i"])
        try tmux.waitFor("a shell") { $0.contains("bash") }
        try tmux.send("\(ThistleBinary.path) --db \(database!) --as \(lead)", "Enter")
        try tmux.waitFor("Home") { $0.contains("Alasdair Kerr") && $0.contains("Kirkcaldy") }
        try tmux.send("C-z")
        let shell = try tmux.waitFor("the shell") { $0.contains("Stopped") }
        XCTAssertFalse(try tmux.isAlternateScreen(), "the shell's screen is back:\n\(shell)")
        try tmux.send("fg", "Enter")
        try tmux.waitFor("Home again") { $0.contains("Thistle │ Home") && $0.contains("South West Fife") }
        try tmux.send("4")
        try tmux.waitFor("my cases") { $0.contains("case-0154") }
        try tmux.send("q")
        try tmux.waitFor("the shell") { !$0.contains("Thistle │") }
    }

    func testAHangupEndsCleanlyKeepingWhatWasSaved() throws {
        let tmux = try workspace()
        try tmux.openTheLeadsFirstCase()
        try tmux.send("N")
        try tmux.waitFor("the note box") { $0.contains("Enter confirm") }
        try tmux.send("Left a card; will call again.", "Enter")
        try tmux.waitFor("the saved note") { $0.contains("Left a card; will call again.") && !$0.contains("Enter confirm") }
        let thistle = try XCTUnwrap(try tmux.processes(named: "thistle").first)
        XCTAssertEqual(kill(thistle, SIGHUP), 0)
        let ended = try tmux.waitFor("the exit") { $0.contains("[exit status") }
        XCTAssertTrue(ended.contains("[exit status 130]"), ended)
        XCTAssertFalse(try tmux.isAlternateScreen(), "the terminal is given back")
        let again = try workspace()
        let reopened = try again.openTheLeadsFirstCase()
        XCTAssertTrue(reopened.contains("Left a card; will call again."), reopened)
    }
}

extension TmuxSession {
    /// From Home, as the demo's lead Alasdair Kerr: My cases, then the first
    /// of them (case-0154, Ryan Clark's); returns the case screen.
    @discardableResult
    func openTheLeadsFirstCase() throws -> String {
        try send("4")
        try waitFor("my cases") { $0.contains("case-0154") }
        try send("Enter")
        return try waitFor("a case") { $0.contains("N note") && $0.contains("Ryan Clark") }
    }
}
