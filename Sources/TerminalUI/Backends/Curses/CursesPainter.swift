import CNcurses

/// Writes canvas runs into a curses window: attributes, colour pairs made on
/// demand, and each grapheme as one `cchar_t` so combining marks and wide
/// characters land in the right cells.
final class CursesPainter {
    /// What colour the terminal gets.
    enum Palette {
        /// Attributes only: `NO_COLOR`, or a terminal without colours.
        case monochrome
        /// Colour pairs in a resolved `theme`; `defaultColors` when the terminal's own colours can be used (-1).
        case colors(defaultColors: Bool, theme: Theme)
    }

    private struct PairKey: Hashable {
        var foreground: Color?
        var background: Color?
    }

    private let palette: Palette
    /// Only ASCII reaches the terminal (a locale that is not UTF-8).
    private let asciiOnly: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int32 = 1

    init(palette: Palette, asciiOnly: Bool = false) {
        self.palette = palette
        self.asciiOnly = asciiOnly
    }

    /// Writes every run; errors from curses (such as the bottom-right cell,
    /// which it refuses to scroll past) are ignored, as nothing is lost.
    func paint(_ runs: [CanvasRun], in window: UnsafeMutablePointer<WINDOW>) {
        for run in runs {
            let attributes = self.attributes(run.style)
            let pair = self.pair(run.style)
            var x = run.x
            for grapheme in run.cells {
                let width = max(1, displayWidth(of: grapheme))
                for piece in asciiOnly ? Self.asciiPieces(grapheme, width: width) : Self.pieces(grapheme, width: width) {
                    write(piece, at: x, run.y, attributes: attributes, pair: pair, in: window)
                    x += piece.columns
                }
            }
        }
    }

    /// One cchar_t's content and the columns curses will give it.
    struct Piece: Equatable {
        var scalars: [Unicode.Scalar]
        var columns: Int
    }

    /// `grapheme` as cells whose C-library widths add up to `width`, the width
    /// the canvas gave it. Curses and the terminal measure with wcwidth, which
    /// disagrees with Unicode's emoji rules for some clusters; without this a
    /// disagreement would shift the rest of the row on screen.
    static func pieces(_ grapheme: String, width: Int) -> [Piece] {
        let scalars = Array(grapheme.unicodeScalars)
        guard let base = scalars.first else { return [Piece(scalars: [" "], columns: 1)] }
        let libraryWidth = Int(thistle_wcwidth(wchar_t(bitPattern: base.value)))
        let indicators = scalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }
        if indicators.count == 2, libraryWidth == 1, width == 2 {
            // A flag: each letter its own cell; a terminal that joins them draws the flag over both.
            return indicators.map { Piece(scalars: [$0], columns: 1) }
        }
        // Terminals disagree on joining ZWJ sequences; one that does not would
        // draw every part. The first emoji stands for the whole.
        var kept = Array(scalars.prefix { $0.value != 0x200D }.prefix(Int(CCHARW_MAX)))
        if libraryWidth == width {
            return [Piece(scalars: kept, columns: width)]
        }
        if libraryWidth == 1, width == 2 {
            // Emoji + U+FE0F: shown in text style, with a blank to keep the layout.
            kept.removeAll { $0.value == 0xFE0F }
            return [Piece(scalars: kept, columns: 1), Piece(scalars: [" "], columns: 1)]
        }
        // The C library does not know it (newer than its tables): a placeholder of the same width.
        return [Piece(scalars: ["\u{FFFD}"], columns: 1)]
            + Array(repeating: Piece(scalars: [" "], columns: 1), count: max(0, width - 1))
    }

    /// `grapheme` in ASCII, `width` columns wide: lines, arrows and marks by
    /// their nearest ASCII look-alike, letters without their accents, and
    /// anything else as `?` (padded to the width the layout gave it).
    static func asciiPieces(_ grapheme: String, width: Int) -> [Piece] {
        let scalars = Array(grapheme.unicodeScalars)
        let stand: Unicode.Scalar
        if scalars.count == 1, let only = scalars.first, only.isASCII {
            stand = only
        } else if let look = asciiLookAlikes[grapheme] {
            stand = look
        } else if let base = grapheme.decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII,
            base.properties.isAlphabetic
        {
            stand = base
        } else {
            stand = "?"
        }
        return [Piece(scalars: [stand], columns: 1)]
            + Array(repeating: Piece(scalars: [" "], columns: 1), count: max(0, width - 1))
    }

    private static let asciiLookAlikes: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [:]
        for (characters, stand) in [
            ("│┃║", "|"), ("─━═—–", "-"), ("┌┐└┘├┤┬┴┼╭╮╯╰", "+"), ("▾▼↓", "v"), ("▸▶→›»", ">"), ("◂◀←‹«", "<"),
            ("▴▲↑", "^"), ("·", "-"), ("•●∙", "*"), ("…", "~"), ("“”„″", "\""), ("‘’′", "'"), ("█▓■", "#"), ("▒░", ":"),
            ("✓✔", "+"), ("✗✘×", "x"), ("£", "#"), ("○◦", "o"), ("≤", "<"), ("≥", ">"), ("\u{00A0}", " "),
        ] as [(String, Unicode.Scalar)] {
            for character in characters { table[String(character)] = stand }
        }
        return table
    }()

    private func write(_ piece: Piece, at x: Int, _ y: Int, attributes: attr_t, pair: Int16,
                       in window: UnsafeMutablePointer<WINDOW>) {
        var characters = piece.scalars.map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var cell = cchar_t()
        guard setcchar(&cell, characters, attributes, pair, nil) != thistle_err() else { return }
        guard wmove(window, Int32(y), Int32(x)) != thistle_err() else { return }
        _ = wadd_wch(window, &cell)
    }

    private func attributes(_ style: Style) -> attr_t {
        var theme = Theme.colors8
        if case .colors(_, let chosen) = palette { theme = chosen }
        var attributes = thistle_a_normal()
        if style.bold || (theme == .highContrast && style.foreground != nil) { attributes |= thistle_a_bold() }
        if style.reverse { attributes |= thistle_a_reverse() }
        if style.underline { attributes |= thistle_a_underline() }
        if style.dim && theme.dims { attributes |= thistle_a_dim() }
        return attributes
    }

    /// The colour pair for the style's colours, made the first time it is
    /// needed; pair 0 (the default) once the terminal has no pairs left.
    private func pair(_ style: Style) -> Int16 {
        guard case .colors(let defaultColors, let theme) = palette else { return 0 }
        let key = PairKey(foreground: style.foreground, background: style.background)
        if key.foreground == nil, key.background == nil { return 0 }
        if let pair = pairs[key] { return pair }
        guard nextPair < min(Int32(thistle_color_pairs()), Int32(Int16.max)) else { return 0 }
        let pair = Int16(nextPair)
        nextPair += 1
        let foreground = key.foreground.map(theme.index) ?? (defaultColors ? -1 : 7)
        let background = key.background.map(theme.index) ?? (defaultColors ? -1 : 0)
        _ = init_pair(pair, foreground, background)
        pairs[key] = pair
        return pair
    }
}
