import Foundation
import TestSupport
import XCTest

/// The no-wrong-door story in a real terminal: a firefighter logs a case,
/// refers the housing need (recording consent when asked), housing
/// declines it, and the firefighter sees the need come back to them.
final class NoWrongDoorTUITests: DemoBinaryTestCase {
    func thistle(as member: String) throws -> TmuxSession {
        try TmuxSession(command: [ThistleBinary.path, "--db", database, "--as", member], width: 120, height: 40)
    }

    /// Presses Down until the line holding `target` is the one after `first` lines on, in a list whose
    /// rows are the screen lines matching `isRow`, starting from the first such row.
    func moveTo(_ target: String, in screen: String, rows isRow: (Substring) -> Bool, _ tmux: TmuxSession) throws {
        let rows = screen.split(separator: "\n").filter(isRow)
        let index = try XCTUnwrap(rows.firstIndex { $0.contains(target) }, screen)
        for _ in 0..<index { try tmux.send("Down") }
    }

    /// The worklist's "row/total" at the end of its heading line, split in two.
    static func position(_ screen: String) -> [Substring] {
        screen.split(separator: "\n").dropFirst(2).first?.split(separator: " ").last?.split(separator: "/") ?? []
    }

    func testFirefighterLogsACaseHousingDeclinesAndTheNeedComesBack() throws {
        // 1. Duncan Fairbairn (fire and rescue) logs a case for a new resident.
        let duncan = try thistle(as: "member-duncan-fairbairn")
        try duncan.waitFor("Duncan Fairbairn")
        try duncan.send("3")
        try duncan.waitFor("log case")
        try duncan.send("n")
        try duncan.waitFor("Find resident:")
        try duncan.send("+")
        try duncan.waitFor("Register a new resident")
        try duncan.send("-l", "Morven Ogilvie")
        try duncan.send("Tab")
        try duncan.send("-l", "1979-05-14")
        try duncan.send("Tab")
        try duncan.send("-l", "KY3 0AB")
        try duncan.waitFor("KY3 0AB")
        try duncan.send("Enter")
        let needs = try duncan.waitFor("What does the resident need?")
        for need in ["Money and debt", "Housing"] {
            try moveTo(need, in: needs, rows: { $0.contains("[ ]") }, duncan)
            try duncan.send("Space")
            try duncan.waitFor("[x] \(need)")
            for _ in 0..<20 { try duncan.send("Up") }
        }
        try duncan.send("Enter")
        try duncan.waitFor("consent to sharing")
        try duncan.send("Enter")
        try duncan.waitFor("First note:")
        try duncan.send("-l", "Fire safety visit; rent arrears, may lose the flat")
        try duncan.send("Enter")
        let opened = try duncan.waitFor("the case") { $0.contains("Morven Ogilvie") && $0.contains("No referral yet.") }
        XCTAssertTrue(opened.contains("none recorded"), opened)
        XCTAssertTrue(opened.contains("housing") && opened.contains("money-debt"), opened)

        // 2. r refers the housing need to a housing service; consent is asked for, then recorded with y.
        try duncan.send("r")
        let which = try duncan.waitFor("Which need?")
        try moveTo("housing ·", in: which, rows: { $0.contains(" · open") }, duncan)
        try duncan.send("Enter")
        // The box asks at once and lists the services once they are loaded.
        let services = try duncan.waitFor("the services to choose from") {
            $0.contains("To which service?") && $0.contains("Fife Homelessness Assessment Team") && !$0.contains("Loading services")
        }
        // The choices are the box's lines after the question, each "service · agency · wait …" (maybe cut short).
        let afterQuestion = services.split(separator: "\n").drop { !$0.contains("To which service?") }.dropFirst()
        let choices = afterQuestion.prefix { !$0.contains("└") }.joined(separator: "\n")
        try moveTo("Fife Homelessness Assessment Team", in: choices, rows: { $0.contains(" · ") }, duncan)
        try duncan.send("Enter")
        let asked = try duncan.waitFor("Record that the resident consents, and send the referral?")
        XCTAssertTrue(asked.contains("No consent is recorded for sharing this case with Fife Council"), asked)
        try duncan.send("y")
        let sent = try duncan.waitFor("the referral") { $0.contains("Fife Homelessness Assessment Team") && $0.contains("sent") }
        XCTAssertTrue(sent.contains("Fife Council Housing Services (consent)"), sent)
        try duncan.send("q")
        try duncan.waitFor("[exit status 0]")

        // 3. Kirsty Drummond (Fife Council Housing) declines it from Referrals in.
        let kirsty = try thistle(as: "member-kirsty-drummond")
        try kirsty.waitFor("Kirsty Drummond")
        try kirsty.send("5")
        try kirsty.waitFor("the referrals") { $0.contains("Referrals with your agency's services") && $0.contains(" 1/") }
        // The newest referral is the last row (oldest first).
        try kirsty.send("End")
        try kirsty.waitFor("the last row") { screen in
            let parts = Self.position(screen)
            return parts.count == 2 && parts[0] == parts[1]
        }
        try kirsty.send("d")
        let prompt = try kirsty.waitFor("Decline referral")
        XCTAssertTrue(prompt.contains("Fife Homelessness Assessment Team · housing"), prompt)
        try kirsty.send("-l", "Not homeless: refer to the rent arrears team")
        // Enter and then q at once: the decline is still being written when she quits, and must not be lost.
        try kirsty.send("Enter")
        try kirsty.send("q")
        try kirsty.waitFor("[exit status 0]")

        // 4. Back as Duncan, My cases shows the housing need returned, first.
        let again = try thistle(as: "member-duncan-fairbairn")
        try again.waitFor("Duncan Fairbairn")
        try again.send("4")
        let mine = try again.waitFor("the returned need") { $0.contains("The cases you lead") && $0.contains("Morven Ogilvie") }
        // The table's rows follow its header line ("Resident … Need …").
        let rows = mine.split(separator: "\n").drop { !($0.contains("Resident") && $0.contains("Need")) }.dropFirst()
        let first = try XCTUnwrap(rows.first, mine)
        XCTAssertTrue(first.contains("returned") && first.contains("housing") && first.contains("Morven Ogilvie"), mine)
        try again.send("q")
        try again.waitFor("[exit status 0]")
    }

    func testFilteringTheQueueThenChasingAndScrollingALongCaseAt80x24() throws {
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", database, "--as", "member-aileen-baxter"])
        try tmux.waitFor("Aileen Baxter")
        try tmux.send("3")
        try tmux.waitFor("the loaded queue") { $0.contains("most urgent first") && $0.contains(" 1/") }
        try tmux.send("f")
        try tmux.waitFor("Narrow the queue by")
        try tmux.send("Down", "Down", "Enter")
        try tmux.waitFor("How urgent?")
        try tmux.send("Enter")
        let urgent = try tmux.waitFor("Showing only urgent")
        let rows = urgent.split(separator: "\n").drop { !$0.hasPrefix("Urgency") }.dropFirst().filter { !$0.isEmpty }
        XCTAssertFalse(rows.isEmpty, urgent)
        XCTAssertTrue(rows.dropLast().allSatisfy { $0.hasPrefix("urgent") }, urgent)
        try tmux.send("F")
        try tmux.waitFor("the whole queue") { $0.contains("most urgent first") && $0.contains("routine") }

        // A stalled referral on a case she leads: chase it, then read the timeline at the end of the case.
        try tmux.send("4")
        let mine = try tmux.waitFor("my cases") { $0.contains("The cases you lead") && $0.contains(" 1/") }
        try moveTo("stalled", in: mine, rows: { $0.hasPrefix("returned") || $0.hasPrefix("stalled") || $0.hasPrefix("   ") },
                   tmux)
        try tmux.send("Enter")
        try tmux.waitFor("Timeline") { $0.contains("Referral to") && $0.contains(" of ") }
        try tmux.send("h")
        try tmux.waitFor("Chase a referral")
        try tmux.send("Enter")
        try tmux.waitFor("chased 20")
        try tmux.send("End")
        let end = try tmux.waitFor("the chase on the timeline") { $0.contains("referral chased:") }
        XCTAssertFalse(end.contains(" Resident "), end)
        try tmux.resize(width: 100, height: 50)
        try tmux.waitFor("the whole case") { $0.contains(" Resident ") && $0.contains("referral chased:") }
        try tmux.send("q")
        try tmux.waitFor("[exit status 0]")
    }

    func testOpeningOnTheQueueThenJumpingToItsEndAndBackAt80x24() throws {
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", database, "--as", "member-moira-donaldson", "--on", "queue"])
        let first = try tmux.waitFor("the queue, straight away") { $0.contains("most urgent first") && $0.contains(" 1/") }
        let total = try XCTUnwrap(Self.position(first).last.flatMap { Int($0) }, first)
        XCTAssertTrue(first.contains("urgent "), first)
        try tmux.send("End")
        let end = try tmux.waitFor("the last need") { Self.position($0) == ["\(total)", "\(total)"] }
        XCTAssertTrue(end.contains("routine "), "the least urgent come last:\n\(end)")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("the end after a resize") { $0.contains("6 Sync") && Self.position($0) == ["\(total)", "\(total)"] }
        try tmux.send("Home")
        try tmux.waitFor("the first need again") { Self.position($0) == ["1", "\(total)"] }
        try tmux.send("q")
        try tmux.waitFor("[exit status 0]")
    }
}
