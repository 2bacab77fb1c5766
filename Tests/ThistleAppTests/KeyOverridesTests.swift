import PlaceStore
import TerminalUI
import TestSupport
@testable import ThistleApp
import XCTest

/// The user's own keys (config.toml's `[keys]`): a command answers to its
/// new key on every screen, in the footer, help and palette; a clash, an
/// unknown command or key is refused whole.
final class KeyOverridesTests: XCTestCase {
    func testKeysAreNamedAsPeopleWriteThem() {
        XCTAssertEqual(Key(name: "n"), .character("n"))
        XCTAssertEqual(Key(name: "N"), .character("N"))
        XCTAssertEqual(Key(name: "ctrl-k"), .ctrl("k"))
        XCTAssertEqual(Key(name: "Ctrl-K"), .ctrl("k"))
        XCTAssertEqual(Key(name: "F5"), .function(5))
        XCTAssertEqual(Key(name: " Space "), .character(" "))
        XCTAssertEqual(Key(name: "PgDn"), .pageDown)
        for bad in ["", "nn", "ctrl-1", "F13", "F0", "\t", "Hyper-X"] { XCTAssertNil(Key(name: bad), bad) }
    }

    func testAnOverriddenCommandAnswersToItsNewKeyEverywhereItIsShown() throws {
        let overrides = try KeyOverrides(["note": "n", "palette": "F2"])
        let store = try Fixtures.sharedDemo()
        let app = AppDriver(store: store, member: try XCTUnwrap(try store.member("member-alasdair-kerr")),
                            size: Size(width: 120, height: 40), keyOverrides: overrides)
        app.press(.character("4"), .enter)
        XCTAssertTrue(app.screen.contains("n note"), "the footer shows the new key:\n\(app.screen)")
        app.press(.character("N"))
        XCTAssertFalse(app.screen.contains("Add a note"), "the old key does nothing now")
        app.press(.function(2))
        guard case .palette(let palette)? = app.state.overlay else { return XCTFail("F2 opens the palette") }
        XCTAssertEqual(palette.entries.first { $0.command == .addNote }?.keyNames, "n", "the palette shows it too")
        app.press(.escape, .character("?"))
        XCTAssertTrue(app.screen.contains("F2"), "help shows it too:\n\(app.screen)")
        app.press(.escape, .character("n"))
        XCTAssertTrue(app.screen.contains("Add a note"), app.screen)
        let table = overrides.apply(CaseScreen.bindings)
        XCTAssertEqual(table.first { $0.command == .addNote }?.keys, [.character("n")])
        XCTAssertNil(table.first { $0.keys.contains(.character("N")) }, "N is free")
        XCTAssertEqual(overrides.apply(GlobalBindings.table).first { $0.command == .palette }?.keys, [.function(2)])
    }

    func testAClashAnUnknownCommandOrKeyIsRefusedWhole() {
        func problem(_ pairs: [String: String]) -> String? {
            do {
                _ = try KeyOverrides(pairs)
                return nil
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(problem(["note": "r"]), "keys.note: r is already bound on a case (to refer)")
        XCTAssertEqual(problem(["note": "q"]).map { $0.hasPrefix("keys.note: q is already bound on") }, true)
        XCTAssertEqual(problem(["notes": "n"]).map { $0.hasPrefix("keys: there is no command 'notes'; the commands are") }, true)
        XCTAssertEqual(problem(["note": "Hyper-N"]).map { $0.hasPrefix("keys.note: 'Hyper-N' is not a key") }, true)
        XCTAssertNil(problem(["note": "n", "refer": "N"]), "two commands may swap keys")
    }
}
