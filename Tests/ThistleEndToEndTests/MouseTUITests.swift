import Foundation
import TestSupport
import XCTest

/// The mouse in a real terminal (tmux at 80×24, clicks sent as a terminal
/// reports them): a tab, the wheel, a row, the selected row, a footer hint;
/// and `mouse = false` in config.toml leaves the mouse to the terminal.
final class MouseTUITests: DemoBinaryTestCase {
    func workspace(_ environment: [String: String] = [:]) throws -> TmuxSession {
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", database, "--as", "member-alasdair-kerr"],
                                   environment: environment)
        try tmux.waitFor("Home") { $0.contains("Alasdair Kerr") && $0.contains("Kirkcaldy") }
        return tmux
    }

    func testClicksAndTheWheelDoWhatTheKeysDo() throws {
        let tmux = try workspace()
        XCTAssertTrue(try tmux.wantsMouse())
        try tmux.click(x: 40, y: 1)  // " 4 My cases " on the tab row
        try tmux.waitFor("my cases at the first row") { $0.contains("Thistle │ My cases") && $0.contains(" 1/72") }
        try tmux.wheel(down: true, x: 20, y: 10)
        try tmux.waitFor("three rows down") { $0.contains(" 4/72") }
        try tmux.click(x: 20, y: 5)  // the second row shown
        try tmux.waitFor("the clicked row selected") { $0.contains(" 2/72") }
        try tmux.click(x: 20, y: 5)  // the selected row: open it
        let opened = try tmux.waitFor("its case") { $0.contains("Thistle │ My cases › case-") && $0.contains("Story:") }
        // "? help" at the end of the footer (the last row).
        let footer = try XCTUnwrap(opened.split(separator: "\n", omittingEmptySubsequences: false).dropLast().last)
        let help = try XCTUnwrap(footer.range(of: "? help"))
        try tmux.click(x: footer.distance(from: footer.startIndex, to: help.lowerBound) + 2, y: 23)
        try tmux.waitFor("the keys of this screen") { $0.contains("─ Keys ") }
    }

    func testMouseOffInTheConfigLeavesItToTheTerminal() throws {
        let config = folder.appendingPathComponent("config/thistle")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "mouse = false\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let tmux = try workspace(["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path])
        XCTAssertFalse(try tmux.wantsMouse(), "the terminal keeps its own selection")
    }
}
