import TerminalUI
import XCTest

final class TooSmallNoticeTests: XCTestCase {
    private let needed = Size(width: 80, height: 24)

    private func notice(_ size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        canvas.put("old screen contents", at: 0, 0)
        TooSmallNotice.draw(into: &canvas, needed: needed, actual: size)
        return canvas
    }

    func testNoticeNamesBothSizesCentred() {
        let text = notice(Size(width: 60, height: 20)).text()
        XCTAssertTrue(text.contains("Terminal too small: need 80×24, have 60×20."), text)
        XCTAssertTrue(text.contains("Enlarge the"), text)
        XCTAssertFalse(text.contains("old screen"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 20)
        let row = lines.firstIndex { $0.contains("Terminal") }!
        XCTAssertTrue((8...10).contains(row), "vertically centred, got row \(row)")
        XCTAssertTrue(lines[row].hasPrefix("  "), "horizontally centred")
    }

    func testNoticeWrapsOnASmallScreen() {
        let text = notice(Size(width: 20, height: 5)).text()
        XCTAssertTrue(text.contains("80×24"), text)
        XCTAssertTrue(text.contains("20×5"), text)
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(displayWidth(of: line), 20) }
    }

    func testNoticeShortensToWhatFits() {
        XCTAssertEqual(notice(Size(width: 12, height: 1)).text(), " need 80×24")
        XCTAssertEqual(notice(Size(width: 5, height: 1)).text(), "80×24")
        XCTAssertEqual(notice(Size(width: 3, height: 1)).text(), "80…")
    }

    func testNoticeNeverCrashesOnTinyScreens() {
        XCTAssertEqual(notice(Size(width: 1, height: 1)).text(), "…")
        XCTAssertEqual(notice(Size(width: 0, height: 0)).text(), "")
        XCTAssertEqual(notice(Size(width: 0, height: 3)).text(), "\n\n")
        XCTAssertEqual(notice(Size(width: 2, height: 0)).text(), "")
        for width in 0...25 {
            for height in 0...6 {
                let canvas = notice(Size(width: width, height: height))
                XCTAssertEqual(canvas.size, Size(width: width, height: height))
            }
        }
    }
}
