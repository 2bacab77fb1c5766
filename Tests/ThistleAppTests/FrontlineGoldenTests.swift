import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// The frontline screens drawn headless at 80×24 and 120×40, as Aileen
/// Baxter (frontline, social work, Levenmouth), with the clock fixed so
/// what counts as stalled never drifts.
final class FrontlineGoldenTests: XCTestCase {
    func each(_ name: String, _ steps: (AppDriver) -> Void) throws {
        try assertFrontlineScreens(name, steps)
    }

    func testTriageQueue() throws { try each("triage-queue") { $0.press(.character("3")) } }

    func testMyCases() throws { try each("my-cases") { $0.press(.character("4")) } }

    func testReferralsIn() throws { try each("referrals-in") { $0.press(.character("5")) } }

    func testDeclineReasonPrompt() throws {
        try each("decline-prompt") { $0.press(.character("5"), .character("d")) }
    }

    func testCase() throws { try each("case") { $0.press(.character("4"), .enter) } }

    func testReferChoosingANeed() throws {
        try each("refer-need") { $0.press(.character("4"), .enter, .character("r")) }
    }
}

/// Draws a frontline flow headless as Aileen Baxter (frontline, Levenmouth)
/// on the shared demo at 80×24 and 120×40, with the clock fixed so what
/// counts as stalled or overdue never drifts, and compares each golden file.
func assertFrontlineScreens(
    _ name: String, _ steps: (AppDriver) -> Void, file: StaticString = #filePath, line: UInt = #line
) throws {
    let store = try Fixtures.sharedDemo()
    let member = try XCTUnwrap(try store.member("member-aileen-baxter"))
    for (width, height) in GoldenScreenTests.sizes {
        let app = AppDriver(
            store: store, member: member, size: Size(width: width, height: height),
            clock: FixedClock(AppDriver.morningAfterDemo))
        steps(app)
        assertScreen(app.screen, named: "\(name)-\(width)x\(height)", file: file, line: line)
    }
}
