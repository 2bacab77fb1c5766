import TerminalUI
import XCTest

final class CursesKeyDecoderTests: XCTestCase {
    private let codes = CursesKeyCodes.ncurses
    private lazy var decoder = CursesKeyDecoder(codes: codes)

    private func code(_ value: Int32) -> InputEvent? {
        decoder.decode(status: codes.codeYes, value: UInt32(value))
    }

    private func char(_ value: UInt32) -> InputEvent? {
        decoder.decode(status: codes.ok, value: value)
    }

    func testTheCodesAreNcursesOwn() {
        // Spot checks against curses.h, so a broken shim is caught here and not at a keyboard.
        XCTAssertEqual(codes.ok, 0)
        XCTAssertEqual(codes.codeYes, 0o400)
        XCTAssertEqual(codes.up, 0o403)
        XCTAssertEqual(codes.resize, 0o632)
        XCTAssertEqual(codes.f0, 0o410)
    }

    func testArrowAndPagingKeys() {
        XCTAssertEqual(code(codes.up), .key(.up))
        XCTAssertEqual(code(codes.down), .key(.down))
        XCTAssertEqual(code(codes.left), .key(.left))
        XCTAssertEqual(code(codes.right), .key(.right))
        XCTAssertEqual(code(codes.pageUp), .key(.pageUp))
        XCTAssertEqual(code(codes.pageDown), .key(.pageDown))
        XCTAssertEqual(code(codes.home), .key(.home))
        XCTAssertEqual(code(codes.end), .key(.end))
    }

    func testKeypadCornersAndFindSelectActAsHomeEndAndPaging() {
        XCTAssertEqual(code(codes.a1), .key(.home))
        XCTAssertEqual(code(codes.c1), .key(.end))
        XCTAssertEqual(code(codes.a3), .key(.pageUp))
        XCTAssertEqual(code(codes.c3), .key(.pageDown))
        XCTAssertEqual(code(codes.find), .key(.home))
        XCTAssertEqual(code(codes.select), .key(.end))
    }

    func testEditingKeys() {
        XCTAssertEqual(code(codes.backspace), .key(.backspace))
        XCTAssertEqual(code(codes.delete), .key(.delete))
        XCTAssertEqual(code(codes.insert), .key(.insert))
        XCTAssertEqual(code(codes.enter), .key(.enter))
        XCTAssertEqual(code(codes.backTab), .key(.backTab))
    }

    func testFunctionKeysOneToTwelve() {
        for number in 1...12 { XCTAssertEqual(code(codes.f0 + Int32(number)), .key(.function(number))) }
        XCTAssertNil(code(codes.f0 + 13), "shifted F keys are not used")
        XCTAssertNil(code(codes.f0))
    }

    func testResizeIsAnEventNotAKey() {
        XCTAssertEqual(code(codes.resize), .resize)
    }

    func testControlCharactersBecomeNamedKeys() {
        XCTAssertEqual(char(0x0D), .key(.enter))
        XCTAssertEqual(char(0x0A), .key(.enter))
        XCTAssertEqual(char(0x09), .key(.tab))
        XCTAssertEqual(char(0x7F), .key(.backspace))
        XCTAssertEqual(char(0x08), .key(.backspace))
        XCTAssertEqual(char(0x1B), .key(.escape))
        XCTAssertEqual(char(0x01), .key(.ctrl("a")))
        XCTAssertEqual(char(0x03), .key(.ctrl("c")))
        XCTAssertEqual(char(0x10), .key(.ctrl("p")))
        XCTAssertEqual(char(0x17), .key(.ctrl("w")))
        XCTAssertEqual(char(0x1A), .key(.ctrl("z")))
        XCTAssertNil(char(0x00))
        XCTAssertNil(char(0x1C))
        XCTAssertNil(char(0x9B), "C1 controls are never text")
    }

    func testPrintableCharactersAreText() {
        XCTAssertEqual(char(0x71), .key(.character("q")))
        XCTAssertEqual(char(0x20), .key(.character(" ")))
        XCTAssertEqual(char(0x3F), .key(.character("?")))
        XCTAssertEqual(char(0x5317), .key(.character("北")))
        XCTAssertEqual(char(0x1F44D), .key(.character("👍")))
        XCTAssertEqual(char(0xE9), .key(.character("é")))
        XCTAssertNil(char(0xD800), "a lone surrogate is not a character")
    }

    func testErrorsAndUnknownCodesAreIgnored() {
        XCTAssertNil(decoder.decode(status: -1, value: 0x71))
        XCTAssertNil(code(0o777))
    }

    func testDecoderWorksWithAnyCodeTable() {
        var custom = codes
        custom.up = 9000
        let decoder = CursesKeyDecoder(codes: custom)
        XCTAssertEqual(decoder.decode(status: custom.codeYes, value: 9000), .key(.up))
    }
}
