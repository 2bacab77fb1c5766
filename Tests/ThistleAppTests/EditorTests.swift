import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// Long text in the user's own editor: Ctrl-O on a note or a reason hands
/// what is typed to the editor; what it saves answers the prompt (new lines
/// kept, `#` lines left out), an empty text cancels, a failure keeps the
/// prompt open. `ExternalEditor` runs a real program on a private file.
final class EditorTests: DemoTestCase {
    let lead: MemberID = "member-aileen-baxter"

    func testANoteWrittenInTheEditorIsSavedWithItsLines() throws {
        let store = try freshDemo()
        let (app, id) = try openCase(store, as: lead)
        var asked: [EditorRequest] = []
        app.editor = { asked.append($0); return .text("Visited at home.\nRent plan agreed; review in a month.") }
        app.press(.character("N"))
        XCTAssertTrue(app.screen.contains("Ctrl-O editor"), "the footer offers the editor:\n\(app.screen)")
        app.type("Draft")
        app.press(.ctrl("o"))
        XCTAssertEqual(asked, [EditorRequest(title: "Add a note", text: "Draft")])
        XCTAssertNil(app.state.notice)
        XCTAssertEqual(try store.notes(on: id).first?.text, "Visited at home.\nRent plan agreed; review in a month.")
        XCTAssertTrue(app.screen.contains("Rent plan agreed; review in a month."), app.screen)
    }

    func testAnEmptyTextCancelsAndAFailureKeepsWhatWasTyped() throws {
        let store = try freshDemo()
        let (app, id) = try openCase(store, as: lead)
        let notes = try store.notes(on: id).count
        app.editor = { _ in .empty }
        app.press(.character("N"))
        app.type("Half a thought")
        app.press(.ctrl("o"))
        XCTAssertEqual(app.state.notice, "Nothing was saved: the editor's text was empty.")
        guard case .caseFile(let closed)? = app.state.stack.last else { return XCTFail("left the case") }
        XCTAssertNil(closed.prompt, "an empty text cancels, as git does")

        app.editor = { _ in .failed("The editor (vi) ended with status 1; nothing was saved.") }
        app.press(.character("N"))
        app.type("Kept")
        app.press(.ctrl("o"))
        XCTAssertEqual(app.state.notice, "The editor (vi) ended with status 1; nothing was saved.")
        guard case .caseFile(let open)? = app.state.stack.last, case .text(let field)? = open.prompt?.input else {
            return XCTFail("the prompt closed")
        }
        XCTAssertEqual(field.text, "Kept")
        XCTAssertEqual(try store.notes(on: id).count, notes, "nothing written")
    }

    func testATextPastTheLimitIsKeptInThePromptToShorten() throws {
        let store = try freshDemo()
        let (app, id) = try openCase(store, as: lead)
        let notes = try store.notes(on: id).count
        let long = String(repeating: "word ", count: 2_001)
        var asked: [String] = []
        app.editor = { asked.append($0.text); return asked.count == 1 ? .text(long) : .text("Shorter.") }
        app.press(.character("N"), .ctrl("o"))
        XCTAssertEqual(app.state.notice, "That is \(long.count) characters; this takes at most 10000. Ctrl-O opens it again to shorten it.")
        XCTAssertEqual(try store.notes(on: id).count, notes)
        app.press(.ctrl("o"))
        XCTAssertEqual(asked, ["", long], "the editor opens on the whole text again")
        XCTAssertEqual(try store.notes(on: id).first?.text, "Shorter.")
    }

    func testADeclineReasonMayBeWrittenInTheEditor() throws {
        let store = try freshDemo()
        let app = AppDriver(store: store, member: try XCTUnwrap(try store.member(lead)), size: Size(width: 120, height: 40))
        app.press(.character("5"))
        guard case .referralsIn(let screen)? = app.state.stack.last, let rows = screen.work.rows,
              let index = rows.firstIndex(where: { $0.item.status == "sent" }), let referral = rows[index].item.referralID
        else { return XCTFail("no sent referral") }
        app.press(.home)
        for _ in 0..<index { app.press(.down) }
        app.editor = { _ in .text("No capacity until the new year.\nTry the food bank's outreach team.") }
        app.press(.character("d"), .ctrl("o"))
        XCTAssertEqual(try store.caseFile(rows[index].item.caseID)?.referral(referral)?.reason,
                       "No capacity until the new year.\nTry the food bank's outreach team.")
    }

    func testAPrioritysDescriptionIsWrittenInTheEditorFromWhatItSays() throws {
        let store = try freshDemo()
        let app = AppDriver(store: store, member: try XCTUnwrap(try store.member(BoardTests.lead)),
                            clock: FixedClock(AppDriver.morningAfterDemo))
        BoardTests.openLevenmouth(app)
        app.press(.tab, .enter)
        guard case .priority(let screen)? = app.state.stack.last else { return XCTFail("not on a priority:\n\(app.screen)") }
        let before = try XCTUnwrap(try store.priority(screen.priorityID))
        var asked: [EditorRequest] = []
        app.editor = { asked.append($0); return .text("Safer crossings on the two school routes.\n\nFunded from the pot's prevention stream.") }
        app.press(.character("e"))
        XCTAssertTrue(app.screen.contains("Describe the priority"), app.screen)
        app.press(.ctrl("o"))
        XCTAssertEqual(asked.map(\.text), [before.description], "the editor opens on what it says now")
        XCTAssertEqual(try store.priority(before.id)?.description,
                       "Safer crossings on the two school routes.\n\nFunded from the pot's prevention stream.")
        XCTAssertTrue(app.screen.contains("Safer crossings on the two school routes."), app.screen)
    }

    func testOnlyNotesAndReasonsOfferTheEditor() throws {
        let app = AppDriver(store: try freshDemo(), member: try XCTUnwrap(try Fixtures.sharedDemo().member(BoardTests.lead)),
                            clock: FixedClock(AppDriver.morningAfterDemo))
        BoardTests.openLevenmouth(app)
        app.press(.tab, .character("n"))
        XCTAssertFalse(app.screen.contains("Ctrl-O"), "a title is one line:\n\(app.screen)")
        app.press(.ctrl("o"))
        XCTAssertFalse(app.effectLog.contains { if case .openEditor = $0 { true } else { false } })
    }

    func testWithNoEditorNamedTheBuiltInOneWritesAndSavesLines() throws {
        let store = try freshDemo()
        let (app, id) = try openCase(store, as: lead)
        let notes = try store.notes(on: id).count
        app.press(.character("N"))
        app.type("Visited")
        app.press(.ctrl("o"))
        XCTAssertTrue(app.screen.contains("Add a note · Ctrl-S save · Esc cancel"), app.screen)
        XCTAssertTrue(app.screen.contains("7 of 10000 characters"), app.screen)
        XCTAssertTrue(app.screen.contains("Ctrl-S save  Enter new line  Esc cancel"), "the footer is the editor's:\n\(app.screen)")
        app.type(" at home.")
        app.press(.enter)
        app.type("q? 1 2 3: every key is text")
        app.press(.escape)
        XCTAssertEqual(try store.notes(on: id).count, notes, "Esc goes back to the prompt, saving nothing")
        guard case .caseFile(let screen)? = app.state.stack.last, case .text(let field)? = screen.prompt?.input else {
            return XCTFail("the prompt closed")
        }
        XCTAssertEqual(field.text, "Visited", "the prompt is as it was")

        app.press(.ctrl("o"))
        app.type(String(repeating: "x", count: Note.maximumLength))
        XCTAssertEqual(app.state.notice, "That is the most it takes: 10000 characters.")
        app.press(.backspace)
        XCTAssertNil(app.state.notice, "below the limit again")
        app.press(.escape, .ctrl("o"))
        app.type(" at home.")
        app.press(.enter)
        app.type("Rent plan agreed.")
        app.press(.ctrl("s"))
        XCTAssertNil(app.state.overlay)
        XCTAssertEqual(try store.notes(on: id).first?.text, "Visited at home.\nRent plan agreed.")
    }

    // MARK: The program

    func testTheEditorRunsOnAPrivateFileThatIsRemovedAfterwards() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seen = folder.appendingPathComponent("seen").path
        let script = folder.appendingPathComponent("editor").path
        // Records the file's mode, its folder's mode and what it held, then writes the answer.
        try """
            #!/bin/sh
            for file in "$@"; do :; done
            stat -c '%a' "$file" "$(dirname "$file")" > \(seen)
            cat "$file" >> \(seen)
            printf 'First line\\n# left out\\n  Second line  \\n\\n' > "$file"
            """.write(toFile: script, atomically: false, encoding: .utf8)
        chmod(script, 0o755)
        let runtime = folder.appendingPathComponent("runtime")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        let environment = ["EDITOR": "vi", "VISUAL": script + " --wait", "XDG_RUNTIME_DIR": runtime.path]
        let result = ExternalEditor.edit(EditorRequest(title: "Add a note", text: "Draft"), environment: environment)
        XCTAssertEqual(result, .text("First line\n  Second line"), "VISUAL wins over EDITOR and may carry arguments")
        let record = try String(contentsOfFile: seen, encoding: .utf8)
        XCTAssertTrue(record.hasPrefix("600\n700\nDraft\n\n# Add a note: write it above.\n"), record)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: runtime.path), [], "the file and its folder are gone")

        try "#!/bin/sh\nexit 3\n".write(toFile: script, atomically: false, encoding: .utf8)
        XCTAssertEqual(ExternalEditor.edit(EditorRequest(title: "t", text: ""), environment: ["EDITOR": script]),
                       .failed("The editor (\(script)) ended with status 3; nothing was saved."))
        try "#!/bin/sh\nprintf '# only a comment\\n\\n' > \"$1\"\n".write(toFile: script, atomically: false, encoding: .utf8)
        XCTAssertEqual(ExternalEditor.edit(EditorRequest(title: "t", text: "x"), environment: ["EDITOR": script]), .empty)
        XCTAssertEqual(ExternalEditor.edit(EditorRequest(title: "t", text: "x"), environment: ["EDITOR": " "]), .noEditor)
    }
}
