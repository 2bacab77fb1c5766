import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// Every screen drawn headless and compared with a plain-text golden file
/// (Snapshots/*.txt), at 80×24 and 120×40.
final class GoldenScreenTests: XCTestCase {
    static let sizes = [(80, 24), (120, 40)]

    func each(_ name: String, _ steps: (AppDriver) -> Void, signedIn: Bool = true) throws {
        let store = try Fixtures.sharedDemo()
        let member = signedIn ? try store.members(.first(1)).rows.first : nil
        for (width, height) in Self.sizes {
            let app = AppDriver(store: store, member: member, size: Size(width: width, height: height))
            steps(app)
            assertScreen(app.screen, named: "\(name)-\(width)x\(height)")
        }
    }

    func testMemberPicker() throws { try each("member-picker", { _ in }, signedIn: false) }

    func testHome() throws { try each("home", { _ in }) }

    func testHomeWithAnAreaExpanded() throws {
        try each("home-expanded") { $0.press(.down, .down, .right) }
    }

    func testPlaceCommunities() throws {
        try each("place-communities") { app in
            app.press(.end, .enter)
        }
    }

    func testPlaceServices() throws {
        try each("place-services") { app in app.press(.end, .enter, .tab) }
    }

    func testPlaceAgencies() throws {
        try each("place-agencies") { app in app.press(.end, .enter, .tab, .tab) }
    }

    func testCommunityWithNoSmallerPlaces() throws {
        try each("community") { app in app.press(.end, .enter, .enter, .backTab) }
    }

    func testDirectory() throws { try each("directory") { $0.press(.character("2")) } }

    func testDirectoryFiltered() throws {
        try each("directory-filtered") { app in
            app.press(.character("2"), .character("/"))
            app.type("food")
        }
    }

    func testServiceDialog() throws {
        try each("service-dialog") { app in app.press(.character("2"), .down, .enter) }
    }

    func testHelp() throws { try each("help") { $0.press(.character("?")) } }

    func testPalette() throws {
        try each("palette") { app in
            app.press(.character(":"))
            app.type("go")
        }
    }

    func testTooSmallNotice() throws {
        let store = try Fixtures.sharedDemo()
        for (width, height) in [(60, 20), (79, 24), (20, 5)] {
            let app = AppDriver(store: store, member: nil, size: Size(width: width, height: height))
            assertScreen(app.screen, named: "too-small-\(width)x\(height)")
        }
    }
}
