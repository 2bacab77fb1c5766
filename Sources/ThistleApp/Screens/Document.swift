import Foundation
import TerminalUI

// Screens taller than the terminal (a case, a place's board, a priority, an
// indicator) are drawn whole into a canvas of their own height, then shown
// a window at a time. These are the pieces they share.

/// Lines of text for a tab taller than the screen, drawn into a canvas of
/// their own height and shown a window at a time.
struct Lines {
    private(set) var items: [(text: String, style: Style)] = []

    mutating func add(_ text: String, _ style: Style = .plain) { items.append((text, style)) }

    /// A section heading, after a blank line unless it is the first.
    mutating func heading(_ text: String) {
        if !items.isEmpty { add("") }
        add(" " + text, .bold)
    }

    /// Text wrapped to the width, indented.
    mutating func wrapped(_ text: String, width: Int, indent: Int = 3, _ style: Style = .plain) {
        for line in wrap(text, toWidth: max(10, width - indent - 1)) {
            add(String(repeating: " ", count: indent) + line, style)
        }
    }

    func canvas(width: Int) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: items.count))
        for (row, item) in items.enumerated() { canvas.put(item.text, at: 0, row, style: item.style, maxWidth: width) }
        return canvas
    }
}

/// Cells padded or cut to their widths, joined by a space.
func columns(_ cells: [(String, Int)]) -> String {
    cells.map { text, width in
        let cut = truncate(text, toWidth: width)
        return cut + String(repeating: " ", count: max(0, width - displayWidth(of: cut)))
    }.joined(separator: " ")
}

/// A figure as the board shows it: whole numbers grouped, others to one place.
func figure(_ value: Double?) -> String {
    guard let value else { return "–" }
    if value == value.rounded(), abs(value) < 1e12 { return Int(value).formatted(.number.locale(Locale(identifier: "en_GB"))) }
    return String(format: "%.1f", value)
}

/// Shows a window of a tall document from `scroll`, with where it is (at
/// the right of `positionRow`, else of the window's first row) when it does not fit.
func drawScrolled(_ document: Canvas, scroll: Int, into canvas: inout Canvas, _ rect: Rect, positionRow: Rect? = nil) {
    let top = ScrollBindings.clamp(scroll, contentHeight: document.size.height, bodyHeight: rect.height)
    canvas.paste(document, fromRow: top, into: rect)
    if document.size.height > rect.height, rect.height > 0 {
        let row = positionRow ?? rect
        let position = " \(top + 1)–\(min(document.size.height, top + rect.height)) of \(document.size.height) "
        canvas.put(position, at: row.maxX - displayWidth(of: position), row.y, style: .dim)
    }
}
