import PlaceDomain
import XCTest

final class PlainTextTests: XCTestCase {
    /// The check by value is Unicode's own list of control characters, for every scalar there is.
    func testControlCharactersAreExactlyUnicodesGeneralCategoryCc() {
        var controls = 0
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isCc = scalar.properties.generalCategory == .control
            if PlainText.isControl(scalar) != isCc { disagreements.append("U+" + String(value, radix: 16, uppercase: true)) }
            if isCc { controls += 1 }
        }
        XCTAssertEqual(disagreements, [])
        XCTAssertEqual(controls, 65)
    }

    func testTabsAndNewLinesAreKeptAndOtherControlsAreFound() {
        XCTAssertNil(PlainText.firstControl(in: "Two lines\n\tand a tab, café, 日本, 🌱"))
        XCTAssertEqual(PlainText.firstControl(in: "bell\u{07} then escape\u{1B}[31m"), "\u{07}")
        XCTAssertEqual(PlainText.firstControl(in: "carriage\rreturn"), "\r")
        XCTAssertEqual(PlainText.firstControl(in: "delete\u{7F}"), "\u{7F}")
        XCTAssertEqual(PlainText.firstControl(in: "C1 control\u{9B}31m"), "\u{9B}")
        // Format characters (a right-to-left override, a zero-width joiner) are not controls.
        XCTAssertNil(PlainText.firstControl(in: "\u{202E}abc\u{200D}"))
    }
}
