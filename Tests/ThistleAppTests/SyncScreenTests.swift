import Foundation
import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// The Sync screen after two devices edited the same priority offline:
/// the conflicts listed, their values side by side, and resolving one.
final class SyncScreenTests: DemoTestCase {
    func testTheHubShowsWithItsLastSyncAndWhatItHasNotHadSince() throws {
        let laptop = try freshDemo()
        let lead = try XCTUnwrap(try laptop.member("member-morven-sinclair"))
        let before = AppDriver(store: laptop, member: lead)
        before.press(.character("6"))
        XCTAssertTrue(before.screen.contains("Hub: none yet · `thistle sync hub --url"), before.screen)

        try laptop.recordHubSync(url: "postgres://hub@hub.example/place")
        try laptop.write(by: "member-morven-sinclair", [.set(Priority.self, id: "priority-levenmouth-1", "rag", to: .string("amber"))])
        let after = AppDriver(store: laptop, member: lead)
        after.press(.character("6"))
        let hubLine = try XCTUnwrap(after.screen.split(separator: "\n").first { $0.contains("Hub ") })
        XCTAssertTrue(hubLine.hasSuffix("2 ops"), "one change and its audit entry since the last sync:\n" + after.screen)
        XCTAssertTrue(hubLine.contains("last sync 20"), after.screen)
        XCTAssertTrue(after.screen.contains("postgres://hub@hub.example/place"), after.screen)
    }

    func testAConflictIsShownSideBySideAndResolvedFromTheScreen() throws {
        let laptop = try freshDemo()
        let clock = SteppingClock(start: AppDriver.morningAfterDemo)
        let other = try PlaceStore.inMemory(device: "device-other", clock: clock,
                                            idSource: UUIDv7Source(clock: clock, random: SeededRandom(seed: 3)))
        _ = try other.importOps(try laptop.allOps())
        let priority = try XCTUnwrap(try laptop.priority("priority-levenmouth-1"))
        var onLaptop = priority
        onLaptop.rag = .amber
        try laptop.write(by: "member-morven-sinclair", try Change.changes(from: priority, to: onLaptop))
        var elsewhere = priority
        elsewhere.rag = .green
        try other.write(by: "member-morven-sinclair", try Change.changes(from: priority, to: elsewhere))
        _ = try laptop.importOps(try other.allOps())

        let app = AppDriver(store: laptop, member: try XCTUnwrap(try laptop.member("member-morven-sinclair")))
        app.press(.character("6"))
        XCTAssertTrue(app.screen.contains("1 open conflict ·"), app.screen)
        XCTAssertTrue(app.screen.contains("priority priority-levenmouth-1"), app.screen)
        app.press(.enter)
        XCTAssertTrue(app.screen.contains("1."), app.screen)
        XCTAssertTrue(app.screen.contains("amber") && app.screen.contains("green"), app.screen)
        XCTAssertTrue(app.screen.contains("on device-other"), app.screen)
        let shown = try XCTUnwrap(try laptop.priority("priority-levenmouth-1")).rag
        app.press(.character("r"))
        // Values run oldest first and the last is shown: keep the first, the one not shown.
        XCTAssertTrue(app.screen.contains("Keep 2: \(shown.rawValue)"), app.screen)
        app.press(.enter)
        XCTAssertEqual(try laptop.conflicts(), [])
        XCTAssertNotEqual(try laptop.priority("priority-levenmouth-1")?.rag, shown)
        XCTAssertTrue(app.screen.contains("0 open conflicts"), app.screen)
        XCTAssertTrue(app.screen.contains("No open conflict"), app.screen)
    }

    func testAMergedValueCanBeWritten() throws {
        let laptop = try freshDemo()
        let clock = SteppingClock(start: AppDriver.morningAfterDemo)
        let other = try PlaceStore.inMemory(device: "device-other", clock: clock,
                                            idSource: UUIDv7Source(clock: clock, random: SeededRandom(seed: 4)))
        _ = try other.importOps(try laptop.allOps())
        try laptop.write(by: "member-morven-sinclair", [.set(Place.self, id: "place-leven", "population", to: .int(9_950))])
        try other.write(by: "member-morven-sinclair", [.set(Place.self, id: "place-leven", "population", to: .int(9_990))])
        _ = try laptop.importOps(try other.allOps())
        let lead = AppDriver(store: laptop, member: try XCTUnwrap(try laptop.member("member-morven-sinclair")))
        lead.press(.character("6"), .character("r"), .enter)
        XCTAssertEqual(lead.state.notice, "only an admin settles a conflict on a place", "a place's population is an admin's to settle")
        XCTAssertEqual(try laptop.conflicts().count, 1)
        let app = AppDriver(store: laptop, member: try XCTUnwrap(try laptop.member("member-graham-anderson")))
        app.press(.character("6"), .character("r"), .down, .down, .enter)
        XCTAssertTrue(app.screen.contains("Merged value"), app.screen)
        app.type("9970")
        app.press(.enter)
        XCTAssertEqual(try laptop.place("place-leven")?.population, 9_970, "a number stays a number")
        XCTAssertEqual(try laptop.conflicts(), [])
    }
}
