import PlaceDomain
import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// The place browser as a user meets it, on the demo place, with no terminal.
final class PlaceBrowserTests: XCTestCase {
    static let areas = ["Cowdenbeath", "City of Dunfermline", "Glenrothes", "Kirkcaldy", "Levenmouth",
                        "North East Fife", "South West Fife"]

    func signedIn(width: Int = 80, height: Int = 24) throws -> AppDriver {
        let store = try Fixtures.sharedDemo()
        let member = try XCTUnwrap(try store.members(.first(1)).rows.first)
        return AppDriver(store: store, member: member, size: Size(width: width, height: height))
    }

    func testWithoutAsTheMemberPickerComesFirstAndEnterSignsIn() throws {
        let app = AppDriver(store: try Fixtures.sharedDemo(), member: nil)
        XCTAssertTrue(app.screen.contains("Who are you?"), app.screen)
        app.press(.character("1"))
        XCTAssertTrue(app.screen.contains("Who are you?"), "digits cannot skip choosing a member")
        app.press(.down, .enter)
        XCTAssertNotNil(app.state.member)
        XCTAssertTrue(app.screen.contains("Levenmouth"), app.screen)
    }

    func testHomeShowsFifeAndAllSevenAreas() throws {
        let screen = try signedIn().screen
        XCTAssertTrue(screen.contains("Fife"))
        for area in Self.areas { XCTAssertTrue(screen.contains(area), "\(area) missing from\n\(screen)") }
    }

    func testFifeFiguresAreTheSumOfItsAreas() throws {
        let app = try signedIn()
        let overview = try XCTUnwrap(app.state.overview)
        let areas = overview.tree.children(of: "place-fife")
        XCTAssertEqual(areas.count, 7)
        XCTAssertEqual(overview.openCases["place-fife"], areas.map { overview.openCases[$0.id] ?? 0 }.reduce(0, +))
        XCTAssertEqual(overview.awaitingTriage["place-fife"],
                       areas.map { overview.awaitingTriage[$0.id] ?? 0 }.reduce(0, +))
        XCTAssertGreaterThan(overview.openCases["place-fife"] ?? 0, 0)
        let fifeLine = try XCTUnwrap(app.screen.split(separator: "\n").first { $0.contains("▾ Fife") })
        XCTAssertTrue(fifeLine.contains(grouped(overview.openCases["place-fife"]!)), String(fifeLine))
    }

    func testEnterOnAnAreaShowsItsCommunitiesAndBreadcrumb() throws {
        let app = try signedIn()
        try open("Levenmouth", in: app)
        XCTAssertTrue(app.screen.contains("Fife › Levenmouth"), app.screen)
        XCTAssertTrue(app.screen.contains("Methil"))
        XCTAssertTrue(app.screen.contains("Buckhaven"))
        app.press(.escape)
        XCTAssertFalse(app.screen.contains("› Levenmouth"))
        XCTAssertTrue(app.screen.contains("City of Dunfermline"))
    }

    func testPlaceTabsShowServicesCoveringItAndAgenciesPresent() throws {
        let app = try signedIn()
        try open("Levenmouth", in: app)
        app.press(.tab)
        guard case .place(let place) = app.state.stack.last else { return XCTFail("not on a place") }
        XCTAssertGreaterThan(place.services.total, 0)
        let tree = try XCTUnwrap(app.state.overview?.tree)
        for row in place.services.rows {
            XCTAssertTrue(row.service.placeIDs.contains { tree.contains($0, "place-levenmouth") },
                          "\(row.service.name) does not cover Levenmouth")
        }
        XCTAssertTrue(app.screen.contains(place.services.rows[0].service.name.prefix(15)), app.screen)
        app.press(.tab)
        XCTAssertTrue(app.screen.contains("Agency"), app.screen)
        guard case .place(let again) = app.state.stack.last else { return XCTFail("not on a place") }
        XCTAssertFalse(again.agencies?.isEmpty ?? true)
    }

    func testHelpIsGeneratedFromTheBindingsAndListsQuit() throws {
        let app = try signedIn(width: 120, height: 40)
        app.press(.character("?"))
        let screen = app.screen
        XCTAssertTrue(screen.contains("Quit Thistle"))
        for binding in HomeScreen.bindings + GlobalBindings.table {
            XCTAssertTrue(screen.contains(binding.help), "help lacks \(binding.help)")
        }
        app.press(.escape)
        XCTAssertFalse(app.screen.contains("Quit Thistle"))
    }

    func testEveryBindingHasHelpAndNoKeyIsBoundTwiceOnAScreen() {
        // Every screen's table with the global keys (as key overrides are checked), and every box's.
        var tables = KeyOverrides.tables
        tables["a prompt's text"] = Prompt.reason("t", [], .noteText).bindings
        tables["a prompt's choice"] = Prompt.choice("t", [], ["a"], .filterUrgency).bindings
        tables["the built-in editor"] = BuiltInEditor.bindings
        tables["the palette"] = Palette.bindings
        XCTAssertEqual(KeyOverrides.tables.count, 13, "every screen")
        for (name, all) in tables {
            for binding in all { XCTAssertFalse(binding.help.isEmpty, "\(name): \(binding.command) has no help") }
            let keys = all.flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "\(name) binds a key twice")
        }
    }

    func testTooSmallShowsANoticeAndGrowingBackRestoresTheScreen() throws {
        let app = try signedIn()
        try open("Levenmouth", in: app)
        app.resize(60, 20)
        XCTAssertTrue(app.screen.contains("80×24"), app.screen)
        XCTAssertTrue(app.screen.contains("60×20"))
        XCTAssertFalse(app.screen.contains("Methil"))
        app.press(.down, .enter, .character("2"))
        app.resize(80, 24)
        XCTAssertTrue(app.screen.contains("Methil"), "keys pressed while too small changed nothing")
        for size in [(1, 1), (0, 0), (2, 30), (300, 3)] {
            app.resize(size.0, size.1)
            _ = app.screen
        }
    }

    func testQKeyQuitsAndIsRecordedAsQuittingWhileTooSmall() throws {
        let app = try signedIn()
        app.resize(40, 10)
        app.press(.character("q"))
        XCTAssertTrue(app.state.isQuitting)
        XCTAssertTrue(app.state.isTooSmall)
    }

    func testPaletteFindsAndRunsACommand() throws {
        let app = try signedIn()
        app.press(.character(":"))
        XCTAssertTrue(app.screen.contains("Commands"))
        app.type("dirct")
        guard case .palette(let palette) = app.state.overlay else { return XCTFail("no palette") }
        XCTAssertEqual(palette.chosen?.command, .goDirectory)
        app.press(.enter)
        guard case .directory = app.state.stack.last else { return XCTFail("palette did not open the directory") }
        app.press(.ctrl("p"))
        app.type("zzzz")
        XCTAssertTrue(app.screen.contains("No command matches"))
        app.press(.escape)
        XCTAssertNil(app.state.overlay)
    }

    /// Moves the Home selection to `name` and presses Enter.
    func open(_ name: String, in app: AppDriver) throws {
        guard case .home(let home) = app.state.stack.last, let tree = app.state.overview?.tree else {
            return XCTFail("not on Home")
        }
        let index = try XCTUnwrap(home.rows(tree).firstIndex { $0.place.name == name })
        for _ in 0..<(index - home.selection.index) { app.press(.down) }
        app.press(.enter)
    }
}
