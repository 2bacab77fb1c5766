import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// Adding a need, recording consent, withdrawing a referral, adding a note
/// and changing the lead from the case screen, as the case's lead, each on a
/// demo of its own.
final class CaseActionTests: DemoTestCase {
    let lead: MemberID = "member-aileen-baxter"

    func testAddingANeedChoosesACategoryThenAnUrgency() throws {
        let store = try freshDemo()
        let (app, id) = try openCase(store, as: lead)
        let before = try XCTUnwrap(try store.caseFile(id))
        let category = try XCTUnwrap(try store.needCategories().dropFirst().first)
        app.press(.character("a"))
        XCTAssertTrue(app.screen.contains("Which kind of need?"), app.screen)
        app.press(.down, .enter)
        XCTAssertTrue(app.screen.contains("How urgent is it?"), app.screen)
        app.press(.down, .enter)
        XCTAssertNil(app.state.notice)
        let after = try XCTUnwrap(try store.caseFile(id))
        XCTAssertEqual(after.needs.count, before.needs.count + 1)
        let added = try XCTUnwrap(after.needs.first { need in !before.needs.contains { $0.id == need.id } })
        XCTAssertEqual(added.category, category.id)
        XCTAssertEqual(added.urgency, .soon)
        XCTAssertEqual(added.state, .open)
    }

    func testRecordingConsentChoosesAnAgency() throws {
        let store = try freshDemo()
        let (app, id) = try openCase(store, as: lead)
        let file = try XCTUnwrap(try store.caseFile(id))
        let agencies = try StoreEffects(store: store).allAgencies()
        let index = try XCTUnwrap(agencies.firstIndex { file.activeConsent(for: $0.id) == nil })
        app.press(.character("o"))
        for _ in 0..<index { app.press(.down) }
        app.press(.enter)
        XCTAssertNil(app.state.notice)
        let consent = try XCTUnwrap(try store.caseFile(id)?.activeConsent(for: agencies[index].id))
        XCTAssertEqual(consent.basis, .consent)
        XCTAssertTrue(app.screen.contains(agencies[index].name), app.screen)
    }

    func testWithdrawingAReferralWithAReason() throws {
        let store = try freshDemo()
        let (app, id) = try openCase(store, as: lead) { $0.referrals.contains(where: \.isInFlight) }
        let referral = try XCTUnwrap(try store.caseFile(id)?.referrals.first(where: \.isInFlight))
        app.press(.character("w"))
        XCTAssertTrue(app.screen.contains("Which referral?"), app.screen)
        app.press(.enter)
        app.type("Resident found a place privately")
        app.press(.enter)
        XCTAssertNil(app.state.notice)
        let after = try XCTUnwrap(try store.caseFile(id)?.referral(referral.id))
        XCTAssertEqual(after.state, .withdrawn)
        XCTAssertEqual(after.reason, "Resident found a place privately")
    }

    func testAddingANoteShowsItUnderTheStory() throws {
        let store = try freshDemo()
        let (app, id) = try openCase(store, as: lead)
        let summary = try XCTUnwrap(try store.caseFile(id)?.case.summary)
        XCTAssertTrue(app.screen.contains("Story: " + String(summary.prefix(20))), app.screen)
        let before = try store.notes(on: id).count
        app.press(.character("N"))
        XCTAssertTrue(app.screen.contains("Note: "), app.screen)
        app.type("Landlord agreed to pause the arrears action")
        app.press(.enter)
        XCTAssertNil(app.state.notice)
        let notes = try store.notes(on: id)
        XCTAssertEqual(notes.count, before + 1)
        let note = try XCTUnwrap(notes.first { $0.text == "Landlord agreed to pause the arrears action" })
        XCTAssertEqual(note.byID, lead)
        // The note shows under its author and date, scrolled into view.
        let lines = app.screen.components(separatedBy: "\n")
        let at = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("   Landlord agreed to pause the arrears action") },
                               app.screen)
        XCTAssertTrue(lines[at - 1].hasSuffix("· Aileen Baxter"), app.screen)
    }

    func testChangingTheLeadHandsTheCaseOn() throws {
        let store = try freshDemo()
        let (app, id) = try openCase(store, as: lead)
        app.press(.character("L"))
        XCTAssertTrue(app.screen.contains("Who takes the lead?"), app.screen)
        guard case .caseFile(let screen)? = app.state.stack.last, let detail = screen.detail else {
            return XCTFail("not on the case")
        }
        let next = try XCTUnwrap(detail.possibleLeads.first { $0.id != lead })
        app.press(.enter)
        XCTAssertNil(app.state.notice)
        XCTAssertEqual(try store.caseFile(id)?.case.leadID, next.id)
        XCTAssertTrue(app.screen.contains(next.name), app.screen)
    }

    func testACaseNotSharedWithTheMembersAgencyOpensWithheldAndTakesNoNote() throws {
        let store = try freshDemo()
        let tree = try store.placeTree()
        // A member who sees a case in their triage queue that is not shared with their agency.
        var found: (MemberID, CaseID)?
        let effects = StoreEffects(store: store)
        search: for member in try effects.allMembers() {
            let actor = ActingMember(member: member, tree: tree)
            let queue = try effects.queuePage(for: member.id, WorkFilter(), .first(1_000)).0.rows.map(\.work)
            for row in queue where row.residentName == WorkRow.notShared {
                XCTAssertFalse(try store.mayView(row.item.caseID, by: actor))
                found = (member.id, row.item.caseID)
                break search
            }
        }
        let (outsider, caseID) = try XCTUnwrap(found, "some triage row is not shared")
        let (app, id) = try openCase(store, as: outsider, fromQueue: true) { $0.case.id == caseID }
        XCTAssertTrue(app.screen.contains("This case is not shared with your agency"), app.screen)
        let resident = try XCTUnwrap(store.resident(try XCTUnwrap(store.caseFile(id)).case.residentID))
        XCTAssertFalse(app.screen.contains(resident.familyName), "who it is for stays hidden:\n\(app.screen)")
        XCTAssertTrue(app.screen.contains("Its lead professional is"), app.screen)
        let footer = try XCTUnwrap(app.screen.split(separator: "\n").last)
        XCTAssertFalse(footer.contains("refer"), "the footer offers nothing that cannot be done:\n\(app.screen)")
        let before = try store.notes(on: id)
        app.press(.character("N"))
        app.type("Just passing")
        app.press(.enter)
        XCTAssertEqual(try store.notes(on: id), before)
    }
}

extension DemoTestCase {
    /// Opens, from a worklist, the first case `where` accepts among those the member can see there.
    func openCase(_ store: PlaceStore, as id: MemberID, fromQueue: Bool = false,
                  where accept: (CaseFile) throws -> Bool = { _ in true }) throws -> (AppDriver, CaseID) {
        let member = try XCTUnwrap(try store.member(id))
        let app = AppDriver(store: store, member: member, size: Size(width: 120, height: 40))
        app.press(.character(fromQueue ? "3" : "4"))
        let rows: [WorkRow]
        switch app.state.stack.last {
        case .triageQueue(let screen)?: rows = try XCTUnwrap(screen.rows)
        case .myCases(let screen)?: rows = try XCTUnwrap(screen.work.rows)
        default: throw WrongScreen("a worklist")
        }
        var index: Int?
        for (position, row) in rows.enumerated() {
            let file = try XCTUnwrap(try store.caseFile(row.item.caseID))
            if file.case.status == .open, try accept(file) { index = position; break }
        }
        let found = try XCTUnwrap(index, "no case fits")
        app.press(.home)
        for _ in 0..<found { app.press(.down) }
        app.press(.enter)
        guard case .caseFile(let screen)? = app.state.stack.last else { throw WrongScreen("the case") }
        XCTAssertEqual(screen.caseID, rows[found].item.caseID)
        return (app, screen.caseID)
    }
}
