import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// The steps of Log a case drawn headless at 80×24 and 120×40, as Aileen
/// Baxter, with the clock fixed. Nothing is saved, so the shared demo serves.
final class LogCaseGoldenTests: XCTestCase {
    func each(_ name: String, _ steps: (AppDriver) -> Void) throws {
        try assertFrontlineScreens(name, steps)
    }

    func testSearch() throws {
        try each("log-case-search") {
            $0.press(.character("3"), .character("n"))
            $0.type("Watt")
        }
    }

    func testNewResident() throws {
        try each("log-case-new-resident") {
            $0.press(.character("3"), .character("n"), .character("+"))
            $0.type("Morag Lindsay")
        }
    }

    func testNeeds() throws {
        try each("log-case-needs") {
            $0.press(.character("3"), .character("n"))
            $0.type("Craig Watt")
            $0.press(.enter, .character(" "), .character("u"), .down, .character(" "))
        }
    }

    func testConsent() throws {
        try each("log-case-consent") {
            $0.press(.character("3"), .character("n"))
            $0.type("Craig Watt")
            $0.press(.enter, .character(" "), .enter, .down, .character(" "))
        }
    }

    func testNote() throws {
        try each("log-case-note") {
            $0.press(.character("3"), .character("n"))
            $0.type("Craig Watt")
            $0.press(.enter, .character(" "), .enter, .character(" "), .enter)
            $0.type("Came in about rent")
        }
    }
}
