import Foundation
import TestSupport
import XCTest

/// The screens of docs/user-guide.md are the product's: each is captured
/// from tmux at 80×24 by walking the guide's days in order on one demo
/// database (the clock at the morning after the demo was built), and must
/// match the guide's block of the same name. `make docs-screens`
/// (`THISTLE_RECORD_GUIDE=1`) writes them into the guide instead.
final class UserGuideScreensTests: DemoBinaryTestCase {
    static let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/user-guide.md")

    /// One screen of the guide: whose, opened how, and the keys that reach it.
    struct Scene {
        let name: String
        let member: String
        var on: String?
        let walk: (TmuxSession) throws -> Void
    }

    let scenes: [Scene] = [
        Scene(name: "triage-queue", member: "member-aileen-baxter", on: "queue") { try $0.loadedList() },
        Scene(name: "triage-withheld", member: "member-aileen-baxter", on: "queue") { tmux in
            try tmux.loadedList()
            try tmux.send("Enter")
            try tmux.waitFor("not shared with your agency")
        },
        Scene(name: "log-case", member: "member-aileen-baxter", on: "queue") { tmux in
            try tmux.loadedList()
            try tmux.send("n")
            try tmux.waitFor("Find resident:")
            try tmux.send("-l", "Clark")
            try tmux.waitFor("the residents found") { $0.contains("· born") }
        },
        Scene(name: "referrals-in", member: "member-fiona-hutchison", on: "referrals-in") { try $0.loadedList() },
        Scene(name: "decline", member: "member-fiona-hutchison", on: "referrals-in") { tmux in
            try tmux.loadedList()
            try tmux.send("d")
            try tmux.waitFor("Decline referral")
            try tmux.send("-l", "No family-sized flat free in Dunfermline until March")
            try tmux.waitFor("until March")
        },
        Scene(name: "my-cases", member: "member-alasdair-kerr", on: "my-cases") { try $0.loadedList() },
        Scene(name: "case", member: "member-alasdair-kerr", on: "my-cases") { try $0.firstCase() },
        Scene(name: "refer", member: "member-alasdair-kerr", on: "my-cases") { tmux in
            try tmux.firstCase()
            try tmux.send("r")
            try tmux.waitFor("Which need?")
            try tmux.send("Enter")
            try tmux.waitFor("the services") { $0.contains("Refer") && !$0.contains("Loading services") && !$0.contains("Which need") }
        },
        Scene(name: "case-note", member: "member-alasdair-kerr", on: "my-cases") { tmux in
            try tmux.firstCase()
            try tmux.send("N")
            try tmux.waitFor("Ctrl-O editor")
            try tmux.send("-l", "Spoke to Ryan's mum: the recovery cafe is too far by bus.")
            try tmux.waitFor("too far by bus")
        },
        Scene(name: "board-dashboard", member: "member-morven-sinclair") { try $0.levenmouthBoard() },
        Scene(name: "board-plan", member: "member-morven-sinclair") { try $0.levenmouthBoard(tabs: 1, showing: "RAG") },
        Scene(name: "board-indicators", member: "member-euan-mackie") { try $0.levenmouthBoard(tabs: 2, showing: "Indicator") },
    ]

    func capture(_ scene: Scene) throws -> String {
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", database, "--as", scene.member]
            + (scene.on.map { ["--on", $0] } ?? []))
        try scene.walk(tmux)
        // The session ends with `tmux` (its server killed: a hangup, which the workspace ends cleanly on).
        return try tmux.screen().split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    func testTheGuidesScreensAreTheProducts() throws {
        let guide = try String(contentsOf: Self.guide, encoding: .utf8)
        var screens: [String: String] = [:]
        for scene in scenes { screens[scene.name] = try capture(scene) }
        let blocks = Self.blocks(in: guide)
        XCTAssertEqual(Set(blocks.map(\.name)), Set(scenes.map(\.name)), "every screen of the guide has a scene, and each scene a place")
        var updated = guide
        for block in blocks.reversed() {
            guard let screen = screens[block.name] else { continue }
            updated.replaceSubrange(block.range, with: "```text\n" + screen + "\n```\n")
        }
        if ProcessInfo.processInfo.environment["THISTLE_RECORD_GUIDE"] == "1" {
            try updated.write(to: Self.guide, atomically: true, encoding: .utf8)
            return
        }
        for block in blocks where screens[block.name] != nil {
            XCTAssertEqual(String(guide[block.range]), "```text\n" + screens[block.name]! + "\n```\n",
                           "the guide's \(block.name) screen is not the product's: run `make docs-screens`")
        }
    }

    /// Each `<!-- screen: NAME -->` marker and the fenced block after it, up to `<!-- /screen -->`.
    static func blocks(in guide: String) -> [(name: String, range: Range<String.Index>)] {
        var found: [(String, Range<String.Index>)] = []
        var searchFrom = guide.startIndex
        while let open = guide.range(of: "<!-- screen: ", range: searchFrom..<guide.endIndex),
              let nameEnd = guide.range(of: " -->\n", range: open.upperBound..<guide.endIndex),
              let close = guide.range(of: "<!-- /screen -->", range: nameEnd.upperBound..<guide.endIndex) {
            found.append((String(guide[open.upperBound..<nameEnd.lowerBound]), nameEnd.upperBound..<close.lowerBound))
            searchFrom = close.upperBound
        }
        return found
    }
}

private extension TmuxSession {
    /// Waits for a worklist's rows (its position, "1/N", at the right of its heading).
    func loadedList() throws {
        try waitFor("the loaded list") { $0.contains(" 1/") }
    }

    /// The first case of the worklist shown, opened.
    func firstCase() throws {
        try loadedList()
        try send("Enter")
        try waitFor("Story:")
    }

    /// From Home: Levenmouth's board (the fifth row under Fife), then `tabs` tabs on.
    func levenmouthBoard(tabs: Int = 0, showing text: String = "Levenmouth › Board") throws {
        try waitFor("Levenmouth")
        try send("Down", "Down", "Down", "Down", "Down", "b")
        try waitFor("Levenmouth › Board")
        for _ in 0..<tabs { try send("Tab") }
        try waitFor(text)
    }
}
