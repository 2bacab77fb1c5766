import Foundation
import GRDB
import PlaceDomain
@testable import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// Bad input typed into the workspace's forms (docs/RELIABILITY.md), each
/// text of `Fuzz.badTexts` in turn: a note, every other kind of text prompt
/// (reasons, titles, an amount, a date), and a new resident's name, date of
/// birth and postcode. Each is kept exactly as typed (a field
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

    /// A text prompt of the workspace: how to reach it on a fresh demo, the
    /// keys that finish its form after the text, what it saved, and what it
    /// should have saved from a text it accepted.
    struct TextPrompt {
        typealias Opened = (app: AppDriver, saved: () throws -> String?)
        let name: String
        /// A text it takes, so that taking none of the bad ones is not mistaken for refusing everything.
        let good: String
        var after: [Key]
        var expected: (_ typed: String, _ before: String?) -> String?
        let open: (PlaceStore) throws -> Opened

        init(name: String, good: String, after: [Key] = [], expected: @escaping (_ typed: String, _ before: String?) -> String? = {
            typed, _ in typed.trimmingCharacters(in: .whitespaces)
        }, open: @escaping (PlaceStore) throws -> Opened) {
            (self.name, self.good, self.after, self.expected, self.open) = (name, good, after, expected, open)
        }
    }

    func board(_ store: PlaceStore, _ keys: Key...) throws -> AppDriver {
        let app = AppDriver(store: store, member: try XCTUnwrap(try store.member(BoardTests.lead)),
                            size: Size(width: 80, height: 24), clock: FixedClock(AppDriver.morningAfterDemo))
        BoardTests.openLevenmouth(app)
        guard case .board? = app.state.stack.last else { throw WrongScreen("the board") }
        for key in keys { app.press(key) }
        return app
    }

    var prompts: [TextPrompt] {
        [
            TextPrompt(name: "withdraw reason", good: "Resident found a place privately") { store in
                let (app, id) = try self.openCase(store, as: self.lead) { $0.referrals.contains(where: \.isInFlight) }
                let referral = try XCTUnwrap(try store.caseFile(id)?.referrals.first(where: \.isInFlight)).id
                app.press(.character("w"), .enter)
                return (app, { try store.caseFile(id)?.referral(referral)?.reason })
            },
            TextPrompt(name: "close need reason", good: "Resolved by the first visit") { store in
                let (app, id) = try self.openCase(store, as: self.lead) { $0.needs.contains { $0.state == .open } }
                app.press(.character("x"))
                guard case .caseFile(let asking)? = app.state.stack.last, case .needToClose(let needs)? = asking.prompt?.step
                else { throw WrongScreen("Which need?") }
                app.press(.enter)
                return (app, { try store.caseFile(id)?.needs.first { $0.id == needs[0] }?.closedReason })
            },
            TextPrompt(name: "RAG reason", good: "Outreach has started") { store in
                let app = try self.board(store, .tab)
                guard case .board(let screen)? = app.state.stack.last, let priority = screen.board?.priorities.first
                else { throw WrongScreen("the plan") }
                app.press(.character("R"), .down, .enter)
                return (app, { try store.priority(priority.id)?.ragReason })
            },
            TextPrompt(name: "priority title", good: "Safe routes to the station", after: [.enter, .down, .down, .enter, .character("A"), .enter]) { store in
                let app = try self.board(store, .tab)
                app.press(.character("n"))
                return (app, { try store.writer.read { try String.fetchOne($0, sql: "SELECT title FROM main.priority ORDER BY rowid DESC LIMIT 1") } })
            },
            TextPrompt(name: "allocation amount", good: "250", expected: { typed, before in
                Int(typed.trimmingCharacters(in: .whitespaces)).map { String($0 + (Int(before ?? "") ?? 0)) }
            }) { store in
                let app = try self.board(store, .tab, .tab, .tab, .tab)
                app.press(.character("a"), .enter, .enter)
                return (app, { String(try store.pot(of: ["place-levenmouth"]).allocated) })
            },
            TextPrompt(name: "action due date", good: "2027-03-01", expected: { typed, _ in
                let date = typed.trimmingCharacters(in: .whitespaces)
                return DateOfBirth.isCalendarDate(date) ? date : nil
            }) { store in
                let app = try self.board(store, .tab, .enter)
                guard case .priority? = app.state.stack.last else { throw WrongScreen("a priority") }
                app.press(.character("n"))
                app.type("Walk the routes with parents")
                app.press(.enter, .enter)
                return (app, { try store.writer.read { try String.fetchOne($0, sql: "SELECT due FROM main.plan_action ORDER BY rowid DESC LIMIT 1") } })
            },
        ]
    }

    func testEveryOtherTextPromptKeepsWhatWasTypedOrRefusesIt() throws {
        for prompt in prompts {
            var kept: [String] = []
            for text in [prompt.good] + texts(pastLimit: Reason.maximumLength) {
                let store = try freshDemo()
                let (app, saved) = try prompt.open(store)
                let what = "\(prompt.name) «\(text.prefix(20))»"
                guard app.state.stack.last?.isEditingText == true else { return XCTFail("\(prompt.name): no prompt open\n\(app.screen)") }
                let before = try saved()
                let ops = try MonkeyRun.count("SELECT COUNT(*) FROM op", in: store)
                app.type(text)
                app.press(.enter)
                for key in prompt.after { app.press(key) }
                let field = typed(text, limit: Reason.maximumLength)
                if try MonkeyRun.count("SELECT COUNT(*) FROM op", in: store) == ops {
                    XCTAssertNotNil(app.state.notice, "\(what) was refused in silence")
                    XCTAssertEqual(try saved(), before, "\(what) changed what was saved")
                } else {
                    kept.append(text)
                    XCTAssertNotNil(prompt.expected(field, before), "\(what) was saved")
                    XCTAssertEqual(try saved(), prompt.expected(field, before), "\(what) was not kept as typed")
                }
            }
            XCTAssertTrue(kept.contains(prompt.good), "\(prompt.name) refused «\(prompt.good)»")
            print("bad input: \(prompt.name) kept \(kept.count), refused \(Fuzz.badTexts.count + 1 - kept.count)")
        }
    }
}
