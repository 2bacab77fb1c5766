#if canImport(Glibc)
import Glibc
#endif
@testable import TerminalUI
import XCTest

/// How graphemes are handed to curses so that its column count (the C
/// library's wcwidth) always matches the canvas, whatever the emoji.
final class CursesPainterTests: XCTestCase {
    override func setUp() {
        super.setUp()
        // wcwidth answers -1 for everything non-ASCII in the C locale; the backend switches to UTF-8 too.
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }

    private func pieces(_ grapheme: String) -> [String] {
        CursesPainter.pieces(grapheme, width: displayWidth(of: grapheme)).map {
            String(String.UnicodeScalarView($0.scalars))
        }
    }

    func testPlainAndWideCharactersAreOneCell() {
        XCTAssertEqual(pieces("a"), ["a"])
        XCTAssertEqual(pieces("北"), ["北"])
        XCTAssertEqual(pieces("👍"), ["👍"])
        XCTAssertEqual(pieces("e\u{0301}"), ["e\u{0301}"], "combining marks ride with their letter")
    }

    func testFlagIsDrawnAsItsTwoLetters() {
        XCTAssertEqual(pieces("🇬🇧"), ["🇬", "🇧"])
    }

    func testEmojiWithPresentationSelectorKeepsItsTwoColumns() {
        XCTAssertEqual(pieces("❤️"), ["❤", " "])
    }

    func testZWJSequenceIsDrawnAsItsFirstEmoji() {
        XCTAssertEqual(pieces("👩‍👩‍👧"), ["👩"])
    }

    func testColumnsAlwaysAddUpToTheCanvasWidth() {
        for grapheme in ["a", "北", "👍", "🇬🇧", "❤️", "👩‍👩‍👧", "1️⃣", "\u{1FAE8}", "é"] {
            let width = displayWidth(of: grapheme)
            let columns = CursesPainter.pieces(grapheme, width: width).reduce(0) { $0 + $1.columns }
            XCTAssertEqual(columns, width, grapheme)
        }
    }

    /// In a locale that is not UTF-8 only ASCII is drawn, each grapheme in the columns the layout gave it.
    func testInASCIIEveryGraphemeBecomesItsLookAlikeInTheSameColumns() {
        func ascii(_ grapheme: String) -> String {
            CursesPainter.asciiPieces(grapheme, width: max(1, displayWidth(of: grapheme)))
                .map { String(String.UnicodeScalarView($0.scalars)) }.joined()
        }
        XCTAssertEqual(["│", "─", "┼", "▾", "▸", "·", "…", "↑", "←", "–", "“", "£"].map(ascii),
                       ["|", "-", "+", "v", ">", "-", "~", "^", "<", "-", "\"", "#"])
        XCTAssertEqual(["é", "Å", "ñ", "a", " "].map(ascii), ["e", "A", "n", "a", " "], "letters lose their accents")
        XCTAssertEqual(ascii("中"), "? ", "a wide character keeps its two columns")
        XCTAssertEqual(ascii("👩🏽‍⚕️"), "? ")
        XCTAssertEqual(ascii("م"), "?")
        for grapheme in ["│", "中", "👩🏽‍⚕️", "é", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"] {
            XCTAssertTrue(ascii(grapheme).unicodeScalars.allSatisfy(\.isASCII), grapheme)
        }
    }
}
