import TerminalUI
import XCTest

final class KeyNameTests: XCTestCase {
    func testKeysAreNamedAsHelpAndFooterShowThem() {
        let names: [(Key, String)] = [
            (.up, "↑"), (.down, "↓"), (.left, "←"), (.right, "→"),
            (.pageUp, "PgUp"), (.pageDown, "PgDn"), (.home, "Home"), (.end, "End"),
            (.enter, "Enter"), (.escape, "Esc"), (.tab, "Tab"), (.backTab, "Shift-Tab"),
            (.backspace, "Backspace"), (.delete, "Del"), (.insert, "Ins"),
            (.ctrl("p"), "Ctrl-P"), (.function(1), "F1"), (.function(12), "F12"),
            (.character("q"), "q"), (.character("?"), "?"), (.character(" "), "Space"), (.character("北"), "北"),
        ]
        for (key, name) in names { XCTAssertEqual(key.displayName, name) }
    }
}
