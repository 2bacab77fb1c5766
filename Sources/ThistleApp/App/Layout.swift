import TerminalUI

/// Where the parts of the screen go: title, top-level tabs, the body, a
/// notice line and the footer.
enum Layout {
    /// Rows outside the body: title, tabs, notice, footer.
    static let chromeRows = 4

    static func split(_ size: Size) -> (title: Rect, tabs: Rect, body: Rect, notice: Rect, footer: Rect) {
        let (title, rest1) = Rect(size: size).sliceTop(1)
        let (tabs, rest2) = rest1.sliceTop(1)
        let (footer, rest3) = rest2.sliceBottom(1)
        let (notice, body) = rest3.sliceBottom(1)
        return (title, tabs, body, notice, footer)
    }
}
