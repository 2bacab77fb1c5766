import TerminalUI
import XCTest

/// What each theme comes to on terminals with more or fewer colours.
final class ThemeTests: XCTestCase {
    func testAThemeFallsBackToWhatTheTerminalHas() {
        XCTAssertEqual(Theme.auto.resolved(colours: 256), .colors256)
        XCTAssertEqual(Theme.auto.resolved(colours: 8), .colors8)
        XCTAssertEqual(Theme.auto.resolved(colours: nil), .mono)
        XCTAssertEqual(Theme.colors256.resolved(colours: 16), .colors8)
        XCTAssertEqual(Theme.highContrast.resolved(colours: 8), .colors8, "no bright colours to use")
        XCTAssertEqual(Theme.highContrast.resolved(colours: 256), .highContrast)
        XCTAssertEqual(Theme.colors8.resolved(colours: 2), .mono)
    }

    func testColoursByTheme() {
        XCTAssertEqual(Theme.colors8.index(.red), 1)
        XCTAssertEqual(Theme.colors256.index(.red), 160)
        XCTAssertEqual(Theme.highContrast.index(.red), 9)
        XCTAssertEqual(Theme.highContrast.index(.black), 0)
        XCTAssertFalse(Theme.highContrast.dims)
        XCTAssertTrue(Theme.colors8.dims)
    }
}
