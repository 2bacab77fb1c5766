import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// Bad input typed into the workspace's forms (docs/RELIABILITY.md), each
/// text of `Fuzz.badTexts` in turn: a note, a reason, and a new resident's
/// name, date of birth and postcode. Each is kept exactly as typed (a field
/// takes no control character and nothing past its limit, and says so) or
/// refused with a notice and nothing written.
final class BadInputFormTests: DemoTestCase {
    let lead: MemberID = "member-aileen-baxter"

    /// What a field holds after `text` is typed into it: no control characters, at most `limit` characters.
    func typed(_ text: String, limit: Int) -> String {
        String(String(text.unicodeScalars.filter { $0.properties.generalCategory != .control }.map(Character.init)).prefix(limit))
    }

    /// The texts, with the 100,000-character one typed only a little past
    /// `limit` (typing the rest repeats the same refusal, key by key).
    func texts(pastLimit limit: Int) -> [String] { Fuzz.badTexts.map { $0.count > limit + 10 ? String($0.prefix(limit + 10)) : $0 } }

    func testNotesAndReasonsKeepWhatWasTypedOrRefuseIt() throws {
        let store = try freshDemo()
        let (app, id) = try openCase(store, as: lead)
        var kept = 0
        var refused = 0
        for text in texts(pastLimit: Note.maximumLength) {
            let notes = try store.notes(on: id)
            let ops = try MonkeyRun.count("SELECT COUNT(*) FROM op", in: store)
            app.press(.character("N"))
            app.type(text)
            let field = typed(text, limit: Note.maximumLength)
            if field.count == Note.maximumLength {
                XCTAssertTrue(app.screen.contains("That is the most it takes: 10000 characters."), app.screen)
            }
            app.press(.enter)
            let now = try store.notes(on: id)
            if now.count == notes.count {
                refused += 1
                XCTAssertEqual(try MonkeyRun.count("SELECT COUNT(*) FROM op", in: store), ops, "«\(text.prefix(20))» wrote")
                XCTAssertNotNil(app.state.notice, "«\(text.prefix(20))» was refused in silence")
                XCTAssertTrue(field.trimmingCharacters(in: .whitespaces).isEmpty, "«\(text.prefix(20))» was refused")
                if case .caseFile(let screen)? = app.state.stack.last, screen.prompt != nil { app.press(.escape) }
            } else {
                kept += 1
                let note = try XCTUnwrap(now.first { !notes.map(\.id).contains($0.id) })
                XCTAssertEqual(note.text, field.trimmingCharacters(in: .whitespaces), "«\(text.prefix(20))» was not kept as typed")
            }
            guard case .caseFile(let screen)? = app.state.stack.last, screen.prompt == nil, app.state.overlay == nil else {
                return XCTFail("«\(text.prefix(20))» left the case screen:\n\(app.screen)")
            }
        }
        XCTAssertGreaterThan(kept, 10)
        XCTAssertGreaterThan(refused, 0)
    }

    func testANewResidentsFieldsKeepWhatWasTypedOrRefuseIt() throws {
        let store = try freshDemo()
        let app = AppDriver(store: store, member: try XCTUnwrap(try store.member(lead)), size: Size(width: 120, height: 40))
        let good = ["Morag Testperson", "1979-04-12", "KY8 9ZQ"]
        let residents = try MonkeyRun.count("SELECT COUNT(*) FROM resident", in: store)
        for field in 0..<3 {
            for text in texts(pastLimit: 2 * ResidentName.maximumLength + 1) {
                app.press(.character("4"), .character("n"), .character("+"))
                for (index, value) in good.enumerated() {
                    app.type(index == field ? text : value)
                    app.press(.tab)
                }
                app.press(.enter)
                guard case .logCase(let screen)? = app.state.stack.last else { return XCTFail("not on Log a case:\n\(app.screen)") }
                let what = "field \(field) «\(text.prefix(20))» (step \(screen.step))"
                if screen.step == .newResident {
                    XCTAssertNotNil(app.state.notice, "\(what) was refused in silence")
                } else {
                    let resident = try XCTUnwrap(screen.resident, what)
                    let limit = screen.fields[field].limit ?? .max
                    let value = typed(text, limit: limit).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    XCTAssertEqual([resident.fullName, resident.dateOfBirth ?? "", resident.postcode ?? ""][field], value,
                                   "\(what) was not kept as typed")
                }
                app.press(.escape, .escape, .escape)
                app.press(.character("1"))
            }
        }
        XCTAssertEqual(try MonkeyRun.count("SELECT COUNT(*) FROM resident", in: store), residents, "nothing written before the case is saved")
    }
}
