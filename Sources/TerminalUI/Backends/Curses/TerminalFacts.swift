import CNcurses
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What `thistle doctor` reports of the terminal, read without starting
/// curses or drawing anything.
public enum TerminalFacts {
    /// The colours terminfo gives `term` (nil when it names none).
    public static func colours(term: String) -> Int? {
        guard !term.isEmpty else { return nil }
        let count = thistle_terminfo_colors(term, 1)
        return count > 0 ? Int(count) : nil
    }

    /// Whether the locale the environment names speaks UTF-8 (else the
    /// workspace draws ASCII borders and symbols).
    public static func localeSpeaksUTF8() -> Bool {
        _ = setlocale(LC_ALL, "")
        let codeset = thistle_codeset().map { String(cString: $0) } ?? ""
        return codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }

    /// The window's size, when standard output is a terminal.
    public static func windowSize() -> Size? {
        var window = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else { return nil }
        return Size(width: Int(window.ws_col), height: Int(window.ws_row))
    }
}
