import Foundation
import TestSupport
import XCTest

/// A team lead in a real terminal at 80×24: from Home to Levenmouth's
/// board, its plan, one priority and back, then the evidence after a resize.
final class PlaceBoardTUITests: DemoBinaryTestCase {


    func testFromHomeToAPriorityAndBack() throws {
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", database, "--as", "member-morven-sinclair"])
        try tmux.waitFor("the place tree") { $0.contains("Morven Sinclair") && $0.contains("Levenmouth") }
        for _ in 0..<5 { try tmux.send("Down") }
        try tmux.send("b")
        let dashboard = try tmux.waitFor("Levenmouth's dashboard") { $0.contains("Levenmouth › Board") && $0.contains("awaiting") }
        XCTAssertTrue(dashboard.contains("median time to first routing"), dashboard)
        try tmux.send("Tab")
        let plan = try tmux.waitFor("the plan") { $0.contains("Enter opens a priority") }
        let rows = plan.split(separator: "\n").filter { $0.hasPrefix("red ") || $0.hasPrefix("amber ") || $0.hasPrefix("green ") }
        XCTAssertGreaterThanOrEqual(rows.count, 4, plan)
        try tmux.send("Enter")
        let priority = try tmux.waitFor("a priority") { $0.contains("Plan ›") && $0.contains("Actions") }
        XCTAssertTrue(priority.contains("led by"), priority)
        try tmux.send("Escape")
        try tmux.waitFor("the plan again") { $0.contains("Enter opens a priority") }
        try tmux.send("Tab")
        try tmux.waitFor("the indicators") { $0.contains("Enter: its series") }
        try tmux.resize(width: 120, height: 40)
        try tmux.waitFor("the indicators, wider") { $0.contains("Enter: its series and places compared") && $0.contains("Volunteering") }
        try tmux.send("Escape")
        try tmux.waitFor("home") { $0.contains("Places and their work") }
        try tmux.send("q")
        try tmux.waitFor("[exit status 0]")
    }
}
