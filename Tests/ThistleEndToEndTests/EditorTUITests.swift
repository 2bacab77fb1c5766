import Foundation
import TestSupport
import XCTest

/// A note written in the user's editor, end to end in tmux at 80×24: Ctrl-O
/// hands the terminal to `$EDITOR` (here a script that shows itself, waits,
/// then writes a known text), the workspace comes back whole, and the note
/// is saved with its lines; the editor's private file is gone.
final class EditorTUITests: DemoBinaryTestCase {
    func testANoteWrittenInTheEditorComesBackToARestoredScreen() throws {
        let script = folder.appendingPathComponent("fake-editor").path
        let carryOn = folder.appendingPathComponent("carry-on").path
        let runtime = folder.appendingPathComponent("runtime")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try """
            #!/bin/sh
            clear
            echo "fake editor on $(basename "$(dirname "$1")")/$(basename "$1") holding: $(head -1 "$1")"
            while [ ! -e \(carryOn) ]; do sleep 0.1; done
            printf 'Visited at home with the housing officer.\\nRent plan agreed; review in a month.\\n# left out\\n' > "$1"
            """.write(toFile: script, atomically: false, encoding: .utf8)
        chmod(script, 0o755)
        let tmux = try TmuxSession(command: [ThistleBinary.path, "--db", database, "--as", "member-alasdair-kerr"],
                                   environment: ["EDITOR": script, "XDG_RUNTIME_DIR": runtime.path])
        try tmux.waitFor("Alasdair Kerr")
        try tmux.send("4")
        try tmux.waitFor("the loaded list") { $0.contains("case-0154") }
        try tmux.send("Enter")
        try tmux.waitFor("Story:")
        try tmux.send("N")
        try tmux.waitFor("Ctrl-O editor")
        try tmux.send("-l", "Draft")
        try tmux.send("C-o")
        let editing = try tmux.waitFor("fake editor on thistle-edit-")
        XCTAssertTrue(editing.contains("/thistle.txt holding: Draft"), editing)
        XCTAssertFalse(editing.contains("Story:"), "the editor has the whole terminal:\n\(editing)")
        FileManager.default.createFile(atPath: carryOn, contents: nil)

        let back = try tmux.waitFor("Rent plan agreed; review in a month.")
        XCTAssertTrue(back.contains("Thistle │ My cases › case-"), "the workspace is back whole:\n\(back)")
        XCTAssertTrue(back.contains("   Visited at home with the housing officer.\n   Rent plan agreed"), back)
        XCTAssertFalse(back.contains("fake editor"), back)
        XCTAssertFalse(back.contains("left out"), back)
        let left = try FileManager.default.contentsOfDirectory(atPath: runtime.path).filter { $0.hasPrefix("thistle-edit") }
        XCTAssertEqual(left, [], "the editor's file and folder are removed")

        try tmux.resize(width: 100, height: 30)
        let wider = try tmux.waitFor("the wider screen") { $0.split(separator: "\n").first?.count ?? 0 > 80 }
        XCTAssertTrue(wider.contains("Rent plan agreed; review in a month."), wider)
    }
}
